/**
 * The explorer's state as the plain inputs of the view functions (view/ never sees AppState):
 * the components and the text first paint both build their frame through these, so they agree.
 */
import { recordLines, type DetailLine, type DetailOptions } from '../view/details.js';
import { bodyHeight } from '../view/layout.js';
import type { NoteInput, StatusInput } from '../view/chrome.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import type { TableInput } from '../view/table-lines.js';
import type { AppState } from './app-state.js';
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
    options: { timeZone: state.options.timeZone, symbols: state.options.symbols },
  };
}

export const noteInput = (state: AppState): NoteInput => ({ sources: state.sources, loading: state.loading, errors: state.errors, hideSubstrate: state.hideSubstrate });

export const statusInput = (state: AppState): StatusInput => ({
  shown: state.rows[state.pane].length,
  total: state.totals[state.pane],
  selected: state.cursor[state.pane].selected,
  riskOnly: state.riskOnly,
  marksOnly: state.marksOnly,
  marks: state.marks.size,
  problemCount: state.problemCount,
});

export function detailOptions(state: AppState): DetailOptions {
  const index = selectedIndex(state);
  const sensitive = index === undefined ? undefined : state.indexes.rules.ruleOf(index);
  return { width: Math.max(20, state.size.columns - 2), timeZone: state.options.timeZone, symbols: state.options.symbols, sensitive };
}

/** The selected event's lines on the current tab (a message when it can no longer be read). */
export function selectedDetailLines(state: AppState): DetailLine[] {
  const read = selectedRead(state);
  return read ? recordLines(read, state.detailTab, detailOptions(state)) : [];
}
