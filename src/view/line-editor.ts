/**
 * One line editor drawn in a given width: the text before the cursor, the cell under it and the
 * text after it, sanitised and cut so the three together never exceed the width and the cursor is
 * always on screen. The component only styles `at` (inverse) and prints the three.
 *
 * Stateless: the window is a function of (text, cursor, width), so nothing but the editor itself
 * needs keeping. The text is shown in pages of half the width, so the window stays still while
 * the cursor moves inside it and jumps by half a width when the cursor reaches an edge (readline's
 * horizontal scrolling); the first page starts at the text's start, and near the end the window
 * is pinned to the end, so typing at the end of a long query shows as much of it as fits.
 */
import { sanitize } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';

/** What the view needs of an editor (tui/line-editor's LineEditor has it; view may not import tui). */
export interface EditedText {
  readonly text: string;
  /** UTF-16 index; one inside a grapheme counts as that grapheme. */
  readonly cursor: number;
}

export interface EditorLine {
  /** Sanitised text before the cursor, after a cut marker when the start is off screen. */
  before: string;
  /** The grapheme under the cursor, sanitised; ' ' at the end of the text. */
  at: string;
  /** Sanitised text after the cursor, then a cut marker when the end is off screen. */
  after: string;
}

export interface EditorLineOptions {
  /** Shown at a cut edge (the symbols' ellipsis: '…', or '...' with --ascii). */
  ellipsis: string;
}

interface Cell {
  text: string;
  width: number;
}

/** The cells shown: [start, end). */
interface Window {
  start: number;
  end: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text as cells: one per grapheme, each sanitised on its own (a pasted ESC becomes ␛ or ^[,
 * which can be wider than a column, so widths are measured after), plus a blank cell for the
 * cursor at the end. Returns the cells and the index of the cursor's cell.
 * Walks every grapheme: ~2 ms a frame for 1,000 characters in Node 20, far more than a prompt
 * holds (the iterator slows on very long strings; see tui/line-editor.ts).
 */
function cellsOf(editor: EditedText, show: (grapheme: string) => string): { cells: Cell[]; at: number } {
  const cursor = Math.max(0, Math.min(editor.text.length, Math.trunc(editor.cursor)));
  const cells: Cell[] = [];
  let at = -1;
  for (const { segment, index } of graphemes.segment(editor.text)) {
    if (at < 0 && index + segment.length > cursor) at = cells.length;
    const text = show(segment);
    cells.push({ text, width: displayWidth(text) });
  }
  if (at < 0) {
    at = cells.length;
    cells.push({ text: ' ', width: 1 });
  } else if (cells[at].width === 0) {
    // A zero-width grapheme (a lone combining mark, a zero-width space) would leave the cursor
    // invisible: draw it on a space so the cursor cell is one column.
    const text = ' ' + cells[at].text;
    cells[at] = { text, width: displayWidth(text) };
  }
  return { cells, at };
}

/**
 * Which cells to show so the cursor's cell is on screen, markers (`mark` columns each) at cut
 * edges included, within `width`. Null when not even the cursor's cell fits beside the markers.
 */
function windowAround(widths: readonly number[], at: number, width: number, mark: number): Window | null {
  const count = widths.length;
  const column = [0];
  for (const w of widths) column.push(column[column.length - 1] + w);
  if (column[count] <= width) return { start: 0, end: count };
  const fits = (start: number, end: number) =>
    column[end] - column[start] + (start > 0 ? mark : 0) + (end < count ? mark : 0) <= width;
  // The furthest the window reaches from `start`: to the end if that fits (no right marker then).
  const reach = (start: number) => {
    if (fits(start, count)) return count;
    let end = start;
    while (end < count && fits(start, end + 1)) end++;
    return end;
  };
  // Pages half a window wide; the cursor lives in a page's second half, so it has at least half a
  // window of what it has passed to its left (the first page starts at 0 and holds it until the
  // whole first window is used).
  const half = Math.max(1, Math.floor((width - 2 * mark) / 2));
  const page = Math.floor(column[at] / half);
  const pageColumn = page <= 1 ? 0 : (page - 1) * half;
  let start = column.findIndex((c) => c >= pageColumn);
  // Pinned to the end once the tail from here fits: typing at the end shows the most text.
  let tail = count;
  while (tail > 0 && fits(tail - 1, count)) tail--;
  start = Math.min(start, tail);
  // Wide cells and the markers can push the cursor off the page's right edge: slide just enough.
  while (start < at && reach(start) <= at) start++;
  return reach(start) > at ? { start, end: reach(start) } : null;
}

/** Cut `text` to at most `width` columns, by grapheme (the degenerate case: one cell wider than the line). */
function cutToWidth(text: string, width: number): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (displayWidth(out + segment) > width) break;
    out += segment;
  }
  return out;
}

export function editorLine(editor: EditedText, width: number, options: EditorLineOptions): EditorLine {
  // The one call to sanitize in this file (when it takes the symbols: `sanitize(grapheme, options.symbols)`).
  const show = (grapheme: string): string => sanitize(grapheme);
  const columns = Number.isFinite(width) ? Math.floor(width) : 0;
  if (columns <= 0) return { before: '', at: '', after: '' };
  const { cells, at } = cellsOf(editor, show);
  const mark = displayWidth(options.ellipsis);
  const join = (from: number, to: number) => cells.slice(from, to).map((cell) => cell.text).join('');
  const widths = cells.map((cell) => cell.width);
  const marked = windowAround(widths, at, columns, mark);
  // Too narrow for the markers beside the cursor (a 2-column field, '...'): unmarked cuts, then
  // the cursor's cell alone, cut if need be (a ⟨U+202E⟩ placeholder is 8 columns; a CJK
  // character in one column becomes a blank, so the cursor is still seen).
  const window = marked ?? windowAround(widths, at, columns, 0);
  if (window === null) return { before: '', at: cutToWidth(cells[at].text, columns) || ' ', after: '' };
  const ellipsis = marked ? options.ellipsis : '';
  const { start, end } = window;
  return {
    before: (start > 0 ? ellipsis : '') + join(start, at),
    at: cells[at].text,
    after: join(at + 1, end) + (end < cells.length ? ellipsis : ''),
  };
}
