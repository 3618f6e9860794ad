/**
 * The explorer's state as the plain inputs of the view functions (view/ never sees AppState):
 * the components and the text first paint both build their frame through these, so they agree.
 */
import type { RecordRead } from '../store/record-address.js';
import { recordLines, type DetailLine, type DetailOptions, type DetailTab } from '../view/details.js';
import { bodyHeight, pickerHeight } from '../view/layout.js';
import type { ColumnPickerInput } from '../view/column-picker.js';
import { tableLines } from '../view/table-lines.js';
import type { NoteInput, StatusInput } from '../view/chrome.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import { chosenColumns, columnHeader } from '../view/columns.js';
import type { TableInput } from '../view/table-lines.js';
import type { AppState } from './app-state.js';
import { findStatus } from './find-hits.js';
import { selectedIndex, selectedRead } from './rows.js';
import { isNewestFirst } from './sort-rows.js';

export function tableInput(state: AppState): TableInput {
  const pane = state.pane;
  return {
    store: state.store,
    rows: state.rows[pane],
    cursor: state.cursor[pane],
    height: bodyHeight(state.size),
    width: state.size.columns,
    columns: chosenColumns(PANE_DEFINITIONS[pane].columns, state.columns[pane]),
    sort: state.sort[pane],
    marks: state.marks,
    groups: state.groups?.[pane] ?? null,
    expanded: state.expanded,
    severityOf: (index) => state.indexes.rules.severityForFrame(index),
    isUnusual: (index) => state.indexes.unusual.markedUnusual(index),
    options: { timeZone: state.options.timeZone, symbols: state.options.symbols },
  };
}

/** The `C` picker as the view draws it: which chosen columns the width would leave out, too. */
export function columnPickerInput(state: AppState): ColumnPickerInput | null {
  const picker = state.columnPicker;
  if (!picker) return null;
  const shown = picker.items.filter((item) => item.shown).map((item) => item.id);
  const drawn = tableLines(tableInput({ ...state, pane: picker.pane, columns: { ...state.columns, [picker.pane]: shown } })).columns.map((column) => column.id);
  return {
    columns: PANE_DEFINITIONS[picker.pane].columns,
    shown: new Set(shown),
    tooNarrow: new Set(shown.filter((id) => !drawn.includes(id))),
    sort: picker.sort,
    cursor: picker,
    height: pickerHeight(state.size),
    width: state.size.columns,
    options: { timeZone: state.options.timeZone, symbols: state.options.symbols },
  };
}

export const noteInput = (state: AppState): NoteInput => ({
  sources: state.sources,
  duplicates: state.duplicates,
  loading: state.loading,
  fromCache: state.fromCache,
  errors: state.errors,
  hideSubstrate: state.hideSubstrate,
});

/** Modes that show the event table (and so its scroll position). */
const TABLE_MODES = new Set<AppState['mode']>(['table', 'search', 'find']);

export function statusInput(state: AppState): StatusInput {
  const shown = state.rows[state.pane].length;
  const { top } = state.cursor[state.pane];
  const height = bodyHeight(state.size);
  return {
    shown,
    total: state.totals[state.pane],
    selected: state.cursor[state.pane].selected,
    riskOnly: state.riskOnly,
    unusualOnly: state.unusualOnly,
    marksOnly: state.marksOnly,
    marks: state.marks.size,
    problemCount: state.problemCount,
    window: TABLE_MODES.has(state.mode) ? { above: top, below: Math.max(0, shown - top - height) } : undefined,
    find: findStatus(state),
    partial: state.loading !== null,
    sort: sortLabel(state),
  };
}

/** `Activity ▲` when the rows are not newest first (the status line says so even if that column is off screen). */
function sortLabel(state: AppState): string | null {
  const sort = state.sort[state.pane];
  if (isNewestFirst(sort)) return null;
  const column = PANE_DEFINITIONS[state.pane].columns.find((c) => c.id === sort.column);
  if (!column) return null;
  const { symbols } = state.options;
  return `${columnHeader(column, { timeZone: state.options.timeZone, symbols })} ${sort.descending ? symbols.sortDescending : symbols.sortAscending}`;
}

export function detailOptions(state: AppState): DetailOptions {
  const index = selectedIndex(state);
  const sensitive = index === undefined ? undefined : state.indexes.rules.ruleOf(index);
  return { width: Math.max(20, state.size.columns - 2), timeZone: state.options.timeZone, symbols: state.options.symbols, sensitive, full: state.detailFull };
}

/**
 * The lines last built for each record read (the store keeps a read while it is cached), so a
 * key that scrolls or redraws does not wrap a long record again. A pure memo: same inputs, same lines.
 */
const detailLineMemo = new WeakMap<RecordRead, { tab: DetailTab; options: DetailOptions; lines: DetailLine[] }>();

const sameOptions = (a: DetailOptions, b: DetailOptions): boolean =>
  a.width === b.width && a.timeZone === b.timeZone && a.symbols === b.symbols && a.sensitive === b.sensitive && a.full === b.full;

/** The selected event's lines on the current tab (a message when it can no longer be read). */
export function selectedDetailLines(state: AppState): DetailLine[] {
  const read = selectedRead(state);
  if (!read) return [];
  const options = detailOptions(state);
  const memo = detailLineMemo.get(read);
  if (memo && memo.tab === state.detailTab && sameOptions(memo.options, options)) return memo.lines;
  const lines = recordLines(read, state.detailTab, options);
  detailLineMemo.set(read, { tab: state.detailTab, options, lines });
  return lines;
}
