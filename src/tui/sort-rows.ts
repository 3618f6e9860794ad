/**
 * A pane's rows in the order the user chose (`<` `>` `R`, the `C` picker): newest first by
 * default, which costs nothing (the store's own order); by any other column, a counting sort on
 * the store's ranks of that column's field, so 1,000,000 rows take tens of milliseconds, not the
 * seconds a comparison of strings per row would. Equal values stay newest first.
 */
import type { GroupLookup } from '../insights/correlation-groups.js';
import type { Pane } from '../model/pane.js';
import { sortByRank } from '../store/field-ranks.js';
import type { EventStore } from '../store/event-store.js';
import { STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import type { SortChoice } from './app-state.js';

export const NEWEST_FIRST: SortChoice = { column: 'date', descending: true };

export const isNewestFirst = (sort: SortChoice): boolean => sort.column === NEWEST_FIRST.column && sort.descending;

/** How each row's sort value is ranked, or null for time order. */
function rankerFor(store: EventStore, pane: Pane, sort: SortChoice): { rankOf: (index: number) => number; distinct: number } | null {
  const column = PANE_DEFINITIONS[pane].columns.find((c) => c.id === sort.column);
  if (!column || column.sortBy === 'time') return null;
  const { rank, distinct } = store.fieldRanks(column.sortBy);
  const ids = store.stringIdRows();
  const field = stringFieldIndex(column.sortBy);
  return { rankOf: (index) => rank[ids[index * STRING_FIELD_COUNT + field]], distinct };
}

const reversed = (rows: Int32Array): Int32Array => rows.slice().reverse();

/** `rows` (newest first) in the order `sort` asks for; the same array when that is newest first. */
export function sortRows(store: EventStore, pane: Pane, rows: Int32Array, sort: SortChoice): Int32Array {
  if (isNewestFirst(sort)) return rows;
  const ranker = rankerFor(store, pane, sort);
  if (!ranker) return reversed(rows);
  return sortByRank(rows, ranker.rankOf, ranker.distinct, sort.descending);
}

/**
 * Grouped rows (`o`) sorted by their leads, each group's open members kept under it: the groups
 * are made in time order (their counts and spans need it), then moved as blocks.
 */
export function sortGroupedRows(store: EventStore, pane: Pane, rows: Int32Array, leads: GroupLookup, sort: SortChoice): Int32Array {
  if (isNewestFirst(sort)) return rows;
  const starts: number[] = [];
  for (let k = 0; k < rows.length; k++) if (leads.has(rows[k]) || k === 0) starts.push(k);
  const firsts = Int32Array.from(starts, (k) => rows[k]);
  const ranker = rankerFor(store, pane, sort);
  // Sort the blocks' indexes by their leads: the leads' own order, mapped back to blocks.
  const leadOrder = ranker ? sortByRank(firsts, ranker.rankOf, ranker.distinct, sort.descending) : reversed(firsts);
  const blockByLead = new Map<number, number>();
  firsts.forEach((lead, b) => blockByLead.set(lead, b));
  const out = new Int32Array(rows.length);
  let n = 0;
  for (const lead of leadOrder) {
    const b = blockByLead.get(lead) ?? 0;
    const end = b + 1 < starts.length ? starts[b + 1] : rows.length;
    for (let k = starts[b]; k < end; k++) out[n++] = rows[k];
  }
  return out;
}
