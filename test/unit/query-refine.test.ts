import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { refines } from '../../src/query/refine.js';

const q = (text: string) => {
  const parsed = parseQuery(text, { now: Date.parse('2026-11-24T00:00:00Z') });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
};

describe('refines: is the new query sure to keep only events the old one kept?', () => {
  it.each([
    ['activity:rese', 'activity:res'],
    ['activity:res status:fail', 'activity:res'],
    ['activity:="reset password"', 'activity:reset'],
    ['"reset pass"', '"reset"'],
    ['activity:reset|add', 'activity:reset|add'],
    ['since:7d x', 'since:7d'],
    ['-actor:pim', '-actor:pim'],
  ])('%s refines %s', (newer, older) => expect(refines(q(newer), q(older))).toBe(true));

  it.each([
    ['pasw', 'pas'],
    ['-actor:pimx', '-actor:pim'],
    ['activity:reset|delete', 'activity:reset'],
    ['activity:="reset"', 'activity:="res"'],
    ['since:2026-11-20', 'since:7d'],
    ['status:fail', 'activity:res'],
  ])('%s does not refine %s', (newer, older) => expect(refines(q(newer), q(older))).toBe(false));
});
