/**
 * Writing a file the way evidence should be written: never over an existing file unless the
 * user said so, and atomically (a temporary file beside the target, moved into place at the
 * end), so a failed or interrupted write leaves either the old file or none, never half a file.
 * The SHA-256 and size are of the bytes that reached the disk (after gzip for .gz), so they
 * describe the file itself, not what was fed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { link, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
  }
}

/** What was written: the final file's size and SHA-256 (hex). */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Counts and hashes the bytes passing through, unchanged. */
function digestingPassThrough(): { stream: Transform; result: () => WrittenFile } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/** Stream `chunks` into `path` (gzip-compressed when it ends in .gz). */
export async function writeFileAtomically(
  path: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  options: { force: boolean },
): Promise<WrittenFile> {
  if (!options.force && existsSync(path)) throw new FileExistsError(path);
  // Random as well as per process: the explorer may run two exports to one folder at once.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const source = Readable.from(chunks);
    const digest = digestingPassThrough();
    // `flush` syncs the data to disk before close: a receipt must not outlive the bytes it hashes.
    const sink = createWriteStream(temporary, { flags: 'wx', flush: true });
    if (path.endsWith('.gz')) await pipeline(source, createGzip({ level: 9 }), digest.stream, sink);
    else await pipeline(source, digest.stream, sink);
    await moveIntoPlace(temporary, path, options.force);
    return digest.result();
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Without --force the move must not replace a file that appeared while we wrote: a hard link
 * fails if the target exists, where rename would silently replace it. Filesystems without
 * hard links fall back to check-then-rename.
 */
async function moveIntoPlace(temporary: string, path: string, force: boolean): Promise<void> {
  if (force) return rename(temporary, path);
  try {
    await link(temporary, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  if (existsSync(path)) throw new FileExistsError(path);
  await rename(temporary, path);
}
