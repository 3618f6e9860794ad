/**
 * The text of the explorer's frame around the table: pane tabs, the note line, the filter chips,
 * the status line and the key hints, from plain inputs. Pure, so the Ink components and the
 * plain-text first paint say the same.
 */
import type { Query } from '../query/ast.js';
import { formatTerm } from '../query/format.js';
import type { LoadProgress } from '../model/load-progress.js';
import { PANES, type Pane } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { truncateToWidth } from '../text/width.js';
import { PANE_DEFINITIONS } from './panes.js';
import { progressText } from './progress.js';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** Short names for narrow terminals, where four tabs with their counts do not fit in 80 columns. */
const SHORT_TITLES: Record<Pane, string> = { directory: 'Directory', 'custom-security': 'Custom Sec.', 'sign-ins': 'Sign-ins', provisioning: 'Prov.' };

/** The tabs, as wide as `width` allows: full titles with counts, then tighter, then short titles. */
export function paneTabs(totals: Readonly<Record<Pane, number>>, active: Pane, width = Infinity): Array<{ pane: Pane; text: string; active: boolean }> {
  const layouts = [
    (pane: Pane, index: number) => `${index === 0 ? '' : ' '} ${index + 1} ${PANE_DEFINITIONS[pane].title} (${count(totals[pane])}) `,
    (pane: Pane, index: number) => ` ${index + 1} ${PANE_DEFINITIONS[pane].title} ${count(totals[pane])} `,
    (pane: Pane, index: number) => ` ${index + 1} ${SHORT_TITLES[pane]} ${count(totals[pane])} `,
  ];
  const fits = layouts.find((layout) => PANES.reduce((sum, pane, index) => sum + layout(pane, index).length, 0) <= width) ?? layouts[layouts.length - 1];
  return PANES.map((pane, index) => ({ pane, text: fits(pane, index), active: pane === active }));
}

export interface NoteInput {
  sources: readonly string[];
  /** Records dropped as repeats of one loaded before: overlapping exports are normal, but the user must see how many. */
  duplicates: number;
  /** Null once the load is done. */
  loading: LoadProgress | null;
  /** Read back from the persisted index (said after the sources, so a user knows why it was quick). */
  fromCache?: boolean;
  errors: readonly string[];
  hideSubstrate: boolean;
}

/** Line 2: load progress while loading, else the sources; then repeats dropped, and what is hidden or unreadable. */
export function noteLine(input: NoteInput, now: number, width: number, symbols: Symbols): string {
  const { separator } = symbols;
  const sources = input.sources.length === 0 ? '(none)' : input.sources.map((s) => sanitize(s, symbols)).join(', ');
  const notes = input.loading ? [progressText(input.loading, now, separator)] : [`Sources: ${sources}`];
  if (!input.loading && input.fromCache) notes.push('from cache');
  if (input.duplicates > 0) notes.push(`${plural(input.duplicates, 'duplicate')} dropped`);
  if (input.errors.length > 0) notes.push(`${plural(input.errors.length, 'input')} not read (P)`);
  if (input.hideSubstrate) notes.push('Substrate write-backs hidden (s)');
  return truncateToWidth(notes.join(separator), width, symbols.ellipsis);
}

/**
 * Line 3: the active filter as chips, one per term, in the words of the query language (so what
 * the menu built can be read, retyped in `/` or passed to --filter), each fitted to the width.
 */
export function filterChips(query: Query | null, width: number, symbols: Symbols): { chips: string[]; note: string } {
  const terms = query?.terms ?? [];
  if (terms.length === 0) return { chips: [], note: 'No filter: / search, f filter menu' };
  const room = Math.max(8, width - 10);
  return { chips: terms.map((term) => truncateToWidth(sanitize(formatTerm(term), symbols), room, symbols.ellipsis)), note: 'f edits, x clears, Backspace undoes' };
}

export function chipLineText(query: Query | null, width: number, symbols: Symbols): string {
  const { chips, note } = filterChips(query, width, symbols);
  return chips.length === 0 ? note : `Filter: ${chips.map((chip) => `[${chip}]`).join(' ')}  ${note}`;
}

export interface StatusInput {
  shown: number;
  total: number;
  /** Position of the selected row. */
  selected: number;
  riskOnly: boolean;
  unusualOnly: boolean;
  marksOnly: boolean;
  marks: number;
  problemCount: number;
  /** Rows above and below the table's window (how far it is scrolled); absent where no table is. */
  window?: { above: number; below: number };
  /** The `F` find: which hit the selected row is (null: none) and how many rows it hits. */
  find?: { hit: number | null; hits: number } | null;
  /** A load is still under way: every count is of what has arrived so far. */
  partial?: boolean;
  /** The sort column and its direction when the rows are not newest first (`Activity ▲`). */
  sort?: string | null;
}

/** `↑ 12 newer ↓ 340 older`: what the window hides above and below it (nothing when it hides nothing). */
function windowText(window: StatusInput['window'], symbols: Symbols): string {
  if (!window) return '';
  const up = symbols.ascii ? '^' : '↑';
  const parts = [window.above > 0 ? `${up} ${count(window.above)} newer` : '', window.below > 0 ? `${symbols.more} ${count(window.below)} older` : ''].filter(Boolean);
  return parts.length > 0 ? `${symbols.separator}${parts.join(' ')}` : '';
}

function findText(find: StatusInput['find'], separator: string): string {
  if (!find) return '';
  if (find.hits === 0) return `${separator}find: no hits`;
  return find.hit === null ? `${separator}find: ${plural(find.hits, 'hit')} (n next)` : `${separator}hit ${count(find.hit)} of ${count(find.hits)}`;
}

/** `<shown> of <total> events · row N`, and separately the problem count. */
export function statusParts(input: StatusInput, symbols: Symbols): { summary: string; problems: string } {
  const { separator } = symbols;
  const position = input.shown > 0 ? `${separator}row ${count(input.selected + 1)}` : '';
  const lenses = [input.riskOnly ? `${separator}sensitive only (r)` : '', input.unusualOnly ? `${separator}unusual only (u)` : '', input.marksOnly ? `${separator}marked only (M)` : ''].join('');
  const marks = input.marks > 0 && !input.marksOnly ? `${separator}${count(input.marks)} marked` : '';
  // During a load a count is a floor, not an answer: said on the count itself, for whoever pastes it.
  const partial = input.partial ? ' so far (loading)' : '';
  const sort = input.sort ? `${separator}sorted by ${input.sort}` : '';
  return {
    summary: `${count(input.shown)} of ${count(input.total)} events${partial}${position}${windowText(input.window, symbols)}${findText(input.find, separator)}${sort}${lenses}${marks}`,
    problems: input.problemCount > 0 ? `${separator}${plural(input.problemCount, 'load problem')} (P)` : '',
  };
}

/** What the keys do here, one line. */
export const hintLine = (hints: readonly string[], width: number, symbols: Symbols): string => truncateToWidth(hints.join(symbols.separator), width, symbols.ellipsis);
