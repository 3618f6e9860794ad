import { describe, expect, it } from 'vitest';
import { activityGate } from '../../src/insights/activity-gate.js';
import { loadQuestions } from '../../src/insights/questions.js';
import { loadSensitiveRules } from '../../src/insights/sensitive.js';
import { parseQuery } from '../../src/query/parse.js';
import { compileQuery } from '../../src/query/compile.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { loaded } from '../helpers/loaded.js';
import type { Query } from '../../src/query/ast.js';

const store = storeFromEvents(loaded(...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)));
const query = (text: string): Query => {
  const parsed = parseQuery(text, { now: Date.now() });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
};

describe('activityGate', () => {
  it('never hides an event a bundled question or rule matches (it only skips the full test)', () => {
    for (const { id, parsed } of [...loadQuestions(), ...loadSensitiveRules()]) {
      const compiled = compileQuery(parsed, new QueryIndex(store));
      if (!compiled.ok) throw new Error(compiled.error.message);
      const gate = activityGate(parsed, store);
      let plain = 0;
      let gated = 0;
      for (let i = 0; i < store.count; i++) {
        if (compiled.test(i)) plain++;
        if ((!gate || gate(store.stringId(i, 'activity'))) && compiled.test(i)) gated++;
      }
      expect([id, gated]).toEqual([id, plain]);
    }
  });

  it('lets through only activities every positive activity: term matches, whatever the case', () => {
    const gate = activityGate(query('activity:"add member"|"ADD OWNER" activity:group -activity:remove'), store)!;
    const id = (text: string) => store.vocabulary.intern(text);
    expect(gate(id('Add member to group'))).toBe(true);
    expect(gate(id('Add owner to group'))).toBe(true);
    expect(gate(id('Add member to role'))).toBe(false);
    expect(gate(id('Remove member from group'))).toBe(false);
    expect(activityGate(query('category:UserManagement -activity:x'), store)).toBeNull();
  });
});
