/** The event table as text lines (header, then the rows in the window): what EventTable draws. */
import type { GroupLookup } from '../insights/correlation-groups.js';
import type { EventSummary } from '../model/event-summary.js';
import type { EventStore } from '../store/event-store.js';
import { fitToWidth } from '../text/width.js';
import { columnHeader, columnsThatFit, layoutColumns, type CellOptions, type Column } from './columns.js';
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
  columns: readonly Column[];
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

export function tableLines(input: TableInput): TableLines {
  // Two columns at the left for the mark and the sensitive-operation marker (see risk-marker.ts).
  const room = input.width - 2;
  const columns = columnsThatFit(input.columns, room);
  const widths = layoutColumns(columns, room);
  const { ellipsis } = input.options.symbols;
  const line = (cells: string[], marker = '  ') => marker + cells.map((cell, i) => fitToWidth(cell, widths[i], ellipsis)).join(' ');
  const { rows, cursor } = input;
  const visible: TableLines['rows'] = [];
  for (let position = cursor.top; position < Math.min(rows.length, cursor.top + input.height); position++) {
    const index = rows[position];
    const row = groupedSummary(input, index);
    const marker = riskMarker(input.marks.has(index), input.severityOf(index), closedGroupSeverity(input, index), input.isUnusual(index));
    visible.push({ position, index, summary: row, text: line(columns.map((column) => column.cell(row, input.options)), marker) });
  }
  return { header: line(columns.map((column) => columnHeader(column, input.options))), rows: visible };
}
