/** The event table as text lines (header, then the rows in the window): what EventTable draws. */
import type { GroupLookup } from '../insights/correlation-groups.js';
import type { EventSummary } from '../model/event-summary.js';
import type { EventStore } from '../store/event-store.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../text/width.js';
import { columnsThatFit, layoutColumns } from './column-layout.js';
import { columnHeader, type CellOptions, type Column } from './columns.js';
import { riskMarker } from './risk-marker.js';

/** What the table is drawn from: the pane's rows and where the window is, never the app's state. */
export interface TableInput {
  store: EventStore;
  /** Store indices of the pane's rows, in order. */
  rows: Int32Array;
  cursor: { selected: number; top: number };
  /** Rows that fit under the header. */
  height: number;
  width: number;
  /** The columns chosen for the pane (the picker, the config), in order; those that fit are shown. */
  columns: readonly Column[];
  /** The column the rows are sorted on, and which way (the header marks it). */
  sort: { column: string; descending: boolean };
  marks: ReadonlySet<number>;
  /** `o`: each group's lead → its size and span (null: not grouped). */
  groups: GroupLookup | null;
  /** Correlation string ids of the groups shown open. */
  expanded: ReadonlySet<number>;
  /** The sensitive-operation severity of an event, if it is one. */
  severityOf: (index: number) => string | undefined;
  /** Whether an event has an unusual IP, user agent or initiator (`?` when no rule marks it). */
  isUnusual: (index: number) => boolean;
  options: CellOptions;
}

export interface TableLines {
  header: string;
  /** The columns drawn (those of `input.columns` that fit), in order. */
  columns: Column[];
  /** One per visible row, with its position in the pane's rows. */
  rows: Array<{ position: number; index: number; text: string; summary: EventSummary }>;
}

/** `3 s`, `4 min`, `2 h`: how long an operation took, for the group row. */
export function spanText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/**
 * Grouped (`o`): a group's lead says how many events the operation has and how long it took
 * (▸ closed, ▾ open); the other events of an open group are indented under it.
 */
function groupedSummary(input: TableInput, index: number): EventSummary {
  const row = input.store.summary(index);
  if (!input.groups) return row;
  const group = input.groups.get(index);
  const glyphs = input.options.symbols;
  if (!group) return { ...row, activity: `   ${glyphs.groupMember} ${row.activity}` };
  if (group.count === 1) return row;
  const open = input.expanded.has(group.correlation) ? glyphs.groupOpen : glyphs.groupClosed;
  return { ...row, activity: `${open} ${group.count}${glyphs.times} ${spanText(group.newestMs - group.oldestMs)} ${row.activity}` };
}

/** For a closed group's lead: the most severe operation hidden in it (its marker shows it). */
function closedGroupSeverity(input: TableInput, index: number): string | undefined {
  const group = input.groups?.get(index);
  return group && group.count > 1 && !input.expanded.has(group.correlation) ? group.othersSeverity || undefined : undefined;
}

/** A value's width for sizing its column: past `cap` it makes no difference (a hostile 200,000-character name measures quickly). */
function cappedWidth(text: string, cap: number): number {
  return text.length > cap * 4 + 64 ? cap : Math.min(cap, displayWidth(text));
}

const CAP = 200;

export function tableLines(input: TableInput): TableLines {
  // Two columns at the left for the mark and the sensitive-operation marker (see risk-marker.ts).
  const room = input.width - 2;
  const { rows, cursor, options } = input;
  const { ellipsis } = options.symbols;
  const window: Array<{ position: number; index: number; row: EventSummary; cells: string[] }> = [];
  for (let position = cursor.top; position < Math.min(rows.length, cursor.top + input.height); position++) {
    const index = rows[position];
    const row = groupedSummary(input, index);
    window.push({ position, index, row, cells: input.columns.map((column) => column.cell(row, options)) });
  }
  const headers = input.columns.map((column) => {
    if (column.id !== input.sort.column) return columnHeader(column, options);
    return `${columnHeader(column, options)} ${input.sort.descending ? options.symbols.sortDescending : options.symbols.sortAscending}`;
  });
  // Each column as wide as its widest value in view (and its header), so room goes where values are cut.
  const naturals = input.columns.map((_column, c) => window.reduce((widest, { cells }) => Math.max(widest, cappedWidth(cells[c], CAP)), displayWidth(headers[c])));
  const shown = columnsThatFit(input.columns, room, naturals);
  const picked = shown.map((column) => input.columns.indexOf(column));
  const widths = layoutColumns(shown, room, picked.map((c) => naturals[c]));
  const line = (texts: string[], marker = '  ') => marker + texts.map((text, i) => fitToWidth(text, widths[i], ellipsis)).join(' ');
  const visible: TableLines['rows'] = window.map(({ position, index, row, cells }) => {
    const marker = riskMarker(input.marks.has(index), input.severityOf(index), closedGroupSeverity(input, index), input.isUnusual(index));
    const texts = picked.map((c, i) => {
      const column = input.columns[c];
      return column.fit && displayWidth(cells[c]) > widths[i] ? column.fit(row, options, widths[i]) : cells[c];
    });
    return { position, index, summary: row, text: line(texts, marker) };
  });
  // The sort marker survives a narrow column: the name is cut before it (`Stat… ▲`, `Status▲`).
  const headerTexts = picked.map((c, i) => {
    const column = input.columns[c];
    if (column.id !== input.sort.column || displayWidth(headers[c]) <= widths[i]) return headers[c];
    const arrow = input.sort.descending ? options.symbols.sortDescending : options.symbols.sortAscending;
    const name = columnHeader(column, options);
    const room = widths[i] - displayWidth(arrow);
    return displayWidth(name) <= room ? name + arrow : truncateToWidth(name, room - 1, ellipsis) + ' ' + arrow;
  });
  return { header: line(headerTexts), columns: shown, rows: visible };
}
