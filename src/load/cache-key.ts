/**
 * What a persisted index is keyed by: for every input, in order, its absolute path, size,
 * modification time and a SHA-256 of its first and last 64 KB, plus the cache layout, the
 * package version and the settings that change what a load keeps (--max-record-mb). Only regular
 * files have a key: standard input, a pipe, a FIFO or a live source is never cached.
 *
 * Size and time catch an append or a rewrite; the head and tail catch an edit that keeps both
 * (a copy with `cp -p`, a `touch -d` back). A change in the middle of a file that keeps its size,
 * its time and both ends is the one change this misses (`--no-cache` reads the file again).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputSpec } from '../ingest/inputs.js';
import { CACHE_FORMAT } from './cache-file.js';

const END_BYTES = 64 * 1024;

export interface KeyedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface CacheKey {
  key: string;
  files: KeyedFile[];
}

function endsHash(fd: number, size: number): string {
  const hash = createHash('sha256');
  const head = Buffer.alloc(Math.min(END_BYTES, size));
  hash.update(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  if (size > END_BYTES) {
    const tail = Buffer.alloc(Math.min(END_BYTES, size - END_BYTES));
    hash.update(tail.subarray(0, readSync(fd, tail, 0, tail.length, size - tail.length)));
  }
  return hash.digest('hex');
}

/** The key of a load of these inputs, or null when one of them is not a regular file (or cannot be read). */
export function cacheKeyFor(inputs: readonly InputSpec[], settings: { version: string; maxRecordBytes?: number }): CacheKey | null {
  if (inputs.length === 0) return null;
  const files: KeyedFile[] = [];
  const parts: unknown[] = [CACHE_FORMAT, settings.version, settings.maxRecordBytes ?? null];
  for (const input of inputs) {
    if (input.kind !== 'file') return null;
    let fd: number;
    try {
      // Stat first: opening a FIFO would wait for a writer.
      if (!statSync(input.path).isFile()) return null;
      fd = openSync(input.path, 'r');
    } catch {
      return null;
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return null;
      const path = resolve(input.path);
      files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
      parts.push([path, stats.size, stats.mtimeMs, endsHash(fd, stats.size)]);
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }
  return { key: createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40), files };
}
