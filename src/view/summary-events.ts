/**
 * The events of a small scope, listed after the summary's counts (`summary --filter ip:…` on an
 * IP's night): when, which log, what (an audit's activity, a sign-in's application), the status
 * (a sign-in's with its error code), who (initiator or user), the first target, the IP address.
 * Cells are sanitised here, as the table's are; text and markdown lay them out.
 */
import type { Summary } from '../insights/summary.js';
import { PANE_LABELS } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { initiatorText, statusText, targetsText } from './columns.js';
import { signInStatusText } from './own-columns.js';
import { count, plural } from './summary-parts.js';

export const EVENT_HEADINGS = (timeZone: TimeZoneChoice): string[] => [`Time (${timeZone.label})`, 'Log', 'Activity or application', 'Status', 'Initiated by or user', 'Target', 'IP address'];

export interface EventCells {
  /** One character per extra column: `!` high, `~` medium, a space otherwise. */
  markers: string;
  cells: string[];
}

/** The listed events' cells, oldest first; empty when none are listed. */
export function summaryEventCells(summary: Summary, timeZone: TimeZoneChoice, symbols: Symbols): EventCells[] {
  return (summary.events.listed ?? []).map(({ row, markers }) => ({
    markers,
    cells: [
      formatInZone(new Date(row.timeMs).toISOString(), timeZone),
      PANE_LABELS[row.pane],
      row.activity,
      row.pane === 'sign-ins' ? signInStatusText(row) : statusText(row.result),
      initiatorText(row, symbols),
      targetsText(row),
      row.ip,
    ].map((cell) => sanitize(cell, symbols)),
  }));
}

/** The section's heading, or why the events are not listed (null: nothing to say, as with `--events 0`). */
export function eventsHeading(summary: Summary): string | null {
  const { inScope } = summary.totals;
  const { limit, listed } = summary.events;
  if (listed !== null) return `The ${plural(listed.length, 'event')} in scope, oldest first`;
  if (inScope === 0 || limit === 0) return null;
  return `Events: ${count(inScope)} in scope, more than the ${count(limit)} listed at most (--events ${inScope} lists them)`;
}
