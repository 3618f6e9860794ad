/**
 * The explorer's state as the plain inputs of the view functions (view/ never sees AppState):
 * the components and the text first paint both build their frame through these, so they agree.
 */
import type { RecordRead } from '../store/event-store.js';
import { recordLines, type DetailLine, type DetailOptions, type DetailTab } from '../view/details.js';
import { bodyHeight } from '../view/layout.js';
import type { NoteInput, StatusInput } from '../view/chrome.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import type { TableInput } from '../view/table-lines.js';
import type { AppState } from './app-state.js';
import { findStatus } from './find-hits.js';
import { selectedIndex, selectedRead } from './rows.js';

export function tableInput(state: AppState): TableInput {
  const pane = state.pane;
  return {
    store: state.store,
    rows: state.rows[pane],
    cursor: state.cursor[pane],
    height: bodyHeight(state.size),
    width: state.size.columns,
    columns: PANE_DEFINITIONS[pane].columns,
    marks: state.marks,
    groups: state.groups?.[pane] ?? null,
    expanded: state.expanded,
    severityOf: (index) => state.indexes.rules.severityOf(index),
    isUnusual: (index) => state.indexes.unusual.isUnusual(index),
    options: { timeZone: state.options.timeZone, symbols: state.options.symbols },
  };
}

export const noteInput = (state: AppState): NoteInput => ({
  sources: state.sources,
  duplicates: state.duplicates,
  loading: state.loading,
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
  };
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
