/**
 * The pickers as lines fitted to the screen: the `f` menu's lists and the `:` questions palette.
 * Values from logs are sanitised here; the components draw the lines and the selection.
 */
import { PANES, type Pane } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../text/width.js';
import { editorLine, type EditedText, type EditorLine } from './line-editor.js';

const count = (n: number) => n.toLocaleString('en-US');

export interface PickerLine {
  /** What choosing it does (the menu's item value). */
  key: string;
  text: string;
  selected: boolean;
}

export interface MenuLineItem {
  value: string;
  label: string;
  count?: number;
  marked?: boolean;
}

/** A menu list's window of lines: the mark (values stage), the label fitted, the count at the right. */
export function menuLines(items: readonly MenuLineItem[], cursor: { cursor: number; top: number }, height: number, width: number, showMarks: boolean, symbols: Symbols): PickerLine[] {
  return items.slice(cursor.top, cursor.top + height).map((item, offset) => {
    const mark = showMarks ? (item.marked ? '[x] ' : '[ ] ') : '';
    const countText = item.count === undefined ? '' : count(item.count).padStart(10);
    const label = fitToWidth(sanitize(item.label, symbols), Math.max(10, width - 4 - mark.length - countText.length), symbols.ellipsis);
    return { key: item.value, text: `${mark}${label}${countText}`, selected: cursor.top + offset === cursor.cursor };
  });
}

/** The menu's title line (the stage's help), fitted. */
export const pickerTitle = (title: string, width: number, symbols: Symbols): string => truncateToWidth(` ${title} `, width, symbols.ellipsis);

export interface PaletteLineEntry {
  title: string;
  pane: Pane | null;
  query: string;
  count: number | null;
  /** The headline (`87 distinct targets`, `437 events`), shown instead of the bare count. */
  label?: string;
}

export interface PaletteLine {
  selected: boolean;
  /** Marker, title (with the pane when it is another one) and count. */
  text: string;
  /** The question's query, shown only where there is room (the chip shows it once applied). */
  query: string | null;
}

/** The palette's window: titles first; the query column only from 120 columns. */
export function paletteLines(entries: readonly PaletteLineEntry[], cursor: { cursor: number; top: number }, height: number, width: number, pane: Pane, symbols: Symbols): PaletteLine[] {
  const countText = (entry: PaletteLineEntry) => (entry.count === null ? '(error)' : entry.label ?? count(entry.count));
  // One column for every line (not only the window's), so it does not move as the cursor scrolls.
  const countWidth = Math.max(9, ...entries.map((entry) => countText(entry).length));
  const longest = Math.max(20, ...entries.map((entry) => entry.title.length + 9));
  const withQuery = width >= 120;
  const titleWidth = Math.min(longest, Math.max(20, width - countWidth - 5 - (withQuery ? 30 : 0)));
  return entries.slice(cursor.top, cursor.top + height).map((entry, offset) => {
    const selected = cursor.top + offset === cursor.cursor;
    const where = entry.pane && entry.pane !== pane ? ` (pane ${paneNumber(entry.pane)})` : '';
    const text = `${selected ? '> ' : '  '}${fitToWidth(sanitize(entry.title + where, symbols), titleWidth, symbols.ellipsis)} ${countText(entry).padStart(countWidth)}${withQuery ? '  ' : ''}`;
    const query = withQuery ? truncateToWidth(sanitize(entry.query, symbols), Math.max(10, width - titleWidth - countWidth - 5), symbols.ellipsis) : null;
    return { selected, text, query };
  });
}

/** The number key that switches to a pane. */
const paneNumber = (pane: Pane): number => PANES.indexOf(pane) + 1;

export interface ListFilterView {
  /** The text typed, fitted (sanitised: a paste may hold anything). */
  line: EditorLine;
  /** After it: how many lines match and what the keys do, cut first when the line is short of room. */
  note: string;
}

/** The `/` line under a picker's title: the text typed and how many lines are left of how many. */
export function listFilterView(editor: EditedText, typing: boolean, matched: number, total: number, width: number, symbols: Symbols): ListFilterView {
  const keys = typing ? 'Enter keeps · Esc clears' : '/ edits · Esc clears';
  const note = `  ${count(matched)} of ${count(total)} match${symbols.separator}${keys}`;
  // The typed text has room first (at least 20 columns): it is what the list is narrowed by.
  const room = Math.max(20, width - 3 - displayWidth(note));
  return { line: editorLine(editor, room, { symbols }), note: truncateToWidth(note, Math.max(0, width - 3 - room), symbols.ellipsis) };
}
