/** The status bar's second line: what the main keys do in each mode (the `?` help lists every key). */
import { PANES } from '../model/pane.js';
import type { Mode } from './keymap.js';

const PANE_KEYS = `Tab/${PANES.map((_, index) => index + 1).join('/')} pane`;

export const HINTS: Readonly<Record<Mode, readonly string[]>> = {
  table: ['j/k move', 'Enter details', '/ search', 'f filters', ': questions', 'i insights', PANE_KEYS, 's write-backs', 'P problems', '? help', 'q quit'],
  details: ['h/l tabs', 'j/k scroll', 'Esc/q back', '? help', 'Ctrl-C quit'],
  help: ['Esc/q/? close'],
  problems: ['j/k scroll', 'Esc/q back'],
  copy: ['j/k scroll', 'select the text with the mouse (in tmux: hold Shift)', 'Esc back'],
  palette: ['j/k move', 'Enter applies the question', 'Esc closes'],
  export: ['Enter writes', 'Tab all / marked only', '↑↓ earlier names', 'Esc cancels'],
  menu: ['↑↓ move', 'Enter choose', 'Space mark several', '- exclude', 'Esc back'],
  insights: ['j/k move', 'Tab section', 'Enter filter to it', 'i recompute', 'Esc/q back'],
  search: ['Enter apply', 'Esc cancel', '←→ Home End move', '↑↓ earlier queries', 'words are fuzzy', 'field:value', '-negates', 'a|b either', 'since:7d'],
};
