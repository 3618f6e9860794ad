/**
 * Exact terms match the stored value exactly, a line break inside a name included: the `a` and
 * `t` pivots, the filter menu's values and `actor:="Bob\nAdmin"` typed (the parser reads `\n` in
 * a quoted value as LF) all find the events of an actor or target named with one, and only them.
 */
import { describe, expect, it } from 'vitest';
import { topValues } from '../../src/insights/top-values.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { decodeKey, encodeKey, joinKeys, splitKeys } from '../../src/model/event-summary.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { menuItems } from '../../src/tui/modes/menu.js';
import { reducer } from '../../src/tui/reducer.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const key = (name: string): Action => ({ type: 'key', name, now: Date.parse('2026-11-22T00:00:00Z') });
const at = (minute: number) => `2026-11-21T10:${String(minute).padStart(2, '0')}:00Z`;
const target = (name: string) => ({ id: `id-${name.replace(/\s/g, '_')}`, displayName: name, type: 'Group', userPrincipalName: null, groupType: null, modifiedProperties: [] });
const user = (upn: string, displayName: string | null = null) => ({ user: { id: `u-${upn.replace(/\s/g, '_')}`, displayName, userPrincipalName: upn, ipAddress: '10.0.0.1', userType: null }, app: null });

const events = loaded(
  graphEvent({ id: 'x1', activityDateTime: at(1), initiatedBy: user('Bob\nAdmin'), targetResources: [target('Alice\r\nAdmins')] }),
  graphEvent({ id: 'x2', activityDateTime: at(2), initiatedBy: user('Bob\nAdmin'), targetResources: [target('Carol')] }),
  // Look-alikes: a space instead of the break, and two names that, joined, read "Bob\nAdmin".
  graphEvent({ id: 'x3', activityDateTime: at(3), initiatedBy: user('Bob Admin'), targetResources: [target('Alice Admins')] }),
  graphEvent({ id: 'x4', activityDateTime: at(4), initiatedBy: user('Bob', 'Admin'), targetResources: [target('Alice'), target('Admins')] }),
);
const start = () => initialState({ indexes: indexesOf(storeFromEvents(events)), size: { columns: 140, rows: 24 } });
const ids = (state: AppState) => Array.from(state.rows[state.pane], (i) => state.store.loadedEvent(i).event.id).sort();
const select = (state: AppState, id: string) => {
  const row = Array.from(state.rows[state.pane], (i) => state.store.loadedEvent(i).event.id).indexOf(id);
  return run(state, ...Array(row).fill(key('j')));
};
const filtered = (text: string) => ids(run(start(), { type: 'applyFilter', text, now: 0 }));

describe('exact terms and line breaks inside values', () => {
  it('the a pivot on an actor named "Bob\\nAdmin" finds that actor\'s events, and only them', () => {
    const pivoted = run(select(start(), 'x1'), key('a'));
    expect(pivoted.filter.text).toBe('actor:="Bob\\nAdmin"');
    expect(pivoted.filter.error ?? null).toBeNull();
    expect(ids(pivoted)).toEqual(['x1', 'x2']);
  });

  it('actor:="Bob\\nAdmin" typed finds the same events; not the look-alikes', () => {
    expect(filtered('actor:="Bob\\nAdmin"')).toEqual(['x1', 'x2']);
    expect(filtered('actor:="Bob Admin"')).toEqual(['x3']);
    // Each of x4's names on its own, never the two joined.
    expect(filtered('actor:="Admin"')).toEqual(['x4']);
    expect(filtered('actor:="Bob"')).toEqual(['x4']);
  });

  it('the t pivot and target:= find a target named with CR LF', () => {
    const pivoted = run(select(start(), 'x1'), key('t'));
    expect(pivoted.filter.text).toBe('target:="Alice\\r\\nAdmins"');
    expect(ids(pivoted)).toEqual(['x1']);
    expect(filtered('target:="Alice"')).toEqual(['x4']);
  });

  it('the filter menu lists the target with its line break, counts it, and applies it', () => {
    const state = run(start(), key('f'), ...Array(5).fill(key('j')), key('enter'));
    const items = menuItems(state);
    const index = items.findIndex((item) => item.value === 'Alice\r\nAdmins');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(items[index].count).toBe(1);
    const applied = run(state, ...Array(index).fill(key('j')), key('enter'));
    expect(applied.filter.text).toBe('target:="Alice\\r\\nAdmins"');
    expect(ids(applied)).toEqual(['x1']);
  });

  it('substring terms and phrases find a value with a line break too', () => {
    expect(filtered('actor:"b\\nad"')).toEqual(['x1', 'x2']);
    expect(filtered('"e\\r\\nad"')).toEqual(['x1']);
  });

  it('top values list each name whole, as it was', () => {
    const store = storeFromEvents(events);
    const top = topValues(store, store.sortedIndices('all'), 'actorKeys', 10).values.map((v) => v.value);
    expect(top).toContain('Bob\nAdmin');
    expect(top).not.toContain('Bob\u0000nAdmin');
  });

  it('encodes a value reversibly inside a joined string', () => {
    for (const value of ['plain', 'Bob\nAdmin', 'a\r\nb', 'nul\u0000n here', '\u0000', '\n\n']) expect(decodeKey(encodeKey(value))).toBe(value);
    expect(splitKeys(joinKeys(['Bob\nAdmin', 'bob@x.com', 'n\u0000r']))).toEqual(['Bob\nAdmin', 'bob@x.com', 'n\u0000r']);
    expect(encodeKey('ordinary@contoso.example')).toBe('ordinary@contoso.example');
  });
});
