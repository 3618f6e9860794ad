/**
 * Which events are rows, and where the cursor is among them: the one computation every change of
 * filter, lens, grouping or load goes through, and the selection kept across it.
 */
import { groupRows, type GroupLookup } from '../insights/correlation-groups.js';
import type { LoadedEvent } from '../model/loaded-event.js';
import { PANES, perPane, type Pane } from '../model/pane.js';
import type { EventTest } from '../query/compile.js';
import type { EventStore } from '../store/event-store.js';
import type { RecordRead } from '../store/record-address.js';
import { keptIndices } from '../store/growable.js';
import { bodyHeight } from '../view/layout.js';
import type { AppState, Cursor, SortChoice } from './app-state.js';
import { isNewestFirst, sortGroupedRows, sortRows } from './sort-rows.js';

/** What decides which events are rows, besides the pane. */
export interface RowChoice {
  hideSubstrate: boolean;
  test: EventTest | null;
  /** The `r` lens: sensitive operations only. */
  riskOnly: boolean;
  /** The `u` lens: events with an unusual value only. */
  unusualOnly: boolean;
  /** `M`: marked events only. */
  marksOnly: boolean;
  marks: ReadonlySet<number>;
  /** `o`: one row per correlation ID; the ids (string ids) whose groups are open. */
  grouped: boolean;
  expanded: ReadonlySet<number>;
  /** Per pane, the order of its rows (`<` `>` `R`). */
  sort: Record<Pane, SortChoice>;
}

export type Rows = Pick<AppState, 'rows' | 'totals' | 'groups'>;

/** The row choice of `state`, with some of it changed. */
export const rowChoice = (state: AppState, change: Partial<RowChoice> = {}): RowChoice => ({
  hideSubstrate: state.hideSubstrate,
  test: state.filter.test,
  riskOnly: state.riskOnly,
  unusualOnly: state.unusualOnly,
  marksOnly: state.marksOnly,
  marks: state.marks,
  grouped: state.groups !== null,
  expanded: state.expanded,
  sort: state.sort,
  ...change,
});

/**
 * What hides rows besides the filter (`s` write-backs, the `r` and `M` lenses) as one test,
 * undefined when nothing does: the rows and the menu's counts share it.
 */
export function lensKeep(state: Pick<AppState, 'store' | 'indexes'>, choice: Pick<RowChoice, 'hideSubstrate' | 'riskOnly' | 'unusualOnly' | 'marksOnly' | 'marks'>): ((index: number) => boolean) | undefined {
  const { hideSubstrate, riskOnly, unusualOnly, marksOnly, marks } = choice;
  if (!hideSubstrate && !riskOnly && !unusualOnly && !marksOnly) return undefined;
  const { store, indexes } = state;
  return (index) =>
    !(hideSubstrate && store.isWriteBack(index)) &&
    (!marksOnly || marks.has(index)) &&
    (!riskOnly || indexes.rules.ruleOf(index) !== undefined) &&
    (!unusualOnly || indexes.unusual.isUnusual(index));
}

/**
 * The rows of each pane, from the store's newest-first order: shared with the store when nothing
 * is hidden (no work at all per refresh), filtered otherwise.
 */
export function computeRows(state: Pick<AppState, 'store' | 'indexes'>, choice: RowChoice): Rows {
  const { store, indexes } = state;
  const { test } = choice;
  const lens = lensKeep(state, choice);
  const keep = (i: number) => (test === null || test(i)) && (!lens || lens(i));
  const filtered = test !== null || lens !== undefined;
  const pick = (pane: Pane) => (filtered ? store.sortedIndices(pane, keep) : store.paneOrder(pane));
  const totals = perPane((pane) => store.paneOrder(pane).length);
  if (!choice.grouped) return { rows: perPane((pane) => sortRows(store, pane, pick(pane), choice.sort[pane])), totals, groups: null };
  const severity = (index: number) => indexes.rules.severityOf(index);
  const grouped = perPane((pane) => groupRows(store, pick(pane), choice.expanded, severity));
  const rows = perPane((pane) => sortGroupedRows(store, pane, grouped[pane].rows, grouped[pane].leads, choice.sort[pane]));
  return { rows, totals, groups: perPane((pane): GroupLookup => grouped[pane].leads) };
}

/**
 * The rows after a filter that keeps no event the shown one did not (one more character typed
 * into `/`): the shown rows that pass `test`, in their order, instead of a pass over every event
 * of the store (~30 ms per key at a million). Null when the shown rows cannot be narrowed: grouped
 * (a group's lead may go while others stay), or the store has grown since they were computed.
 */
export function narrowedRows(state: Pick<AppState, 'store' | 'rows' | 'totals' | 'groups'>, test: EventTest): Rows | null {
  const { store } = state;
  if (state.groups !== null) return null;
  if (PANES.reduce((sum, pane) => sum + state.totals[pane], 0) !== store.count) return null;
  return { rows: perPane((pane) => keptIndices(state.rows[pane], test)), totals: state.totals, groups: null };
}

/**
 * Every event of the current view, in order: the pane's rows, but with correlation groups
 * unfolded (a collapsed group is one row, yet all its events are in the view). What export and
 * insights work on.
 */
export function viewEvents(state: AppState): Int32Array {
  if (state.groups === null) return state.rows[state.pane];
  return computeRows(state, rowChoice(state, { grouped: false })).rows[state.pane];
}

/** Every marked event, every pane, whatever the filter: what "export the marks" writes. */
export function markedEvents(state: AppState): Int32Array {
  return state.marks.size === 0 ? new Int32Array(0) : state.store.sortedIndices('all', (index) => state.marks.has(index));
}

export function selectedIndex(state: AppState): number | undefined {
  return state.rows[state.pane][state.cursor[state.pane].selected];
}

/** The selected event as re-read from its source, or why it can no longer be (the store keeps the last few). */
export function selectedRead(state: AppState): RecordRead | undefined {
  const index = selectedIndex(state);
  return index === undefined ? undefined : state.store.readEvent(index);
}

/** The selected event in full, when it can still be read. */
export function selectedEvent(state: AppState): LoadedEvent | undefined {
  const read = selectedRead(state);
  return read?.ok ? read.loaded : undefined;
}

/** Keep the selection inside the rows and the window around the selection. */
export function clampCursor(cursor: Cursor, rowCount: number, height: number): Cursor {
  const selected = Math.max(0, Math.min(cursor.selected, rowCount - 1));
  let top = Math.max(0, Math.min(cursor.top, Math.max(0, rowCount - height)));
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  return { selected, top };
}

export function clampAll(state: AppState): Record<Pane, Cursor> {
  const height = bodyHeight(state.size);
  return perPane((pane) => clampCursor(state.cursor[pane], state.rows[pane].length, height));
}

export function moveSelection(state: AppState, to: (selected: number, rowCount: number) => number): AppState {
  const rowCount = state.rows[state.pane].length;
  const current = state.cursor[state.pane];
  const cursor = clampCursor({ ...current, selected: to(current.selected, rowCount) }, rowCount, bodyHeight(state.size));
  if (cursor.selected === current.selected && cursor.top === current.top) return state;
  return { ...state, cursor: { ...state.cursor, [state.pane]: cursor } };
}

/** Every pane's cursor at its first row. */
export const cursorsAtStart = (): Record<Pane, Cursor> => perPane(() => ({ selected: 0, top: 0 }));

/** Where `selected` sits in rows that are in the store's order (binary search). */
function positionInOrder(store: EventStore, rows: Int32Array, selected: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] !== selected && store.before(rows[mid], selected)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * After the rows change (more events loaded, write-backs hidden), keep the same event selected
 * when it is still shown, else the one that would follow it; and keep it at the same height on
 * screen, so the list does not jump under the reader while a load streams in.
 */
export function keepSelection(before: AppState, after: AppState, byIdentity = false): AppState {
  const cursor = { ...after.cursor };
  // At the top of the list, the view follows the newest event as it arrives (like tail -f);
  // anywhere else, and whenever an event is open, the selected event stays selected.
  const followNewest = !byIdentity && after.mode === 'table';
  const store = after.store;
  for (const pane of PANES) {
    const selected = before.rows[pane][before.cursor[pane].selected];
    const rows = after.rows[pane];
    let position = 0;
    if (selected !== undefined && after.groups === null && !isNewestFirst(after.sort[pane])) {
      // Sorted by a column: not in time order, so looked up; gone, the cursor stays where it was.
      position = rows.indexOf(selected);
      if (position === -1) position = before.cursor[pane].selected;
    } else if (selected !== undefined && after.groups !== null) {
      // Grouped rows are not in time order: look the event (or its group's lead) up.
      position = rows.indexOf(selected);
      if (position === -1) {
        const correlation = store.stringId(selected, 'correlation');
        position = Math.max(0, correlation === 0 ? 0 : rows.findIndex((i) => store.stringId(i, 'correlation') === correlation));
      }
    } else if (selected !== undefined && (before.cursor[pane].selected > 0 || !followNewest)) {
      position = positionInOrder(store, rows, selected);
    }
    const offset = before.cursor[pane].selected - before.cursor[pane].top;
    cursor[pane] = clampCursor({ selected: position, top: position - offset }, rows.length, bodyHeight(after.size));
  }
  return { ...after, cursor };
}

/**
 * The state with `fields` changed (a lens, the marks, the open groups) and its rows recomputed,
 * the selection kept; `grouped` switches correlation grouping (it is derived from `groups`).
 */
export function withRows(state: AppState, fields: Partial<AppState>, how: { grouped?: boolean; byIdentity?: boolean } = {}): AppState {
  const next = { ...state, ...fields };
  const choice = rowChoice(next, how.grouped === undefined ? {} : { grouped: how.grouped });
  return keepSelection(state, { ...next, ...computeRows(next, choice) }, how.byIdentity);
}
