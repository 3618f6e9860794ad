/**
 * How the store reaches a record again: its address in its source file, the reader that re-reads
 * it (load/record-reader.ts, given to the store), and what a re-read gives.
 */
import type { LoadedEvent, RecordOrigin } from '../model/loaded-event.js';

/** Where a record sits in its source file, as the loader found it. */
export interface RawAddress {
  source: string;
  offset: number;
  length: number;
  /** hashBytes of its bytes at load: the re-read bytes must hash the same. */
  hash: number;
  /** The loader's format index (what the record was read as). */
  format: number;
  customSecuritySource: boolean;
  origin: RecordOrigin;
  /** The event's time as loaded: another valid record at the same offset (a file rewritten in place) is not this event. */
  timeMs: number;
}

/** Re-reads one record from its file: the event, or why it can no longer be read. */
export type RecordReader = (address: RawAddress) => LoadedEvent | { reason: string };

/** An event re-read for the details, an export or a filter: the event, or why not. */
export type RecordRead = { ok: true; loaded: LoadedEvent } | { ok: false; reason: string; origin: RecordOrigin };

/** What `loadedEvent` throws for a record that can no longer be read (streaming outputs stop with it). */
export class RecordUnreadableError extends Error {}
