/**
 * Running load units in worker threads: `count` workers take the units in order (so the merge
 * seldom holds an input's batches back), each posting batches and then its result. A worker that
 * crashes loses its unit, which is reported as failed; when none is left, so is the rest of the queue.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { EventBatch } from '../store/event-batch.js';
import type { LoadUnit, UnitResult } from './load-unit.js';
import type { WorkerMessage, WorkerRequest } from './load-worker.js';

/** Below this, a worker's start-up would cost more than parsing the file. */
const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Where a unit runs: on the main thread for heads (see LoadUnit), stdin (only this thread can
 * read it) and small files (a worker's start-up would cost more than parsing them); the rest in
 * workers.
 */
export function runsInProcess(unit: LoadUnit, workerCount: number): boolean {
  if (workerCount === 0 || (unit.kind !== 'input' && unit.head === true)) return true;
  if (unit.kind !== 'input') return false;
  if (unit.input.kind === 'stdin' || unit.input.kind === 'feed') return true;
  try {
    return statSync(unit.input.path).size < SMALL_FILE_BYTES;
  } catch {
    return true;
  }
}

/** What the pool tells about unit `id` (its index in the list handed in). */
export interface PoolEvents {
  /** The unit as it is to run (a split array's part waits for its cut). */
  prepare(id: number): Promise<LoadUnit>;
  started(worker: Worker): void;
  batch(id: number, batch: EventBatch): void;
  done(id: number, result: UnitResult): void;
  failed(id: number, message: string): void;
}

/** Resolves once every unit is done or failed. */
export function runInWorkers(script: URL, units: readonly LoadUnit[], count: number, on: PoolEvents): Promise<void> {
  if (units.length === 0) return Promise.resolve();
  const queue = units.map((_, id) => id);
  let remaining = units.length;
  let alive = count;
  return new Promise<void>((resolve) => {
    const settled = () => {
      if (--remaining === 0) resolve();
    };
    const next = (worker: Worker): number | undefined => {
      const id = queue.shift();
      if (id === undefined) return id;
      on.prepare(id).then(
        (unit) => worker.postMessage({ unit, id } satisfies WorkerRequest),
        (error: unknown) => worker.emit('error', error instanceof Error ? error : new Error(String(error))),
      );
      return id;
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(script);
      on.started(worker);
      let current = next(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'batch') {
          on.batch(message.id, message.batch);
          return;
        }
        if (message.type === 'done') on.done(message.id, message.result);
        else on.failed(message.id, message.message);
        current = next(worker);
        settled();
      });
      worker.on('error', (error) => {
        // A crashed worker loses its unit; report it, and the queue if no worker is left.
        if (current !== undefined) {
          on.failed(current, error.message);
          current = undefined;
          settled();
        }
        if (--alive === 0) {
          for (const id of queue.splice(0)) {
            on.failed(id, error.message);
            settled();
          }
        }
      });
    }
  });
}
