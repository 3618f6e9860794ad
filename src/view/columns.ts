/**
 * The event table's columns, shared by the CLI's `--format table` and the explorer, so both show
 * an event the same way. Cell text is sanitised here: it goes straight to a terminal.
 */
import type { LoadedEvent } from '../model/loaded-event.js';
import { firstTargetLabel, initiatorOf } from '../model/accessors.js';
import { sanitize } from '../text/sanitize.js';
import { symbols } from '../text/symbols.js';
import { formatInZone, UTC, type TimeZoneChoice } from '../text/time-zone.js';

export interface Column {
  header: string | ((options: CellOptions) => string);
  /**
   * Fixed, or flexible: never below `min`, `ideal` when the terminal allows, and a `share` of
   * any room beyond the ideals (long UPNs and activity names use it).
   */
  width: { fixed: number } | { min: number; ideal: number; share: number };
  cell(loaded: LoadedEvent, options: CellOptions): string;
}

export interface CellOptions {
  /** UTC unless the user chose another zone. */
  timeZone?: TimeZoneChoice;
}

export const columnHeader = (column: Column, options: CellOptions): string =>
  typeof column.header === 'string' ? column.header : column.header(options);

export function statusText(result: string): string {
  if (result === 'success') return 'Success';
  if (result === 'failure') return 'Failure';
  if (result === 'timeout') return 'Timeout';
  return result ? result[0].toUpperCase() + result.slice(1) : '';
}

export function targetsText(loaded: LoadedEvent): string {
  const first = firstTargetLabel(loaded.event);
  const more = loaded.event.targetResources.length - 1;
  return more > 0 ? `${first} (+${more})` : first;
}

export function initiatorText(loaded: LoadedEvent): string {
  const initiator = initiatorOf(loaded.event);
  if (initiator.kind === 'app') return symbols().appMarker + initiator.label;
  return initiator.label;
}

export const EVENT_COLUMNS: readonly Column[] = [
  {
    header: (o) => `Date (${(o.timeZone ?? UTC).label})`,
    width: { fixed: 19 },
    cell: (l, o) => formatInZone(l.event.activityDateTime, o.timeZone ?? UTC),
  },
  { header: 'Service', width: { min: 10, ideal: 16, share: 0 }, cell: (l) => sanitize(l.event.loggedByService) },
  { header: 'Category', width: { min: 8, ideal: 14, share: 0 }, cell: (l) => sanitize(l.event.category) },
  { header: 'Activity', width: { min: 12, ideal: 29, share: 2 }, cell: (l) => sanitize(l.event.activityDisplayName.trim()) },
  { header: 'Status', width: { fixed: 7 }, cell: (l) => statusText(l.event.result) },
  { header: 'Target(s)', width: { min: 9, ideal: 22, share: 1.5 }, cell: (l) => sanitize(targetsText(l)) },
  { header: 'Initiated by', width: { min: 9, ideal: 27, share: 1.5 }, cell: (l) => sanitize(initiatorText(l)) },
];

/** Column widths that fill `total` columns, one space between columns. */
export function layoutColumns(columns: readonly Column[], total: number): number[] {
  const sum = (pick: (c: Column) => number) => columns.reduce((s, c) => s + pick(c), 0);
  const fixed = sum((c) => ('fixed' in c.width ? c.width.fixed : 0));
  const room = Math.max(0, total - (columns.length - 1) - fixed);
  const mins = sum((c) => ('min' in c.width ? c.width.min : 0));
  const ideals = sum((c) => ('ideal' in c.width ? c.width.ideal : 0));
  const shares = sum((c) => ('share' in c.width ? c.width.share : 0));
  const widths = columns.map((c) => {
    if ('fixed' in c.width) return c.width.fixed;
    if (room >= ideals) return c.width.ideal + Math.floor(((room - ideals) * c.width.share) / shares);
    // Between the minimums and the ideals, every flexible column gives up the same fraction.
    const fraction = Math.max(0, room - mins) / (ideals - mins);
    return c.width.min + Math.floor((c.width.ideal - c.width.min) * fraction);
  });
  // Rounding leftovers go to the widest flexible column so the row fills the line exactly.
  const used = widths.reduce((a, b) => a + b, 0) + columns.length - 1;
  const flexible = widths.map((w, i) => ('fixed' in columns[i].width ? -1 : w));
  if (used < total) widths[flexible.indexOf(Math.max(...flexible))] += total - used;
  return widths;
}
