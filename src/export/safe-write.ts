/**
 * Writing a file the way evidence should be written: never over an existing file unless the
 * user said so, and atomically (a temporary file beside the target, moved into place at the
 * end), so a failed or interrupted write leaves either the old file or none, never half a file.
 * The SHA-256 and size are of the bytes that reached the disk (after gzip for .gz), so they
 * describe the file itself, not what was fed in. A failed write is a CannotWriteError in words
 * naming the target (never the temporary file); an existing regular file a FileExistsError.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { cannotWrite, CannotWriteError, pathKind, type PathKind } from './export-target.js';
import type { TemporaryFiles } from './temporary-files.js';

/** A regular file (or a dangling link) is in the way; a directory or a device is a CannotWriteError instead. */
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
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: { force: boolean; temporaries?: TemporaryFiles },
): Promise<WrittenFile> {
  await refuseExisting(path, options.force);
  // Random as well as per process: the explorer may run two exports to one folder at once.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Known to the process's owner before it exists: a signal mid-write removes it (see TemporaryFiles).
  options.temporaries?.add(temporary);
  // Failures of the events' side (a source that can no longer be read) are not write errors: they pass as they are.
  let sourceFailed = false;
  async function* watchedChunks(): AsyncGenerator<string | Uint8Array> {
    try {
      yield* chunks;
    } catch (error) {
      sourceFailed = true;
      throw error;
    }
  }
  try {
    const source = Readable.from(watchedChunks());
    const digest = digestingPassThrough();
    // `flush` syncs the data to disk before close: a receipt must not outlive the bytes it hashes.
    const sink = createWriteStream(temporary, { flags: 'wx', flush: true });
    if (path.endsWith('.gz')) await pipeline(source, createGzip({ level: 9 }), digest.stream, sink);
    else await pipeline(source, digest.stream, sink);
    await moveIntoPlace(temporary, path, options.force);
    return digest.result();
  } catch (error) {
    if (sourceFailed || error instanceof FileExistsError || error instanceof CannotWriteError) throw error;
    throw await cannotWrite(path, error, temporary);
  } finally {
    await rm(temporary, { force: true });
    options.temporaries?.delete(temporary);
  }
}

/** Only a regular file can be "already there": a directory or a device is never overwritten, --force or not. */
async function refuseExisting(path: string, force: boolean): Promise<void> {
  let kind: PathKind;
  try {
    kind = await pathKind(path);
  } catch (error) {
    throw await cannotWrite(path, error);
  }
  if (kind === 'directory') throw new CannotWriteError(path, 'it is a directory');
  if (kind === 'other') throw new CannotWriteError(path, 'it is not a regular file');
  if (kind === 'file' && !force) throw new FileExistsError(path);
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
    // Something appeared while we wrote: say what it is (a directory is not "already exists; pass --force").
    if (code === 'EEXIST') {
      await refuseExisting(path, false);
      throw new FileExistsError(path);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  await refuseExisting(path, false);
  await rename(temporary, path);
}
