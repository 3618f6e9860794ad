/**
 * When routine events happen: more on weekdays than weekends, more in working hours (UTC, with
 * the London, Athens, New York and Tokyo offices overlapping) than at night, never zero —
 * devices and Exchange write-backs keep logging while people sleep.
 */
import { TICKS_PER_HOUR, TICKS_PER_MS, type SampleClock } from './clock.js';
import type { SeededRandom } from './random.js';

/** Relative activity per UTC hour of the day. */
const BY_HOUR = [
  0.3, 0.3, 0.28, 0.25, 0.22, 0.2, 0.3, 0.65, 0.95, 1.0, 1.0, 0.95,
  0.85, 0.95, 1.0, 1.0, 0.9, 0.7, 0.5, 0.4, 0.35, 0.3, 0.28, 0.28,
];
/** Relative activity per UTC weekday, Sunday first (Date#getUTCDay order). */
const BY_WEEKDAY = [0.14, 1.05, 1.0, 1.0, 1.0, 0.85, 0.18];

/**
 * `count` instants in the window, in ticks, sorted ascending. A typed array keeps a million of
 * them in 8 MB, which is the only memory the generator needs in proportion to its output.
 */
export function sampleTimes(clock: SampleClock, count: number, rng: SeededRandom): Float64Array {
  const hours = Math.ceil(clock.endTicks / TICKS_PER_HOUR);
  const cumulative = new Float64Array(hours);
  let total = 0;
  for (let hour = 0; hour < hours; hour++) {
    const startTicks = hour * TICKS_PER_HOUR;
    const length = Math.min(TICKS_PER_HOUR, clock.endTicks - startTicks);
    const date = new Date(clock.startMs + startTicks / TICKS_PER_MS);
    total += BY_WEEKDAY[date.getUTCDay()] * BY_HOUR[date.getUTCHours()] * (length / TICKS_PER_HOUR);
    cumulative[hour] = total;
  }

  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const hour = firstAbove(cumulative, rng.next() * total);
    const startTicks = hour * TICKS_PER_HOUR;
    const length = Math.min(TICKS_PER_HOUR, clock.endTicks - startTicks);
    times[i] = startTicks + Math.floor(rng.next() * length);
  }
  return times.sort();
}

/** Index of the first cumulative weight above `value` (binary search). */
function firstAbove(cumulative: Float64Array, value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
