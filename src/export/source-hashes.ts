/**
 * SHA-256 of the files an export was made from, so a receipt ties the export to its evidence.
 * Each file is streamed from disk (sources can be many GB). Hashes are cached per path, size and
 * modification time: a second export from the explorer does not re-read a 1 GB file, and a file
 * that changed is hashed again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stampChange, STDIN_NAME, type SourceStamp } from '../model/sources.js';
import { describeFsError } from '../text/fs-error.js';


export interface SourceHash {
  path: string;
  /** Null when there is no file to hash (standard input) or it could not be read; `note` says why. */
  sha256: string | null;
  note?: string;
  /**
   * Against the file as it was loaded: null when unchanged (size, modification time, inode),
   * else how it changed; absent when there is nothing to compare (stdin, events built in memory).
   */
  changedSinceLoad?: string | null;
}

interface CachedHash {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Hashes sources, remembering each file's hash per path, size and modification time for as long
 * as the hasher lives (the explorer keeps one for its run; a one-shot export needs none).
 */
export class SourceHasher {
  private readonly cache = new Map<string, CachedHash>();

  /** `loaded`: the file as the load found it, to say whether it changed since. */
  async hash(path: string, loaded?: SourceStamp): Promise<SourceHash> {
    if (path === STDIN_NAME) return { path, sha256: null, note: 'standard input is not a file: nothing to hash' };
    try {
      const key = resolve(path);
      const before = await stat(path);
      // A pipe (`<(cat x)`, a FIFO) was read once while loading: reading it again would wait forever.
      if (!before.isFile()) return { path, sha256: null, note: 'not a regular file (a pipe or a device): nothing to hash; hash what you fed it yourself' };
      const since = loaded ? { changedSinceLoad: stampChange(loaded, { size: before.size, mtimeMs: before.mtimeMs, ino: before.ino }) } : {};
      const cached = this.cache.get(key);
      if (cached && cached.size === before.size && cached.mtimeMs === before.mtimeMs) return { path, sha256: cached.sha256, ...since };
      const sha256 = await sha256OfFile(path);
      this.cache.set(key, { size: before.size, mtimeMs: before.mtimeMs, sha256 });
      return { path, sha256, ...since };
    } catch (error) {
      return { path, sha256: null, note: `could not be read: ${describeFsError(error)}`, ...(loaded ? { changedSinceLoad: 'it can no longer be read' } : {}) };
    }
  }

  /** One after the other: sources often share a disk, and reading them at once only thrashes it. */
  async hashAll(paths: readonly string[], loaded: (path: string) => SourceStamp | undefined = () => undefined): Promise<SourceHash[]> {
    const hashes: SourceHash[] = [];
    for (const path of new Set(paths)) hashes.push(await this.hash(path, loaded(path)));
    return hashes;
  }
}
