/**
 * Tolerant field access (ingest/fields.ts): a member found as written, else in any letter case
 * (ASCII folded, anything else as toLowerCase compares it), the key that comes first in the record
 * when several names match, and the record left as it was.
 */
import { describe, expect, it } from 'vitest';
import { field, keyCasesOf, withKeyCases } from '../../src/ingest/fields.js';

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

  it('answers a row built from a header as it answers any record, without walking its keys', () => {
    const header = ['TimeGenerated', 'UserPrincipalName', 'IPAddress', 'Status', 'status', 'Location', 'UserPrincipalName'];
    const cases = keyCasesOf(header);
    // Empty cells are left out of the row, as the CSV binder does; a repeated column keeps its first place.
    const build = (cells: Record<string, string>) => {
      const row: Record<string, unknown> = {};
      for (const name of header) if (cells[name] !== undefined) row[name] = cells[name];
      return row;
    };
    const cells = [{ UserPrincipalName: 'a@x', IPAddress: '203.0.113.5', status: 'lower', Location: 'NO' }, { TimeGenerated: 't', Status: 'upper', status: 'lower' }, {}];
    const asks: string[][] = [['userPrincipalName'], ['ipAddress'], ['status'], ['STATUS'], ['location', 'status'], ['status', 'location'], ['LOCATION', 'STATUS'], ['STATUS', 'LOCATION'], ['Ipaddress', 'LOCATION'], ['timeGenerated'], ['missing'], ['Status'], ['upn', 'ipaddress']];
    for (const row of cells) {
      const plain = build(row);
      const indexed = withKeyCases(build(row), cases);
      for (const names of asks) expect(field(indexed, ...names), `${JSON.stringify(row)} ${names.join(',')}`).toEqual(field(plain, ...names));
      expect(Object.keys(indexed)).toEqual(Object.keys(plain));
      expect(JSON.stringify(indexed)).toBe(JSON.stringify(plain));
    }
  });
});
