/**
 * What `pull --filter` sends to Graph: only clauses whose answer holds every record the query
 * keeps here (the whole query is applied again locally), with values quoted as OData literals.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { graphPushdown } from '../../src/query/graph-filter.js';
import { firstPageUrl, GRAPH_COLLECTIONS, graphTime } from '../../src/sources/graph/collections.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

function pushdownOf(text: string) {
  const parsed = parseQuery(text, { now: NOW });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return graphPushdown(parsed.query);
}

describe('graphPushdown', () => {
  it('sends exact terms of filterable properties, per kind of record', () => {
    const { clauses } = pushdownOf('ip:=203.0.113.66 service:="Core Directory" corr:=abc');
    expect(clauses['sign-in']).toEqual(["ipAddress eq '203.0.113.66'", "correlationId eq 'abc'"]);
    expect(clauses.audit).toEqual(["loggedByService eq 'Core Directory'", "correlationId eq 'abc'"]);
    expect(clauses.provisioning).toEqual([]);
  });

  it('ORs every property a field matches here, and alternatives', () => {
    const { clauses } = pushdownOf('actor:=maren@contoso.example');
    expect(clauses.audit[0]).toBe(
      "(initiatedBy/user/userPrincipalName eq 'maren@contoso.example' or initiatedBy/user/displayName eq 'maren@contoso.example' or initiatedBy/user/id eq 'maren@contoso.example' or initiatedBy/app/displayName eq 'maren@contoso.example' or initiatedBy/app/servicePrincipalName eq 'maren@contoso.example' or initiatedBy/app/appId eq 'maren@contoso.example' or initiatedBy/app/servicePrincipalId eq 'maren@contoso.example')",
    );
    expect(pushdownOf('error:=50126|50053').clauses['sign-in']).toEqual(['(status/errorCode eq 50126 or status/errorCode eq 50053)']);
    expect(pushdownOf('target:="Global Administrator"').clauses.audit).toEqual([
      "targetResources/any(t: t/displayName eq 'Global Administrator' or t/userPrincipalName eq 'Global Administrator' or t/id eq 'Global Administrator')",
    ]);
  });

  it('sends an activity as startswith: Graph keeps trailing spaces the local match trims', () => {
    expect(pushdownOf('activity:="Update application – Certificates and secrets management"').clauses.audit).toEqual([
      "startswith(activityDisplayName, 'Update application – Certificates and secrets management')",
    ]);
  });

  it('keeps local what Graph cannot answer with a superset: substrings, negation, OR, fuzzy words, risk:, non-numeric codes', () => {
    for (const text of ['actor:maren', '-ip:=203.0.113.66', 'ip:=1.2.3.4 OR actor:=x', 'credential', '"a phrase"', 'risk:high', 'error:=abc', 'status:=weird', 'NOT (corr:=x)']) {
      const { clauses } = pushdownOf(text);
      expect([...clauses.audit, ...clauses['sign-in'], ...clauses.provisioning], text).toEqual([]);
    }
  });

  it('doubles quotes in values', () => {
    expect(pushdownOf(`corr:="o'brien"`).clauses.audit).toEqual(["correlationId eq 'o''brien'"]);
  });

  it('narrows the window with since: and until:', () => {
    const pushdown = pushdownOf('since:2026-11-19 until:2026-11-19T03:20:00Z since:2026-11-18');
    expect(pushdown.sinceMs).toBe(Date.parse('2026-11-19T00:00:00Z'));
    expect(pushdown.untilMs).toBe(Date.parse('2026-11-19T03:20:00Z'));
  });
});

describe('first page address', () => {
  it('ANDs the window (until to the end of its millisecond), the sign-in pass and the pushed clauses', () => {
    const passes = GRAPH_COLLECTIONS.filter((c) => c.log === 'sign-ins');
    const url = new URL(firstPageUrl('https://graph.microsoft.com', passes[1], { sinceMs: Date.parse('2026-11-19T02:20:00Z'), untilMs: Date.parse('2026-11-19T03:20:00Z') }, ["ipAddress eq '203.0.113.66'"]));
    expect(url.pathname).toBe('/beta/auditLogs/signIns');
    expect(url.searchParams.get('$filter')).toBe(
      "createdDateTime ge 2026-11-19T02:20:00.000Z and createdDateTime le 2026-11-19T03:20:00.0009999Z and signInEventTypes/any(t: t eq 'nonInteractiveUser') and ipAddress eq '203.0.113.66'",
    );
    expect(url.searchParams.get('$top')).toBe('999');
    expect(url.search).not.toContain('+');
    expect(graphTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('asks the custom security endpoint for its documented page size', () => {
    const csa = GRAPH_COLLECTIONS.find((c) => c.id === 'custom-security')!;
    expect(new URL(firstPageUrl('https://graph.microsoft.us', csa, { sinceMs: 0, untilMs: null }, [])).searchParams.get('$top')).toBe('100');
  });
});
