/**
 * `query --format table`: the pane's columns (columns.ts, own-columns.ts) as lines of text, with
 * one marker character per extra column (insights/extra-columns.ts: `!` high, `~` medium) left of
 * each row. Two layouts:
 *   - fitted to a terminal's width, cells cut with an ellipsis, as the explorer draws them;
 *   - whole (piped, or `--wide`): no value is ever cut, so `grep` finds a full UPN, and each column
 *     is padded to its widest value, measured over every row before the first is printed.
 * Cells are sanitised by the columns themselves; markers are ours.
 */
import { rowMarker, type ExtraColumn } from '../insights/extra-columns.js';
import type { EventStore } from '../store/event-store.js';
import { displayWidth, fitToWidth, padToWidth } from '../text/width.js';
import { columnsThatFit, layoutColumns } from './column-layout.js';
import { columnHeader, type CellOptions, type Column } from './columns.js';

export interface EventTableOptions extends CellOptions {
  columns: readonly Column[];
  extraColumns: readonly Pick<ExtraColumn, 'marker'>[];
  /** The terminal's width to fit, or null for every value whole. */
  width: number | null;
}

export interface EventTable {
  header: string;
  row(index: number): string;
}

/** The one marker a row shows (the first extra column's that has one) and the space after it. */
const MARKER_WIDTH = 2;

/** `indices` are every event the table will show: the whole layout measures them all first. */
export function eventTable(store: EventStore, indices: Iterable<number>, options: EventTableOptions): EventTable {
  const { extraColumns } = options;
  const markerWidth = extraColumns.length > 0 ? MARKER_WIDTH : 0;
  const markers = (index: number | null) => (extraColumns.length === 0 ? '' : `${index === null ? ' ' : rowMarker(extraColumns, index)} `);
  const shown = options.width === null ? [...options.columns] : columnsThatFit(options.columns, options.width - markerWidth);
  const headers = shown.map((c) => columnHeader(c, options));
  let cellsOf: (index: number) => string[];
  let fit: (cells: string[]) => string[];
  if (options.width === null) {
    cellsOf = (index) => {
      const row = store.summary(index);
      return shown.map((c) => c.cell(row, options));
    };
    const widths = headers.map(displayWidth);
    for (const index of indices) cellsOf(index).forEach((cell, i) => (widths[i] = Math.max(widths[i], displayWidth(cell))));
    fit = (cells) => cells.map((cell, i) => padToWidth(cell, widths[i]));
  } else {
    const widths = layoutColumns(shown, options.width - markerWidth);
    // A column that can use its width (Target(s): every name that fits, not `(+1)`) is given it.
    cellsOf = (index) => {
      const row = store.summary(index);
      return shown.map((c, i) => (c.fit ? c.fit(row, options, widths[i]) : c.cell(row, options)));
    };
    fit = (cells) => cells.map((cell, i) => fitToWidth(cell, widths[i], options.symbols.ellipsis));
  }
  const line = (marks: string, cells: string[]) => (marks + fit(cells).join(' ')).trimEnd();
  return {
    header: line(markers(null), headers),
    row: (index) => line(markers(index), cellsOf(index)),
  };
}
