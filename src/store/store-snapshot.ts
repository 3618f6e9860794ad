/**
 * The store's state once a load is done, as plain columns by name: what the persisted index
 * (load/load-cache.ts) writes and reads back, so a second open of an unchanged export skips the
 * parse. Derived state that is cheap or lazy (field ranks, the detail cache, the record ids that
 * find repeats) is not in it; the newest-first order per pane is, since sorting a million events
 * again would cost more than reading 4 bytes an event.
 *
 * A column here is one line in STORE_COLUMNS: the snapshot's writer and reader go by this table.
 */
import type { Pane } from '../model/pane.js';

export type ColumnArray = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array;

export const COLUMN_TYPES = {
  f64: Float64Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  i32: Int32Array,
} as const;
export type ColumnType = keyof typeof COLUMN_TYPES;

/**
 * Every array a snapshot holds, its element type, and how long it must be: one value per event,
 * STRING_FIELD_COUNT per event (`strings`), or any length (`free`: the arena, per-string flags).
 */
export const STORE_COLUMNS = {
  time: { type: 'f64', rows: 'events' },
  panes: { type: 'u8', rows: 'events' },
  flags: { type: 'u8', rows: 'events' },
  initiatorKinds: { type: 'u8', rows: 'events' },
  targetCounts: { type: 'u16', rows: 'events' },
  strings: { type: 'u32', rows: 'strings' },
  formats: { type: 'u8', rows: 'events' },
  lines: { type: 'u32', rows: 'events' },
  rawOffsets: { type: 'f64', rows: 'events' },
  rawLengths: { type: 'u32', rows: 'events' },
  rawHashes: { type: 'u32', rows: 'events' },
  sourceIds: { type: 'u16', rows: 'events' },
  arena: { type: 'u8', rows: 'free' },
  searchable: { type: 'u8', rows: 'free' },
  /** Each pane's newest-first order, one pane after another in PANES order (every event is in one pane). */
  sorted: { type: 'i32', rows: 'events' },
} as const satisfies Record<string, { type: ColumnType; rows: 'events' | 'strings' | 'free' }>;
export type ColumnName = keyof typeof STORE_COLUMNS;
export type StoreColumns = { [K in ColumnName]: InstanceType<(typeof COLUMN_TYPES)[(typeof STORE_COLUMNS)[K]['type']]> };

/**
 * Strings as a cache file keeps them: one text, a NUL between strings, `ends[id]` where string
 * `id` ends; `odd` those the text cannot carry (a NUL inside, a lone surrogate). Each is sliced
 * out on first use: splitting a million at once cost ~0.5–1 s of a second open.
 */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
  odd: ReadonlyArray<[number, string]>;
}

export interface StoreSnapshot {
  count: number;
  paneCounts: Record<Pane, number>;
  sources: string[];
  /** The vocabulary's strings by id (id 0, the empty string, included). */
  strings: string[] | PackedStrings;
  columns: StoreColumns;
}

/** The length a column must have in a snapshot of `count` events (null: any). */
export function columnLength(name: ColumnName, count: number, stringFields: number): number | null {
  const rows = STORE_COLUMNS[name].rows;
  return rows === 'events' ? count : rows === 'strings' ? count * stringFields : null;
}
