import { describe, expect, it } from 'vitest';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { commandFor as commandIn, DEFAULT_KEYMAP } from '../../src/tui/keymap.js';
import { reducer } from '../../src/tui/reducer.js';
import { selectedEvent } from '../../src/tui/rows.js';
import { bodyHeight } from '../../src/view/layout.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { EventBatcher } from '../../src/load/event-batcher.js';
import { LoaderVocabulary } from '../../src/store/loader-vocabulary.js';
import { graphEvent } from '../helpers/events.js';
import { loaded, manyEvents } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const size = { columns: 120, rows: 21 }; // frame 20 lines: 3 header, 1 column header, 14 rows, 2 footer
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const commandFor = (mode: Parameters<typeof commandIn>[1], key: string) => commandIn(DEFAULT_KEYMAP, mode, key);
const selectedId = (state: AppState) => selectedEvent(state)?.event.id;
const substrate = { user: null, app: { appId: null, displayName: 'Microsoft Substrate Management', servicePrincipalId: null, servicePrincipalName: null } };

describe('explorer reducer', () => {
  const events = manyEvents(100, (i) => (i % 10 === 0 ? { category: 'AttributeManagement' } : {}));
  const start = initialState({ indexes: indexesOf(storeFromEvents(events)), size });

  it('starts on the Directory pane at the newest event, with per-pane totals', () => {
    expect(bodyHeight(size)).toBe(14);
    expect(start.pane).toBe('directory');
    expect(start.totals).toEqual({ 'sign-ins': 0, provisioning: 0, directory: 90, 'custom-security': 10 });
    expect(selectedId(start)).toBe('e1');
  });

  it('moves by line, page and half page, and keeps the window around the selection', () => {
    const down = run(start, { type: 'move', by: 'line', direction: 1 });
    expect(down.cursor.directory).toEqual({ selected: 1, top: 0 });
    const paged = run(start, { type: 'move', by: 'page', direction: 1 });
    expect(paged.cursor.directory.selected).toBe(13);
    const twice = run(paged, { type: 'move', by: 'page', direction: 1 });
    expect(twice.cursor.directory).toEqual({ selected: 26, top: 13 });
    const half = run(twice, { type: 'move', by: 'halfPage', direction: -1 });
    expect(half.cursor.directory.selected).toBe(19);
    expect(run(start, { type: 'move', by: 'line', direction: -1 })).toBe(start);
  });

  it('jumps to the first and last event', () => {
    const last = run(start, { type: 'jump', to: 'last' });
    expect(last.cursor.directory).toEqual({ selected: 89, top: 76 });
    expect(selectedId(last)).toBe('e99');
    expect(run(last, { type: 'jump', to: 'first' }).cursor.directory).toEqual({ selected: 0, top: 0 });
  });

  it('switches panes, each remembering its own place', () => {
    const moved = run(start, { type: 'move', by: 'line', direction: 1 }, { type: 'switchPane' });
    expect(moved.pane).toBe('custom-security');
    expect(selectedId(moved)).toBe('e0');
    const back = run(moved, { type: 'switchPane', pane: 'directory' });
    expect(selectedId(back)).toBe('e2');
  });

  it('opens details on the selected event and returns to the same place', () => {
    const moved = run(start, { type: 'move', by: 'page', direction: 1 }, { type: 'move', by: 'page', direction: 1 });
    const open = run(moved, { type: 'openDetails' });
    expect(open.mode).toBe('details');
    const back = run(open, { type: 'back' });
    expect(back.mode).toBe('table');
    expect(back.cursor).toEqual(moved.cursor);
  });

  it('cycles detail tabs both ways and resets the scroll', () => {
    const open = run(start, { type: 'openDetails' });
    expect(run(open, { type: 'detailsTab', direction: 1 }).detailTab).toBe('targets');
    expect(run(open, { type: 'detailsTab', direction: -1 }).detailTab).toBe('raw');
    const scrolled = run(open, { type: 'detailsTab', direction: -1 }, { type: 'move', by: 'line', direction: 1 });
    expect(scrolled.scroll.details).toBe(1);
    expect(run(scrolled, { type: 'detailsTab', direction: 1 }).scroll.details).toBe(0);
  });

  it('scrolls details within the content and no further', () => {
    const raw = run(start, { type: 'openDetails' }, { type: 'detailsTab', direction: -1 });
    const bottom = run(raw, { type: 'jump', to: 'last' });
    expect(bottom.scroll.details).toBeGreaterThan(10);
    expect(run(bottom, { type: 'move', by: 'line', direction: 1 })).toBe(bottom);
    expect(bottom.cursor).toEqual(start.cursor);
  });

  it('opens help over any view and goes back to where it was', () => {
    const details = run(start, { type: 'openDetails' });
    const help = run(details, { type: 'toggleHelp' });
    expect(help.mode).toBe('help');
    expect(run(help, { type: 'back' }).mode).toBe('details');
    expect(run(help, { type: 'toggleHelp' }).mode).toBe('details');
  });

  it('opens and closes the problems list', () => {
    const problems = run(start, { type: 'toggleProblems' });
    expect(problems.mode).toBe('problems');
    expect(run(problems, { type: 'toggleProblems' }).mode).toBe('table');
    expect(run(problems, { type: 'back' }).mode).toBe('table');
  });

  it('hides Substrate write-backs, keeps the totals and the selected event', () => {
    const mixed = loaded(
      graphEvent({ id: 'a', activityDateTime: '2026-11-20T10:00:03Z' }),
      graphEvent({ id: 'wb', activityDateTime: '2026-11-20T10:00:02Z', initiatedBy: substrate }),
      graphEvent({ id: 'b', activityDateTime: '2026-11-20T10:00:01Z' }),
    );
    const state = run(initialState({ indexes: indexesOf(storeFromEvents(mixed)), size }), { type: 'move', by: 'line', direction: 1 }, { type: 'move', by: 'line', direction: 1 });
    expect(selectedId(state)).toBe('b');
    const hidden = run(state, { type: 'toggleSubstrate' });
    expect(hidden.rows.directory.length).toBe(2);
    expect(hidden.totals.directory).toBe(3);
    expect(selectedId(hidden)).toBe('b');
    expect(run(hidden, { type: 'toggleSubstrate' }).rows.directory.length).toBe(3);
  });

  it('clamps the window on resize', () => {
    const last = run(start, { type: 'jump', to: 'last' });
    const taller = run(last, { type: 'resize', columns: 80, rows: 40 });
    expect(taller.size).toEqual({ columns: 80, rows: 40 });
    expect(taller.cursor.directory).toEqual({ selected: 89, top: 57 });
  });

  it('refreshes from a growing store, keeping the selected event selected and where it was on screen', () => {
    const store = storeFromEvents(manyEvents(30));
    const state = run(initialState({ indexes: indexesOf(store), size }), { type: 'move', by: 'line', direction: 1 }, { type: 'move', by: 'line', direction: 1 });
    expect(selectedId(state)).toBe('e2');
    // Newer events arrive (as from a second part of the file), and some older ones.
    const newer = manyEvents(5).map((l, i) => ({ ...l, event: { ...l.event, id: `new${i}` }, timeMs: l.timeMs + 3_600_000 }));
    const batcher = new EventBatcher('more.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    for (const loaded of newer) batcher.add(loaded, null);
    batcher.flush();
    const progress = { bytesRead: 10, bytesTotal: 100, events: 35, problemCount: 0, done: false, startedAt: 0, finishedAt: null };
    const refreshed = run(state, { type: 'refresh', problems: [], problemCount: 0, sources: ['x'], loading: progress, errors: [] });
    expect(refreshed.totals.directory).toBe(35);
    expect(selectedId(refreshed)).toBe('e2');
    expect(refreshed.cursor.directory.selected).toBe(7);
    expect(refreshed.cursor.directory.selected - refreshed.cursor.directory.top).toBe(2);
    expect(refreshed.loading).toBe(progress);
  });

  it('follows the newest events while the selection is on the first row', () => {
    const store = storeFromEvents(manyEvents(10));
    const state = initialState({ indexes: indexesOf(store), size });
    const batcher = new EventBatcher('more.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    for (const loaded of manyEvents(1).map((l) => ({ ...l, event: { ...l.event, id: 'newest' }, timeMs: l.timeMs + 1 }))) batcher.add(loaded, null);
    batcher.flush();
    const refreshed = run(state, { type: 'refresh', problems: [], problemCount: 0, sources: [], loading: null, errors: [] });
    expect(selectedId(refreshed)).toBe('newest');
  });

  it('filters from the / bar, keeps a malformed query in the bar with its error, and clears with x', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const searching = run(start, { type: 'key', name: '/' });
    expect(searching.mode).toBe('search');
    const typed = run(searching, { type: 'editSearch', draft: 'activity:"update user 1"' });
    const applied = run(typed, { type: 'submitSearch', now });
    expect(applied.mode).toBe('table');
    expect(applied.filter.text).toBe('activity:"update user 1"');
    // e1, e10…e19 in the directory pane (e10 is custom security), newest first
    expect(Array.from(applied.rows.directory, (i) => applied.store.loadedEvent(i).event.id)).toEqual(['e1', 'e11', 'e12', 'e13', 'e14', 'e15', 'e16', 'e17', 'e18', 'e19']);
    expect(applied.totals.directory).toBe(90);
    expect(applied.cursor.directory).toEqual({ selected: 0, top: 0 });

    const broken = run(applied, { type: 'key', name: '/' }, { type: 'editSearch', draft: 'actvity:x' }, { type: 'submitSearch', now });
    expect(broken.mode).toBe('search');
    expect(broken.search.error).toEqual({ message: expect.stringContaining('did you mean "activity"'), position: 0 });
    expect(broken.filter.text).toBe('activity:"update user 1"');
    const cancelled = run(broken, { type: 'cancelSearch' });
    expect(cancelled.mode).toBe('table');
    expect(cancelled.rows).toBe(broken.rows);

    const cleared = run(cancelled, { type: 'key', name: 'x' });
    expect(cleared.filter.text).toBe('');
    expect(cleared.rows.directory.length).toBe(90);
  });

  it('edits the / bar from keys: characters in order, space, backspace, Ctrl-W, Ctrl-U, Enter, Esc', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const keys = (state: AppState, ...names: string[]) => run(state, ...names.map((name) => ({ type: 'key' as const, name, now })));
    const bar = keys(start, '/', 'a', 'c', 't', 'space', 'x', 'y');
    expect(bar.search.editor.text).toBe('act xy');
    expect(keys(bar, 'backspace').search.editor.text).toBe('act x');
    expect(keys(bar, 'ctrl+w').search.editor.text).toBe('act ');
    expect(keys(bar, 'ctrl+u').search.editor.text).toBe('');
    expect(keys(bar, 'up', 'ctrl+d', 'pagedown').search.editor.text).toBe('act xy');
    expect(keys(bar, 'escape').mode).toBe('table');
    const applied = keys(start, '/', ...'id:e1'.split(''), 'enter');
    expect(applied.mode).toBe('table');
    expect(applied.filter.text).toBe('id:e1');
    expect(applied.rows.directory.length).toBe(10);
  });

  it('pivots from the selected event to a visible, removable filter term', () => {
    const shared = 'c0ffee00-0000-4000-8000-00000000000a';
    const events = loaded(
      graphEvent({ id: 'op1', correlationId: shared, activityDateTime: '2026-11-20T10:00:03Z' }),
      graphEvent({ id: 'other', activityDateTime: '2026-11-20T10:00:02Z', initiatedBy: { user: null, app: { appId: 'x', displayName: 'Sync "Bot"', servicePrincipalId: null, servicePrincipalName: null } } }),
      graphEvent({ id: 'op2', correlationId: shared, activityDateTime: '2026-11-20T10:00:01Z' }),
    );
    const state = initialState({ indexes: indexesOf(storeFromEvents(events)), size });
    const byCorrelation = run(state, { type: 'key', name: 'c' });
    expect(byCorrelation.filter.text).toBe(`corr:="${shared}"`);
    expect(Array.from(byCorrelation.rows.directory, (i) => byCorrelation.store.loadedEvent(i).event.id)).toEqual(['op1', 'op2']);
    const byActor = run(state, { type: 'move', by: 'line', direction: 1 }, { type: 'openDetails' }, { type: 'key', name: 'a' });
    expect(byActor.mode).toBe('table');
    expect(byActor.filter.text).toBe('actor:="Sync \\"Bot\\""');
    // The event pivoted from stays selected (it is in its own results).
    expect(selectedId(byActor)).toBe('other');
    expect(byActor.rows.directory.length).toBe(1);
    // A pivot replaces the filter; Backspace steps back through the filters applied before.
    const byIp = run(byCorrelation, { type: 'key', name: 'p' });
    expect(byIp.filter.text).toBe('ip:="203.0.113.10"');
    expect(run(byIp, { type: 'key', name: 'backspace' }).filter.text).toBe(`corr:="${shared}"`);
    expect(run(byIp, { type: 'key', name: 'backspace' }, { type: 'key', name: 'backspace' }).filter.text).toBe('');
    expect(run(byIp, { type: 'key', name: 'backspace' }, { type: 'key', name: 'backspace' }).rows.directory.length).toBe(3);
    expect(run(state, { type: 'key', name: 't' }).filter.text).toBe('target:="bo.user@contoso.example"');
  });

  it('keeps applying the filter to events that arrive later', () => {
    const store = storeFromEvents(manyEvents(10));
    const filtered = run(initialState({ indexes: indexesOf(store), size }), { type: 'applyFilter', text: 'id:new', now: 0 });
    expect(filtered.rows.directory.length).toBe(0);
    const batcher = new EventBatcher('more.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    for (const l of manyEvents(2)) batcher.add({ ...l, event: { ...l.event, id: `new-${l.event.id}` } }, null);
    batcher.flush();
    const refreshed = run(filtered, { type: 'refresh', problems: [], problemCount: 0, sources: [], loading: null, errors: [] });
    expect(refreshed.rows.directory.length).toBe(2);
  });

  it('resolves a key press against the keymap of the current mode', () => {
    const details = run(start, { type: 'key', name: 'enter' });
    expect(details.mode).toBe('details');
    expect(run(details, { type: 'key', name: 'l' }).detailTab).toBe('targets');
    expect(run(details, { type: 'key', name: 'q' }).mode).toBe('table');
    expect(run(start, { type: 'key', name: 'q' }).quit).toBe(true);
    expect(run(start, { type: 'key', name: 'Z' })).toBe(start);
  });

  it('quits', () => {
    expect(run(start, { type: 'quit' }).quit).toBe(true);
  });

  it('maps keys to commands by mode: q quits the list but steps back from details', () => {
    expect(commandFor('table', 'q')).toEqual({ type: 'quit' });
    expect(commandFor('details', 'q')).toEqual({ type: 'back' });
    expect(commandFor('details', 'escape')).toEqual({ type: 'back' });
    // In the list, Esc is "back" too: to the previous filter (never quits).
    expect(commandFor('table', 'escape')).toEqual({ type: 'filterBack' });
    expect(commandFor('details', 'ctrl+c')).toEqual({ type: 'quit' });
    expect(commandFor('table', 'G')).toEqual({ type: 'jump', to: 'last' });
  });
});

describe('x clears the filter', () => {
  it('keeps the selected event selected, among all the events again', () => {
    const store = storeFromEvents(manyEvents(60, (i) => (i % 3 === 0 ? { result: 'failure' } : {})));
    const filtered = run(initialState({ indexes: indexesOf(store), size }), { type: 'applyFilter', text: 'status:failure', now: 0 });
    const moved = run(filtered, { type: 'move', by: 'line', direction: 1 }, { type: 'move', by: 'line', direction: 1 }, { type: 'move', by: 'line', direction: 1 });
    const chosen = selectedId(moved);
    expect(chosen).toBeDefined();
    const cleared = run(moved, { type: 'key', name: 'x', now: 0 });
    expect(cleared.filter.text).toBe('');
    expect(selectedId(cleared)).toBe(chosen);
    // And it is not simply row 4 again: with every event shown the same row holds another one.
    expect(cleared.cursor.directory.selected).not.toBe(moved.cursor.directory.selected);
  });
});
