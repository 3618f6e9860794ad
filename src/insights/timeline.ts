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
  for (const size of BUCKET_SIZES) {
    const origin = size.ms === 7 * DAY ? WEEK_ORIGIN : 0;
    const buckets = (alignDown(lastMs, size.ms, origin) - alignDown(firstMs, size.ms, origin)) / size.ms + 1;
    if (buckets <= MAX_BUCKETS) return size;
  }
  return BUCKET_SIZES[BUCKET_SIZES.length - 1];
}

/** Two passes over the events' times (the span, then the counts); no per-event objects. */
export function timeline(store: EventStore, indices: ArrayLike<number>): Timeline {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let k = 0; k < indices.length; k++) {
    const t = store.timeMs(indices[k]);
    if (t < firstMs) firstMs = t;
    if (t > lastMs) lastMs = t;
  }
  if (indices.length === 0) return { bucketLabel: '', bucketMs: 0, buckets: [], firstMs: NaN, lastMs: NaN, total: 0 };
  const size = chooseBucketSize(firstMs, lastMs);
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
}

/**
 * One line per bucket: `label count │bar`, counts right-aligned, the longest bar filling what
 * `width` leaves.
 * Pure: the same timeline and width give the same lines.
 */
export function timelineText(line: Timeline, width: number, options: TimelineTextOptions): string[] {
  const timeZone = options.timeZone ?? UTC;
  if (line.buckets.length === 0) return [];
  const labels = line.buckets.map((b) => bucketLabel(b.startMs, line.bucketMs, timeZone));
  const labelWidth = Math.max(...labels.map(displayWidth));
  const max = Math.max(...line.buckets.map((b) => b.count));
  const countWidth = max.toLocaleString('en-US').length;
  const rule = options.ascii ? '|' : '│';
  // label, space, count, space, rule, bar
  const barWidth = Math.max(1, width - labelWidth - countWidth - 3);
  return line.buckets.map((b, i) => {
    const drawn = bar(max === 0 ? 0 : b.count / max, barWidth, options.ascii);
    return `${padToWidth(labels[i], labelWidth)} ${b.count.toLocaleString('en-US').padStart(countWidth)} ${rule}${drawn}`;
  });
}
