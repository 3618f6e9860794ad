import { defineConfig } from 'vitest/config';

// Timeouts guard against hangs; they are not performance checks (those live in `npm run bench`).
// A CLI test starts Node and loads the bundled sample: on a shared 2-core machine, 5 s is too tight.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
