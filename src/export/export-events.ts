/**
 * Export events to a file with an evidence trail: the one entry point for `query --output` and
 * the explorer's export key. The file is written atomically and never over an existing one
 * without `force`; the receipt carries the SHA-256 of the file as written and of every source.
 * Events are re-read one at a time and streamed, so exporting a million events needs no more
 * memory than exporting ten.
 */
import type { EventStore } from '../store/event-store.js';
import { eventText, type EventText, type EventTextOptions, type ExportFormat } from './event-text.js';
import { writeFileAtomically } from './safe-write.js';
import { SourceHasher, type SourceHash } from './source-hashes.js';
import type { TemporaryFiles } from './temporary-files.js';

export interface ExportRequest extends EventTextOptions {
  store: EventStore;
  /** Store indices, in the order they are to be written (e.g. `store.sortedIndices(...)`). */
  indices: Iterable<number>;
  format: ExportFormat;
  /**
   * The file to write, as resolveExportTarget (export-target.ts) chose it from what the user
   * typed: a directory here is refused, not expanded. Failures are a FileExistsError (a regular
   * file is there and `force` is false) or a CannotWriteError, whose message is in words and names
   * only this path, never the temporary file.
   */
  path: string;
  force: boolean;
  /** The inputs the events came from, as loaded (`<stdin>` for standard input). */
  sources: readonly string[];
  /** Keeps source hashes between exports (the explorer's); a fresh one hashes every source. */
  hasher?: SourceHasher;
  /** Where the temporary file is noted while it is written, for a signal to remove it. */
  temporaries?: TemporaryFiles;
  /** How the events become text, in order (the CLI hands big JSON outputs to worker threads); one by one here by default. */
  eventsText?: EventsText;
}

/** The events' text in order, in pieces, each saying how many events it holds. */
export type EventsText = (store: EventStore, indices: Iterable<number>, text: EventText, format: ExportFormat) => AsyncIterable<EventsPiece>;

/** Some events' text: a string, or the UTF-8 bytes a print worker wrote (passed on undecoded). */
export interface EventsPiece {
  text: string | Buffer;
  events: number;
}

/** The default EventsText: each event re-read and made into text here, in turn. */
export async function* eventsOneByOne(store: EventStore, indices: Iterable<number>, text: EventText): AsyncGenerator<EventsPiece> {
  for (const index of indices) yield { text: text.event(store.loadedEvent(index), index), events: 1 };
}

export interface ExportReceipt {
  path: string;
  format: ExportFormat;
  count: number;
  bytes: number;
  sha256: string;
  sources: SourceHash[];
}

/** Writes are batched: one write per event would cost more in stream overhead than in JSON. */
const BATCH_CHARS = 64 * 1024;

export async function exportEvents(request: ExportRequest): Promise<ExportReceipt> {
  const { store, indices, format } = request;
  const text = await eventText(format, request);
  let count = 0;
  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    let batch = text.preamble + text.begin();
    const pieces = request.eventsText ? request.eventsText(store, indices, text, format) : eventsOneByOne(store, indices, text);
    for await (const piece of pieces) {
      count += piece.events;
      if (typeof piece.text !== 'string' && piece.text.byteLength >= BATCH_CHARS) {
        // A worker's chunk goes as it is, after the text before it.
        if (batch) yield batch;
        batch = '';
        yield piece.text;
        continue;
      }
      // Text, or a short run of a worker's (one event between events kept in memory): batched.
      batch += piece.text.toString('utf8');
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    batch += text.end();
    if (batch) yield batch;
  }
  const written = await writeFileAtomically(request.path, chunks(), { force: request.force, temporaries: request.temporaries });
  const sources = await (request.hasher ?? new SourceHasher()).hashAll(request.sources, (path) => store.sourceStamp(path));
  return { path: request.path, format, count, ...written, sources };
}
