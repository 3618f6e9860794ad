import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every CLI a test starts (runCli, spawn, tmux) inherits this, so no test reads or writes the
// persisted index in the real ~/.cache; test/cache-home.ts removes it when the run ends.
const cacheHome = mkdtempSync(join(tmpdir(), 'entra-audit-test-cache-'));
process.env.XDG_CACHE_HOME = cacheHome;

// Timeouts guard against hangs; they are not performance checks (those live in `npm run bench`).
// A CLI test starts Node and loads the bundled sample: on a shared 2-core machine, 5 s is too tight.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { XDG_CACHE_HOME: cacheHome },
    globalSetup: ['test/cache-home.ts'],
  },
});
