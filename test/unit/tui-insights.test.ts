import { describe, expect, it } from 'vitest';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { DEFAULT_KEYMAP } from '../../src/tui/keymap.js';
import { reducer } from '../../src/tui/reducer.js';
import { insightItems, insightsLayout } from '../../src/view/insights-screen.js';
import { helpLines } from '../../src/tui/help.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { dayOfActivity } from '../helpers/insights-view.js';
import { indexesOf } from '../helpers/state.js';

const size = { columns: 80, rows: 24 };
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const keys = (state: AppState, ...names: string[]) => run(state, ...names.map((name): Action => ({ type: 'key', name, now: Date.parse('2026-12-01T00:00:00Z') })));
const filtered = (text: string) => run(initialState({ indexes: indexesOf(storeFromEvents(dayOfActivity())), size }), { type: 'applyFilter', text, now: Date.parse('2026-12-01T00:00:00Z') });

describe('insights view (reducer)', () => {
  it('opens on the filtered rows of the pane: hour buckets and top values from them only', () => {
    const state = keys(filtered('-activity:"Reset password"'), 'i');
    expect(state.mode).toBe('insights');
    const insights = state.insights!;
    expect(insights.timeline.total).toBe(38);
    expect(insights.timeline.bucketLabel).toBe('1h');
    // 22:00 the day before … 14:00: the 23:00 resets are filtered out.
    expect(insights.timeline.buckets).toHaveLength(17);
    expect(insights.timeline.buckets[0]).toEqual({ startMs: Date.parse('2026-11-19T22:00:00Z'), count: 8 });
    expect(insights.timeline.buckets[11]).toEqual({ startMs: Date.parse('2026-11-20T09:00:00Z'), count: 20 });
    expect(insights.timeline.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(38);
    expect(insights.lists.map((list) => list.values[0])).toEqual([
      { value: 'Update user', count: 20 },
      { value: 'bob@contoso.example', count: 20 },
      { value: 'bo.user@contoso.example', count: 20 },
      { value: '198.51.100.2', count: 20 },
    ]);
    expect(insights.lists[0].values.map((v) => v.value)).not.toContain('Reset password');
  });

  it('Enter on a bucket narrows the filter to its hour (replacing since:/until:) and returns to the table', () => {
    const open = keys(filtered('since:2026-11-01 -activity:"Reset password"'), 'i');
    const onNine = keys(open, ...Array(11).fill('j'));
    expect(onNine.insights!.cursor).toBe(11);
    const applied = keys(onNine, 'enter');
    expect(applied.mode).toBe('table');
    expect(applied.filter.text).toBe('-activity:"Reset password" since:2026-11-20T09:00:00.000Z until:2026-11-20T09:59:59.999Z');
    expect(applied.rows.directory).toHaveLength(20);
    expect(applied.filterHistory.at(-1)).toBe('since:2026-11-01 -activity:"Reset password"');
    // Backspace steps back to the filter before it.
    expect(keys(applied, 'backspace').rows.directory).toHaveLength(38);
  });

  it('Enter on a top value applies it as an exact term on its field', () => {
    const open = keys(filtered(''), 'i');
    // Tab: from the timeline to the activities; j: the second one.
    const activity = keys(open, 'tab', 'j', 'enter');
    expect(activity.filter.text).toBe('activity:="Delete user"');
    expect(activity.rows.directory).toHaveLength(10);
    expect(activity.mode).toBe('table');

    const actor = keys(open, 'tab', 'tab', 'enter');
    expect(actor.filter.text).toBe('actor:="bob@contoso.example"');
    expect(actor.rows.directory).toHaveLength(20);

    const ip = keys(keys(filtered('ip:198.51.100'), 'i'), 'shift+tab', 'j', 'enter');
    // 198.51.100.2 (20), then the tie at 10 in string order: .1 before .3.
    expect(ip.filter.text).toBe('ip:="198.51.100.1"');
    expect(ip.rows.directory).toHaveLength(10);
  });

  it('moves one cursor over buckets then values, and goes back with Esc, q or Backspace', () => {
    const open = keys(filtered(''), 'i');
    const items = insightItems(open.insights!, insightsLayout(size, 17, 4, open.insights!.unusual?.values.length ?? null));
    expect(items.filter((item) => item.kind === 'bucket')).toHaveLength(26);
    expect(keys(open, 'G').insights!.cursor).toBe(items.length - 1);
    expect(keys(open, 'k').insights!.cursor).toBe(0);
    for (const key of ['escape', 'q', 'backspace']) {
      const back = keys(open, key);
      expect(back.mode).toBe('table');
      expect(back.filter.text).toBe('');
    }
  });

  it('opens on an empty view without a cursor to choose with', () => {
    const open = keys(filtered('activity:nothing-like-this'), 'i');
    expect(open.insights!.timeline.total).toBe(0);
    expect(keys(open, 'j', 'enter')).toEqual(open);
    expect(keys(open, 'escape').mode).toBe('table');
  });

  it('is listed in help, drawn from the keymap', () => {
    expect(helpLines(DEFAULT_KEYMAP)).toContainEqual({ keys: 'i', help: expect.stringContaining('Insights: timeline and top values for the current view') });
    // The view's own keys are in the keymap too, under their own heading.
    expect(helpLines(DEFAULT_KEYMAP)).toContainEqual({ keys: '', help: 'Insights (i)', heading: true });
    expect(helpLines(DEFAULT_KEYMAP)).toContainEqual({ keys: 'Tab l →', help: expect.stringContaining('Next section') });
  });
});
