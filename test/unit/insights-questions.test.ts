import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../src/insights/definitions.js';
import { loadQuestions, validateQuestions } from '../../src/insights/questions.js';

const source = (entries: unknown) => [{ source: 'extra.json', entries }];
const errorsOf = (entries: unknown) => {
  const result = validateQuestions(source(entries));
  return result.ok ? [] : result.errors;
};

describe('the questions file', () => {
  it('holds every question of the product brief, each with a query that parses', () => {
    const questions = loadQuestions();
    expect(questions.map((q) => q.id)).toEqual([
      'user-changes',
      'users-changed',
      'passwords',
      'groups-added',
      'group-owners',
      'licences',
      'applications',
      'service-principals',
      'application-names',
      'role-members',
      'custom-attributes',
      'attribute-sets',
      'user-attribute-values',
    ]);
    for (const q of questions) {
      expect(q.parsed.terms.length).toBeGreaterThan(0);
      // Exports can be old: a question never bounds time itself.
      expect(q.parsed.terms.some((t) => t.kind === 'since' || t.kind === 'until')).toBe(false);
    }
    expect(questions.find((q) => q.id === 'user-attribute-values')).toMatchObject({ pane: 'custom-security', top: ['propNames', 'target', 'initiator'] });
    expect(questions.find((q) => q.id === 'users-changed')?.distinct).toBe('target');
  });

  it('adds extra questions after the bundled ones, with the defaults filled in', () => {
    const questions = loadQuestions(source([{ id: 'mine', title: 'Who touched the CEO?', query: 'target:ceo@contoso.example' }]));
    expect(questions.at(-1)).toMatchObject({ id: 'mine', title: 'Who touched the CEO?', pane: 'all', top: [] });
  });

  it('names the entry and the key of every problem', () => {
    expect(errorsOf([{ id: 'a', query: 'activity:x' }])).toEqual(['extra.json: question 1 ("a"): "title" is missing']);
    expect(errorsOf([{ id: 'a', title: 'A', query: 'activity:x' }, { id: 'b', title: 'B', query: 'activity:x', top: ['activity', 'colour'] }])).toEqual([
      expect.stringMatching(/^extra\.json: question 2 \("b"\): "top" must be an array of "service", "category", "activity"/),
    ]);
    expect(errorsOf([{ id: 'a', title: 'A', query: 'x', pane: 'Directory' }])[0]).toBe(
      'extra.json: question 1 ("a"): "pane" must be one of "directory", "custom-security", "sign-ins", "provisioning", "all"',
    );
    expect(errorsOf([{ id: 'a', title: 'A', query: 'x', titel: 'typo' }])[0]).toMatch(/question 1 \("a"\): "titel" is not a known key/);
    expect(errorsOf(['just text'])).toEqual(['extra.json: question 1: must be an object']);
    expect(errorsOf({ id: 'a' })).toEqual(['extra.json: must be a JSON array of questions']);
  });

  it('says which question has a query that does not parse, and where', () => {
    expect(errorsOf([{ id: 'broken', title: 'Broken', query: 'actvity:"Add user"' }])).toEqual([
      expect.stringMatching(/^extra\.json: question 1 \("broken"\): "query" does not parse: unknown field "actvity" — did you mean "activity"\? \(at character 1 of/),
    ]);
  });

  it('refuses an extra question that reuses a bundled id, with every problem in one error', () => {
    let error: unknown;
    try {
      loadQuestions(source([{ id: 'passwords', title: 'Mine', query: 'activity:password' }, { id: 'x', query: '' }]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DefinitionError);
    const { errors } = error as DefinitionError;
    expect(errors).toEqual([
      expect.stringMatching(/^extra\.json: question 1 \("passwords"\): "id" repeats the id of .*questions\.json: question 3 \("passwords"\)$/),
      'extra.json: question 2 ("x"): "title" is missing',
      'extra.json: question 2 ("x"): "query" must be a non-empty string',
    ]);
  });
});
