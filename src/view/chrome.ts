/**
 * The text of the explorer's frame around the table: pane tabs, the note line, the status line
 * and the key hints. Pure, so the Ink components and the plain-text first paint say the same.
 */
import { PANES, PANE_LABELS } from '../model/pane.js';
import type { Pane } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import { symbols } from '../text/symbols.js';
import type { AppState } from '../tui/state.js';
import { progressText } from './progress.js';
import { formatTerm } from '../query/format.js';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export function paneTabs(state: AppState): Array<{ pane: Pane; text: string; active: boolean }> {
  return PANES.map((pane, index) => ({
    pane,
    text: `${index === 0 ? '' : ' '} ${index + 1} ${PANE_LABELS[pane]} (${count(state.totals[pane])}) `,
    active: pane === state.pane,
  }));
}

/** Line 2: load progress while loading, else the sources; then what is hidden or unreadable. */
export function noteLine(state: AppState, now: number): string {
  const separator = symbols().separator;
  const sources = state.sources.length === 0 ? '(none)' : state.sources.map((s) => sanitize(s)).join(', ');
  const notes = state.loading ? [progressText(state.loading, now, separator)] : [`Sources: ${sources}`];
  if (state.errors.length > 0) notes.push(`${plural(state.errors.length, 'input')} not read (P)`);
  if (state.hideSubstrate) notes.push('Substrate write-backs hidden (s)');
  return notes.join(separator);
}

/**
 * Line 3: the active filter as chips, one per term, in the words of the query language (so what
 * the menu built can be read, retyped in `/` or passed to --filter).
 */
export function filterChips(state: AppState): { chips: string[]; note: string } {
  const terms = state.filter.active?.query.terms ?? [];
  if (terms.length === 0) return { chips: [], note: 'No filter: / search, f filter menu' };
  return { chips: terms.map((term) => sanitize(formatTerm(term))), note: 'f edits, x clears, Backspace undoes' };
}

export const chipLineText = (state: AppState): string => {
  const { chips, note } = filterChips(state);
  return chips.length === 0 ? note : `Filter: ${chips.map((chip) => `[${chip}]`).join(' ')}  ${note}`;
};

/** `<shown> of <total> events · row N`, and separately the problem count. */
export function statusParts(state: AppState): { summary: string; problems: string } {
  const separator = symbols().separator;
  const shown = state.rows[state.pane].length;
  const position = shown > 0 ? `${separator}row ${count(state.cursor[state.pane].selected + 1)}` : '';
  const lenses = [state.riskOnly ? `${separator}sensitive only (r)` : '', state.marksOnly ? `${separator}marked only (M)` : ''].join('');
  const marks = state.marks.size > 0 && !state.marksOnly ? `${separator}${count(state.marks.size)} marked` : '';
  return {
    summary: `${count(shown)} of ${count(state.totals[state.pane])} events${position}${lenses}${marks}`,
    problems: state.problemCount > 0 ? `${separator}${plural(state.problemCount, 'load problem')} (P)` : '',
  };
}

const HINTS: Record<AppState['mode'], string[]> = {
  table: ['j/k move', 'Enter details', '/ search', 'f filters', ': questions', 'i insights', 'Tab/1/2 pane', 's write-backs', 'P problems', '? help', 'q quit'],
  details: ['h/l tabs', 'j/k scroll', 'Esc/q back', '? help', 'Ctrl-C quit'],
  help: ['Esc/q/? close'],
  problems: ['j/k scroll', 'Esc/q back'],
  copy: ['j/k scroll', 'select the text with the mouse (in tmux: hold Shift)', 'Esc back'],
  palette: ['j/k move', 'Enter applies the question', 'Esc closes'],
  export: ['Enter writes', 'Tab all / marked only', 'Esc cancels'],
  menu: ['↑↓ move', 'Enter choose', 'Space mark several', '- exclude', 'Esc back'],
  insights: ['j/k move', 'Tab section', 'Enter filter to it', 'i recompute', 'Esc/q back'],
  search: ['Enter apply', 'Esc cancel', 'words are fuzzy', 'field:value', '-negates', 'a|b either', 'since:7d'],
};

export const hintLine = (state: AppState): string => HINTS[state.mode].join(symbols().separator);
