/**
 * The version `--version` prints: from our own package.json, found beside the running code
 * (dist/bundle/, dist/src/cli/ or src/cli/). yargs' own lookup starts from the working
 * directory, so run from anywhere but the project folder it printed "unknown".
 */
import { readFileSync } from 'node:fs';

const PACKAGE_NAME = 'entra-audit';

export function ownVersion(from: string = import.meta.url): string {
  let folder = new URL('.', from);
  for (let up = 0; up < 4; up++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', folder), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    folder = new URL('..', folder);
  }
  return 'unknown';
}
