import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this file: the same code runs from `src/` (tests)
 * and from `dist/src/` (the built bin), at different depths.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('entra-audit: cannot find the package root');
    dir = parent;
  }
  return dir;
}

export const bundledSamplePath = (): string => join(packageRoot(), 'data', 'sample-tenant.jsonl.gz');

/** A file in the package's data/ folder (the sample, the questions, the sensitive-operation rules). */
export const dataFilePath = (name: string): string => join(packageRoot(), 'data', name);
