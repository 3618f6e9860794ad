/**
 * The audit table's columns, shared by the CLI's `--format table` and the explorer, so both show
 * an event the same way. They read an EventSummary (what the compact store keeps), and sanitise
 * every cell here: it goes straight to a terminal. Each pane offers more columns than it shows at
 * first (`shown: false`); the `C` picker and the config file's `columns` choose among them by id.
 */
import { splitKeys, type EventSummary } from '../model/event-summary.js';
import type { StringField } from '../store/event-batch.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { targetsCell } from './target-cell.js';

export interface CellOptions {
  /** UTC unless the user chose another zone. */
  timeZone: TimeZoneChoice;
  symbols: Symbols;
}

/**
 * Fixed, or flexible: never below `min` (else the column is dropped), `readable` before any
 * column gets more than that (Activity's 22 keeps `Consent to application` whole at 80 columns),
 * then `ideal`, then up to the widest value in view (at most `max`), growing by `share`.
 */
export type ColumnWidth = { fixed: number } | { min: number; readable?: number; ideal: number; max: number; share: number };

export interface Column {
  /** Stable name, for the config file's `columns` and the picker. */
  id: string;
  header: string | ((options: CellOptions) => string);
  width: ColumnWidth;
  /** When even the minimums do not fit, the lowest priority goes first (Service before Activity). */
  priority: number;
  /**
   * Gives its room up, lowest priority first, before the columns that are not `yields` are
   * squeezed below their ideal widths (Service and Category on a narrow terminal).
   */
  yields?: boolean;
  /** In the table unless the user chooses otherwise (the portal's default columns). */
  shown: boolean;
  /** What sorting by this column orders on: the time, or a stored string field. */
  sortBy: 'time' | StringField;
  /** The whole value: what the column's width is measured on. */
  cell(row: EventSummary, options: CellOptions): string;
  /** The value fitted into `width` columns in its own way (the targets keep their `(+n)`); else `cell` is cut. */
  fit?(row: EventSummary, options: CellOptions, width: number): string;
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

/** The first target and how many more: what the table shows when the names do not fit. */
export function targetsText(row: EventSummary): string {
  const more = row.targetCount - 1;
  return more > 0 ? `${row.target} (+${more})` : row.target;
}

export function initiatorText(row: EventSummary, symbols: Symbols): string {
  return row.initiatorKind === 'app' ? symbols.appMarker + row.initiator : row.initiator;
}

/** A multi-valued field's values, one after another (`User, Role`). */
export const valuesText = (joined: string): string => (joined === '' ? '' : splitKeys(joined).join(', '));

const isoOf = (timeMs: number) => new Date(timeMs).toISOString();

/** Every pane's first column: the time in the chosen zone, the last to go on a narrow terminal. */
export const DATE_COLUMN: Column = {
  id: 'date',
  header: (o) => `Date (${o.timeZone.label})`,
  width: { fixed: 19 },
  priority: 9,
  shown: true,
  sortBy: 'time',
  cell: (r, o) => formatInZone(isoOf(r.timeMs), o.timeZone),
};

/** A column that shows one stored string field as it is. */
export function fieldColumn(id: string, header: string, field: StringField, width: ColumnWidth, priority: number, shown = false): Column {
  return { id, header, width, priority, shown, sortBy: field, cell: (r, o) => sanitize(r[field], o.symbols) };
}

export const AUDIT_COLUMNS: readonly Column[] = [
  DATE_COLUMN,
  { ...fieldColumn('service', 'Service', 'service', { min: 10, ideal: 16, max: 34, share: 0.5 }, 1, true), yields: true },
  { ...fieldColumn('category', 'Category', 'category', { min: 8, ideal: 14, max: 24, share: 0.5 }, 2, true), yields: true },
  fieldColumn('activity', 'Activity', 'activity', { min: 12, readable: 22, ideal: 29, max: 64, share: 2 }, 8, true),
  { id: 'status', header: 'Status', width: { fixed: 7 }, priority: 7, shown: true, sortBy: 'result', cell: (r) => statusText(r.result) },
  {
    id: 'targets',
    header: 'Target(s)',
    width: { min: 9, readable: 12, ideal: 22, max: 72, share: 1.5 },
    priority: 6,
    shown: true,
    sortBy: 'target',
    cell: (r, o) => targetsCell(r, o.symbols, Infinity),
    fit: (r, o, width) => targetsCell(r, o.symbols, width),
  },
  {
    id: 'initiator',
    header: 'Initiated by',
    width: { min: 9, readable: 12, ideal: 27, max: 48, share: 1.5 },
    priority: 6,
    shown: true,
    sortBy: 'initiator',
    cell: (r, o) => sanitize(initiatorText(r, o.symbols), o.symbols),
  },
  // Not shown at first: the picker (`C`) adds them.
  // An IPv4 address is never cut (203.0.113.57 and .66 must not both read 203.0.113.…): at least 15.
  fieldColumn('ip', 'IP address', 'ip', { min: 15, ideal: 15, max: 39, share: 0.5 }, 5),
  fieldColumn('userAgent', 'User agent', 'userAgent', { min: 10, ideal: 24, max: 64, share: 1 }, 3),
  fieldColumn('statusReason', 'Status reason', 'resultReason', { min: 10, ideal: 24, max: 64, share: 1 }, 4),
  fieldColumn('correlation', 'Correlation ID', 'correlation', { min: 8, ideal: 36, max: 36, share: 0 }, 3),
  fieldColumn('operationType', 'Operation', 'operationType', { min: 6, ideal: 9, max: 14, share: 0 }, 3),
  { ...fieldColumn('targetType', 'Target type', 'targetTypes', { min: 6, ideal: 12, max: 30, share: 0.5 }, 3), cell: (r, o) => sanitize(valuesText(r.targetTypes), o.symbols) },
];

/** The columns a pane shows before anyone chooses: those marked `shown`, in order. */
export const defaultColumnIds = (columns: readonly Column[]): string[] => columns.filter((c) => c.shown).map((c) => c.id);

/** The chosen columns, in the catalog's order; unknown ids are ignored (the config checks them). */
export function chosenColumns(columns: readonly Column[], ids: readonly string[]): Column[] {
  const chosen = columns.filter((c) => ids.includes(c.id));
  return chosen.length > 0 ? chosen : columns.filter((c) => c.shown);
}
