/**
 * Many events as JSON or NDJSON text with worker threads re-reading each record and writing it as
 * text (cli/print-worker.ts), in chunks, handed on here in order as the UTF-8 bytes the workers
 * wrote: for `query` printing and for `query --output`. Re-reading and stringifying were ~85% of
 * the main thread's time printing 100k events; the main thread now only writes. A small output,
 * CSV (its extra columns come from this thread's indexes), or a build without the worker script
 * (the test runner's sources) is made here, event by event.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { eventsOneByOne, type EventsText } from '../export/export-events.js';
import type { EventText, ExportFormat } from '../export/event-text.js';
import type { EventStore } from '../store/event-store.js';
import { trace } from '../trace.js';
import type { PrintRequest, PrintResult } from './print-worker.js';

const PRINT_WORKER = new URL('./print-worker.js', import.meta.url);
/** Below this many events a worker's start-up (~50 ms) costs more than it saves. */
const IN_WORKERS_FROM = 20_000;
const CHUNK_EVENTS = 1000;
/** Chunks asked for ahead of the one being handed on, per worker: enough to keep each busy. */
const AHEAD_PER_WORKER = 2;

/** The events' text, one piece per event here, or per run of a chunk from the workers (an EventsText, for exports too). */
export const eventsInOrder: EventsText = async function* (store: EventStore, indices: Iterable<number>, text: EventText, format: ExportFormat) {
  const fromWorkerBytes = text.fromWorkerBytes;
  const all = indices instanceof Int32Array ? indices : Int32Array.from(indices);
  if (format === 'csv' || !fromWorkerBytes || all.length < IN_WORKERS_FROM || !existsSync(fileURLToPath(PRINT_WORKER))) {
    yield* eventsOneByOne(store, all, text);
    return;
  }
  const workerCount = Math.min(4, availableParallelism());
  trace(`print: ${all.length} events in ${workerCount} workers`);
  const workers = Array.from({ length: workerCount }, () => new Worker(PRINT_WORKER));
  const waiting = new Map<number, { resolve: (result: PrintResult) => void; reject: (error: Error) => void }>();
  const results = new Map<number, Promise<PrintResult>>();
  for (const worker of workers) {
    worker.on('message', (result: PrintResult) => waiting.get(result.id)?.resolve(result));
    // A worker lost (out of memory) fails the output, as a failed re-read on this thread would.
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
    });
  }
  const chunks = Math.ceil(all.length / CHUNK_EVENTS);
  const chunkAt = (k: number) => all.subarray(k * CHUNK_EVENTS, (k + 1) * CHUNK_EVENTS);
  const ask = (k: number) => {
    const addresses = store.packAddresses(chunkAt(k));
    results.set(k, new Promise((resolve, reject) => waiting.set(k, { resolve, reject })));
    workers[k % workers.length].postMessage({ id: k, format: format as PrintRequest['format'], addresses } satisfies PrintRequest, [addresses.fields.buffer]);
  };
  try {
    let asked = 0;
    for (let k = 0; k < chunks; k++) {
      while (asked < chunks && asked <= k + AHEAD_PER_WORKER * workers.length) ask(asked++);
      const { bytes, used, ends, made } = await results.get(k)!;
      results.delete(k);
      waiting.delete(k);
      const chunk = chunkAt(k);
      const written = Buffer.from(bytes, 0, used);
      for (let j = 0; j < chunk.length; ) {
        if (made[j] === 0) {
          // Not made by the worker (kept in the arena, or no longer readable as loaded): here, with the reason if it fails.
          yield { text: text.event(store.loadedEvent(chunk[j]), chunk[j]), events: 1 };
          j++;
          continue;
        }
        let end = j;
        while (end < chunk.length && made[end] === 1) end++;
        yield { text: fromWorkerBytes(written.subarray(j === 0 ? 0 : ends[j - 1], ends[end - 1])), events: end - j };
        j = end;
      }
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
};
