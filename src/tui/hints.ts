/** The status bar's second line: what the main keys do in each mode (the `?` help lists every key). */
import { PANES } from '../model/pane.js';
import type { AppState } from './app-state.js';
import type { Mode } from './keymap.js';

const PANE_KEYS = `Tab/${PANES.map((_, index) => index + 1).join('/')} pane`;

export const HINTS: Readonly<Record<Mode, readonly string[]>> = {
  table: ['j/k move', 'Enter details', '/ search', 'f filters', ': questions', 'i insights', PANE_KEYS, 's write-backs', 'P problems', '? help', 'q quit', 'C columns/sort'],
  details: ['h/l tabs', 'j/k scroll', 'f full values', 'Esc/q back', '? help', 'Ctrl-C quit'],
  help: ['Esc/q/? close'],
  problems: ['j/k scroll', 'Esc/q back'],
  copy: ['j/k scroll', 'select the text with the mouse (in tmux: hold Shift)', 'Esc back'],
  columns: ['j/k move', 'Space show/hide', 's sort by it', 'R reverse', 'Enter applies', 'Esc cancels'],
  palette: ['j/k move', 'Enter applies the question', 'Esc closes'],
  export: ['Enter writes', 'Tab all / marked only', '↑↓ earlier names', 'Esc cancels'],
  menu: ['↑↓ move', 'Enter choose', 'Space mark several', '- exclude', 'Esc back'],
  insights: ['j/k move', 'Tab section', 'Enter filter to it', 'i recompute', 'Esc/q back'],
  // Shown after the pane's query reminder, on the line above the / bar.
  search: ['Enter keeps', 'Esc undoes', '←→ Home End edit', '↑↓ earlier queries'],
};

const CUSTOM_DATES = ['type a date, a date-time or 7d', 'Tab switches', '↑↓ earlier dates', 'Enter applies', 'Esc back'];

/** The hints for what is on screen now (the custom range types where the menu's lists move). */
export const hintsFor = (state: Pick<AppState, 'mode' | 'menu'>): readonly string[] => (state.mode === 'menu' && state.menu?.stage === 'customDate' ? CUSTOM_DATES : HINTS[state.mode]);
