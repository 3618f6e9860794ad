/**
 * An unusual value in plain words, the same in the insights view and in `summary`:
 * `IP 203.0.113.66: 9 events, all on 2026-11-19 02:47–03:20, first seen that night, only outside
 * usual hours (07–18 UTC), its user agent seen from no other IP (python-requests/2.31.0)`.
 * Log strings are sanitised by the caller's fitting (sanitize) before they reach a terminal.
 */
import type { UnusualReport, UnusualValue } from '../insights/unusual.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';

const count = (n: number) => n.toLocaleString('en-US');
const events = (n: number) => `${count(n)} event${n === 1 ? '' : 's'}`;

/** `YYYY-MM-DD HH:MM` in the zone. */
const at = (ms: number, zone: TimeZoneChoice) => formatInZone(new Date(ms).toISOString(), zone).slice(0, 16);

/** 22:00 to 05:59 on the clock shown (`YYYY-MM-DD HH:MM`). */
const isNight = (shown: string) => {
  const hour = Number(shown.slice(11, 13));
  return hour >= 22 || hour < 6;
};

const sensitiveText = ({ sensitive, count: total }: UnusualValue) =>
  sensitive === total ? (total === 1 ? 'a sensitive operation' : 'every one a sensitive operation') : sensitive === 1 ? 'one of them a sensitive operation' : `${count(sensitive)} of them sensitive operations`;

/** The usual hours as ranges: `07–18 UTC` (an hour range ends at the end of its last hour). */
export function usualHoursText(usual: readonly boolean[]): string {
  const ranges: string[] = [];
  for (let hour = 0; hour < 24; hour++) {
    if (!usual[hour] || usual[hour - 1]) continue;
    let end = hour;
    while (end + 1 < 24 && usual[end + 1]) end++;
    ranges.push(`${String(hour).padStart(2, '0')}–${String(end + 1).padStart(2, '0')}`);
  }
  return ranges.length === 0 ? 'none' : `${ranges.join(', ')} UTC`;
}

/** The reasons, after the value's name: when it was seen, then each measure it meets. */
export const unusualReasons = (value: UnusualValue, report: UnusualReport, zone: TimeZoneChoice): string => unusualReasonList(value, report, zone).join(', ');

export function unusualReasonList(value: UnusualValue, report: UnusualReport, zone: TimeZoneChoice): string[] {
  const parts: string[] = [];
  const first = at(value.firstMs, zone);
  const last = at(value.lastMs, zone);
  if (value.count === 1) parts.push(`1 event, on ${first}`);
  else if (value.days === 1) parts.push(`${events(value.count)}, all on ${first === last ? first : `${first}–${last.slice(11)}`}`);
  else parts.push(`${events(value.count)} on ${count(value.days)} days, ${first.slice(0, 10)} to ${last.slice(0, 10)}`);
  for (const measure of value.measures) {
    if (measure === 'late') parts.push(value.days === 1 ? `first seen that ${isNight(first) ? 'night' : 'day'}` : `first seen ${first.slice(0, 10)}`);
    else if (measure === 'offHours') parts.push(`only outside usual hours (${usualHoursText(report.usualHours)})`);
    else if (measure === 'burst' && value.burst) parts.push(`${events(value.burst.count)} in the hour from ${at(value.burst.startMs, zone)}, against about ${count(Math.round(value.burst.perDay))} a day`);
    else if (measure === 'sensitive') parts.push(sensitiveText(value));
    else if (measure === 'loneAgent' && value.loneAgent) parts.push(`its user agent seen from no other IP (${value.loneAgent})`);
  }
  return parts;
}

/** The value's name: `IP 203.0.113.66`. */
export const unusualName = (value: UnusualValue): string => `${value.field.label} ${value.value}`;

/** The whole line: `IP 203.0.113.66: …`. */
export const unusualLine = (value: UnusualValue, report: UnusualReport, zone: TimeZoneChoice): string =>
  `${unusualName(value)}: ${unusualReasons(value, report, zone)}`;
