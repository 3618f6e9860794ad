/**
 * The `f` filter menu, as pure data: the pane's filters (for audits the portal's: date range,
 * service, category, activity, status, target, initiated by, plus IP and correlation ID), each
 * value with its count under the other active filters; several values can be chosen and the
 * choice can be inverted. A choice becomes ordinary query text (`activity:="Add user"|"Delete
 * user"`), so the `/` bar and the chips show exactly what the menu did. modes/menu.ts applies it.
 */
import type { Pane } from '../model/pane.js';
import type { Query, Term } from '../query/ast.js';
import { narrowAll, type CompiledTerm } from '../query/compile.js';
import { exactTerm, removeTerm, replaceTerms, termIsOn } from '../query/edit.js';
import { facetTally, type FacetDefinition, type ValueOrder } from '../query/facets.js';
import { formatTerm, formatValue } from '../query/format.js';
import type { QueryIndex } from '../query/query-index.js';
import { pickCounts, type PickedCounts } from '../query/top-counts.js';
import type { DateOption, FacetValuesList, FilterMenu, ListCursor } from './app-state.js';
import { listFilterText, listMatcher } from './list-filter.js';

/** How many values a facet list offers at once (narrowing it with `/` searches all of them). */
export const FACET_LIMIT = 500;

export const START: ListCursor = { cursor: 0, top: 0 };

export interface MenuContext {
  index: QueryIndex;
  pane: Pane;
  facets: readonly FacetDefinition[];
  /** What else hides rows (write-backs, sensitive only, marked only), so counts match the table. */
  keep?: (index: number) => boolean;
  filterText: string;
  query: Query | null;
  terms: readonly CompiledTerm[];
  now: number;
}

export interface MenuItem {
  /** What choosing it does: a facet id, 'date', 'remove:<n>', 'clear', a facet value or a date option's index. */
  value: string;
  label: string;
  count?: number;
  marked?: boolean;
}

const activeTerms = (query: Query | null): readonly Term[] => query?.terms ?? [];

/** The lines of the stage shown (none for the custom range, which is two text fields). */
export function stageItems(menu: FilterMenu, query: Query | null, facets: readonly FacetDefinition[]): MenuItem[] {
  switch (menu.stage) {
    case 'filters':
      return filterItems(query, facets);
    case 'values':
      return menu.shown.values.map((entry) => ({ value: entry.value, label: entry.value, count: entry.count, marked: menu.chosen.includes(entry.value) }));
    case 'dates':
      return menu.options.map((option, index) => ({ value: String(index), label: option.label, count: option.count ?? undefined }));
    case 'customDate':
      return [];
  }
}

/** The first list: every filter with what is set on it now, then one entry per active term to remove it. */
export function filterItems(query: Query | null, facets: readonly FacetDefinition[]): MenuItem[] {
  const terms = activeTerms(query);
  const current = (field: FacetDefinition['field'] | 'time') =>
    terms
      .filter((term) => termIsOn(term, field))
      .map(formatTerm)
      .join(' ');
  const items: MenuItem[] = [{ value: 'date', label: withCurrent('Date range', current('time')) }];
  for (const facet of facets) items.push({ value: facet.id, label: withCurrent(facet.label, current(facet.field)) });
  terms.forEach((term, index) => items.push({ value: `remove:${index}`, label: `Remove  ${formatTerm(term)}` }));
  if (terms.length > 0) items.push({ value: 'clear', label: 'Remove all filters' });
  return items;
}

const withCurrent = (label: string, current: string) => (current ? `${label.padEnd(16)}${current}` : label);

/** Opening a facet: its values counted under the other filters, with what is chosen now pre-marked. */
export function valuesStage(context: MenuContext, facetId: string): FilterMenu | null {
  const facet = context.facets.find((candidate) => candidate.id === facetId);
  if (!facet) return null;
  const tally = facetTally(context.index, { pane: context.pane, terms: context.terms, keep: context.keep, facet });
  const existing = activeTerms(context.query).find((term) => termIsOn(term, facet.field));
  const chosen = existing?.kind === 'field' && existing.exact ? existing.rawValues : [];
  const exclude = existing?.kind === 'field' ? existing.negated : false;
  const list = { tally, order: 'most' as const, filter: null };
  return { stage: 'values', facet, ...list, shown: pickedValues(context.index, list), chosen, exclude, ...START };
}

/**
 * The values a facet list shows: from every value counted (not only the first 500, so a rare
 * value or one typed for is found however many there are), in the list's order, narrowed by its
 * filter; each with its true count.
 */
export function pickedValues(index: QueryIndex, list: Pick<FacetValuesList, 'tally' | 'order' | 'filter'>): PickedCounts {
  const accept = listMatcher(listFilterText(list.filter)) ?? undefined;
  return pickCounts(list.tally.counts, { order: list.order, limit: FACET_LIMIT, name: (id) => index.store.vocabulary.get(id), accept });
}

/** `o` in a facet list: most frequent first → rarest first → by name → most frequent first. */
export const NEXT_ORDER: Readonly<Record<ValueOrder, ValueOrder>> = { most: 'fewest', fewest: 'name', name: 'most' };

/** How the header says the order. */
export const ORDER_LABELS: Readonly<Record<ValueOrder, string>> = { most: 'most first', fewest: 'fewest first', name: 'A to Z' };

/** Space on a value: mark or unmark it. */
export function toggleChosen<M extends FilterMenu & { stage: 'values' }>(menu: M, value: string): M {
  const chosen = menu.chosen.includes(value) ? menu.chosen.filter((v) => v !== value) : [...menu.chosen, value];
  return { ...menu, chosen };
}

/** Enter on a value: the marked values (or, with none marked, the one under the cursor) become the field's term. */
export function applyValues(context: MenuContext, menu: FilterMenu & { stage: 'values' }, value: string | null): string {
  const values = menu.chosen.length > 0 ? menu.chosen : value !== null ? [value] : [];
  const term = values.length > 0 ? exactTerm(menu.facet.field, values, menu.exclude) : '';
  return context.query ? replaceTerms(context.filterText, context.query, menu.facet.field, term) : term;
}

/** The first list's other entries: remove one term, or all of them. */
export function removalText(context: MenuContext, choice: string): string | null {
  if (choice === 'clear') return '';
  const index = Number(choice.slice('remove:'.length));
  const term = activeTerms(context.query)[index];
  return term ? removeTerm(context.filterText, term) : null;
}

const DAY = 86_400_000;

/** The date choices, each with its count under the other filters. Exports are often old, so the data's own last day and week are offered too. */
export function datesStage(context: MenuContext): FilterMenu {
  const { store } = context.index;
  const others = context.terms.filter((compiled) => !termIsOn(compiled.term, 'time'));
  const alive = new Uint8Array(store.count);
  narrowAll(others, alive, 0, store.count);
  const order = store.paneOrder(context.pane);
  const shown = (index: number) => alive[index] === 1 && (!context.keep || context.keep(index));
  const countSince = (ms: number) => {
    let count = 0;
    // Newest first: stop at the first event older than the bound.
    for (const index of order) {
      if (store.timeMs(index) < ms) break;
      if (shown(index)) count++;
    }
    return count;
  };
  const newest = order.length > 0 ? store.timeMs(order[0]) : context.now;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const options: DateOption[] = [
    { label: 'Last 24 hours', terms: 'since:24h', count: countSince(context.now - DAY) },
    { label: 'Last 7 days', terms: 'since:7d', count: countSince(context.now - 7 * DAY) },
    { label: 'Last 30 days', terms: 'since:30d', count: countSince(context.now - 30 * DAY) },
    { label: `The export's last 24 hours (from ${iso(newest - DAY)})`, terms: `since:${iso(newest - DAY)}`, count: countSince(newest - DAY) },
    { label: `The export's last 7 days (from ${iso(newest - 7 * DAY)})`, terms: `since:${iso(newest - 7 * DAY)}`, count: countSince(newest - 7 * DAY) },
    { label: 'Custom range…', terms: null, count: null },
    { label: 'Any time', terms: '', count: countSince(-Infinity) },
  ];
  return { stage: 'dates', options, ...START };
}

export function applyDates(context: MenuContext, terms: string): string {
  return context.query ? replaceTerms(context.filterText, context.query, 'time', terms) : terms;
}

/** The custom range's two fields as time terms (either may be empty). */
export function customDateTerms(since: string, until: string): string {
  return [since.trim() && `since:${formatValue(since.trim())}`, until.trim() && `until:${formatValue(until.trim())}`].filter(Boolean).join(' ');
}
