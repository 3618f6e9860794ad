/**
 * Writing a file the way evidence should be written: never over an existing file unless the
 * user said so, and atomically (a temporary file beside the target, renamed at the end), so a
 * failed or interrupted write leaves either the old file or none, never half a file.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
  }
}

/** Stream `chunks` into `path` (gzip-compressed when it ends in .gz). */
export async function writeFileAtomically(
  path: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  options: { force: boolean },
): Promise<void> {
  if (!options.force && existsSync(path)) throw new FileExistsError(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const source = Readable.from(chunks);
    const sink = createWriteStream(temporary, { flags: 'wx' });
    if (path.endsWith('.gz')) await pipeline(source, createGzip({ level: 9 }), sink);
    else await pipeline(source, sink);
    if (!options.force && existsSync(path)) throw new FileExistsError(path);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
