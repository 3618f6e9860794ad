/**
 * What a store holds, per column family and for its strings: the bytes the load benchmark divides
 * by the event count (bench/footprint.ts). Nothing reads it at run time. Counted from the store's
 * snapshot, so the bytes in use; a column's spare capacity (the load reserves it from an estimate,
 * store/event-store.ts `reserve`) is not counted.
 */
import { STRING_FIELD_COUNT } from './event-batch.js';
import type { EventStore } from './event-store.js';

export interface StoreFootprint {
  events: number;
  columns: Record<string, number>;
  /**
   * Each string estimated at its characters (one byte each for Latin-1, two otherwise) plus 48 B
   * of header and map entry; packed GUIDs at the bytes their table holds.
   */
  vocabulary: { strings: number; guids: number; bytes: number };
  total: number;
}

export function storeFootprint(store: EventStore): StoreFootprint {
  const snapshot = store.snapshot();
  const c = snapshot.columns;
  const columns: Record<string, number> = {
    time: c.time.byteLength,
    'pane, flags, initiator kind, format': c.panes.byteLength + c.flags.byteLength + c.initiatorKinds.byteLength + c.formats.byteLength,
    'target count': c.targetCounts.byteLength,
    [`string ids (${STRING_FIELD_COUNT} a row)`]: c.strings.byteLength,
    'line, source': c.lines.byteLength + c.sourceIds.byteLength,
    'raw offset, length, hash': c.rawOffsets.byteLength + c.rawLengths.byteLength + c.rawHashes.byteLength,
    arena: c.arena.byteLength,
    'sorted order': c.sorted.byteLength,
    searchable: c.searchable.byteLength,
  };
  const { vocabulary } = store;
  const guids = vocabulary.packedGuids();
  let bytes = guids.bytes;
  for (let id = 0; id < vocabulary.size; id++) {
    if (vocabulary.isPackedGuid(id)) continue;
    const value = vocabulary.get(id);
    bytes += 48 + (/[^\u0000-\u00ff]/.test(value) ? 2 * value.length : value.length);
  }
  const total = Object.values(columns).reduce((sum, n) => sum + n, 0) + bytes;
  return { events: snapshot.count, columns, vocabulary: { strings: vocabulary.size, guids: guids.count, bytes }, total };
}
