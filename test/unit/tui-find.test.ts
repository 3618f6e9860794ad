/** `F` finds without filtering: every row stays, the cursor goes to the hits, `n` / `N` step through them. */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { statusInput } from '../../src/tui/frame-parts.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { selectedEvent } from '../../src/tui/rows.js';
import { statusParts } from '../../src/view/chrome.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { manyEvents } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const size = { columns: 120, rows: 21 }; // 14 table rows
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const press = (state: AppState, ...names: string[]) => run(state, ...names.map((name): Action => ({ type: 'key', name, now: 0 })));
const type = (state: AppState, text: string) => press(state, ...[...text].map((c) => (c === ' ' ? 'space' : c)));
const selectedId = (state: AppState) => selectedEvent(state)?.event.id;
const status = (state: AppState) => statusParts(statusInput(state), UNICODE_SYMBOLS).summary;

// 60 events a minute apart; every 7th (e0, e7, …, e56: 9 of them) failed.
const events = manyEvents(60, (i) => (i % 7 === 0 ? { result: 'failure' } : {}));
const start = initialState({ indexes: indexesOf(storeFromEvents(events)), size });

describe('F finds without filtering', () => {
  it('moves the cursor to the first hit after it as the query is typed, and keeps every row', () => {
    const moved = press(start, 'j', 'j');
    const finding = type(press(moved, 'F'), 'status:failure');
    expect(finding.mode).toBe('find');
    expect(finding.rows.directory).toHaveLength(60);
    expect(finding.filter.text).toBe('');
    // From row 3 (e2) the next failure is e7.
    expect(selectedId(finding)).toBe('e7');
    const kept = press(finding, 'enter');
    expect(kept.mode).toBe('table');
    expect(selectedId(kept)).toBe('e7');
    expect(status(kept)).toContain('60 of 60 events');
    expect(status(kept)).toContain('hit 2 of 9');
  });

  it('n and N step from hit to hit, wrapping round, and say so', () => {
    const found = press(type(press(start, 'F'), 'status:failure'), 'enter');
    expect(selectedId(found)).toBe('e7');
    const next = press(found, 'n', 'n');
    expect(selectedId(next)).toBe('e21');
    expect(status(next)).toContain('hit 4 of 9');
    const back = press(next, 'N');
    expect(selectedId(back)).toBe('e14');
    const last = press(found, 'G');
    expect(selectedId(last)).toBe('e59');
    const wrapped = press(last, 'n');
    expect(selectedId(wrapped)).toBe('e0');
    expect(wrapped.message?.text).toMatch(/wrapped round to the newest hit/);
    expect(status(wrapped)).toContain('hit 1 of 9');
    const wrappedBack = press(wrapped, 'N');
    expect(selectedId(wrappedBack)).toBe('e56');
    expect(wrappedBack.message?.text).toMatch(/wrapped round to the oldest hit/);
  });

  it('brings a hit below the window to the middle of the screen', () => {
    const found = press(type(press(start, 'F'), 'activity:"user 42"'), 'enter');
    expect(selectedId(found)).toBe('e42');
    const { selected, top } = found.cursor.directory;
    expect(selected - top).toBe(7);
    expect(status(found)).toMatch(/↑ 35 newer ↓ 11 older/);
  });

  it('Esc goes back to the row and the find from before; a draft that does not parse keeps its error', () => {
    const found = press(type(press(start, 'F'), 'status:failure'), 'enter');
    const retyped = type(press(found, 'j', 'F', 'ctrl+u'), 'activity:"user 33"');
    expect(selectedId(retyped)).toBe('e33');
    const cancelled = press(retyped, 'escape');
    expect(cancelled.mode).toBe('table');
    expect(selectedId(cancelled)).toBe('e8');
    expect(cancelled.find.active?.text).toBe('status:failure');
    const bad = type(press(cancelled, 'F', 'ctrl+u'), 'nofield:x');
    expect(bad.find.error?.message).toMatch(/unknown field "nofield"/);
    expect(press(bad, 'enter').mode).toBe('find');
  });

  it('n without a find, or with no hits, says so and leaves the cursor', () => {
    const none = press(start, 'j', 'n');
    expect(selectedId(none)).toBe('e1');
    expect(none.message?.text).toMatch(/F finds/);
    const nothing = press(type(press(start, 'F'), 'status:interrupted'), 'enter');
    expect(status(nothing)).toContain('find: no hits');
    expect(press(nothing, 'n').message?.text).toMatch(/No hits for status:interrupted/);
  });

  it('n in the details opens the next hit there, on the same tab', () => {
    const found = press(type(press(start, 'F'), 'status:failure'), 'enter', 'enter', 'l');
    expect(found.mode).toBe('details');
    const tab = found.detailTab;
    const next = press(found, 'n');
    expect(next.mode).toBe('details');
    expect(selectedId(next)).toBe('e14');
    expect(next.detailTab).toBe(tab);
  });

  it('finds within the filter when there is one, and follows it when the filter changes', () => {
    const filtered = run(start, { type: 'applyFilter', text: 'status:failure', now: 0 });
    const found = press(type(press(filtered, 'F'), 'activity:"user 2"'), 'enter');
    // e21 and e28 are the failures of "Update user 2…".
    expect(status(found)).toContain('hit 1 of 2');
    expect(selectedId(found)).toBe('e21');
    expect(status(press(found, 'x'))).toMatch(/hit \d+ of \d+/);
  });
});
