/** The event list: moving, opening, the lenses, grouping, and the ways into every other view. */
import { applyFilter, filterBack } from '../apply-filter.js';
import type { AppState } from '../app-state.js';
import type { Command } from '../keymap.js';
import { queryPromptEditor } from '../line-editor.js';
import { moveSelection, selectedIndex, viewEvents, withRows, keepSelection, computeRows, rowChoice } from '../rows.js';
import { moveSort, openColumns, reverseSort } from './columns.js';
import { detailTabIn, moveCommand, sharedCommand } from './common.js';
import { newExportPrompt } from './export.js';
import { findNext, openFind } from './find.js';
import { openInsights } from './insights.js';
import { openMenu } from './menu.js';
import { openPalette } from './palette.js';

/** `→` opens the selected operation's group, `←` closes it (from any of its rows). */
function expandGroup(state: AppState, open: boolean): AppState {
  const index = selectedIndex(state);
  if (index === undefined || !state.groups) return state;
  const correlation = state.store.stringId(index, 'correlation');
  if (correlation === 0) return state;
  const expanded = new Set(state.expanded);
  if (open) expanded.add(correlation);
  else expanded.delete(correlation);
  const regrouped = { ...state, expanded, ...computeRows(state, rowChoice(state, { expanded })) };
  // Closing from a member row selects the group's lead.
  if (!open && !state.groups[state.pane].has(index)) {
    const lead = regrouped.rows[state.pane].findIndex((i) => state.store.stringId(i, 'correlation') === correlation);
    return moveSelection(regrouped, () => Math.max(0, lead));
  }
  return keepSelection(state, regrouped);
}

export function tableCommand(state: AppState, command: Command, now: number): AppState {
  const moved = moveCommand(state, command);
  if (moved) return moved;
  switch (command.type) {
    case 'openDetails':
      if (selectedIndex(state) === undefined) return state;
      return { ...state, mode: 'details', detailTab: detailTabIn(state.pane, state.detailTab), detailFull: false, scroll: { ...state.scroll, details: 0 } };
    case 'toggleProblems':
      return { ...state, mode: 'problems', scroll: { ...state.scroll, problems: 0 } };
    case 'toggleSubstrate':
      return withRows(state, { hideSubstrate: !state.hideSubstrate });
    case 'toggleRiskLens':
      return withRows(state, { riskOnly: !state.riskOnly });
    case 'toggleUnusualLens':
      return withRows(state, { unusualOnly: !state.unusualOnly });
    case 'toggleMarksOnly':
      return withRows(state, { marksOnly: !state.marksOnly });
    case 'toggleGroups':
      return withRows(state, {}, { grouped: state.groups === null });
    case 'expandGroup':
      return expandGroup(state, command.open);
    case 'openSearch':
      return { ...state, mode: 'search', search: { editor: queryPromptEditor(state.filter.text, state.promptHistory.search), error: null, before: state.filter.text } };
    case 'openFind':
      return openFind(state);
    case 'findNext':
      return findNext(state, command.direction);
    case 'clearFilter':
      // Every event is back: the one selected stays selected, with its neighbours now around it.
      return state.filter.text === '' ? state : applyFilter(state, '', now, { keepSelected: true });
    case 'filterBack':
      return filterBack(state, now);
    case 'openMenu':
      return openMenu(state);
    case 'openPalette':
      return openPalette(state);
    case 'openInsights':
      return openInsights(state);
    case 'openColumns':
      return openColumns(state);
    case 'moveSort':
      return moveSort(state, command.direction);
    case 'reverseSort':
      return reverseSort(state);
    case 'openExport':
      return { ...state, mode: 'export', exportPrompt: newExportPrompt(now, state.marks.size > 0, viewEvents(state).length, state.promptHistory.export) };
    default:
      return sharedCommand(state, command, now) ?? state;
  }
}
