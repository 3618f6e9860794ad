/**
 * Events over time: counts per bucket, the bucket size chosen from the span so a month shows as
 * days and an incident night as minutes, and a text drawing of it as horizontal bars.
 * Buckets are aligned in UTC (hours on the hour, days at midnight UTC, weeks on Monday), so two
 * summaries of overlapping data draw the same buckets.
 */
import type { EventStore } from '../store/event-store.js';
import { formatInZone, UTC, type TimeZoneChoice } from '../text/time-zone.js';
import { displayWidth, padToWidth } from '../text/width.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const BUCKET_SIZES = [
  { label: '1m', ms: MINUTE },
  { label: '5m', ms: 5 * MINUTE },
  { label: '15m', ms: 15 * MINUTE },
  { label: '1h', ms: HOUR },
  { label: '3h', ms: 3 * HOUR },
  { label: '6h', ms: 6 * HOUR },
  { label: '12h', ms: 12 * HOUR },
  { label: '1d', ms: DAY },
  { label: '7d', ms: 7 * DAY },
] as const;

/** The most buckets a timeline has (unless even weeks give more: then one bar per week anyway). */
export const MAX_BUCKETS = 60;

/** 1970-01-01 was a Thursday: weeks are counted from Monday 1970-01-05 instead. */
const WEEK_ORIGIN = 4 * DAY;

export interface Timeline {
  /** '1m' … '7d'; '' when there are no events. */
  bucketLabel: string;
  bucketMs: number;
  /** Start (epoch ms, UTC-aligned) and event count of each bucket, oldest first; empty buckets included. */
  buckets: Array<{ startMs: number; count: number }>;
  /** Earliest and latest event time (NaN when there are none). */
  firstMs: number;
  lastMs: number;
  total: number;
}

const alignDown = (ms: number, size: number, origin: number): number => Math.floor((ms - origin) / size) * size + origin;

/** Choose the smallest size that spans [first, last] in at most MAX_BUCKETS aligned buckets. */
export function chooseBucketSize(firstMs: number, lastMs: number): (typeof BUCKET_SIZES)[number] {
  for (const size of BUCKET_SIZES) if (bucketCount(firstMs, lastMs, size.ms) <= MAX_BUCKETS) return size;
  return BUCKET_SIZES[BUCKET_SIZES.length - 1];
}

type BucketSize = (typeof BUCKET_SIZES)[number];

/** How many aligned buckets of `size` span [first, last]. */
export function bucketCount(firstMs: number, lastMs: number, sizeMs: number): number {
  const origin = sizeMs === 7 * DAY ? WEEK_ORIGIN : 0;
  return (alignDown(lastMs, sizeMs, origin) - alignDown(firstMs, sizeMs, origin)) / sizeMs + 1;
}

/**
 * The most buckets a zoomed timeline may have: 1m buckets over 69 days. Every bucket is a line
 * (drawn only in the window, but kept as a number): a year at 1m would be half a million.
 */
export const MAX_ZOOMED_BUCKETS = 100_000;

/**
 * The next size in `BUCKET_SIZES` from `currentMs`: smaller (direction 1, zooming in) or larger
 * (-1); null at either end. The sizes nest (each divides the next, weeks are whole days), so a
 * zoomed bucket lies inside one bucket of every larger size.
 */
export function zoomedSize(currentMs: number, direction: 1 | -1): BucketSize | null {
  const at = BUCKET_SIZES.findIndex((size) => size.ms === currentMs);
  if (at < 0) return null;
  return BUCKET_SIZES[at - direction] ?? null;
}

/**
 * Two passes over the events' times (the span, then the counts); no per-event objects. The
 * bucket size follows the span unless one is given (the insights view's zoom).
 */
export function timeline(store: EventStore, indices: ArrayLike<number>, bucketMs?: number): Timeline {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let k = 0; k < indices.length; k++) {
    const t = store.timeMs(indices[k]);
    if (t < firstMs) firstMs = t;
    if (t > lastMs) lastMs = t;
  }
  if (indices.length === 0) return { bucketLabel: '', bucketMs: 0, buckets: [], firstMs: NaN, lastMs: NaN, total: 0 };
  const size = BUCKET_SIZES.find((candidate) => candidate.ms === bucketMs) ?? chooseBucketSize(firstMs, lastMs);
  const origin = size.ms === 7 * DAY ? WEEK_ORIGIN : 0;
  const start = alignDown(firstMs, size.ms, origin);
  const counts = new Uint32Array((alignDown(lastMs, size.ms, origin) - start) / size.ms + 1);
  for (let k = 0; k < indices.length; k++) counts[Math.floor((store.timeMs(indices[k]) - start) / size.ms)]++;
  return {
    bucketLabel: size.label,
    bucketMs: size.ms,
    buckets: Array.from(counts, (count, b) => ({ startMs: start + b * size.ms, count })),
    firstMs,
    lastMs,
    total: indices.length,
  };
}

/** U+258F … U+2589: one to seven eighths of a cell, for bars that grow smoothly. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';

/** A bar of `fraction` (0–1) of `width` cells; a non-zero count always shows at least a sliver. */
export function bar(fraction: number, width: number, ascii: boolean): string {
  if (fraction <= 0 || width <= 0) return '';
  if (ascii) return '#'.repeat(Math.max(1, Math.round(fraction * width)));
  const eighths = Math.max(1, Math.round(fraction * width * 8));
  return FULL.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** The bucket's start as a label: dates for day and week buckets, date and time otherwise. */
function bucketLabel(startMs: number, bucketMs: number, timeZone: TimeZoneChoice): string {
  const text = formatInZone(new Date(startMs).toISOString(), timeZone);
  return bucketMs >= DAY && timeZone.zone === 'UTC' ? text.slice(0, 10) : text.slice(0, 16);
}

export interface TimelineTextOptions {
  ascii: boolean;
  /** Labels in this zone (buckets stay UTC-aligned); UTC by default. */
  timeZone?: TimeZoneChoice;
  /** Only these buckets' lines, [from, from + count): a zoomed timeline has thousands, a screen shows thirty. Bars still scale to the largest bucket of all. */
  window?: { from: number; count: number };
}

/**
 * One line per bucket: `label count │bar`, counts right-aligned, the longest bar filling what
 * `width` leaves.
 * Pure: the same timeline and width give the same lines.
 */
export function timelineText(line: Timeline, width: number, options: TimelineTextOptions): string[] {
  const timeZone = options.timeZone ?? UTC;
  if (line.buckets.length === 0) return [];
  const from = options.window ? Math.max(0, options.window.from) : 0;
  const shown = line.buckets.slice(from, options.window ? from + options.window.count : undefined);
  if (shown.length === 0) return [];
  const labels = shown.map((b) => bucketLabel(b.startMs, line.bucketMs, timeZone));
  const labelWidth = Math.max(...labels.map(displayWidth));
  // A loop, not Math.max(...): a spread of 100,000 arguments can overflow the stack.
  let max = 0;
  for (const b of line.buckets) if (b.count > max) max = b.count;
  const countWidth = max.toLocaleString('en-US').length;
  const rule = options.ascii ? '|' : '│';
  // label, space, count, space, rule, bar
  const barWidth = Math.max(1, width - labelWidth - countWidth - 3);
  return shown.map((b, i) => {
    const drawn = bar(max === 0 ? 0 : b.count / max, barWidth, options.ascii);
    return `${padToWidth(labels[i], labelWidth)} ${b.count.toLocaleString('en-US').padStart(countWidth)} ${rule}${drawn}`;
  });
}
