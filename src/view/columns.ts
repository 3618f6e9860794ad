/**
 * The audit table's columns, shared by the CLI's `--format table` and the explorer, so both show
 * an event the same way. They read an EventSummary (what the compact store keeps), and sanitise
 * every cell here: it goes straight to a terminal.
 */
import type { EventSummary } from '../model/event-summary.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';

export interface CellOptions {
  /** UTC unless the user chose another zone. */
  timeZone: TimeZoneChoice;
  symbols: Symbols;
}

export interface Column {
  header: string | ((options: CellOptions) => string);
  /**
   * Fixed, or flexible: never below `min`, `ideal` when the terminal allows, and a `share` of
   * any room beyond the ideals (long UPNs and activity names use it).
   */
  width: { fixed: number } | { min: number; ideal: number; share: number };
  /** When even the minimums do not fit, the lowest priority goes first (Service before Activity). */
  priority: number;
  cell(row: EventSummary, options: CellOptions): string;
}

export const columnHeader = (column: Column, options: CellOptions): string =>
  typeof column.header === 'string' ? column.header : column.header(options);

export function statusText(result: string): string {
  if (result === 'success') return 'Success';
  if (result === 'failure') return 'Failure';
  if (result === 'timeout') return 'Timeout';
  if (result === 'interrupted') return 'Interrupted';
  return result ? result[0].toUpperCase() + result.slice(1) : '';
}

export const isFailure = (row: EventSummary): boolean => row.result === 'failure' || row.result === 'timeout';

/** A sign-in the user was asked more of (MFA, a device), drawn apart from failures as the portal does. */
export const isInterrupted = (row: EventSummary): boolean => row.result === 'interrupted';

export function targetsText(row: EventSummary): string {
  const more = row.targetCount - 1;
  return more > 0 ? `${row.target} (+${more})` : row.target;
}

export function initiatorText(row: EventSummary, symbols: Symbols): string {
  return row.initiatorKind === 'app' ? symbols.appMarker + row.initiator : row.initiator;
}

const isoOf = (timeMs: number) => new Date(timeMs).toISOString();

/** Every pane's first column: the time in the chosen zone, the last to go on a narrow terminal. */
export const DATE_COLUMN: Column = {
  header: (o) => `Date (${o.timeZone.label})`,
  width: { fixed: 19 },
  priority: 9,
  cell: (r, o) => formatInZone(isoOf(r.timeMs), o.timeZone),
};

export const AUDIT_COLUMNS: readonly Column[] = [
  DATE_COLUMN,
  { header: 'Service', width: { min: 10, ideal: 16, share: 0 }, priority: 1, cell: (r, o) => sanitize(r.service, o.symbols) },
  { header: 'Category', width: { min: 8, ideal: 14, share: 0 }, priority: 2, cell: (r, o) => sanitize(r.category, o.symbols) },
  { header: 'Activity', width: { min: 12, ideal: 29, share: 2 }, priority: 8, cell: (r, o) => sanitize(r.activity, o.symbols) },
  { header: 'Status', width: { fixed: 7 }, priority: 7, cell: (r) => statusText(r.result) },
  { header: 'Target(s)', width: { min: 9, ideal: 22, share: 1.5 }, priority: 6, cell: (r, o) => sanitize(targetsText(r), o.symbols) },
  { header: 'Initiated by', width: { min: 9, ideal: 27, share: 1.5 }, priority: 6, cell: (r, o) => sanitize(initiatorText(r, o.symbols), o.symbols) },
];

const minimum = (c: Column) => ('fixed' in c.width ? c.width.fixed : c.width.min);

/**
 * The columns that fit in `total` columns (one space between): all of them, unless even their
 * minimums do not fit, then without the lowest-priority ones (a cut-off last column helps nobody).
 */
export function columnsThatFit(columns: readonly Column[], total: number): Column[] {
  const kept = [...columns];
  const needed = () => kept.reduce((sum, c) => sum + minimum(c), 0) + kept.length - 1;
  while (kept.length > 1 && needed() > total) {
    const lowest = kept.reduce((low, c) => (c.priority < low.priority ? c : low));
    kept.splice(kept.indexOf(lowest), 1);
  }
  return kept;
}

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
