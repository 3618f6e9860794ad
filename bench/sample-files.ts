/** Generated benchmark inputs: `entra-audit sample` output, cached in the temp folder (never the repo). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/bundle/entra-audit.js');
const CACHE = join(tmpdir(), 'entra-audit-bench');

/** A file beside the generated inputs (derived inputs such as the peers' flattened lines). */
export function cachedPath(name: string): string {
  mkdirSync(CACHE, { recursive: true });
  return join(CACHE, name);
}

export function sampleFile(events: number): string {
  const path = cachedPath(`sample-${events}.jsonl`);
  if (!existsSync(path)) {
    console.log(`  generating ${path} …`);
    execFileSync(process.execPath, [CLI, 'sample', '--events', String(events), '--out', path], { stdio: 'inherit' });
  }
  return path;
}
