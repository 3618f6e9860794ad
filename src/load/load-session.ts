/**
 * Loading on the main thread's behalf: plans the work, runs it in worker threads (in-process when
 * workers are not available, e.g. under the test runner, or for stdin, which only the main thread
 * can read), and folds the batches into the event store in input order, dropping records loaded
 * before (ordered-merge.ts). Views watch `onChange` and `progress()` and stay interactive throughout.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { LoadProblem } from '../model/loaded-event.js';
import type { LoadProgress } from '../model/load-progress.js';
import type { EventBatch } from '../store/event-batch.js';
import { EventStore } from '../store/event-store.js';
import { LoaderVocabulary } from '../store/loader-vocabulary.js';
import type { SourceReport } from '../ingest/classify.js';
import { EMPTY_CATALOG, type Catalog } from '../insights/catalog.js';
import { StoreIndexes } from '../insights/store-indexes.js';
import { inputName, type InputSpec } from '../ingest/inputs.js';
import type { RecordFeed } from '../ingest/record-feed.js';
import { FileRecordReader } from './record-reader.js';
import { runUnit, type LoadUnit, type UnitResult } from './load-unit.js';
import type { ElementsUnit } from './elements-unit.js';
import { runInWorkers, runsInProcess } from './worker-pool.js';
import { OrderedMerge } from './ordered-merge.js';
import { mergeReports } from './merge-reports.js';
import { CapacityEstimate } from './capacity-estimate.js';
import { planUnits, statInputs, type PlanOptions } from './plan-units.js';
import { trace } from '../trace.js';
import { BackgroundSteps } from './background-steps.js';
import { cacheKeyFor, type CacheKey } from './cache-key.js';
import type { LoadCache } from './load-cache.js';
import type { LinePrefilterSpec } from './line-prefilter.js';
import { restoreFromCache, saveToCache, type RestoredSession } from './session-cache.js';
import { isFilePart, settleParts } from './split-parts.js';
import { DEFAULT_MAX_RECORD_CHARS } from '../ingest/record-cap.js';
import { ArrayCutter } from './array-cutter.js';

interface UnitState {
  unit: LoadUnit;
  vocabulary: LoaderVocabulary;
  bytesRead: number;
  spans: Array<[number, number]>;
  problems: LoadProblem[];
  result: UnitResult | null;
  /** Its records dropped as repeats of one loaded before (same kind and id). */
  duplicates: number;
}

const PROBLEMS_KEPT = 1000;
/** Restored strings mapped per step: ~25 ms on the shared machine. */
const VOCABULARY_STEP = 20_000;
const WORKER_SCRIPT = new URL('./load-worker.js', import.meta.url);

export interface LoadOptions {
  /** Worker threads to parse with; 0 loads in-process. Default: one per core, at most 4. */
  workers?: number;
  /**
   * Hold the workers back until this settles. The explorer passes "first frame drawn": on a
   * two-core machine, workers starting up would otherwise slow the first frame by hundreds of ms.
   */
  startWorkersAfter?: Promise<unknown>;
  /** How files are cut into units (tests make small files split). */
  plan?: PlanOptions;
  /** The questions and sensitive-operation rules the store's indexes use (none by default). */
  catalog?: Catalog;
  /**
   * Prepare the indexes once the load is done, in small steps between keys (the explorer: its
   * first `/`, `r`, `f` or `:` then answers at once). A one-shot command would only wait for it.
   */
  warmIndexes?: boolean;
  /** A record larger than this is skipped as a problem, whatever path reads it (--max-record-mb). */
  maxRecordBytes?: number;
  /**
   * The persisted index (issue 15): a load of regular files only is read back from it when every
   * file is unchanged, and written to it once done. None by default (tests, benchmarks); the CLI
   * passes one unless --no-cache or the config's `cache.enabled: false`.
   */
  cache?: LoadCache;
  /**
   * A one-shot filtered command's text pre-filter (query/text-prefilter.ts): big JSON Lines files
   * parse only the lines it finds. The store then holds only what can match, so it is never
   * written to the persisted index (reading a whole store back from it is still right).
   */
  prefilter?: LinePrefilterSpec;
}

export class LoadSession {
  /** Re-reads records from their files for the store; closed with the session. */
  private readonly reader = new FileRecordReader();
  readonly store = new EventStore(this.reader.read);
  /** What every view of the store reuses (query index, rules, question counts), owned here. */
  readonly indexes: StoreIndexes;
  private readonly steps = new BackgroundSteps();
  private closed = false;
  readonly problems: LoadProblem[] = [];
  problemCount = 0;
  readonly errors: string[] = [];
  readonly done: Promise<void>;
  private readonly units: UnitState[];
  private readonly merge: OrderedMerge<UnitState>;
  /** The inputs as named in reports, receipts and copied commands, from the start (not as each finishes). */
  private readonly names: string[];
  private readonly readsStdin: boolean;
  private readonly bytesTotal: number | null;
  private readonly capacity: CapacityEstimate | null;
  private readonly startedAt = Date.now();
  private finishedAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  /** Stops live sources (a workspace's queries) when the session closes. */
  private readonly stopFeeds = new AbortController();
  private readonly feeds: RecordFeed[];
  private readonly workers: Worker[] = [];
  private readonly cutters = new Map<LoadUnit, ArrayCutter>();
  /** Split files whose parts were settled together: once only, though each part's release asks. */
  private readonly linesFixed = new Set<string>();
  /** Set when the store was read back from the persisted index: reports and repeats come from it. */
  private restored: RestoredSession | null = null;
  /** Settles once a finished load is written to the persisted index (or was not to be). */
  cacheWritten: Promise<void> = Promise.resolve();

  constructor(inputs: readonly InputSpec[], options: LoadOptions = {}) {
    this.indexes = new StoreIndexes(this.store, options.catalog ?? EMPTY_CATALOG);
    this.indexes.unusual.hold();
    // The table's `?` markers of a large store appear once the warm-up has measured it.
    this.indexes.unusual.onWarmed(() => this.notify());
    const workerCount = options.workers ?? Math.min(4, availableParallelism());
    // In-process loading still plans parts (as if for this many workers), so both paths are the same.
    const planned = options.workers === 0 ? 2 : workerCount;
    const cap = options.maxRecordBytes;
    this.units = planUnits(inputs, Math.max(1, planned), { ...options.plan, prefilter: options.prefilter }).map((unit) => ({
      unit: cap === undefined ? unit : { ...unit, maxRecordBytes: cap },
      vocabulary: new LoaderVocabulary(),
      bytesRead: 0,
      spans: [],
      problems: [],
      result: null,
      duplicates: 0,
    }));
    // Which copy of a repeated record is kept: the first in input order (ordered-merge.ts). Standard
    // input, which may never end (`tail -f x | entra-audit - y.json`), comes after the files.
    const byInput = new Map<string, UnitState[]>();
    for (const state of this.units) byInput.set(unitSource(state.unit), [...(byInput.get(unitSource(state.unit)) ?? []), state]);
    const inputsInOrder = [...byInput.values()].sort((a, b) => Number(readsStdin(a[0].unit)) - Number(readsStdin(b[0].unit)));
    this.merge = new OrderedMerge(this.store, inputsInOrder, (state) => {
      if (isFilePart(state.unit)) this.settleFile(state.unit.path);
    });
    this.names = [...new Set(inputs.map(inputName))];
    this.readsStdin = inputs.some((input) => input.kind === 'stdin');
    this.feeds = inputs.flatMap((input) => (input.kind === 'feed' ? [input.feed] : []));
    const files = statInputs(inputs);
    this.bytesTotal = files.totalBytes;
    this.capacity = CapacityEstimate.forLoad(this.units.map((u) => u.unit.kind), this.bytesTotal);
    for (const [path, stamp] of files.stamps) this.store.noteSourceStamp(path, stamp);
    const canUseWorkers = workerCount > 0 && existsSync(fileURLToPath(WORKER_SCRIPT));
    const cache = options.cache;
    const key = cache ? cacheKeyFor(inputs, { version: cache.version, maxRecordBytes: cap }) : null;
    this.done = this.start(canUseWorkers ? workerCount : 0, options.startWorkersAfter, cache && key ? { cache, key } : null).finally(() => {
      this.finishedAt = Date.now();
      trace(`load: done (${this.store.count} events)`);
      for (const worker of this.workers) void worker.terminate();
      this.indexes.unusual.release();
      this.notify();
      // Written after the views are told (the write's ~0.1–0.3 s of encoding at 1M waits for the last refresh).
      if (cache && key && !this.restored && !this.closed && !this.prefiltered) this.cacheWritten = saveToCache(cache, key, inputs, cap, this);
      if (options.warmIndexes) this.afterVocabulary(() => this.indexes.warm((step, delayMs) => this.later(step, delayMs)));
    });
  }

  /**
   * After a restore, the vocabulary's Map (the ids of a million strings: ~1–2 s in one go) is
   * built in steps first, so keys stay live; the indexes' warm-up then looks strings up at once.
   */
  private afterVocabulary(then: () => void): void {
    const step = () => (this.store.vocabulary.mapSome(VOCABULARY_STEP) ? then() : this.later(step, 0));
    step();
  }

  /** Read the store back from the persisted index when it holds these inputs; load them otherwise. */
  private async start(workerCount: number, startWorkersAfter: Promise<unknown> | undefined, cached: { cache: LoadCache; key: CacheKey } | null): Promise<void> {
    if (cached) {
      this.restored = await restoreFromCache(cached.cache, cached.key, this.store, this.names);
      if (this.restored) {
        this.problemCount = this.restored.record.problemCount;
        this.problems.push(...this.restored.record.problems.slice(0, PROBLEMS_KEPT));
        return;
      }
    }
    await this.run(workerCount, startWorkersAfter);
  }

  /** Some records were passed over by the pre-filter (or may be: the load is not done), so the store is not the whole of the inputs. */
  get prefiltered(): boolean {
    return !this.restored && this.units.some((state) => isFilePart(state.unit) && state.unit.prefilter !== undefined);
  }

  /** Whether the store was read from the persisted index (the explorer says so beside the sources). */
  get fromCache(): boolean {
    return this.restored !== null;
  }

  /** Run `step` after `delayMs`, between keys, unless the session is closed by then (quitting stops the warm-up). */
  private later(step: () => void, delayMs = 5): void {
    if (!this.closed) this.steps.later(step, delayMs);
  }

  /** A key was pressed in the explorer: the warm-up waits for the keys to pause. */
  noteKey(): void {
    this.steps.noteKey();
  }

  /** Resolves when the first events are in the store, or the load ended, or `timeoutMs` passed. */
  firstEvents(timeoutMs: number): Promise<void> {
    if (this.store.count > 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const unsubscribe = this.onChange(() => {
        if (this.store.count > 0) done();
      });
      void this.done.then(done, done);
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  progress(): LoadProgress {
    return {
      bytesRead: this.restored ? (this.bytesTotal ?? 0) : this.units.reduce((sum, u) => sum + u.bytesRead, 0),
      bytesTotal: this.bytesTotal,
      events: this.store.count,
      problemCount: this.problemCount,
      done: this.finishedAt !== null,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      ...(this.feeds.length > 0 && this.finishedAt === null ? { detail: this.feeds.map((feed) => feed.status()).join(', ') } : {}),
    };
  }

  /** What the live sources want the user to know that is no error (a table the workspace lacks). */
  notes(): string[] {
    return this.feeds.flatMap((feed) => feed.notes());
  }

  /** The inputs as named in reports, in input order, whether loaded yet or not. */
  sourceNames(): string[] {
    return [...this.names];
  }

  /** Records dropped because a record of the same kind and id was loaded before them. */
  get duplicates(): number {
    return this.restored ? this.restored.record.duplicates : this.merge.duplicates;
  }

  /** Records dropped as repeats, per input that had any, in input order. */
  duplicatesBySource(): Array<{ source: string; duplicates: number }> {
    if (this.restored) return this.restored.record.duplicatesBySource.map((entry) => ({ ...entry }));
    const bySource = new Map<string, number>();
    for (const state of this.units) {
      if (state.duplicates > 0) bySource.set(unitSource(state.unit), (bySource.get(unitSource(state.unit)) ?? 0) + state.duplicates);
    }
    return [...bySource].map(([source, duplicates]) => ({ source, duplicates }));
  }

  /** Reports per input (parts of one file merged), in input order. */
  reports(): SourceReport[] {
    if (this.restored) return this.restored.record.reports.map((report) => ({ ...report, formats: [...report.formats] }));
    return mergeReports(this.units.flatMap((state) => (state.result ? [state.result.report] : [])));
  }

  /** Stop loading (quitting mid-load: workers would keep the process alive) and close the source files. */
  close(): void {
    // Standard input may never end (`tail -f x | entra-audit -`): stop reading it, or quitting would wait for it.
    if (this.readsStdin && !this.closed && this.finishedAt === null) process.stdin.destroy();
    this.closed = true;
    this.stopFeeds.abort();
    this.steps.stop();
    for (const worker of this.workers) void worker.terminate();
    for (const cutter of new Set(this.cutters.values())) cutter.stop();
    this.reader.close();
  }

  private take(state: UnitState, batch: EventBatch): void {
    if (this.store.count === 0 && batch.count > 0) trace(`load: first batch (${batch.count} events)`);
    // Problems and progress count at once; the events may wait for the units before this one.
    state.bytesRead = batch.bytesRead;
    for (const problem of batch.problems) this.addProblem(state, problem);
    this.merge.take(state, batch);
    const expected = this.capacity?.estimate(this.progress().bytesRead, this.store.count) ?? 0;
    this.store.reserve(expected);
    this.merge.reserve(expected);
    this.notify();
  }

  private finish(state: UnitState, result: UnitResult): void {
    state.result = result;
    // A part of a split file that recognised nothing is judged with the other parts (below).
    const partRefused = isFilePart(state.unit) && result.report.heldBack !== undefined;
    if (result.report.error && !partRefused) this.addError(result.report.error);
    this.merge.end(state);
    this.notify();
  }

  private addError(error: string): void {
    if (!this.errors.includes(error)) this.errors.push(error);
  }

  /** Once every part of a split file is in the store, judge them together (split-parts.ts). */
  private settleFile(path: string): void {
    const parts = this.units.filter((u) => isFilePart(u.unit) && u.unit.path === path);
    if (this.linesFixed.has(path) || parts.some((p) => !this.merge.isReleased(p))) return;
    this.linesFixed.add(path);
    settleParts(parts, this.store, (error) => this.addError(error), (part, problem) => this.addProblem(part, problem));
  }

  /** A problem counts at once; the first PROBLEMS_KEPT are kept for the views. */
  private addProblem(state: UnitState, problem: LoadProblem): void {
    this.problemCount++;
    state.problems.push(problem);
    if (this.problems.length < PROBLEMS_KEPT) this.problems.push(problem);
  }

  private async run(workerCount: number, startWorkersAfter?: Promise<unknown>): Promise<void> {
    this.startCutters();
    const inProcess = this.units.filter((u) => runsInProcess(u.unit, workerCount));
    const inWorkers = this.units.filter((u) => !inProcess.includes(u));
    // Holding workers back only helps when the main thread has something to show meanwhile.
    const holdWorkers = startWorkersAfter !== undefined && inProcess.length > 0;
    const start = () => this.startWorkers(inWorkers, Math.min(workerCount, inWorkers.length));
    const workers = (holdWorkers ? startWorkersAfter : Promise.resolve()).then(start, start);
    await Promise.all([this.runInProcess(inProcess), workers]);
  }

  /**
   * Each big array file's scan (array-cutter.ts), started at once, in steps between keys; one
   * per input, keyed by its units (a file named twice is two inputs, each its own scan).
   */
  private startCutters(): void {
    this.units.forEach(({ unit }, at) => {
      if (unit.kind !== 'elements' || unit.part !== 0) return;
      const parts = this.units.slice(at, at + unit.parts).map((state) => state.unit as ElementsUnit);
      const cutter = new ArrayCutter(unit.path, parts[parts.length - 1].end, parts.map((part) => part.start), unit.maxRecordBytes ?? DEFAULT_MAX_RECORD_CHARS, unit.textStart, unit.envelope);
      for (const part of parts) this.cutters.set(part, cutter);
      trace(`load: ${unit.path}: ${unit.envelope ? `an envelope's "${unit.envelope.key}" array` : 'an array'}, scanned for its records, in ${parts.length} units`);
      cutter.run((step) => setImmediate(step));
    });
  }

  /** The unit as it is run: a split array's part with its elements, once the scan has cut them. */
  private async prepared(unit: LoadUnit): Promise<LoadUnit> {
    if (unit.kind !== 'elements') return unit;
    return { ...unit, cut: await this.cutters.get(unit)!.cut(unit.part) };
  }

  private async runInProcess(states: UnitState[]): Promise<void> {
    for (const state of states) {
      if (this.closed) return;
      try {
        this.finish(state, await runUnit(await this.prepared(state.unit), (batch) => this.take(state, batch), this.stopFeeds.signal));
      } catch (error) {
        this.failed(state, error instanceof Error ? error.message : String(error));
      }
    }
  }

  private startWorkers(states: UnitState[], count: number): Promise<void> {
    return runInWorkers(WORKER_SCRIPT, states.map((state) => state.unit), count, {
      prepare: (id) => this.prepared(states[id].unit),
      started: (worker) => this.workers.push(worker),
      batch: (id, batch) => this.take(states[id], batch),
      done: (id, result) => this.finish(states[id], result),
      failed: (id, message) => this.failed(states[id], message),
    });
  }

  private failed(state: UnitState, message: string): void {
    const source = unitSource(state.unit);
    this.finish(state, { report: { source, formats: [], events: 0, problems: 0, bytesRead: state.bytesRead, error: `${source}: ${message}` }, newlines: 0 });
  }
}

const unitSource = (unit: LoadUnit): string => (isFilePart(unit) ? unit.path : inputName(unit.input));
const readsStdin = (unit: LoadUnit): boolean => unit.kind === 'input' && unit.input.kind === 'stdin';
