/**
 * `since:` / `until:` values to epoch milliseconds: a duration counted back from `now`
 * (`30m`, `24h`, `7d`, also `s` and `w`) or a date / date-time. A date or time that names no zone
 * (no `Z`, no offset) is read in the zone times are shown in (`--tz`, the config's timeZone; UTC
 * by default), so the 04:08 on a screen in Paris time is `since:…T04:00` there. Dates go through
 * the same `parseTimestamp` the loader uses, so `until:2026-11-20T12:00:00.5Z` compares with event
 * times exactly as they were read.
 */
import { parseTimestamp } from '../text/timestamp.js';
import { wallTimeToUtc, zonedIso } from '../text/time-zone.js';
import type { TimeKind } from './ast.js';

/** `text`, when set: the value rewritten with the offset it was read at, unambiguous in any zone. */
export type TimeResult = { ok: true; ms: number; text?: string } | { ok: false; message: string };

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DAY_MS = UNIT_MS.d;

// Lower-case units only: `1M` would read as a month to some, so it is refused rather than guessed.
const DURATION = /^(\d+)([smhdw])$/;
const DATE_START = /^\d{4}-\d{2}-\d{2}/;
/** A date with no time of day (it may still name a zone): as `until:`, the whole day counts. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}(?![T ]\d)/i;
/** A date or date-time that ends in `Z` or an offset (the date's own `-19` is not one). */
const NAMES_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** `zone`: the IANA zone a value without one is read in (absent or 'UTC': UTC). */
export function resolveTime(value: string, kind: TimeKind, now: number, zone = 'UTC'): TimeResult {
  const duration = DURATION.exec(value);
  if (duration) {
    const ms = now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS];
    // Beyond ±8.64e15 ms a Date is invalid; such a bound is a typo, not a query.
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { ok: false, message: `duration "${value}" is too long` };
    return { ok: true, ms };
  }
  if (DATE_START.test(value)) {
    const parsed = parseTimestamp(value);
    if (parsed === null) return { ok: false, message: `no such date or time "${value}"` };
    const wholeDay = kind === 'until' && DATE_ONLY.test(value);
    if (zone === 'UTC' || NAMES_ZONE.test(value)) return { ok: true, ms: wholeDay ? parsed.ms + DAY_MS - 1 : parsed.ms };
    // A day in a zone is not always 24 hours (23 or 25 on the days clocks change): its end is
    // the next local midnight, less a millisecond.
    const ms = wholeDay ? wallTimeToUtc(parsed.ms + DAY_MS, zone) - 1 : wallTimeToUtc(parsed.ms, zone);
    return { ok: true, ms, text: zonedIso(ms, zone) };
  }
  return {
    ok: false,
    message: `bad time "${value}" for ${kind}: — use a duration (30m, 24h, 7d) or a date (2026-11-20, 2026-11-20T12:00, 2026-11-20T12:00:00Z)`,
  };
}
