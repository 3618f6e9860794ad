/**
 * Time inside the sample window, counted in 100-nanosecond ticks from the window's start: the
 * unit of the seven fractional digits Graph writes, small enough for a float to hold exactly
 * (a year is ~3.2e14 ticks, far below 2^53), and cheap to sort in a Float64Array.
 */
export const TICKS_PER_MS = 10_000;
export const TICKS_PER_SECOND = 1000 * TICKS_PER_MS;
export const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

export class SampleClock {
  readonly startMs: number;
  readonly endMs: number;
  /** Length of the window; every event's ticks are in [0, endTicks). */
  readonly endTicks: number;

  constructor(endIso: string, days: number) {
    const endMs = Date.parse(endIso);
    if (!Number.isFinite(endMs)) throw new Error(`sample end is not a date-time: ${endIso}`);
    if (!(days > 0)) throw new Error(`sample days must be positive, got ${days}`);
    this.endMs = endMs;
    this.startMs = endMs - Math.round(days * 86_400_000);
    this.endTicks = (this.endMs - this.startMs) * TICKS_PER_MS;
  }

  /** Keeps follow-up events of an operation that started near the end inside the window. */
  clamp(ticks: number): number {
    return Math.min(Math.max(0, Math.floor(ticks)), this.endTicks - 1);
  }

  /** ISO 8601 UTC with seven fractional digits and `Z`, as Graph writes activityDateTime. */
  iso(ticks: number): string {
    const wholeMs = Math.floor(ticks / TICKS_PER_MS);
    const absoluteMs = this.startMs + wholeMs;
    const fraction = (absoluteMs % 1000) * TICKS_PER_MS + (ticks - wholeMs * TICKS_PER_MS);
    return `${new Date(absoluteMs).toISOString().slice(0, 19)}.${String(fraction).padStart(7, '0')}Z`;
  }

  /** Ticks of an absolute instant given as epoch milliseconds. */
  ticksAt(epochMs: number): number {
    return (epochMs - this.startMs) * TICKS_PER_MS;
  }

  /** Epoch milliseconds of the UTC midnight on or before the instant `ticks` falls in. */
  utcMidnightMs(ticks: number): number {
    const ms = this.startMs + Math.floor(ticks / TICKS_PER_MS);
    return ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
  }
}
