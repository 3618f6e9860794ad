/**
 * Behaviour a review of the explorer found wrong, each pinned by a test: the menu applying the
 * value it shows, the selection during a load, fuzzy words over strings that arrive later, target
 * counts that agree with target:=, exact pivots, whitespace around a filter, lenses in counts,
 * keeping the selection through the history, marking in details, exact terms and line breaks,
 * exporting every mark, and typing j / k into the custom date range.
 */
import { describe, expect, it } from 'vitest';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { menuItems } from '../../src/tui/modes/menu.js';
import { reducer } from '../../src/tui/reducer.js';
import { markedEvents, selectedEvent } from '../../src/tui/rows.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { EventBatcher } from '../../src/load/event-batcher.js';
import { LoaderVocabulary } from '../../src/store/loader-vocabulary.js';
import { filterFromText } from '../../src/query/filter.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const key = (name: string): Action => ({ type: 'key', name, now: Date.parse('2026-11-22T00:00:00Z') });
const ids = (state: AppState) => Array.from(state.rows[state.pane], (i) => state.store.loadedEvent(i).event.id);
const at = (minute: number) => `2026-11-21T10:${String(minute).padStart(2, '0')}:00Z`;
const target = (name: string) => ({ id: `id-${name}`, displayName: name, type: 'Group', userPrincipalName: null, groupType: null, modifiedProperties: [] });
const user = (upn: string) => ({ user: { id: `u-${upn}`, displayName: null, userPrincipalName: upn, ipAddress: '10.0.0.1', userType: null }, app: null });

const events = loaded(
  graphEvent({ id: 'm1', activityDateTime: at(1), activityDisplayName: 'Add member to group', initiatedBy: user('bob@x.com'), targetResources: [target('Alice'), target('Admins')] }),
  graphEvent({ id: 'm2', activityDateTime: at(2), activityDisplayName: 'Add member to group', initiatedBy: user('bob@x.com'), targetResources: [target('Carol'), target('Admins')] }),
  graphEvent({ id: 'g1', activityDateTime: at(3), activityDisplayName: 'Update group', initiatedBy: user('jimbob@x.com'), targetResources: [target('Admins')] }),
  graphEvent({ id: 'g2', activityDateTime: at(4), activityDisplayName: 'Update group', initiatedBy: user('bob@x.com'), targetResources: [target('Admins Backup')] }),
  graphEvent({ id: 'nl', activityDateTime: at(5), activityDisplayName: 'Line\nBreak', targetResources: [target('Line\nBreak')] }),
);
const start = () => initialState({ indexes: indexesOf(storeFromEvents(events)), size: { columns: 140, rows: 24 } });

describe('review fixes', () => {
  it('the filter menu applies the value on the highlighted line, also at the bottom of its window', () => {
    const many = loaded(...Array.from({ length: 40 }, (_, i) => graphEvent({ id: `e${i}`, activityDateTime: at(i % 59), activityDisplayName: `Activity ${String(i).padStart(2, '0')}` })));
    let state = run(initialState({ indexes: indexesOf(storeFromEvents(many)), size: { columns: 140, rows: 24 } }), key('f'), key('j'), key('j'), key('j'), key('enter'));
    for (let i = 0; i < 25; i++) state = run(state, key('j'));
    const menu = state.menu;
    if (!menu || menu.stage !== 'values') throw new Error('not in the values list');
    const highlighted = menuItems(state)[menu.cursor].value;
    // The line is drawn: within the window FilterMenu draws (menuHeight lines from top).
    expect(menu.cursor - menu.top).toBeLessThan(24 - 1 - 3 - 1 - 2 - 1);
    expect(run(state, key('enter')).filter.text).toBe(`activity:="${highlighted}"`);
  });

  it('keeps an open event open while newer events stream in at the top', () => {
    const store = storeFromEvents(loaded(graphEvent({ id: 'old', activityDateTime: at(1) })));
    const opened = run(initialState({ indexes: indexesOf(store), size: { columns: 140, rows: 24 } }), { type: 'openDetails' });
    const batcher = new EventBatcher('later.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    for (const l of loaded(graphEvent({ id: 'newer', activityDateTime: at(30) }))) batcher.add(l, null);
    batcher.flush();
    const refreshed = run(opened, { type: 'refresh', problems: [], problemCount: 0, sources: [], loading: null, errors: [] });
    expect(selectedEvent(refreshed)?.event.id).toBe('old');
  });

  it('finds a fuzzy word among strings that arrived after the filter was applied', () => {
    const store = storeFromEvents(loaded(graphEvent({ id: 'a', activityDisplayName: 'Update user' })));
    const result = filterFromText('quokkas', new QueryIndex(store), 0);
    if (!result.ok || !result.test) throw new Error('no test');
    const batcher = new EventBatcher('later.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    for (const l of loaded(graphEvent({ id: 'z', activityDisplayName: 'Zebrafish quokka' }))) batcher.add(l, null);
    batcher.flush();
    expect(result.test(1)).toBe(true);
    expect(result.test(0)).toBe(false);
  });

  it('counts every target in the Target list, as target:= matches, and lists names only', () => {
    const state = run(start(), key('f'), ...Array(5).fill(key('j')), key('enter'));
    const items = menuItems(state);
    expect(items.find((item) => item.value === 'Admins')?.count).toBe(3);
    expect(items.some((item) => item.value === 'id-Admins')).toBe(false);
    const admins = items.findIndex((item) => item.value === 'Admins');
    const applied = run(state, ...Array(admins).fill(key('j')), key('enter'));
    expect(applied.rows.directory).toHaveLength(3);
  });

  it('pivots to the same actor, not every actor containing it', () => {
    const state = start();
    const bob = ids(state).indexOf('g2');
    const pivoted = run(state, ...Array(bob).fill(key('j')), key('a'));
    expect(pivoted.filter.text).toBe('actor:="bob@x.com"');
    expect(ids(pivoted)).toEqual(['g2', 'm2', 'm1']);
    expect(selectedEvent(pivoted)?.event.id).toBe('g2');
    // Back through the history, the same event is still selected.
    expect(selectedEvent(run(pivoted, key('backspace')))?.event.id).toBe('g2');
  });

  it('removes the right term from a filter typed with spaces around it', () => {
    const state = run(start(), { type: 'applyFilter', text: '  actor:bob activity:update', now: 0 }, key('f'));
    const remove = menuItems(state).findIndex((item) => item.label.startsWith('Remove') && item.label.includes('activity:update'));
    const removed = run(state, ...Array(remove).fill(key('j')), key('enter'));
    expect(removed.filter.text).toBe('actor:bob');
  });

  it('counts only what the r and M lenses show', () => {
    const marked = run(start(), key('m'), key('M'), key('f'), key('j'), key('j'), key('j'), key('enter'));
    const counts = menuItems(marked).map((item) => item.count);
    expect(counts.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(1);
  });

  it('marks in details without moving to another event', () => {
    const state = run(start(), { type: 'openDetails' });
    const before = selectedEvent(state)?.event.id;
    expect(selectedEvent(run(state, key('m')))?.event.id).toBe(before);
  });

  it('keeps a line break inside a name from splitting it for exact terms', () => {
    const store = storeFromEvents(events);
    const count = (query: string) => {
      const result = filterFromText(query, new QueryIndex(store), 0);
      if (!result.ok) throw new Error(result.error.message);
      return store.sortedIndices('all', result.test ?? undefined).length;
    };
    expect(count('activity:="Break"')).toBe(0);
    expect(count('target:="Break"')).toBe(0);
    expect(count('target:="Admins"')).toBe(3);
  });

  it('exports every marked event, whichever pane and filter', () => {
    const cs = graphEvent({ id: 'cs', activityDateTime: at(6), category: 'AttributeManagement' });
    const state = run(initialState({ indexes: indexesOf(storeFromEvents([...events, ...loaded(cs)])), size: { columns: 140, rows: 24 } }), key('m'), key('2'), key('m'), { type: 'applyFilter', text: 'activity:nothing', now: 0 });
    expect(Array.from(markedEvents(state), (i) => state.store.loadedEvent(i).event.id)).toEqual(['cs', 'nl']);
    const exporting = run(state, key('e'), key('enter'));
    expect(exporting.effects.at(-1)?.kind === 'export' ? (exporting.effects.at(-1) as { indices: Int32Array }).indices.length : -1).toBe(2);
  });

  it('lets j and k be typed into the custom date range', () => {
    const custom = run(start(), key('f'), key('enter'), ...Array(5).fill(key('j')), key('enter'));
    expect(custom.menu?.stage).toBe('customDate');
    const typed = run(custom, key('j'), key('k'));
    expect(typed.menu?.stage === 'customDate' ? typed.menu.focus : '').toBe('since');
    expect(run(custom, key('tab')).menu).toMatchObject({ focus: 'until' });
  });
});
