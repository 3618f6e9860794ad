import { describe, expect, it } from 'vitest';
import type { Query, Term } from '../../src/query/ast.js';
import { formatQuery, formatTerm, formatValue } from '../../src/query/format.js';
import { parseQuery } from '../../src/query/parse.js';

/** Fixed clock: 2026-11-28T12:00:00Z. */
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

function parsed(text: string): Query {
  const result = parseQuery(text, { now: NOW });
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${result.error.message} at ${result.error.position}`);
  return result.query;
}

/** A query without source positions: what "equal" means across a round-trip. */
const withoutPositions = (query: Query) => query.terms.map(({ start: _s, end: _e, ...rest }) => rest);

const at = { start: 0, end: 0 };

describe('formatTerm', () => {
  it('writes a field term with its canonical name', () => {
    expect(formatTerm(parsed('RESULT:failure').terms[0])).toBe('status:failure');
    expect(formatTerm(parsed('Correlation:6f1c').terms[0])).toBe('corr:6f1c');
  });

  it('keeps values as typed, not lower-cased', () => {
    expect(formatTerm(parsed('actor:Admin@Contoso.com').terms[0])).toBe('actor:Admin@Contoso.com');
  });

  it('writes alternatives with "|", quoting only those that need it', () => {
    expect(formatTerm(parsed('-activity:"Add user"|Delete').terms[0])).toBe('-activity:"Add user"|Delete');
  });

  it('drops quotes a value does not need', () => {
    expect(formatTerm(parsed('activity:"Delete"').terms[0])).toBe('activity:Delete');
  });

  it('keeps the time text as typed', () => {
    expect(formatTerm(parsed('Since:7d').terms[0])).toBe('since:7d');
    expect(formatTerm(parsed('until:2026-11-20').terms[0])).toBe('until:2026-11-20');
    expect(formatTerm(parsed('until:"2026-11-20 12:00"').terms[0])).toBe('until:"2026-11-20 12:00"');
  });

  it('writes a time term without text as an exact ISO instant', () => {
    const term: Term = { kind: 'until', ms: Date.UTC(2026, 10, 20, 23, 59, 59, 999), ...at };
    expect(formatTerm(term)).toBe('until:2026-11-20T23:59:59.999Z');
    expect(withoutPositions(parsed(formatTerm(term)))).toEqual([{ kind: 'until', ms: term.ms, text: '2026-11-20T23:59:59.999Z' }]);
  });

  it('writes fuzzy words bare and phrases quoted', () => {
    expect(formatTerm({ kind: 'fuzzy', negated: false, text: 'pim', ...at })).toBe('pim');
    expect(formatTerm({ kind: 'fuzzy', negated: true, text: 'pim', ...at })).toBe('-pim');
    expect(formatTerm({ kind: 'phrase', negated: false, text: 'Add user', ...at })).toBe('"Add user"');
    expect(formatTerm({ kind: 'phrase', negated: true, text: 'pim', ...at })).toBe('-"pim"');
  });

  it('escapes quotes and backslashes in phrases', () => {
    expect(formatTerm({ kind: 'phrase', negated: false, text: 'say "hi" C:\\x', ...at })).toBe('"say \\"hi\\" C:\\\\x"');
  });
});

describe('formatValue', () => {
  it.each([
    ['failure', 'failure'],
    ['2001:db8::1', '2001:db8::1'],
    ['a-b', 'a-b'],
    ['C:\\Users', 'C:\\Users'],
    ['Add user', '"Add user"'],
    ['tab\there', '"tab\there"'],
    ['a|b', '"a|b"'],
    ['-svc', '"-svc"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['"q"\\', '"\\"q\\"\\\\"'],
    ['', '""'],
  ])('%j → %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('formatQuery', () => {
  it('is empty for the empty query', () => {
    expect(formatQuery({ terms: [] })).toBe('');
  });

  it('normalises spacing and names', () => {
    expect(formatQuery(parsed('  Result:failure|TIMEOUT   \t service:"Core Directory"  '))).toBe(
      'status:failure|TIMEOUT service:"Core Directory"',
    );
  });
});

/** Realistic admin queries and their canonical form. */
const ADMIN_QUERIES: Array<[query: string, canonical: string]> = [
  ['activity:"Add member to role" -actor:MS-PIM since:7d', 'activity:"Add member to role" -actor:MS-PIM since:7d'],
  ['status:failure|timeout service:"Core Directory"', 'status:failure|timeout service:"Core Directory"'],
  ['corr:6f1c2a9e ip:203.0.113.45', 'corr:6f1c2a9e ip:203.0.113.45'],
  ['target:"Require MFA" prop:ConditionalAccessPolicy', 'target:"Require MFA" prop:ConditionalAccessPolicy'],
  ['activity:"Reset password (by admin)" since:24h', 'activity:"Reset password (by admin)" since:24h'],
  ['activity:"Add user"|"Delete user" -status:success', 'activity:"Add user"|"Delete user" -status:success'],
  ['result:failure correlation:0f8fad5b-d9cb-469f-a165-70867728950e', 'status:failure corr:0f8fad5b-d9cb-469f-a165-70867728950e'],
  ['ip:2001:db8::1 since:2026-11-20 until:2026-11-27', 'ip:2001:db8::1 since:2026-11-20 until:2026-11-27'],
  ['category:RoleManagement op:Assign actor:breakglass@contoso.com', 'category:RoleManagement op:Assign actor:breakglass@contoso.com'],
  ['type:ServicePrincipal activity:"Add service principal credentials"', 'type:ServicePrincipal activity:"Add service principal credentials"'],
  ['"Global Administrator" -actor:"MS-PIM" since:30m', '"Global Administrator" -actor:MS-PIM since:30m'],
  ['category:AttributeManagement value:"\\"Confidential\\"" -status:failure', 'category:AttributeManagement value:"\\"Confidential\\"" -status:failure'],
  ['id:Directory_0f8fad5b', 'id:Directory_0f8fad5b'],
  ['service:"Core Directory"|"Self-service Password Management" status:failure', 'service:"Core Directory"|"Self-service Password Management" status:failure'],
  ['prop:StrongAuthenticationMethod value:PhoneAppNotification -actor:"Microsoft Substrate Management"', 'prop:StrongAuthenticationMethod value:PhoneAppNotification -actor:"Microsoft Substrate Management"'],
  ['SINCE:2026-11-20T08:00 UNTIL:2026-11-20T18:00:00Z consent', 'since:2026-11-20T08:00 until:2026-11-20T18:00:00Z consent'],
  ['"Consent to application" -"Microsoft Graph" since:2w', '"Consent to application" -"Microsoft Graph" since:2w'],
  ['risk:high target:"Finance Admins" -substrate', 'risk:high target:"Finance Admins" -substrate'],
  ['actor:"Jane Doe"|jane@contoso.com op:Update 12:00', 'actor:"Jane Doe"|jane@contoso.com op:Update 12:00'],
  ['activity:"Update conditional access policy" target:"Block legacy auth" until:1h', 'activity:"Update conditional access policy" target:"Block legacy auth" until:1h'],
  ['target:"C:\\Temp\\script.ps1" actor:-svc', 'target:C:\\Temp\\script.ps1 actor:"-svc"'],
  ['target:"C:\\Program Files\\app.ps1"', 'target:"C:\\\\Program Files\\\\app.ps1"'],
  // A line break inside a name (what the a and t pivots write for one): \n, and a literal backslash doubled.
  ['actor:="Bob\\nAdmin" target:="CONTOSO\\\\nancy lee"|"a\\r\\nb"', 'actor:="Bob\\nAdmin" target:="CONTOSO\\\\nancy lee"|"a\\r\\nb"'],
  ['activity:"Add owner to application" -type:User since:"2026-11-20 12:00"', 'activity:"Add owner to application" -type:User since:"2026-11-20 12:00"'],
];

describe('round-trips: parse → format → parse gives an equal query', () => {
  it.each(ADMIN_QUERIES)('%s', (query, canonical) => {
    const first = parsed(query);
    const text = formatQuery(first);
    expect(text).toBe(canonical);
    expect(withoutPositions(parsed(text))).toEqual(withoutPositions(first));
    // Canonical text is a fixed point.
    expect(formatQuery(parsed(text))).toBe(text);
  });

  it('round-trips every query a generator produces that parses', () => {
    const alphabet = ['a', 'Z', '7', ':', '-', '|', '"', '\\', ' ', 'é', 'status:', 'actor:', 'since:', 'until:', 'ip:', 'risk:high', '7d', '2026-11-20', '\\"'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    let parsedCount = 0;
    for (let n = 0; n < 5000; n++) {
      const length = next() % 10;
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const result = parseQuery(text, { now: NOW });
      if (!result.ok) continue;
      parsedCount++;
      const again = parseQuery(formatQuery(result.query), { now: NOW });
      expect(again.ok, `${JSON.stringify(text)} → ${formatQuery(result.query)}`).toBe(true);
      if (again.ok) expect(withoutPositions(again.query)).toEqual(withoutPositions(result.query));
    }
    // Enough of them parse for the check to mean something.
    expect(parsedCount).toBeGreaterThan(500);
  });
});
