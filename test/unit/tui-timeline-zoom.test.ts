import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { insightItems, insightsLayout } from '../../src/view/insights-screen.js';
import { bodyHeight } from '../../src/view/layout.js';
import { graphEvent } from '../helpers/events.js';
import { dayOfActivity } from '../helpers/insights-view.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const now = Date.parse('2026-12-01T00:00:00Z');
const keys = (state: AppState, ...names: string[]) => names.map((name): Action => ({ type: 'key', name, now })).reduce(reducer, state);
const explorer = (events = dayOfActivity(), size = { columns: 80, rows: 24 }) => initialState({ indexes: indexesOf(storeFromEvents(events)), size });

/** The selected bucket: its start, its count, and the timeline's size. */
function selected(state: AppState) {
  const { timeline, cursor } = state.insights!;
  const bucket = timeline.buckets[cursor];
  return { label: timeline.bucketLabel, start: bucket ? new Date(bucket.startMs).toISOString() : null, count: bucket?.count ?? null };
}

describe('the insights timeline zoom (reducer)', () => {
  it('+ counts the same events again in smaller buckets, the cursor on the first of them with events', () => {
    // 1h buckets from 2026-11-19 22:00; the twelfth is 09:00 (20 events, 09:00 to 09:38).
    const nine = keys(explorer(), 'i', ...Array(11).fill('j'));
    expect(selected(nine)).toEqual({ label: '1h', start: '2026-11-20T09:00:00.000Z', count: 20 });
    const quarter = keys(nine, '+');
    expect(selected(quarter)).toEqual({ label: '15m', start: '2026-11-20T09:00:00.000Z', count: 8 });
    expect(quarter.insights!.timeline.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(40);
    expect(quarter.insights!.timeline.total).toBe(40);
    const minute = keys(quarter, '+', '+');
    expect(selected(minute)).toEqual({ label: '1m', start: '2026-11-20T09:00:00.000Z', count: 1 });
    // The smallest there is: it says so and stays.
    const smallest = keys(minute, '+');
    expect(smallest.insights!.timeline.bucketLabel).toBe('1m');
    expect(smallest.message?.text).toContain('smallest buckets (1m)');
  });

  it('zooming in on an hour whose first minutes are empty lands on its first events; - zooms back out around them', () => {
    // A working morning and two changes at 02:47 and 02:49 the night before.
    const night = ['2026-11-19T02:47:00Z', '2026-11-19T02:49:00Z'];
    const morning = Array.from({ length: 12 }, (_, i) => `2026-11-19T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z`);
    const events = loaded(...[...night, ...morning].map((time, i) => graphEvent({ id: `e${i}`, correlationId: `c${i}`, activityDateTime: time })));
    const open = keys(explorer(events), 'i');
    expect(selected(open)).toEqual({ label: '15m', start: '2026-11-19T02:45:00.000Z', count: 2 });
    const hour = keys(open, '-');
    expect(selected(hour)).toEqual({ label: '1h', start: '2026-11-19T02:00:00.000Z', count: 2 });
    // Back in: not 02:00 (empty) but the quarter that holds 02:47, then its minute.
    const quarter = keys(hour, '+');
    expect(selected(quarter)).toEqual({ label: '15m', start: '2026-11-19T02:45:00.000Z', count: 2 });
    const minute = keys(quarter, '+', '+');
    expect(selected(minute)).toEqual({ label: '1m', start: '2026-11-19T02:47:00.000Z', count: 1 });
    const day = keys(minute, '-', '-', '-', '-', '-', '-', '-');
    expect(selected(day)).toEqual({ label: '1d', start: '2026-11-19T00:00:00.000Z', count: 14 });
  });

  it('Enter on a zoomed bucket narrows to its exact span', () => {
    const minute = keys(explorer(), 'i', ...Array(11).fill('j'), '+', '+', '+', 'j', 'j');
    expect(selected(minute)).toEqual({ label: '1m', start: '2026-11-20T09:02:00.000Z', count: 1 });
    const applied = keys(minute, 'enter');
    expect(applied.mode).toBe('table');
    expect(applied.filter.text).toBe('since:2026-11-20T09:02:00.000Z until:2026-11-20T09:02:59.999Z');
    expect(applied.rows.directory).toHaveLength(1);
  });

  it('with the cursor on a list, zooming keeps it on the same value', () => {
    const onBob = keys(explorer(), 'i', 'tab', 'tab');
    const before = onBob.insights!;
    const value = (state: AppState) => {
      const insights = state.insights!;
      const item = insightItems(insights, insightsLayout(state.size, bodyHeight(state.size), insights.lists.length, insights.unusual?.values.length ?? null))[insights.cursor];
      return item?.kind === 'value' ? insights.lists[item.list].values[item.index].value : null;
    };
    expect(value(onBob)).toBe('bob@contoso.example');
    const zoomed = keys(onBob, '+');
    expect(zoomed.insights!.timeline.buckets.length).toBeGreaterThan(before.timeline.buckets.length);
    expect(value(zoomed)).toBe('bob@contoso.example');
  });

  it('refuses a zoom that would make more lines than it keeps, and says how to get there', () => {
    // 100 days: 1m buckets would be 144,000 lines.
    const events = loaded(
      graphEvent({ id: 'a', activityDateTime: '2026-08-01T00:00:00Z' }),
      graphEvent({ id: 'b', activityDateTime: '2026-11-09T00:00:00Z' }),
    );
    const open = keys(explorer(events), 'i');
    expect(open.insights!.timeline.bucketLabel).toBe('7d');
    const five = keys(open, '+', '+', '+', '+', '+', '+', '+');
    expect(five.insights!.timeline.bucketLabel).toBe('5m');
    const refused = keys(five, '+');
    expect(refused.insights!.timeline.bucketLabel).toBe('5m');
    expect(refused.message?.text).toBe('1m buckets over this span would be 144,001 lines (at most 100,000): Enter on a bucket narrows to it first');
  });
});
