/**
 * The persisted index: a finished load of regular files kept under `$XDG_CACHE_HOME/entra-audit`
 * (else `~/.cache/entra-audit`), so a second open of the same unchanged export reads its store
 * back instead of parsing it again. It holds log data: the folder is 0700 and each file 0600.
 * Files are written to a temporary name and renamed into place, so a reader sees a whole file or
 * none; a file that fails any check is removed and the inputs are read as if it were not there.
 * Each hit touches its file's modification time, and the least recently used go first when the
 * folder is over its size bound.
 */
import { chmod, mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { closeSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { SourceReport } from '../ingest/classify.js';
import type { LoadProblem } from '../model/loaded-event.js';
import type { Pane } from '../model/pane.js';
import { COLUMN_TYPES, STORE_COLUMNS, type ColumnName, type PackedStrings, type StoreColumns, type StoreSnapshot } from '../store/store-snapshot.js';
import { trace } from '../trace.js';
import { CACHE_PREFIX_BYTES, readCacheFile, readCacheHeader, writeCacheFile, type Section } from './cache-file.js';

/** 2 GB: a million generated events take ~0.25 GB, so the last several large exports stay. */
export const DEFAULT_CACHE_BYTES = 2 * 1024 ** 3;
const SUFFIX = '.cache';
/** A temporary file this old was left by a process that died mid-write. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const MAX_PEEK_BYTES = 16 * 1024 * 1024;

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the cache lives (the XDG base directory rules: a relative XDG_CACHE_HOME is ignored). */
export function defaultCacheDir(env: Env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache'), 'entra-audit');
}

export interface CacheOptions {
  dir: string;
  /** The folder's size bound; least recently used files are removed past it. */
  maxBytes: number;
  /** The package version: a file written by another build is never read. */
  version: string;
}

/** What the session keeps besides the store: reports, problems (the first ones kept) and repeats. */
export interface SessionRecord {
  /** The inputs as named when the file was written (the same files may be named otherwise now). */
  names: string[];
  reports: SourceReport[];
  problems: LoadProblem[];
  problemCount: number;
  duplicates: number;
  duplicatesBySource: Array<{ source: string; duplicates: number }>;
}

export interface CachedLoad {
  snapshot: StoreSnapshot;
  session: SessionRecord;
}

interface Meta {
  count: number;
  paneCounts: Record<Pane, number>;
  sources: string[];
  /** Strings the joined blob cannot carry (a NUL inside, a lone surrogate): by id, as JSON keeps them exactly. */
  oddStrings: Array<[number, string]>;
  session: SessionRecord;
  /** What `cache list` shows without reading the sections. */
  files: Array<{ path: string; size: number }>;
}

export interface CacheEntry {
  file: string;
  bytes: number;
  usedAt: number;
  /** Null when the file is not a readable cache file of this build. */
  events: number | null;
  inputs: string[];
  version: string | null;
}

const VOCABULARY = 'vocabulary';
const VOCABULARY_ENDS = 'vocabularyEnds';

/** The strings as one UTF-8 blob joined by NUL (decoded in one call), where each ends, and those it cannot carry. */
function encodeStrings(strings: readonly string[]): { blob: Uint8Array; ends: Uint32Array; odd: Array<[number, string]> } {
  const odd: Array<[number, string]> = [];
  const ends = new Uint32Array(strings.length);
  let at = -1;
  const plain = strings.map((value, id) => {
    const kept = value.includes('\0') || !isWellFormed(value) ? '' : value;
    if (kept !== value) odd.push([id, value]);
    at += 1 + kept.length;
    ends[id] = at;
    return kept;
  });
  return { blob: Buffer.from(plain.join('\0'), 'utf8'), ends, odd };
}

/** No lone surrogate, which UTF-8 cannot carry (Node 20 has the method; the ES2023 lib does not name it). */
const isWellFormed = (value: string): boolean => (value as unknown as { isWellFormed(): boolean }).isWellFormed();

function decodeStrings(blob: Uint8Array, ends: Uint32Array, count: number, odd: ReadonlyArray<[number, string]>): PackedStrings | null {
  if (ends.length !== count) return null;
  let text: string;
  try {
    text = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('utf8');
  } catch {
    return null; // longer than a string may be
  }
  if (ends[count - 1] !== text.length) return null;
  for (const [id, value] of odd) if (!Number.isInteger(id) || id <= 0 || id >= count || typeof value !== 'string') return null;
  return { text, ends, odd };
}

export class LoadCache {
  constructor(private readonly options: CacheOptions) {}

  get dir(): string {
    return this.options.dir;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  get version(): string {
    return this.options.version;
  }

  private fileOf(key: string): string {
    return join(this.options.dir, key + SUFFIX);
  }

  /** The cached load for this key, or null (none, or one that failed a check: it is removed). */
  async find(key: string): Promise<{ load: CachedLoad; bytes: number } | { miss: string }> {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { miss: 'no cache file' };
    }
    let read: CachedLoad | { reason: string };
    try {
      read = this.decode(bytes, key);
    } catch (error) {
      read = { reason: `its header is not as written: ${error instanceof Error ? error.message : String(error)}` };
    }
    if ('reason' in read) {
      await unlink(file).catch(() => {});
      return { miss: read.reason };
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    return { load: read, bytes: bytes.length };
  }

  private decode(bytes: Buffer, key: string): CachedLoad | { reason: string } {
    const read = readCacheFile<Meta>(bytes);
    if ('reason' in read) return read;
    const { header, sections } = read;
    if (header.version !== this.options.version) return { reason: `written by entra-audit ${header.version}` };
    if (header.key !== key) return { reason: 'written for other inputs' };
    const meta = header.meta;
    const blob = sections.get(VOCABULARY);
    // One flag per string (`searchable`): the blob must split into exactly that many.
    const count = sections.get('searchable')?.length ?? -1;
    const ends = sections.get(VOCABULARY_ENDS);
    const strings = blob instanceof Uint8Array && ends instanceof Uint32Array && Array.isArray(meta.oddStrings) ? decodeStrings(blob, ends, count, meta.oddStrings) : null;
    if (!strings) return { reason: 'its strings cannot be read' };
    const columns: Partial<StoreColumns> = {};
    for (const name of Object.keys(STORE_COLUMNS) as ColumnName[]) {
      const array = sections.get(name);
      if (!array || array.constructor !== COLUMN_TYPES[STORE_COLUMNS[name].type]) return { reason: `column ${name} is missing or of another type` };
      Object.assign(columns, { [name]: array });
    }
    return { snapshot: { count: meta.count, paneCounts: meta.paneCounts, sources: meta.sources, strings, columns: columns as StoreColumns }, session: meta.session };
  }

  /** Remove the file of a key whose contents did not fit together (the store refused them). */
  async forget(key: string): Promise<void> {
    await unlink(this.fileOf(key)).catch(() => {});
  }

  /** Write a finished load (atomically), then trim the folder to its bound. Returns the file's size, or why nothing was written. */
  async save(key: string, files: ReadonlyArray<{ path: string; size: number }>, load: CachedLoad): Promise<number | { skipped: string }> {
    const started = performance.now();
    const { snapshot } = load;
    const { blob, ends, odd } = encodeStrings(Array.isArray(snapshot.strings) ? snapshot.strings : []);
    const sections: Section[] = [...(Object.keys(STORE_COLUMNS) as ColumnName[]).map((name) => ({ name, array: snapshot.columns[name] })), { name: VOCABULARY, array: blob }, { name: VOCABULARY_ENDS, array: ends }];
    const estimate = sections.reduce((sum, s) => sum + s.array.byteLength, 0);
    if (estimate > this.options.maxBytes) return { skipped: `${estimate} bytes is over the cache's bound of ${this.options.maxBytes}` };
    // What blocks the main thread (the explorer's keys wait for it); the writes after are asynchronous.
    trace(`load: cache file encoded (${(performance.now() - started).toFixed(0)} ms on the main thread)`);
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
    await chmod(this.options.dir, 0o700).catch(() => {});
    const target = this.fileOf(key);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    const meta: Meta = { count: snapshot.count, paneCounts: snapshot.paneCounts, sources: snapshot.sources, oddStrings: odd, session: load.session, files: files.map(({ path, size }) => ({ path, size })) };
    const handle = await open(temporary, 'wx', 0o600);
    let size: number;
    try {
      size = await writeCacheFile(handle, { version: this.options.version, key, meta }, sections);
      await handle.close();
      await rename(temporary, target);
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(temporary).catch(() => {});
      throw error;
    }
    await this.trim(target);
    return size;
  }

  /** Remove the least recently used files until the folder is within its bound (never `keep`, just written). */
  async trim(keep?: string): Promise<void> {
    const entries = await this.files();
    let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    for (const entry of entries.sort((a, b) => a.usedAt - b.usedAt)) {
      if (total <= this.options.maxBytes) break;
      if (entry.path === keep) continue;
      await unlink(entry.path).catch(() => {});
      total -= entry.bytes;
    }
  }

  private async files(): Promise<Array<{ path: string; bytes: number; usedAt: number }>> {
    let names: string[];
    try {
      names = await readdir(this.options.dir);
    } catch {
      return [];
    }
    const found: Array<{ path: string; bytes: number; usedAt: number }> = [];
    for (const name of names) {
      const path = join(this.options.dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (name.endsWith('.tmp') && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => {});
      else if (name.endsWith(SUFFIX)) found.push({ path, bytes: info.size, usedAt: info.mtimeMs });
    }
    return found;
  }

  /** Every cache file, most recently used first, with what its header says it holds. */
  async list(): Promise<CacheEntry[]> {
    const entries = await this.files();
    return entries
      .sort((a, b) => b.usedAt - a.usedAt)
      .map(({ path, bytes, usedAt }) => {
        const head = peek(path);
        const read = head ? readCacheHeader<Meta>(head) : { reason: 'unreadable' };
        if ('reason' in read) return { file: path, bytes, usedAt, events: null, inputs: [], version: null };
        const meta = read.header.meta;
        return { file: path, bytes, usedAt, events: typeof meta.count === 'number' ? meta.count : null, inputs: Array.isArray(meta.files) ? meta.files.map((f) => String(f.path)) : [], version: String(read.header.version) };
      });
  }

  /** Remove every cache file (and temporary files left behind); returns how many files and bytes. */
  async clear(): Promise<{ files: number; bytes: number }> {
    let names: string[];
    try {
      names = await readdir(this.options.dir);
    } catch {
      return { files: 0, bytes: 0 };
    }
    let files = 0;
    let bytes = 0;
    for (const name of names) {
      if (!name.endsWith(SUFFIX) && !name.endsWith('.tmp')) continue;
      const path = join(this.options.dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      await unlink(path);
      files++;
      bytes += info.size;
    }
    return { files, bytes };
  }
}

/** A file's magic, header length and header (what `cache list` reads of it), or null. */
function peek(path: string): Buffer | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const start = Buffer.alloc(CACHE_PREFIX_BYTES);
      if (readSync(fd, start, 0, start.length, 0) < start.length) return null;
      const length = Math.min(start.readUInt32LE(8), MAX_PEEK_BYTES);
      const head = Buffer.alloc(CACHE_PREFIX_BYTES + length);
      return head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
