/**
 * The Target lists (the `f` menu, insights) count every target of an event, as `target:=` matches
 * them, and list a target by name whether or not it was some event's first target: a role granted
 * to a user is the second target of "Add member to role", and must be listed under any filter.
 */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { targetLabelCounts } from '../../src/query/target-labels.js';
import { filterFromText } from '../../src/query/filter.js';
import { graphEvent } from '../helpers/events.js';
import { target } from '../helpers/insights.js';
import { loaded } from '../helpers/loaded.js';

describe('target label counts', () => {
  it('lists a role that is only ever a second target, with the count target:= would give', () => {
    const grant = (id: string, user: string) => graphEvent({ id, activityDisplayName: 'Add member to role', targetResources: [target(user), target('Global Administrator', 'Role')] });
    const store = storeFromEvents(loaded(grant('g1', 'Svc Helpdesk Sync'), grant('g2', 'Bo User'), graphEvent({ id: 'u1', activityDisplayName: 'Update user', targetResources: [target('Bo User')] })));
    const index = new QueryIndex(store);
    const grants = [0, 1, 2].filter((i) => store.string(i, 'activity') === 'Add member to role');
    const counts = targetLabelCounts(index, grants, 10);
    expect(counts.values).toContainEqual({ value: 'Global Administrator', count: 2 });
    expect(counts.values).toContainEqual({ value: 'Bo User', count: 1 });
  });

  it('counts each listed target as target:= does, over thousands of events and their split names', () => {
    // Enough distinct targets that their split names outgrow the first table (1,024 parts).
    const events = Array.from({ length: 3000 }, (_, n) =>
      graphEvent({ id: `e${n}`, targetResources: Array.from({ length: 1 + (n % 3) }, (_, k) => target(`Person ${(n * 7 + k * 13) % 900}`)) }),
    );
    const store = storeFromEvents(loaded(...events));
    const index = new QueryIndex(store);
    const all = Array.from({ length: store.count }, (_, i) => i);
    const counts = targetLabelCounts(index, all, 1000);
    expect(counts.values).toHaveLength(900);
    expect(counts.events).toBe(3000);
    for (const { value, count } of counts.values.filter((_, k) => k % 37 === 0)) {
      const result = filterFromText(`target:="${value}"`, index, Date.now());
      if (!result.ok || !result.test) throw new Error(`target:="${value}" did not compile`);
      expect(all.filter((i) => result.test!(i)).length).toBe(count);
    }
  });
});
