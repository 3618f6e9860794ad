/**
 * The most frequent values of one store field over a set of events: "top activities", "top
 * initiators". One pass over the events' interned ids with a counter per distinct id, so a
 * million events cost one array read and one increment each; strings are looked at only for the
 * distinct values, never per event.
 */
import { splitKeys } from '../model/event-summary.js';
import type { EventStore } from '../store/event-store.js';
import { MULTI_VALUED_FIELDS, type StringField } from '../store/event-batch.js';

export interface ValueCount {
  value: string;
  count: number;
}

export interface TopValues {
  field: StringField;
  /** Most frequent first; ties in string order, so output is stable. */
  values: ValueCount[];
  /** How many different (non-empty) values there were in all. */
  distinct: number;
  /** Events that had no value in this field (no IP for an app, no target…): never listed. */
  empty: number;
}

/** A pseudo-property on nearly every change (the list of the others): it would top every list and say nothing. */
const NOT_A_PROPERTY = 'Included Updated Properties';

export function topValues(store: EventStore, indices: ArrayLike<number>, field: StringField, n: number): TopValues {
  // Counts per vocabulary id; `touched` remembers which ids have one, so the ranking looks at
  // the distinct values only, not the whole vocabulary.
  const counts = new Uint32Array(store.vocabulary.size);
  const touched: number[] = [];
  let empty = 0;
  for (let k = 0; k < indices.length; k++) {
    const id = store.stringId(indices[k], field);
    if (id === 0) empty++;
    else if (counts[id]++ === 0) touched.push(id);
  }
  const tally = MULTI_VALUED_FIELDS.has(field) ? splitTally(store, touched, counts, field) : touched.map((id) => ({ value: store.vocabulary.get(id), count: counts[id] }));
  tally.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { field, values: tally.slice(0, Math.max(0, n)), distinct: tally.length, empty };
}

/** Per distinct joined string, split once and add its count to each part. */
function splitTally(store: EventStore, touched: number[], counts: Uint32Array, field: StringField): ValueCount[] {
  const parts = new Map<string, number>();
  for (const id of touched) {
    for (const part of new Set(splitKeys(store.vocabulary.get(id)))) {
      if (part === '' || (field === 'propNames' && part === NOT_A_PROPERTY)) continue;
      parts.set(part, (parts.get(part) ?? 0) + counts[id]);
    }
  }
  return [...parts].map(([value, count]) => ({ value, count }));
}

/** The events of `rows` whose `field` is one of `values` exactly (a vocabulary lookup per value, an id compare per event). */
export function rowsWhere(store: EventStore, rows: ArrayLike<number>, field: StringField, values: readonly string[]): number[] {
  const ids = new Set(values.map((value) => store.vocabulary.lookup(value)).filter((id): id is number => id !== undefined));
  const out: number[] = [];
  for (let k = 0; k < rows.length; k++) if (ids.has(store.stringId(rows[k], field))) out.push(rows[k]);
  return out;
}
