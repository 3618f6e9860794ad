import { describe, expect, it } from 'vitest';
import { answerQuestions, eventsInScope } from '../../src/insights/answers.js';
import { validateQuestions, type Question } from '../../src/insights/questions.js';
import { topValues } from '../../src/insights/top-values.js';
import { filterFromText } from '../../src/query/filter.js';
import { QueryIndex } from '../../src/query/query-index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { byApp, byUser, storeOf, target } from '../helpers/insights.js';

const ada = byUser('ada@contoso.example', '203.0.113.10');
const bo = byUser('bo@contoso.example', '198.51.100.7');

/** Seven directory events and two custom-security ones, a minute apart from 10:00. */
const store = storeOf(
  ['Update user', { initiatedBy: ada, targetResources: [target('Anna', 'User', [['Department', '"x"'], ['Included Updated Properties', '"Department"']])] }],
  ['Update user', { initiatedBy: ada, targetResources: [target('Anna', 'User', [['JobTitle', '"x"'], ['Included Updated Properties', '"JobTitle"']])] }],
  ['Update user', { initiatedBy: bo, targetResources: [target('Ben', 'User', [['Department', '"y"']])] }],
  ['Update user', { initiatedBy: byApp('Microsoft Substrate Management'), targetResources: [target('Anna')] }],
  ['Reset password (by admin)', { initiatedBy: bo, targetResources: [target('Ben')] }],
  ['Set force change user password', { initiatedBy: bo, targetResources: [target('Ben')] }],
  ['Add group', { category: 'GroupManagement', initiatedBy: ada, targetResources: [target('Finance', 'Group')] }],
  ['Update attribute values assigned to a user', { category: 'AttributeManagement', initiatedBy: ada, targetResources: [target('Anna', 'User', [['Security_Clearance', '["High"]'], ['Included Updated Properties', '"Security_Clearance"']])] }],
  ['Update attribute values assigned to a user', { category: 'AttributeManagement', initiatedBy: bo, targetResources: [target('Ben', 'User', [['HR_EmploymentType', '["FTE"]']])] }],
);

function questions(entries: unknown[]): Question[] {
  const result = validateQuestions([{ source: 'test', entries }]);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.items;
}

const all = (s: EventStore) => eventsInScope(s, null, 'all');

describe('topValues', () => {
  it('lists the most frequent values first, ties in string order, with the distinct and empty counts', () => {
    expect(topValues(store, all(store), 'initiator', 2)).toEqual({
      field: 'initiator',
      values: [
        { value: 'ada@contoso.example', count: 4 },
        { value: 'bo@contoso.example', count: 4 },
      ],
      distinct: 3,
      empty: 0,
    });
    // The Substrate write-back has no IP: counted as empty, never listed.
    expect(topValues(store, all(store), 'ip', 5)).toMatchObject({ values: [{ value: '198.51.100.7', count: 4 }, { value: '203.0.113.10', count: 4 }], distinct: 2, empty: 1 });
  });

  it('counts each property name once per event and leaves out the "Included Updated Properties" pseudo-property', () => {
    expect(topValues(store, all(store), 'propNames', 10).values).toEqual([
      { value: 'Department', count: 2 },
      { value: 'HR_EmploymentType', count: 1 },
      { value: 'JobTitle', count: 1 },
      { value: 'Security_Clearance', count: 1 },
    ]);
  });

  it('looks only at the events it is given', () => {
    const passwordEvents = Array.from(all(store)).filter((i) => store.string(i, 'activity').includes('password'));
    expect(topValues(store, passwordEvents, 'activity', 5).values).toEqual([
      { value: 'Reset password (by admin)', count: 1 },
      { value: 'Set force change user password', count: 1 },
    ]);
    expect(topValues(store, [], 'activity', 5)).toEqual({ field: 'activity', values: [], distinct: 0, empty: 0 });
  });
});

describe('answerQuestions', () => {
  const asked = questions([
    { id: 'users', title: 'Users changed?', query: 'type:User', pane: 'directory', distinct: 'target', top: ['target', 'initiator'] },
    { id: 'passwords', title: 'Passwords?', query: 'activity:"Reset password"|"Change user password" -activity:"Set force change"', top: ['activity'] },
    { id: 'values', title: 'Attribute values?', query: 'activity:"attribute values assigned to a user"', pane: 'custom-security', top: ['propNames'] },
    { id: 'none', title: 'Nothing?', query: 'activity:"Delete group"', top: ['target'] },
  ]);

  it('counts each question and breaks it down by its fields', () => {
    const answers = answerQuestions(new QueryIndex(store), asked, { base: null, pane: 'all', topN: 3 });
    expect(answers.map((a) => [a.question.id, a.count, a.distinct])).toEqual([
      ['users', 6, 2],
      ['passwords', 1, undefined],
      ['values', 2, undefined],
      ['none', 0, undefined],
    ]);
    expect(answers[0].top[0].values).toEqual([
      { value: 'Anna', count: 3 },
      { value: 'Ben', count: 3 },
    ]);
    expect(answers[0].top[1].values).toEqual([
      { value: 'bo@contoso.example', count: 3 },
      { value: 'ada@contoso.example', count: 2 },
      { value: 'Microsoft Substrate Management', count: 1 },
    ]);
    expect(answers[2].top[0].values.map((v) => v.value)).toEqual(['HR_EmploymentType', 'Security_Clearance']);
    expect(answers[3].top[0]).toMatchObject({ values: [], distinct: 0 });
  });

  it('answers within the user filter, and marks questions about a pane left out', () => {
    const filter = filterFromText('actor:ada', new QueryIndex(store), Date.now());
    if (!filter.ok) throw new Error(filter.error.message);
    const answers = answerQuestions(new QueryIndex(store), asked, { base: filter.test, pane: 'directory', topN: 3 });
    expect(answers.map((a) => [a.question.id, a.count, a.outsidePane])).toEqual([
      ['users', 2, false],
      ['passwords', 0, false],
      ['values', 0, true],
      ['none', 0, false],
    ]);
  });

  it('reports a query that cannot run on this store as an answer with an error, not an exception', () => {
    const [risky] = questions([{ id: 'risky', title: 'Risky?', query: 'risk:high' }]);
    const [answer] = answerQuestions(new QueryIndex(store), [risky], { base: null, pane: 'all', topN: 3 });
    expect(answer.count).toBe(0);
    expect(answer.error).toMatch(/^risk: needs the sensitive-operation rules.*\(at character 1\)$/);
  });
});
