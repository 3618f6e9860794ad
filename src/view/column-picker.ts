/**
 * The `C` picker's lines: each of the pane's columns, shown `[x]` or not `[ ]`, the sort column
 * with its direction in words, and a note on a chosen column the terminal is too narrow for (it
 * comes back on a wider one), so a column that does not appear is never a mystery.
 */
import type { Symbols } from '../text/symbols.js';
import { fitToWidth } from '../text/width.js';
import { columnHeader, type CellOptions, type Column } from './columns.js';
import type { PickerLine } from './pickers.js';

export interface ColumnPickerInput {
  /** The pane's columns (its catalog), in order. */
  columns: readonly Column[];
  shown: ReadonlySet<string>;
  /** The chosen columns the width leaves out. */
  tooNarrow: ReadonlySet<string>;
  sort: { column: string; descending: boolean };
  cursor: { cursor: number; top: number };
  height: number;
  width: number;
  options: CellOptions;
}

function sortWords(column: Column, descending: boolean, symbols: Symbols): string {
  const arrow = descending ? symbols.sortDescending : symbols.sortAscending;
  if (column.sortBy === 'time') return `${arrow} sorted, ${descending ? 'newest' : 'oldest'} first`;
  return `${arrow} sorted, ${descending ? 'Z to A' : 'A to Z'} (blanks last)`;
}

export function columnPickerLines(input: ColumnPickerInput): PickerLine[] {
  const { columns, cursor, options } = input;
  const labelWidth = Math.max(12, ...columns.map((column) => columnHeader(column, options).length));
  return columns.slice(cursor.top, cursor.top + input.height).map((column, offset) => {
    const mark = input.shown.has(column.id) ? '[x]' : '[ ]';
    const notes = [
      column.id === input.sort.column ? sortWords(column, input.sort.descending, options.symbols) : '',
      input.tooNarrow.has(column.id) ? '(hidden: the terminal is too narrow for it)' : '',
    ].filter(Boolean);
    const text = `${mark} ${columnHeader(column, options).padEnd(labelWidth)}  ${notes.join('  ')}`;
    return { key: column.id, text: fitToWidth(text, Math.max(10, input.width - 2), options.symbols.ellipsis), selected: cursor.top + offset === cursor.cursor };
  });
}
