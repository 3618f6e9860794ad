/**
 * For sorting the table by a column: each string of a field ranked A→Z, so a million rows sort
 * by counting (one pass over the rows, no string compared per row). Ranks are kept per field and
 * brought up to date as events are appended: only strings new since the last time are sorted,
 * then merged in, so sorting again while a load streams costs the new strings, not all of them.
 */
import { STRING_FIELD_COUNT, stringFieldIndex, type StringField } from './event-batch.js';
import { ensureCapacity } from './growable.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Sorts `ids` A→Z: case-insensitive first (`alice` beside `Alice`), then exact, so equal-looking
 * values stay together. The keys are built once and compared in a plain array (a comparator that
 * looked each string up took 4 s for a million correlation ids; this takes about a second).
 */
function sortIds(ids: number[], vocabulary: Vocabulary): number[] {
  const keyed = ids.map((id) => {
    const raw = vocabulary.get(id);
    return { id, lower: raw.toLowerCase(), raw };
  });
  keyed.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
  return keyed.map((k) => k.id);
}

/** The same order as sortIds, for merging. */
function compareIds(vocabulary: Vocabulary): (a: number, b: number) => number {
  return (a, b) => {
    const la = vocabulary.lower(a);
    const lb = vocabulary.lower(b);
    if (la !== lb) return la < lb ? -1 : 1;
    const ra = vocabulary.get(a);
    const rb = vocabulary.get(b);
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  };
}

interface FieldOrder {
  /** Events looked at so far. */
  scanned: number;
  /** The field's distinct non-empty string ids, A→Z. */
  ids: Uint32Array;
  /** Per vocabulary id: its place in `ids` + 1; 0 for the empty string and ids the field never had. */
  rank: Uint32Array;
}

export class FieldRanks {
  private readonly orders = new Map<StringField, FieldOrder>();

  /**
   * Per vocabulary id, its rank among the field's values A→Z (1 = first; 0 = empty), and how
   * many distinct values there are. `strings` and `count` are the store's rows as they are now.
   */
  ranks(field: StringField, strings: Uint32Array, count: number, vocabulary: Vocabulary): { rank: Uint32Array; distinct: number } {
    let order = this.orders.get(field);
    if (!order) this.orders.set(field, (order = { scanned: 0, ids: new Uint32Array(0), rank: new Uint32Array(0) }));
    if (order.scanned < count) this.update(order, field, strings, count, vocabulary);
    return { rank: order.rank, distinct: order.ids.length };
  }

  private update(order: FieldOrder, field: StringField, strings: Uint32Array, count: number, vocabulary: Vocabulary): void {
    const column = stringFieldIndex(field);
    const rank = ensureCapacity(order.rank, vocabulary.size, Uint32Array);
    const fresh: number[] = [];
    for (let index = order.scanned; index < count; index++) {
      const id = strings[index * STRING_FIELD_COUNT + column];
      // A new value: not ranked yet (rank 0) and not already collected in this pass (marked with the top bit).
      if (id !== 0 && rank[id] === 0) {
        rank[id] = 0x80000000;
        fresh.push(id);
      }
    }
    order.scanned = count;
    if (fresh.length === 0) {
      order.rank = rank;
      return;
    }
    const compare = compareIds(vocabulary);
    const sorted = sortIds(fresh, vocabulary);
    const merged = new Uint32Array(order.ids.length + sorted.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < order.ids.length && j < sorted.length) merged[k++] = compare(order.ids[i], sorted[j]) <= 0 ? order.ids[i++] : sorted[j++];
    while (i < order.ids.length) merged[k++] = order.ids[i++];
    while (j < sorted.length) merged[k++] = sorted[j++];
    for (let place = 0; place < merged.length; place++) rank[merged[place]] = place + 1;
    order.ids = merged;
    order.rank = rank;
  }
}

/**
 * `rows` ordered by the field's rank (A→Z, or Z→A when `descending`), empty values last either
 * way; rows with equal values keep their order (newest first, as the store gives them). Counting
 * sort: linear in the rows plus the distinct values.
 */
export function sortByRank(rows: Int32Array, rankOf: (index: number) => number, distinct: number, descending: boolean): Int32Array {
  const slot = (rank: number) => (rank === 0 ? distinct : descending ? distinct - rank : rank - 1);
  const starts = new Uint32Array(distinct + 2);
  for (let k = 0; k < rows.length; k++) starts[slot(rankOf(rows[k])) + 1]++;
  for (let s = 1; s < starts.length; s++) starts[s] += starts[s - 1];
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[starts[slot(rankOf(rows[k]))]++] = rows[k];
  return out;
}
