/**
 * A file of sign-ins opened in the explorer should open on Sign-ins, not on an empty Directory
 * pane: until a pane is chosen (AppState.paneChosen), the pane shown moves to the first one with
 * events whenever the one shown has none, at the start and as the load grows.
 */
import { PANES } from '../model/pane.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import type { AppState } from './app-state.js';

export function withPaneThatHasEvents<S extends Pick<AppState, 'pane' | 'paneChosen' | 'detailTab' | 'store'>>(state: S): S {
  const counts = state.store.paneCounts;
  if (state.paneChosen || counts[state.pane] > 0) return state;
  const pane = PANES.find((candidate) => counts[candidate] > 0);
  // The pane was never chosen, so neither was a details tab: the new pane's first.
  return pane === undefined ? state : { ...state, pane, detailTab: PANE_DEFINITIONS[pane].detailTabs[0] };
}
