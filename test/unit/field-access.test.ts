/**
 * Tolerant field access (ingest/fields.ts): a member found as written, else in any letter case
 * (ASCII folded, anything else as toLowerCase compares it), the key that comes first in the record
 * when several names match, and the record left as it was.
 */
import { describe, expect, it } from 'vitest';
import { field } from '../../src/ingest/fields.js';

describe('field', () => {
  it('finds a member as written, then in another case, else says it is absent', () => {
    const graph = { userPrincipalName: 'a@x', status: { errorCode: 0 } };
    expect(field(graph, 'userPrincipalName')).toBe('a@x');
    expect(field(graph, 'ipAddress')).toBeUndefined();
    const row = { UserPrincipalName: 'b@x', IPAddress: '203.0.113.5', Status: '{}' };
    expect(field(row, 'userPrincipalName')).toBe('b@x');
    expect(field(row, 'ipAddress')).toBe('203.0.113.5');
    expect(field(row, 'ipaddress')).toBe('203.0.113.5');
    // Not letters: no case to fold (`@` and `` ` `` differ by the bit that folds letters).
    expect(field({ 'a@b': 1 }, 'a`b')).toBeUndefined();
    expect(field({ 'ÉCOLE': 2 }, 'école')).toBe(2);
    expect(field(row, 'location')).toBeUndefined();
    expect(field(row, 'status')).toBe('{}');
  });

  it('takes a name as written before any in another case, and of several in another case the key first in the record', () => {
    const row = { Bb: 1, AA: 2, aa: 3 };
    expect(field(row, 'aa')).toBe(3);
    expect(field(row, 'Aa', 'bB')).toBe(1);
    expect(field(row, 'aA')).toBe(2);
    expect(field({ Second: 'x', FIRST: 'y' }, 'first', 'second')).toBe('x');
  });

  it('leaves the record as it was to everything that reads it', () => {
    const row = { UserId: 'u1', AppId: 'a1' };
    field(row, 'userId');
    expect(Object.keys(row)).toEqual(['UserId', 'AppId']);
    expect(JSON.stringify(row)).toBe('{"UserId":"u1","AppId":"a1"}');
    expect(structuredClone(row)).toEqual({ UserId: 'u1', AppId: 'a1' });
    const seen: string[] = [];
    for (const key in row) seen.push(key);
    expect(seen).toEqual(['UserId', 'AppId']);
  });
});
