/**
 * The explorer's whole behaviour as a pure reducer that only routes: a key is resolved against
 * the keymap of the mode the app is in *now* and handed to that mode's file (modes/), as is a
 * command dispatched directly; the app's own actions (a load's progress, a resize, the outcome of
 * a side effect) go to the function that owns them. It never calls itself, never reads the clock
 * (the app puts `now` in the action) and asks for side effects as data (state.effect).
 */
import type { Action, AppState } from './app-state.js';
import { applyFilter, filterAfterGrowth } from './apply-filter.js';
import { bindingFor, QUIT_ANYWHERE, SUSPEND_ANYWHERE, type Command } from './keymap.js';
import { withEffect } from './modes/common.js';
import { columnsCommand } from './modes/columns.js';
import { copyCommand, showCopyText } from './modes/copy.js';
import { detailsCommand } from './modes/details.js';
import { exportDone, exportFailed, exportKey } from './modes/export.js';
import { findKey } from './modes/find.js';
import { insightsAfterResize, insightsCommand } from './modes/insights.js';
import { menuCommand, menuKey } from './modes/menu.js';
import { helpCommand, problemsCommand } from './modes/overlays.js';
import { paletteCommand, paletteKey } from './modes/palette.js';
import { applySearch, cancelSearch, searchKey, setSearchText, submitSearch } from './modes/search.js';
import { tableCommand } from './modes/table.js';
import { clampAll, computeRows, keepSelection, rowChoice } from './rows.js';
import { withPaneThatHasEvents } from './pane-with-events.js';

/** A command in the mode the app is in. */
function routeCommand(state: AppState, command: Command, now: number): AppState {
  switch (state.mode) {
    case 'table':
      return tableCommand(state, command, now);
    case 'details':
      return detailsCommand(state, command, now);
    case 'help':
      return helpCommand(state, command);
    case 'problems':
      return problemsCommand(state, command);
    case 'copy':
      return copyCommand(state, command);
    case 'menu':
      return menuCommand(state, command, now);
    case 'palette':
      return paletteCommand(state, command, now);
    case 'insights':
      return insightsCommand(state, command, now);
    case 'columns':
      return columnsCommand(state, command);
    case 'export':
    case 'search':
    case 'find':
      // The prompts take keys, not commands (a command dispatched to them only quits).
      return command.type === 'quit' ? { ...state, quit: true } : state;
  }
}

/** A key in the mode the app is in: the prompts edit their line, the rest go through the keymap. */
function routeKey(state: AppState, key: string, now: number): AppState {
  const binding = bindingFor(state.options.keymap, state.mode, key);
  // Ctrl-C leaves from anywhere at once, marks or not (q from the list asks first when there are marks).
  if (binding?.action === QUIT_ANYWHERE) return { ...state, quit: true };
  // Ctrl-Z too, from a prompt as well: whatever is typed there is still there after fg.
  if (binding?.action === SUSPEND_ANYWHERE) return withEffect(state, { kind: 'suspend' });
  const command = binding?.command;
  // The status line's message lasts until the next key; a pending "q again quits" until a key that is not quit.
  const keepConfirm = state.confirmQuit && command?.type === 'quit';
  const fresh = state.message || (state.confirmQuit && !keepConfirm) ? { ...state, message: null, confirmQuit: keepConfirm } : state;
  if (fresh.mode === 'search') return searchKey(fresh, key, now);
  if (fresh.mode === 'find') return findKey(fresh, key, now);
  if (fresh.mode === 'export') return exportKey(fresh, key);
  if (fresh.mode === 'menu') return menuKey(fresh, key, now);
  if (fresh.mode === 'palette') return paletteKey(fresh, key, now);
  return command ? routeCommand(fresh, command, now) : fresh;
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      return routeKey(state, action.name, action.now);
    case 'editSearch':
      return setSearchText(state, action.draft, action.now);
    case 'submitSearch':
      return submitSearch(state, action.now);
    case 'applySearch':
      return applySearch(state, action.now);
    case 'cancelSearch':
      return cancelSearch(state, action.now);
    case 'applyFilter':
      return applyFilter(state, action.text, action.now, action);
    case 'resize': {
      const resized = { ...state, size: { columns: action.columns, rows: action.rows } };
      return { ...resized, cursor: clampAll(resized), scroll: { details: 0, help: 0, problems: 0, copy: 0 }, insights: insightsAfterResize(state, resized) };
    }
    case 'refresh': {
      const { type: _type, ...load } = action;
      const grown = withPaneThatHasEvents({ ...state, ...load, ...computeRows(state, rowChoice(state)) });
      return keepSelection(state, { ...grown, filter: filterAfterGrowth(grown) });
    }
    case 'showMessage':
      return { ...state, message: action.message };
    case 'showCopyText':
      return showCopyText(state, action.text, action.what, action.reason);
    case 'exportDone':
      return exportDone(state, action.receipt);
    case 'exportFailed':
      return exportFailed(state, action.error, action.exists);
    case 'resumed':
      return { ...state, repaint: true, message: action.message };
    case 'repainted':
      return { ...state, repaint: false };
    default:
      return routeCommand(state, action, action.now);
  }
}
