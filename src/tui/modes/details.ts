/** One event's details: its tabs, scrolling, and the list's pivots, marks and copies from here too. */
import { PANE_DEFINITIONS } from '../../view/panes.js';
import type { AppState } from '../app-state.js';
import { selectedDetailLines } from '../frame-parts.js';
import type { Command } from '../keymap.js';
import { moveSelection } from '../rows.js';
import { scrollCommand, sharedCommand } from './common.js';
import { findNext } from './find.js';

/** `]` / `[`: the next / previous event of the view, on the same tab, from its top; at either end it says so. */
function stepEvent(state: AppState, direction: 1 | -1): AppState {
  const moved = moveSelection(state, (selected) => selected + direction);
  if (moved === state) return { ...state, message: { text: direction === 1 ? 'The last (oldest) event of the view' : 'The first (newest) event of the view', tone: 'ok' } };
  return { ...moved, detailFull: false, scroll: { ...moved.scroll, details: 0 } };
}

export function detailsCommand(state: AppState, command: Command, now: number): AppState {
  const scrolled = scrollCommand(state, 'details', () => selectedDetailLines(state).length, command);
  if (scrolled) return scrolled;
  switch (command.type) {
    case 'detailsTab': {
      const tabs = PANE_DEFINITIONS[state.pane].detailTabs;
      const index = (tabs.indexOf(state.detailTab) + command.direction + tabs.length) % tabs.length;
      return { ...state, detailTab: tabs[index], scroll: { ...state.scroll, details: 0 } };
    }
    case 'toggleFullValues':
      return { ...state, detailFull: !state.detailFull };
    case 'stepEvent':
      return stepEvent(state, command.direction);
    case 'findNext':
      return findNext(state, command.direction);
    case 'back':
      return { ...state, mode: 'table' };
    default:
      return sharedCommand(state, command, now) ?? state;
  }
}
