import { describe, expect, it } from 'vitest';
import { filterFromText } from '../../src/query/filter.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const app = { user: null, app: { appId: 'app-1', displayName: 'MS-PIM', servicePrincipalId: 'sp-1', servicePrincipalName: null } };
const store = storeFromEvents(
  loaded(
    graphEvent({ id: 'reset', activityDisplayName: 'Reset password (by admin)', activityDateTime: '2026-11-20T08:00:00Z', loggedByService: 'Self-service Password Management' }),
    graphEvent({ id: 'role-pim', activityDisplayName: 'Add member to role', category: 'RoleManagement', activityDateTime: '2026-11-21T08:00:00Z', initiatedBy: app }),
    graphEvent({ id: 'role-direct', activityDisplayName: 'Add member to role', category: 'RoleManagement', activityDateTime: '2026-11-22T08:00:00Z', correlationId: 'c0ffee00-0000-4000-8000-000000000001' }),
    graphEvent({ id: 'failed', result: 'failure', activityDateTime: '2026-11-23T08:00:00Z', targetResources: [{ id: 'g1', displayName: 'Finance Approvers', type: 'Group', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'Group.DisplayName', oldValue: null, newValue: '"Finance Approvers"' }] }] }),
    graphEvent({ id: 'csa', category: 'AttributeManagement', activityDisplayName: 'Update attribute values assigned to a user', activityDateTime: '2026-11-24T08:00:00Z' }),
  ),
);
const NOW = Date.parse('2026-11-24T12:00:00Z');
const index = new QueryIndex(store);

function ids(query: string): string[] {
  const result = filterFromText(query, index, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return Array.from(store.sortedIndices('all', result.test ?? undefined), (i) => store.loadedEvent(i).event.id);
}

describe('compiled queries on the store', () => {
  it('matches field terms as case-insensitive substrings', () => {
    expect(ids('activity:"add member"')).toEqual(['role-direct', 'role-pim']);
    expect(ids('service:self-service')).toEqual(['reset']);
    expect(ids('status:FAIL')).toEqual(['failed']);
    expect(ids('result:failure')).toEqual(['failed']);
    expect(ids('category:attribute')).toEqual(['csa']);
    expect(ids('type:group')).toEqual(['failed']);
    expect(ids('prop:group.displayname')).toEqual(['failed']);
    expect(ids('ip:203.0.113')).toHaveLength(4);
    expect(ids('corr:c0ffee00')).toEqual(['role-direct']);
    // A whole correlation id is decided from the packed GUID's bytes: any case, exact or not, negated.
    expect(ids('corr:C0FFEE00-0000-4000-8000-000000000001')).toEqual(['role-direct']);
    expect(ids('corr:=c0ffee00-0000-4000-8000-000000000001')).toEqual(['role-direct']);
    expect(ids('corr:c0ffee00-0000-4000-8000-000000000002')).toEqual([]);
    expect(ids('-corr:c0ffee00-0000-4000-8000-000000000001')).toHaveLength(4);
    expect(ids('"c0ffee00-0000-4000-8000-000000000001"')).toEqual([]); // phrases do not look at correlation ids
    expect(ids('op:update')).toHaveLength(5);
  });

  it('matches actors by any of their names or ids, and targets by name, UPN or id', () => {
    expect(ids('actor:ms-pim')).toEqual(['role-pim']);
    expect(ids('actor:sp-1')).toEqual(['role-pim']);
    expect(ids('actor:ada.admin')).toHaveLength(4);
    expect(ids('target:finance')).toEqual(['failed']);
    expect(ids('target:bbbbbbbb-0000')).toHaveLength(4);
  });

  it('negates, takes alternatives, and ANDs terms', () => {
    expect(ids('activity:"add member to role" -actor:MS-PIM')).toEqual(['role-direct']);
    expect(ids('status:failure|timeout')).toEqual(['failed']);
    expect(ids('activity:reset|attribute')).toEqual(['csa', 'reset']);
    expect(ids('activity:role category:user')).toEqual([]);
  });

  it('bounds time with since: and until:, both inclusive', () => {
    expect(ids('since:2026-11-23')).toEqual(['csa', 'failed']);
    expect(ids('until:2026-11-21')).toEqual(['role-pim', 'reset']);
    expect(ids('since:2d')).toEqual(['csa', 'failed']);
    expect(ids('since:2026-11-22T08:00:00Z until:2026-11-22T08:00:00Z')).toEqual(['role-direct']);
  });

  it('finds free words fuzzily and quoted phrases exactly', () => {
    expect(ids('pasword')).toEqual(['reset']);
    expect(ids('atribute')).toEqual(['csa']);
    expect(ids('"member to role"')).toEqual(['role-direct', 'role-pim']);
    expect(ids('"memberto role"')).toEqual([]);
    expect(ids('-"member to role" -atribute')).toEqual(['failed', 'reset']);
  });

  it('matches field:=value against whole values only', () => {
    expect(ids('activity:="add member to role"')).toEqual(['role-direct', 'role-pim']);
    expect(ids('activity:="add member"')).toEqual([]);
    expect(ids('actor:=MS-PIM')).toEqual(['role-pim']);
    expect(ids('actor:=ms')).toEqual([]);
    expect(ids('-status:=failure')).toHaveLength(4);
    expect(ids('id:=role-pim')).toEqual(['role-pim']);
  });

  it('gives a narrower query typed after a broader one the same answer as a fresh one', () => {
    const typed = ['a', 'ac', 'act', 'activity:a', 'activity:ad', 'activity:add', 'activity:add -actor:m', 'activity:add -actor:ms', '"member"', '"member to"', 'pas', 'pasw', 'pasword'];
    let previous = null;
    for (const text of typed) {
      const result = filterFromText(text, index, NOW, previous);
      if (!result.ok) throw new Error(result.error.message);
      const incremental = Array.from(store.sortedIndices('all', result.test ?? undefined));
      const fresh = filterFromText(text, index, NOW);
      if (!fresh.ok) throw new Error(fresh.error.message);
      expect(incremental, text).toEqual(Array.from(store.sortedIndices('all', fresh.test ?? undefined)));
      previous = result.filter;
    }
  });

  it('re-reads events for id: and value:', () => {
    expect(ids('id:role-')).toEqual(['role-direct', 'role-pim']);
    expect(ids('value:approvers')).toEqual(['failed']);
    expect(ids('value:sales')).toHaveLength(4);
  });

  it('treats a blank query as no filter, and reports errors with their position', () => {
    expect(filterFromText('  ', index, NOW)).toEqual({ ok: true, text: '', test: null, filter: null, narrower: false });
    expect(filterFromText('status:x actvity:y', index, NOW)).toEqual({ ok: false, error: { message: expect.stringContaining('did you mean "activity"'), position: 9 } });
    expect(filterFromText('risk:high', index, NOW)).toEqual({ ok: false, error: { message: expect.stringContaining('needs the sensitive-operation rules'), position: 0 } });
  });
});

describe('risk: with the sensitive-operation rules plugged in', () => {
  it('finds high and any-severity sensitive operations, and negates', () => {
    const risky = storeFromEvents(
      loaded(
        graphEvent({ id: 'cred', activityDisplayName: 'Add service principal credentials', category: 'ApplicationManagement' }),
        graphEvent({ id: 'reset', activityDisplayName: 'Reset user password', category: 'UserManagement', activityDateTime: '2026-11-20T07:00:00Z' }),
        graphEvent({ id: 'plain', activityDisplayName: 'Update user', activityDateTime: '2026-11-20T06:00:00Z' }),
      ),
    );
    const indexes = indexesOf(risky);
    const idsOf = (query: string) => {
      const result = filterFromText(query, indexes.query, NOW);
      if (!result.ok) throw new Error(result.error.message);
      return Array.from(risky.sortedIndices('all', result.test ?? undefined), (i) => risky.loadedEvent(i).event.id);
    };
    expect(idsOf('risk:high')).toEqual(['cred']);
    expect(idsOf('-risk:any')).toEqual(['plain']);
    // medium: the event's first rule is medium (the ~ marker), not "at least medium".
    expect(indexes.rules.severityOf(1)).toBe('medium');
    expect(idsOf('risk:medium')).toEqual(['reset']);
    expect(idsOf('risk:high|medium')).toEqual(['cred', 'reset']);
    expect(idsOf('-risk:medium')).toEqual(['cred', 'plain']);
    expect(indexes.rules.ruleOf(0)?.reason).toBeTruthy();
  });
});
