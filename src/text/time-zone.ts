/**
 * Showing times: UTC by default (as Entra exports them), or local time, or any IANA zone, via
 * the built-in Intl API (no time-zone database to ship).
 */
export interface TimeZoneChoice {
  /** An IANA name, or 'UTC'. */
  zone: string;
  /** What the column header says: "UTC", "local", or the zone name. */
  label: string;
}

export const UTC: TimeZoneChoice = { zone: 'UTC', label: 'UTC' };

/** `utc` (default), `local`, or an IANA name; null when the name is unknown. */
export function resolveTimeZone(name: string | undefined): TimeZoneChoice | null {
  if (!name || name.toLowerCase() === 'utc') return UTC;
  if (name.toLowerCase() === 'local') {
    return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, label: 'local' };
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return { zone: name, label: name };
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** `YYYY-MM-DD HH:MM:SS` in the chosen zone. */
export function formatInZone(iso: string, choice: TimeZoneChoice): string {
  if (choice.zone === 'UTC') return iso.slice(0, 19).replace('T', ' ');
  const parts = Object.fromEntries(formatterFor(choice.zone).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const MINUTE_MS = 60_000;

/** Minutes `zone` is ahead of UTC at the instant `ms` (Paris: 60 in winter, 120 in summer), from Intl. */
export function offsetMinutesAt(ms: number, zone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(new Date(wholeSecond)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((wall - wholeSecond) / MINUTE_MS);
}

/**
 * The instant a wall-clock time in `zone` names. `wallMs` is that time written as if it were UTC
 * (what parseTimestamp gives for a value without a zone). The offset is looked up at the instant
 * itself, so a date in summer gets the summer offset. Around a change of offset, as Temporal's
 * "compatible" choice: a time that happens twice (clocks back) is the earlier one; a time that
 * never happens (clocks forward) moves forward by the gap (02:30 on the spring day reads as 03:30).
 */
export function wallTimeToUtc(wallMs: number, zone: string): number {
  // The offsets a day either side cover any one change of offset near the time.
  const before = offsetMinutesAt(wallMs - 86_400_000, zone);
  const after = offsetMinutesAt(wallMs + 86_400_000, zone);
  const fits = [before, after].map((offset) => wallMs - offset * MINUTE_MS).filter((ms) => offsetMinutesAt(ms, zone) * MINUTE_MS === wallMs - ms);
  if (fits.length > 0) return Math.min(...fits);
  return wallMs - before * MINUTE_MS;
}

/** `+01:00`, `-03:30`, `+00:00`. */
export function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
}

/**
 * The instant as the wall-clock time in `zone` with its offset, `2026-11-19T04:00+01:00`: what a
 * person in that zone typed, and unambiguous in any other. Seconds and milliseconds only when
 * there are any.
 */
export function zonedIso(ms: number, zone: string): string {
  const offset = offsetMinutesAt(ms, zone);
  const wall = new Date(ms + offset * MINUTE_MS).toISOString();
  const seconds = wall.slice(16, 23);
  const time = seconds === ':00.000' ? wall.slice(0, 16) : seconds.endsWith('.000') ? wall.slice(0, 19) : wall.slice(0, 23);
  return `${time}${offsetText(offset)}`;
}
