/**
 * A load session and the persisted index (load-cache.ts): read a finished load back into an
 * empty store, or write one once it is done. The same files may be named otherwise this time
 * (`x.json` here, `/tmp/x.json` from elsewhere: the key is by absolute path), so what a cached
 * load names by its inputs (sources, problems, reports) is renamed to this run's names.
 */
import type { SourceReport } from '../ingest/classify.js';
import type { InputSpec } from '../ingest/inputs.js';
import type { LoadProblem } from '../model/loaded-event.js';
import type { EventStore } from '../store/event-store.js';
import { trace } from '../trace.js';
import { cacheKeyFor, type CacheKey } from './cache-key.js';
import type { LoadCache, SessionRecord } from './load-cache.js';

/** What a session answers from, after a hit, instead of its units and merge. */
export interface RestoredSession {
  record: SessionRecord;
  /** The cache file's size. */
  bytes: number;
  ms: number;
}

/**
 * Fill `store` from the cache, or null (no file, a file that failed a check, or names that do not
 * line up): the session then loads as usual. The store is untouched unless this succeeds.
 */
export async function restoreFromCache(cache: LoadCache, key: CacheKey, store: EventStore, names: readonly string[]): Promise<RestoredSession | null> {
  const started = performance.now();
  const found = await cache.find(key.key);
  if ('miss' in found) {
    trace(`load: cache miss (${found.miss})`);
    return null;
  }
  const { snapshot, session } = found.load;
  // The record first, the store last: a header whose parts are not what they should be leaves the
  // store empty (the load then runs as if there were no file), never half-filled.
  let record: SessionRecord;
  try {
    if (session.names.length !== names.length || !Number.isInteger(session.problemCount) || !Number.isInteger(session.duplicates)) throw new Error('the inputs or counts do not line up');
    const renamed = new Map(session.names.map((old, k) => [old, names[k]]));
    const name = (source: string) => renamed.get(source) ?? source;
    record = {
      names: [...names],
      reports: session.reports.map((report) => ({ ...report, source: name(report.source), formats: [...report.formats] })),
      problems: session.problems.map((problem) => ({ ...problem, source: name(problem.source) })),
      problemCount: session.problemCount,
      duplicates: session.duplicates,
      duplicatesBySource: session.duplicatesBySource.map((entry) => ({ ...entry, source: name(entry.source) })),
    };
    store.restore({ ...snapshot, sources: snapshot.sources.map(name) });
  } catch (error) {
    trace(`load: cache file refused (${error instanceof Error ? error.message : String(error)})`);
    await cache.forget(key.key);
    return null;
  }
  const ms = performance.now() - started;
  trace(`load: from cache (${store.count} events, ${found.bytes} bytes, ${ms.toFixed(0)} ms)`);
  return { record, bytes: found.bytes, ms };
}

export interface FinishedLoad {
  readonly store: EventStore;
  readonly errors: readonly string[];
  readonly problems: readonly LoadProblem[];
  readonly problemCount: number;
  readonly duplicates: number;
  sourceNames(): string[];
  reports(): SourceReport[];
  duplicatesBySource(): Array<{ source: string; duplicates: number }>;
}

/** What the persisted index keeps of a session besides the store. */
const recordOf = (load: FinishedLoad): SessionRecord => ({
  names: load.sourceNames(),
  reports: load.reports(),
  problems: [...load.problems],
  problemCount: load.problemCount,
  duplicates: load.duplicates,
  duplicatesBySource: load.duplicatesBySource(),
});

/**
 * Write a finished load, unless it is not worth keeping or not safe to: an input refused or
 * unreadable (the next run should try again), nothing loaded, or a file that changed while it
 * was read (its key now would not be the key of what was loaded). Never throws: a cache that
 * cannot be written (a full disk, a read-only home) only costs the next run its speed.
 */
export async function saveToCache(cache: LoadCache, key: CacheKey, inputs: readonly InputSpec[], maxRecordBytes: number | undefined, load: FinishedLoad): Promise<void> {
  if (load.errors.length > 0 || load.store.count === 0) return;
  try {
    const started = performance.now();
    const now = cacheKeyFor(inputs, { version: cache.version, maxRecordBytes });
    if (now?.key !== key.key) {
      trace('load: not cached (an input changed while it was read)');
      return;
    }
    const saved = await cache.save(key.key, key.files, { snapshot: load.store.snapshot(), session: recordOf(load) });
    if (typeof saved === 'number') trace(`load: cached (${saved} bytes, ${(performance.now() - started).toFixed(0)} ms)`);
    else trace(`load: not cached (${saved.skipped})`);
  } catch (error) {
    trace(`load: not cached (${error instanceof Error ? error.message : String(error)})`);
  }
}
