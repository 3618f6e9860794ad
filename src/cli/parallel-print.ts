/**
 * Many events as JSON or NDJSON text with worker threads re-reading each record and writing it as
 * text (cli/print-worker.ts), in chunks, handed on here in order: for `query` printing and for
 * `query --output`. Re-reading and stringifying were ~85% of the main thread's time printing 100k
 * events; the main thread now only writes. A small output, CSV (its extra columns come from this
 * thread's indexes), or a build without the worker script (the test runner's sources) is made
 * here, event by event.
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

/** The events' text, one piece per event here, or per chunk from the workers (an EventsText, for exports too). */
export const eventsInOrder: EventsText = async function* (store: EventStore, indices: Iterable<number>, text: EventText, format: ExportFormat) {
  const fromJsonText = text.fromJsonText;
  const all = indices instanceof Int32Array ? indices : Int32Array.from(indices);
  if (format === 'csv' || !fromJsonText || all.length < IN_WORKERS_FROM || !existsSync(fileURLToPath(PRINT_WORKER))) {
    yield* eventsOneByOne(store, all, text);
    return;
  }
  const workerCount = Math.min(4, availableParallelism());
  trace(`print: ${all.length} events in ${workerCount} workers`);
  const workers = Array.from({ length: workerCount }, () => new Worker(PRINT_WORKER));
  const waiting = new Map<number, { resolve: (texts: Array<string | null>) => void; reject: (error: Error) => void }>();
  const results = new Map<number, Promise<Array<string | null>>>();
  for (const worker of workers) {
    worker.on('message', ({ id, texts }: PrintResult) => waiting.get(id)?.resolve(texts));
    // A worker lost (out of memory) fails the output, as a failed re-read on this thread would.
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
    });
  }
  const chunks = Math.ceil(all.length / CHUNK_EVENTS);
  const chunkAt = (k: number) => all.subarray(k * CHUNK_EVENTS, (k + 1) * CHUNK_EVENTS);
  const ask = (k: number) => {
    const events = Array.from(chunkAt(k), (index) => store.rawAddress(index));
    results.set(k, new Promise((resolve, reject) => waiting.set(k, { resolve, reject })));
    workers[k % workers.length].postMessage({ id: k, format: format as PrintRequest['format'], events } satisfies PrintRequest);
  };
  try {
    let asked = 0;
    for (let k = 0; k < chunks; k++) {
      while (asked < chunks && asked <= k + AHEAD_PER_WORKER * workers.length) ask(asked++);
      const texts = await results.get(k)!;
      results.delete(k);
      waiting.delete(k);
      const chunk = chunkAt(k);
      const pieces: string[] = [];
      for (let j = 0; j < chunk.length; j++) {
        const made = texts[j];
        // Not made by the worker (kept in the arena, or no longer readable as loaded): here, with the reason if it fails.
        pieces.push(made === null ? text.event(store.loadedEvent(chunk[j]), chunk[j]) : fromJsonText(made));
      }
      yield { text: pieces.join(''), events: chunk.length };
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
};
