import { describe, expect, it } from 'vitest';
import { chooseBucketSize, timeline, timelineText, type Timeline } from '../../src/insights/timeline.js';
import { eventsInScope } from '../../src/insights/answers.js';
import { resolveTimeZone } from '../../src/text/time-zone.js';
import { storeOf } from '../helpers/insights.js';

const at = (iso: string) => Date.parse(iso);
const storeAt = (...times: string[]) => storeOf(...times.map((t): [string, { activityDateTime: string }] => ['Update user', { activityDateTime: t }]));
const lineOf = (...times: string[]) => {
  const store = storeAt(...times);
  return timeline(store, eventsInScope(store, null, 'all'));
};

describe('chooseBucketSize', () => {
  it('takes the smallest size that draws the span in at most 60 buckets', () => {
    expect(chooseBucketSize(at('2026-11-20T10:00:00Z'), at('2026-11-20T10:10:00Z')).label).toBe('1m');
    expect(chooseBucketSize(at('2026-11-20T10:00:00Z'), at('2026-11-20T12:00:00Z')).label).toBe('5m');
    expect(chooseBucketSize(at('2026-11-20T00:00:00Z'), at('2026-11-22T00:00:00Z')).label).toBe('1h');
    expect(chooseBucketSize(at('2026-10-29T00:05:00Z'), at('2026-11-27T23:53:00Z')).label).toBe('12h');
    expect(chooseBucketSize(at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z')).label).toBe('7d');
    // Past 60 weeks there is nothing bigger: still one bar per week.
    expect(chooseBucketSize(at('2020-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z')).label).toBe('7d');
  });
});

describe('timeline', () => {
  it('counts events per UTC-aligned bucket, empty buckets included', () => {
    const line = lineOf('2026-11-20T10:03:30Z', '2026-11-20T10:03:59.999Z', '2026-11-20T10:05:00Z', '2026-11-20T10:40:00Z');
    expect(line.bucketLabel).toBe('1m');
    expect(line.buckets).toHaveLength(38);
    expect(line.buckets.slice(0, 3)).toEqual([
      { startMs: at('2026-11-20T10:03:00Z'), count: 2 },
      { startMs: at('2026-11-20T10:04:00Z'), count: 0 },
      { startMs: at('2026-11-20T10:05:00Z'), count: 1 },
    ]);
    expect(line.buckets.at(-1)).toEqual({ startMs: at('2026-11-20T10:40:00Z'), count: 1 });
    expect([line.firstMs, line.lastMs, line.total]).toEqual([at('2026-11-20T10:03:30Z'), at('2026-11-20T10:40:00Z'), 4]);
  });

  it('starts day buckets at midnight UTC and week buckets on Monday', () => {
    const days = lineOf('2026-11-01T23:59:00Z', '2026-11-02T00:00:00Z', '2026-12-15T12:00:00Z');
    expect(days.bucketLabel).toBe('1d');
    expect(days.buckets.slice(0, 2)).toEqual([
      { startMs: at('2026-11-01T00:00:00Z'), count: 1 },
      { startMs: at('2026-11-02T00:00:00Z'), count: 1 },
    ]);
    // 2026-01-07 is a Wednesday: its week began on Monday the 5th.
    const weeks = lineOf('2026-01-07T09:00:00Z', '2026-05-07T09:00:00Z');
    expect(weeks.bucketLabel).toBe('7d');
    expect(new Date(weeks.buckets[0].startMs).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(weeks.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(2);
  });

  it('is empty for no events', () => {
    expect(timeline(storeAt(), [])).toMatchObject({ buckets: [], total: 0, bucketLabel: '' });
    expect(timelineText(timeline(storeAt(), []), 80, { ascii: false })).toEqual([]);
  });
});

describe('timelineText', () => {
  const hours: Timeline = {
    bucketLabel: '1h',
    bucketMs: 3_600_000,
    buckets: [8, 4, 1, 0].map((count, i) => ({ startMs: at('2026-11-20T10:00:00Z') + i * 3_600_000, count })),
    firstMs: at('2026-11-20T10:00:00Z'),
    lastMs: at('2026-11-20T13:30:00Z'),
    total: 13,
  };

  it('draws bars in eighths of a cell, the largest filling the width, a non-zero count never invisible', () => {
    // 16 label + 1 + 1 count + 1 + 1 rule = 20 columns; 2 left for the bars.
    expect(timelineText(hours, 22, { ascii: false })).toEqual([
      '2026-11-20 10:00 8 │██',
      '2026-11-20 11:00 4 │█',
      '2026-11-20 12:00 1 │▎',
      '2026-11-20 13:00 0 │',
    ]);
    const wide = timelineText(hours, 28, { ascii: false });
    expect(wide[0]).toBe('2026-11-20 10:00 8 │████████');
    expect(wide[2]).toBe('2026-11-20 12:00 1 │█');
    expect(timelineText({ ...hours, buckets: [{ startMs: hours.firstMs, count: 7 }, { startMs: hours.firstMs + 3_600_000, count: 3 }] }, 21, { ascii: false })).toEqual([
      '2026-11-20 10:00 7 │█',
      '2026-11-20 11:00 3 │▍',
    ]);
  });

  it('uses # in ASCII mode, labels days by date, and labels in another zone on request', () => {
    expect(timelineText(hours, 22, { ascii: true })).toEqual(['2026-11-20 10:00 8 |##', '2026-11-20 11:00 4 |#', '2026-11-20 12:00 1 |#', '2026-11-20 13:00 0 |']);
    const days: Timeline = { ...hours, bucketLabel: '1d', bucketMs: 86_400_000, buckets: [{ startMs: at('2026-11-20T00:00:00Z'), count: 1200 }] };
    expect(timelineText(days, 24, { ascii: true })).toEqual(['2026-11-20 1,200 |######']);
    const paris = resolveTimeZone('Europe/Paris')!;
    expect(timelineText(hours, 22, { ascii: true, timeZone: paris })[0]).toBe('2026-11-20 11:00 8 |##');
  });

  it('draws only a window of buckets, scaled and aligned as the whole timeline is', () => {
    // 8 is the largest bucket though it is outside the window: the bars keep their lengths.
    expect(timelineText(hours, 22, { ascii: false, window: { from: 1, count: 2 } })).toEqual(['2026-11-20 11:00 4 │█', '2026-11-20 12:00 1 │▎']);
    expect(timelineText(hours, 22, { ascii: false, window: { from: 3, count: 5 } })).toEqual(['2026-11-20 13:00 0 │']);
  });
});

describe('timeline with a bucket size given (the zoom)', () => {
  it('counts the same events in that size, aligned in UTC, whatever the span', () => {
    const line = timeline(storeAt('2026-11-19T02:47:00Z', '2026-11-19T02:49:00Z', '2026-11-19T09:10:00Z'), [0, 1, 2], 60_000);
    expect(line.bucketLabel).toBe('1m');
    expect(line.buckets).toHaveLength(384);
    expect(line.buckets[0]).toEqual({ startMs: at('2026-11-19T02:47:00Z'), count: 1 });
    expect(line.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(timeline(storeAt('2026-11-19T02:47:00Z'), [0], 7 * 86_400_000).buckets[0].startMs).toBe(at('2026-11-16T00:00:00Z'));
  });
});
