import { describe, expect, it } from 'vitest';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { tableInput } from '../../src/tui/frame-parts.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { selectedEvent, viewEvents } from '../../src/tui/rows.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { tableLines } from '../../src/view/table-lines.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const at = (minute: number) => `2026-11-21T10:${String(minute).padStart(2, '0')}:00Z`;
const op = 'aaaaaaaa-0000-4000-8000-000000000001';
const events = loaded(
  graphEvent({ id: 'lone-new', activityDateTime: at(30), activityDisplayName: 'Update user', correlationId: 'bbbbbbbb-0000-4000-8000-000000000002' }),
  graphEvent({ id: 'app', activityDateTime: at(20), activityDisplayName: 'Add application', correlationId: op }),
  graphEvent({ id: 'sp', activityDateTime: at(19), activityDisplayName: 'Add service principal', correlationId: op }),
  graphEvent({ id: 'owner', activityDateTime: at(18), activityDisplayName: 'Add owner to application', correlationId: op }),
  graphEvent({ id: 'lone-old', activityDateTime: at(10), activityDisplayName: 'Delete user', correlationId: 'cccccccc-0000-4000-8000-000000000003' }),
);
const start = initialState({ indexes: indexesOf(storeFromEvents(events)), size: { columns: 140, rows: 30 } });
const ids = (state: AppState) => Array.from(state.rows[state.pane], (i) => state.store.loadedEvent(i).event.id);

describe('correlation groups (o)', () => {
  it('folds an operation into its newest event, with the count and time span', () => {
    const grouped = run(start, { type: 'toggleGroups' });
    expect(ids(grouped)).toEqual(['lone-new', 'app', 'lone-old']);
    expect(tableLines(tableInput(grouped)).rows[1].text).toContain('▸ 3× 2 min Add application');
    expect(ids(run(grouped, { type: 'toggleGroups' }))).toEqual(['lone-new', 'app', 'sp', 'owner', 'lone-old']);
  });

  it('opens a group in place and closes it again from any of its rows', () => {
    const open = run(start, { type: 'toggleGroups' }, { type: 'move', by: 'line', direction: 1 }, { type: 'expandGroup', open: true });
    expect(ids(open)).toEqual(['lone-new', 'app', 'sp', 'owner', 'lone-old']);
    expect(tableLines(tableInput(open)).rows[1].text).toContain('▾ 3×');
    expect(tableLines(tableInput(open)).rows[2].text).toContain('└ Add service principal');
    const onMember = run(open, { type: 'move', by: 'line', direction: 1 }, { type: 'move', by: 'line', direction: 1 });
    expect(selectedEvent(onMember)?.event.id).toBe('owner');
    const closed = run(onMember, { type: 'expandGroup', open: false });
    expect(ids(closed)).toEqual(['lone-new', 'app', 'lone-old']);
    expect(selectedEvent(closed)?.event.id).toBe('app');
    expect(tableLines(tableInput(closed)).rows).toHaveLength(3);
  });

  it('groups what the filter lets through', () => {
    const filtered = run(start, { type: 'applyFilter', text: 'activity:add', now: 0 }, { type: 'toggleGroups' });
    expect(ids(filtered)).toEqual(['app']);
    expect(tableLines(tableInput(filtered)).rows[0].text).toContain('3×');
  });
});

describe('grouped views in export and insights', () => {
  it('unfold collapsed groups: every event of the view is exported and counted', () => {
    const grouped = run(start, { type: 'toggleGroups' });
    expect(grouped.rows.directory).toHaveLength(3);
    expect(Array.from(viewEvents(grouped), (i) => grouped.store.loadedEvent(i).event.id)).toEqual(['lone-new', 'app', 'sp', 'owner', 'lone-old']);
    const exporting = run(grouped, { type: 'openExport', now: 0 }, { type: 'key', name: 'enter', now: 0 });
    expect(exporting.effects.at(-1)).toMatchObject({ kind: 'export' });
    expect(exporting.effects.at(-1)?.kind === 'export' ? (exporting.effects.at(-1) as { indices: Int32Array }).indices.length : 0).toBe(5);
    const insights = run(grouped, { type: 'openInsights' });
    expect(insights.insights?.timeline.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
  });
});

describe('a closed group and sensitive operations', () => {
  it('marks the lead with the most severe event hidden in the group', () => {
    const corr = 'dddddddd-0000-4000-8000-000000000004';
    const store = storeFromEvents(
      loaded(
        graphEvent({ id: 'lead', activityDateTime: at(40), activityDisplayName: 'Update application', correlationId: corr }),
        graphEvent({ id: 'hidden', activityDateTime: at(39), activityDisplayName: 'Add service principal credentials', correlationId: corr }),
      ),
    );
    const grouped = run(initialState({ indexes: indexesOf(store), size: { columns: 140, rows: 30 } }), { type: 'toggleGroups' });
    expect(tableLines(tableInput(grouped)).rows[0].text.slice(0, 2)).toBe(' !');
    const open = run(grouped, { type: 'expandGroup', open: true });
    // Open, each row has its own marker again.
    expect(tableLines(tableInput(open)).rows.map((row) => row.text.slice(0, 2))).toEqual(['  ', ' !']);
  });
});
