/**
 * `OR`, `AND`, `NOT` and parentheses, as users of KQL, Lucene and the portal type them: the
 * true union and complement, never a plausible wrong count; and the text they format back to
 * parses to the same query.
 */
import { describe, expect, it } from 'vitest';
import { filterFromText } from '../../src/query/filter.js';
import { formatQuery } from '../../src/query/format.js';
import { parseQuery } from '../../src/query/parse.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';

const user = (upn: string, ip: string) => ({ user: { id: upn, displayName: null, userPrincipalName: upn, ipAddress: ip, roles: [] }, app: null });
const store = storeFromEvents(
  loaded(
    graphEvent({ id: 'm1', activityDisplayName: 'Add member to role', activityDateTime: '2026-11-19T02:50:00Z', initiatedBy: user('maren@contoso.example', '203.0.113.66') }),
    graphEvent({ id: 'm2', activityDisplayName: 'Update user', activityDateTime: '2026-11-19T09:00:00Z', initiatedBy: user('maren@contoso.example', '198.51.100.7') }),
    graphEvent({ id: 'x1', activityDisplayName: 'Consent to application', activityDateTime: '2026-11-19T03:00:00Z', initiatedBy: user('xavier@contoso.example', '203.0.113.66') }),
    graphEvent({ id: 'o1', activityDisplayName: 'Update user', activityDateTime: '2026-11-20T09:00:00Z', initiatedBy: user('olga@contoso.example', '198.51.100.8'), result: 'failure' }),
  ),
);
const index = new QueryIndex(store);
const NOW = Date.parse('2026-11-24T12:00:00Z');

function ids(query: string): string[] {
  const result = filterFromText(query, index, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return Array.from(store.sortedIndices('all', result.test ?? undefined), (i) => store.loadedEvent(i).event.id).sort();
}

const errorOf = (query: string) => {
  const parsed = parseQuery(query, { now: NOW });
  return parsed.ok ? null : parsed.error;
};

describe('OR, AND, NOT', () => {
  it('OR is the union, in any case', () => {
    expect(ids('actor:maren OR ip:203.0.113.66')).toEqual(['m1', 'm2', 'x1']);
    expect(ids('actor:maren or ip:203.0.113.66')).toEqual(['m1', 'm2', 'x1']);
    expect(ids('actor:olga OR actor:xavier OR activity:"add member"')).toEqual(['m1', 'o1', 'x1']);
  });

  it('binds tighter within a branch: a b OR c is (a b) OR c', () => {
    expect(ids('actor:maren ip:198.51 OR actor:xavier')).toEqual(['m2', 'x1']);
  });

  it('parentheses group, and a term outside them applies to every branch', () => {
    expect(ids('(actor:maren OR actor:xavier) ip:203.0.113.66')).toEqual(['m1', 'x1']);
    expect(ids('activity:update (status:failure OR actor:maren)')).toEqual(['m2', 'o1']);
  });

  it('AND is the implicit AND, NOT is -', () => {
    expect(ids('actor:maren AND ip:203.0.113.66')).toEqual(ids('actor:maren ip:203.0.113.66'));
    expect(ids('NOT actor:maren')).toEqual(['o1', 'x1']);
    expect(ids('not actor:maren')).toEqual(ids('-actor:maren'));
  });

  it('NOT before a group excludes all of it, as -( … ) does', () => {
    expect(ids('NOT (actor:maren OR actor:xavier)')).toEqual(['o1']);
    expect(ids('-(actor:maren ip:203.0.113.66)')).toEqual(['m2', 'o1', 'x1']);
  });

  it('counts add up: |a OR b| = |a| + |b| - |a b|', () => {
    const union = ids('actor:maren OR ip:203.0.113.66').length;
    expect(union).toBe(ids('actor:maren').length + ids('ip:203.0.113.66').length - ids('actor:maren ip:203.0.113.66').length);
  });

  it('formats back to text that parses to the same events', () => {
    for (const text of ['actor:maren OR ip:203.0.113.66', '(actor:maren OR actor:xavier) ip:203.0.113.66', 'NOT (actor:maren OR actor:xavier)', 'activity:update -(status:failure)']) {
      const parsed = parseQuery(text, { now: NOW });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const formatted = formatQuery(parsed.query);
      expect(ids(formatted), `${text} → ${formatted}`).toEqual(ids(text));
    }
    // A group of plain terms needs no parentheses in a branch: AND binds tighter than OR.
    const parsed = parseQuery('a OR (b c)', { now: NOW });
    expect(parsed.ok && formatQuery(parsed.query)).toBe('a OR b c');
  });

  it('a misplaced operator or parenthesis says what and where', () => {
    expect(errorOf('OR actor:maren')).toEqual({ message: '"OR" needs a term before it', position: 0 });
    expect(errorOf('actor:maren OR')).toEqual({ message: '"OR" needs a term after it', position: 14 });
    expect(errorOf('actor:maren AND')).toEqual({ message: '"AND" needs a term after it', position: 15 });
    expect(errorOf('NOT')).toEqual({ message: '"NOT" must be followed by a term to exclude', position: 0 });
    expect(errorOf('(actor:maren')).toEqual({ message: 'unclosed "(" — add a ")"', position: 0 });
    expect(errorOf('()')).toEqual({ message: 'empty parentheses', position: 0 });
    expect(errorOf('NOT since:7d')?.message).toMatch(/^since: cannot be negated/);
  });

  it('a quoted "or" is a phrase to search for, OR inside a word is part of it, and ")" outside parentheses a character', () => {
    const parsed = parseQuery('"or" ORACLE activity:(by', { now: NOW });
    expect(parsed.ok && parsed.query.terms.map((t) => t.kind)).toEqual(['phrase', 'fuzzy', 'field']);
  });
});
