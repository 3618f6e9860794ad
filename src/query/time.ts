/**
 * `since:` / `until:` values to epoch milliseconds: a duration counted back from `now`
 * (`30m`, `24h`, `7d`, also `s` and `w`) or a date / date-time, UTC unless it names a zone.
 * Dates go through the same `parseTimestamp` the loader uses, so `until:2026-11-20T12:00:00.5Z`
 * compares with event times exactly as they were read.
 */
import { parseTimestamp } from '../text/timestamp.js';
import type { TimeKind } from './ast.js';

export type TimeResult = { ok: true; ms: number } | { ok: false; message: string };

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DAY_MS = UNIT_MS.d;

// Lower-case units only: `1M` would read as a month to some, so it is refused rather than guessed.
const DURATION = /^(\d+)([smhdw])$/;
const DATE_START = /^\d{4}-\d{2}-\d{2}/;
/** A date with no time of day (it may still name a zone): as `until:`, the whole day counts. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}(?![T ]\d)/i;

export function resolveTime(value: string, kind: TimeKind, now: number): TimeResult {
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
    const endOfDay = kind === 'until' && DATE_ONLY.test(value);
    return { ok: true, ms: endOfDay ? parsed.ms + DAY_MS - 1 : parsed.ms };
  }
  return {
    ok: false,
    message: `bad time "${value}" for ${kind}: — use a duration (30m, 24h, 7d) or a UTC date (2026-11-20, 2026-11-20T12:00:00Z)`,
  };
}
