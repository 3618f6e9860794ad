/** The event table as text lines (header, then the rows in the window): what EventTable draws. */
import type { EventSummary } from '../model/event-summary.js';
import type { AppState } from '../tui/state.js';
import { bodyHeight } from '../tui/state.js';
import { fitToWidth } from '../text/width.js';
import { columnHeader, EVENT_COLUMNS, layoutColumns, type CellOptions } from './columns.js';
import { riskMarker } from './risk-marker.js';
import { spanText } from '../tui/correlation-groups.js';
import { symbols } from '../text/symbols.js';
import type { EventSummary as Summary } from '../model/event-summary.js';

/** For a closed group's lead: the most severe operation hidden in it (its marker shows it). */
function closedGroupSeverity(state: AppState, index: number): string | undefined {
  const group = state.groups?.[state.pane].get(index);
  return group && group.count > 1 && !state.expanded.has(group.correlation) ? group.othersSeverity || undefined : undefined;
}

/**
 * Grouped (`o`): a group's lead says how many events the operation has and how long it took
 * (▸ closed, ▾ open); the other events of an open group are indented under it.
 */
function groupedSummary(state: AppState, index: number): Summary {
  const row = state.store.summary(index);
  const groups = state.groups?.[state.pane];
  if (!groups) return row;
  const group = groups.get(index);
  const glyphs = symbols();
  if (!group) return { ...row, activity: `   ${glyphs.groupMember} ${row.activity}` };
  if (group.count === 1) return row;
  const open = state.expanded.has(group.correlation) ? glyphs.groupOpen : glyphs.groupClosed;
  return { ...row, activity: `${open} ${group.count}${glyphs.times} ${spanText(group.newestMs - group.oldestMs)} ${row.activity}` };
}

export interface TableLines {
  header: string;
  /** One per visible row, with its position in the pane's rows. */
  rows: Array<{ position: number; index: number; text: string; summary: EventSummary }>;
}

export function tableLines(state: AppState): TableLines {
  // Two columns at the left for the sensitive-operation marker (see risk-marker.ts).
  const widths = layoutColumns(EVENT_COLUMNS, state.size.columns - 2);
  const options: CellOptions = { timeZone: state.options.timeZone };
  const line = (cells: string[], marker = '  ') => marker + cells.map((cell, i) => fitToWidth(cell, widths[i])).join(' ');
  const rows = state.rows[state.pane];
  const top = state.cursor[state.pane].top;
  const visible: TableLines['rows'] = [];
  for (let position = top; position < Math.min(rows.length, top + bodyHeight(state.size)); position++) {
    const row = groupedSummary(state, rows[position]);
    visible.push({ position, index: rows[position], summary: row, text: line(EVENT_COLUMNS.map((column) => column.cell(row, options)), riskMarker(state.store, rows[position], state.marks, closedGroupSeverity(state, rows[position]))) });
  }
  return { header: line(EVENT_COLUMNS.map((column) => columnHeader(column, options))), rows: visible };
}
