/**
 * The table's columns and order: the `C` picker (Space shows or hides a column, `s` sorts by it,
 * Enter applies and asks for the choice to be kept in the config file) and, from the list, `<`
 * `>` to sort by the next visible column and `R` to reverse. Sorting never loses the selection:
 * the selected event stays selected wherever it moves to.
 */
import { pickerHeight } from '../../view/layout.js';
import { PANE_DEFINITIONS } from '../../view/panes.js';
import { tableLines } from '../../view/table-lines.js';
import type { AppState, ColumnPicker, SortChoice } from '../app-state.js';
import { tableInput } from '../frame-parts.js';
import type { Command } from '../keymap.js';
import { withRows } from '../rows.js';
import { NEWEST_FIRST } from '../sort-rows.js';
import { toggleHelp, withEffect } from './common.js';
import { movedCursor } from './pickers.js';

/** A column's natural direction: time newest first, text A→Z. */
const firstSortOn = (column: string): SortChoice => ({ column, descending: column === NEWEST_FIRST.column });

export function openColumns(state: AppState): AppState {
  const chosen = state.columns[state.pane];
  const items = PANE_DEFINITIONS[state.pane].columns.map((column) => ({ id: column.id, shown: chosen.includes(column.id) }));
  const picker: ColumnPicker = { pane: state.pane, items, sort: state.sort[state.pane], cursor: 0, top: 0 };
  return { ...state, mode: 'columns', columnPicker: picker };
}

/** Rows in `sort` order, the selected event kept. */
const sortedBy = (state: AppState, sort: SortChoice, fields: Partial<AppState> = {}): AppState => withRows(state, { ...fields, sort: { ...state.sort, [state.pane]: sort } });

/** `<` / `>`: sort by the visible column left or right of the sort column (none past the ends). */
export function moveSort(state: AppState, direction: 1 | -1): AppState {
  const visible = tableLines(tableInput(state)).columns.map((column) => column.id);
  const current = visible.indexOf(state.sort[state.pane].column);
  const next = current === -1 ? (direction === 1 ? 0 : visible.length - 1) : current + direction;
  if (next < 0 || next >= visible.length || next === current) return state;
  return sortedBy(state, firstSortOn(visible[next]));
}

export function reverseSort(state: AppState): AppState {
  const sort = state.sort[state.pane];
  return sortedBy(state, { ...sort, descending: !sort.descending });
}

/** Enter: the shown columns (at least one) and the sort become the pane's; the choice is kept in the config. */
function applyPicker(state: AppState, picker: ColumnPicker): AppState {
  const columns = picker.items.filter((item) => item.shown).map((item) => item.id);
  if (columns.length === 0) return { ...state, message: { text: 'Choose at least one column (Space shows it)', tone: 'bad' } };
  // A column no longer shown cannot be the one sorted on without the header saying so.
  const sort = columns.includes(picker.sort.column) ? picker.sort : NEWEST_FIRST;
  const before = state.columns[picker.pane];
  const changed = columns.length !== before.length || columns.some((id, i) => id !== before[i]);
  const applied = sortedBy(state, sort, { columns: { ...state.columns, [picker.pane]: columns }, mode: 'table', columnPicker: null });
  return changed ? withEffect(applied, { kind: 'saveColumns', pane: picker.pane, columns }) : applied;
}

export function columnsCommand(state: AppState, command: Command): AppState {
  const picker = state.columnPicker;
  if (command.type === 'quit') return { ...state, quit: true };
  if (command.type === 'toggleHelp') return toggleHelp(state);
  if (!picker || command.type === 'back') return { ...state, mode: 'table', columnPicker: null };
  const item = picker.items[picker.cursor];
  const edit = (change: Partial<ColumnPicker>): AppState => ({ ...state, columnPicker: { ...picker, ...change } });
  switch (command.type) {
    case 'choose':
      return applyPicker(state, picker);
    case 'toggleColumn':
      return edit({ items: picker.items.map((it) => (it === item ? { ...it, shown: !it.shown } : it)) });
    case 'sortByColumn': {
      if (!item) return state;
      // Sorting by a hidden column shows it: the header is where the sort is seen.
      const sort = picker.sort.column === item.id ? { ...picker.sort, descending: !picker.sort.descending } : firstSortOn(item.id);
      return edit({ sort, items: picker.items.map((it) => (it === item ? { ...it, shown: true } : it)) });
    }
    case 'reverseSort':
      return edit({ sort: { ...picker.sort, descending: !picker.sort.descending } });
    default: {
      const moved = movedCursor(picker, command, picker.items.length, pickerHeight(state.size));
      return moved ? edit(moved) : state;
    }
  }
}
