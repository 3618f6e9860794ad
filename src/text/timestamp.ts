/**
 * Timestamps as Entra exports write them. Hand-written rather than a date library because the
 * formats are few and precise: no library keeps 7–9 fractional digits (Date keeps 3), and the
 * US-locale forms need explicit M/D ordering.
 *
 * Accepted:
 *  - ISO 8601 with 0–9 fractional digits and `Z`, `±hh:mm`, `±hhmm`, or no zone (= UTC)
 *  - `/Date(ms)/` (Windows PowerShell 5.1 ConvertTo-Json), optionally with an offset suffix
 *  - US locale `M/D/YYYY h:mm[:ss[.fff]] [AM|PM] [±hh:mm]`, with an optional comma after the date
 *  - a number: epoch milliseconds
 */

export interface ParsedTimestamp {
  /** Whole milliseconds since the epoch (the fraction beyond ms is in `iso`). */
  ms: number;
  /** ISO 8601 UTC ending in `Z`, keeping the input's fractional digits. */
  iso: string;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTNET_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const US =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(AM|PM)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseTimestamp(input: unknown): ParsedTimestamp | null {
  if (typeof input === 'number') return Number.isFinite(input) ? fromParts(input, '') : null;
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text === '') return null;

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    return build(+y, +mo, +d, +h, +mi, +s, frac, zone);
  }
  const dotnet = DOTNET_DATE.exec(text);
  if (dotnet) return fromParts(Number(dotnet[1]), '');
  const us = US.exec(text);
  if (us) {
    const [, mo, d, y, hText, mi, s = '0', frac = '', meridiem, zone] = us;
    let h = +hText;
    if (meridiem) {
      if (h < 1 || h > 12) return null;
      const pm = meridiem.toUpperCase() === 'PM';
      if (h === 12) h = pm ? 12 : 0;
      else if (pm) h += 12;
    }
    return build(+y, +mo, +d, h, +mi, +s, frac, zone);
  }
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
  zone: string | undefined,
): ParsedTimestamp | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March; a real export never does, so refuse it.
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  ms -= zoneOffsetMinutes(zone) * 60_000;
  return fromParts(ms + Number((fraction + '000').slice(0, 3)), fraction);
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function fromParts(ms: number, fraction: string): ParsedTimestamp | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const wholeSeconds = date.toISOString().slice(0, 19);
  // Keep every digit the source gave; when it had none beyond whole seconds, keep none.
  const digits = fraction !== '' ? fraction : ms % 1000 !== 0 ? String(((ms % 1000) + 1000) % 1000).padStart(3, '0') : '';
  return { ms, iso: digits ? `${wholeSeconds}.${digits}Z` : `${wholeSeconds}Z` };
}
