/** The status bar's second line: what the main keys do in each mode (the `?` help lists every key). */
import { PANES } from '../model/pane.js';
import type { AppState } from './app-state.js';
import type { Mode } from './keymap.js';

const PANE_KEYS = `Tab/${PANES.map((_, index) => index + 1).join('/')} pane`;

export const HINTS: Readonly<Record<Mode, readonly string[]>> = {
  // Write-backs (s) are dimmed and the help lists their key: the room went to F, find.
  // `? help` and `q quit` early: at 80 columns the line is cut after about six hints.
  table: ['j/k move', 'Enter details', '/ search', 'i insights', '? help', 'q quit', 'F find', 'f filters', ': questions', PANE_KEYS, 'P problems', 'C columns/sort'],
  details: ['h/l tabs', 'j/k scroll', ']/[ next/previous event', 'f full values', 'Esc/q back', '? help', 'Ctrl-C quit'],
  help: ['Esc/q/? close'],
  problems: ['j/k scroll', 'Esc/q back'],
  copy: ['j/k scroll', 'select the text with the mouse (in tmux: hold Shift)', 'Esc back'],
  columns: ['j/k move', 'Space show/hide', 's sort by it', 'R reverse', 'Enter applies', 'Esc cancels'],
  palette: ['j/k move', 'Enter applies the question', '/ narrow', 'Esc closes'],
  export: ['Enter writes', 'Tab all / marked only', '↑↓ earlier names', 'Esc cancels'],
  menu: ['↑↓ move', 'Enter choose', 'Space mark several', '- exclude', 'o order', '/ narrow', 'Esc back'],
  insights: ['j/k move', 'Tab section', 'Enter filter to it', '+/- zoom', 'i recompute', 'Esc/q back'],
  // Shown after the pane's query reminder, on the line above the / bar.
  search: ['Enter keeps', 'Esc undoes', '←→ Home End edit', '↑↓ earlier queries'],
  // Above the F prompt: finding moves the cursor and filters nothing.
  find: ['every row stays', 'Enter keeps', 'then n/N next/previous hit', 'Esc goes back', '↑↓ earlier queries'],
};

const CUSTOM_DATES = ['type a date, a date-time or 7d', 'Tab switches', '↑↓ earlier dates', 'Enter applies', 'Esc back'];
const TYPING_IN_LIST = ['type to narrow', '↑↓ move', 'Enter keeps it', 'Esc clears it'];

/** The hints for what is on screen now (the custom range and a list's `/` line type where the lists move). */
export function hintsFor(state: Pick<AppState, 'mode' | 'menu' | 'palette'>): readonly string[] {
  if (state.mode === 'menu' && state.menu?.stage === 'customDate') return CUSTOM_DATES;
  const typing = state.mode === 'menu' ? state.menu?.stage === 'values' && state.menu.filter?.typing : state.mode === 'palette' && state.palette?.filter?.typing;
  return typing ? TYPING_IN_LIST : HINTS[state.mode];
}
