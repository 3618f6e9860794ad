/** One event's details: its tabs, scrolling, and the list's pivots, marks and copies from here too. */
import { PANE_DEFINITIONS } from '../../view/panes.js';
import type { AppState } from '../app-state.js';
import { selectedDetailLines } from '../frame-parts.js';
import type { Command } from '../keymap.js';
import { scrollCommand, sharedCommand } from './common.js';

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
    case 'back':
      return { ...state, mode: 'table' };
    default:
      return sharedCommand(state, command, now) ?? state;
  }
}
