// Bundles the compiled CLI and its parse worker into dist/bundle. Start-up time is a feature here:
// loading Ink and its dependencies as hundreds of separate files took ~0.4 s before the first
// frame; one bundle loads in ~0.1 s. Code split, so `query` never loads React or Ink.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

// Chunk names carry content hashes: clear out the previous build's.
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    'entra-audit': 'dist/src/cli/main.js',
    'load-worker': 'dist/src/load/load-worker.js',
    'print-worker': 'dist/src/cli/print-worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20's V8 has the RegExp v flag: kept as literals, string-width's Unicode-set patterns are
  // parsed when first used, not by `new RegExp` at start-up (the RGI_Emoji set alone took ~20 ms).
  supported: { 'regexp-set-notation': true },
  // React checks NODE_ENV on every render in development; the bundle is what users run.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports its devtools bridge statically but only uses it in development.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __entraAuditCreateRequire } from 'node:module'; const require = __entraAuditCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller code parses faster: the explorer's chunk is most of a cold start.
  minify: true,
});
chmodSync(new URL('../dist/bundle/entra-audit.js', import.meta.url), 0o755);
