/**
 * Printing many events as JSON or NDJSON with worker threads re-reading and writing each as
 * text (cli/print-worker.ts), in chunks, written here in order. Re-reading and stringifying were
 * ~85% of the main thread's time printing 100k events; the main thread now only writes. A small
 * output, or a build without the worker script (the test runner's sources), prints in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventText } from '../export/event-text.js';
import type { JsonFormat } from '../export/event-text.js';
import type { EventStore } from '../store/event-store.js';
import type { PrintRequest, PrintResult } from './print-worker.js';
import { trace } from '../trace.js';

const PRINT_WORKER = new URL('./print-worker.js', import.meta.url);
/** Below this many events a worker's start-up (~50 ms) costs more than it saves. */
const IN_WORKERS_FROM = 20_000;
const CHUNK_EVENTS = 1000;
/** Chunks asked for ahead of the one being written, per worker: enough to keep each busy. */
const AHEAD_PER_WORKER = 2;

export interface JsonPrinting {
  format: JsonFormat;
  text: EventText;
  /** Writes a piece of output (the terminal's sanitising, if any, already applied by `shown`). */
  write(text: string): Promise<void>;
  shown(text: string): string;
}

/** Each event printed in order: by workers when it pays, else here, one by one. */
export async function printJsonEvents(store: EventStore, indices: Int32Array | readonly number[], printing: JsonPrinting): Promise<void> {
  const fromJsonText = printing.text.fromJsonText;
  const workerCount = Math.min(4, availableParallelism());
  if (!fromJsonText || indices.length < IN_WORKERS_FROM || !existsSync(fileURLToPath(PRINT_WORKER))) {
    for (const index of indices) await printing.write(printing.shown(printing.text.event(store.loadedEvent(index), index)));
    return;
  }
  trace(`print: ${indices.length} events in ${workerCount} workers`);
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
  const chunks = Math.ceil(indices.length / CHUNK_EVENTS);
  const chunkAt = (k: number) => indices.slice(k * CHUNK_EVENTS, (k + 1) * CHUNK_EVENTS);
  const ask = (k: number) => {
    const events = Array.from(chunkAt(k), (index) => {
      const address = store.rawAddress(index);
      return address ? { address, timeMs: store.timeMs(index) } : null;
    });
    results.set(k, new Promise((resolve, reject) => waiting.set(k, { resolve, reject })));
    workers[k % workers.length].postMessage({ id: k, format: printing.format, events } satisfies PrintRequest);
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
        const text = texts[j];
        // Not printed by the worker (kept in the arena, or no longer readable as loaded): here, with the reason if it fails.
        pieces.push(text === null ? printing.text.event(store.loadedEvent(chunk[j]), chunk[j]) : fromJsonText(text));
      }
      await printing.write(printing.shown(pieces.join('')));
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
