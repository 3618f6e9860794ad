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
