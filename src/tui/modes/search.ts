/**
 * The `/` bar. Its line is the one line editor every prompt uses (tui/line-editor.ts), fed key by
 * key through the app's one router, so keys arriving in a burst (a paste, a fast typist over SSH)
 * are applied in order. The results follow the typing: each edit that parses is applied at once
 * (on a store past the frame budget, just after the key is drawn, keys typed meanwhile together);
 * a draft that does not parse yet keeps the last results and shows why. Enter keeps the filter
 * (and records the one before in the history), Esc restores the filter from before the bar opened.
 */
import { recordFilter, tryFilter } from '../apply-filter.js';
import { MEASURED_FOR_A_FRAME_MOST } from '../../insights/frame-budget.js';
import type { AppState } from '../app-state.js';
import { editLine, rememberIn, withText, type LineEditor } from '../line-editor.js';

function edited(state: AppState, editor: LineEditor, now: number): AppState {
  const typing = { ...state, search: { ...state.search, editor, applyLater: false } };
  const outcome = tryFilter(typing, editor.text, now, { live: true });
  return outcome.ok ? outcome.state : { ...typing, search: { ...typing.search, error: outcome.error } };
}

/** The bar's text set whole (a test, or the app pasting a query). */
export const setSearchText = (state: AppState, draft: string, now: number): AppState => edited(state, withText(state.search.editor, draft), now);

export function submitSearch(state: AppState, now: number): AppState {
  const { before, editor } = state.search;
  const applied = edited(state, editor, now);
  if (applied.search.error) return applied;
  const changed = applied.filter.text !== before;
  const filterHistory = changed ? recordFilter(state.filterHistory, before) : state.filterHistory;
  const promptHistory = { ...applied.promptHistory, search: rememberIn(applied.promptHistory.search, editor.text) };
  return { ...applied, mode: 'table', filterHistory, promptHistory };
}

export function cancelSearch(state: AppState, now: number): AppState {
  const before = state.search.before;
  const restored = before === state.filter.text ? state : edited(state, withText(state.search.editor, before), now);
  return { ...restored, mode: 'table', search: { editor: withText(state.search.editor, before), error: null, before } };
}

/** The text typed on a large store, applied (nothing to do when it was already). */
export function applySearch(state: AppState, now: number): AppState {
  return state.mode === 'search' && state.search.applyLater ? edited(state, state.search.editor, now) : state;
}

export function searchKey(state: AppState, key: string, now: number): AppState {
  if (key === 'ctrl+c') return { ...state, quit: true };
  const { editor, outcome } = editLine(state.search.editor, key);
  switch (outcome) {
    case 'submit':
      return submitSearch(state, now);
    case 'cancel':
      return cancelSearch(state, now);
    case 'changed':
      // A large store: the key is drawn first, the text applied just after (applySearch).
      if (state.store.count > MEASURED_FOR_A_FRAME_MOST) return { ...state, search: { ...state.search, editor, applyLater: true } };
      return edited(state, editor, now);
    case 'moved':
      return { ...state, search: { ...state.search, editor } };
    case 'ignored':
      return state;
  }
}
