/**
 * The query language as KQL: each kind of term, values as obfuscated literals, parse_json on the
 * tables whose JSON columns are text, and the rule that keeps counts right: what KQL cannot decide
 * exactly is left out (a superset), never guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { compileKql, pastableQuery, timespanOf, type KqlPlan } from '../../src/query/kql/compile-kql.js';
import type { PaneChoice } from '../../src/model/pane.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const WINDOW = { fromMs: Date.parse('2026-11-01T00:00:00Z'), toMs: NOW };

function plan(text: string, pane: PaneChoice = 'all'): KqlPlan {
  const parsed = parseQuery(text, { now: NOW });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileKql(parsed.query.terms, { pane, window: WINDOW });
}

/** The where line of one table's query ('' when there is none). */
function where(text: string, table: string, pane: PaneChoice = 'all'): string {
  const query = plan(text, pane).queries.find((q) => q.table.name === table);
  if (!query) throw new Error(`no query for ${table}`);
  const lines = query.body.split('\n').filter((line) => line.startsWith('| where ') && !line.includes('AttributeManagement'));
  return lines.map((line) => line.slice('| where '.length)).join(' | ');
}

describe('KQL for each kind of term', () => {
  it('a substring term is contains on the columns its text comes from, its value an obfuscated literal', () => {
    expect(where('activity:"Add member"', 'AuditLogs')).toBe('(ActivityDisplayName contains h"Add member" or OperationName contains h"Add member")');
    expect(where('ip:203.0.113.66', 'SigninLogs')).toBe('IPAddress contains h"203.0.113.66"');
    // Dynamic columns are searched as their JSON text.
    expect(where('actor:maren', 'AuditLogs')).toBe('tostring(InitiatedBy) contains h"maren"');
  });

  it('an exact term is =~ where the column holds the text as it is, and contains (a superset) where it does not', () => {
    expect(where('corr:=c0ffee00-0000-4000-8000-000000000001', 'AuditLogs')).toBe('CorrelationId =~ h"c0ffee00-0000-4000-8000-000000000001"');
    expect(where('actor:=maren@contoso.com', 'AuditLogs')).toBe('tostring(InitiatedBy) contains h"maren@contoso.com"');
  });

  it('alternatives are ORed', () => {
    expect(where('ip:203.0.113.66|198.51.100.7', 'SigninLogs')).toBe('(IPAddress contains h"203.0.113.66" or IPAddress contains h"198.51.100.7")');
  });

  it('a value with an i or a k also keeps rows holding the two characters JavaScript lower-cases into them', () => {
    expect(where('corr:=abc-1', 'AuditLogs')).toBe('CorrelationId =~ h"abc-1"');
    expect(where('category:Policy', 'AuditLogs')).toBe('(Category contains h"Policy" or Category matches regex @"[\\x{0130}\\x{212A}]")');
  });

  it('JSON-text columns are read with parse_json; dynamic ones directly', () => {
    expect(where('error:50126', 'SigninLogs')).toBe('(tostring(Status.errorCode) contains h"50126" or ResultType contains h"50126")');
    expect(where('error:50126', 'AADNonInteractiveUserSignInLogs')).toBe('(tostring(parse_json(Status).errorCode) contains h"50126" or ResultType contains h"50126")');
  });

  it('any-target terms search TargetResources, every target at once', () => {
    expect(where('target:"Group Approvers"', 'AuditLogs')).toBe('tostring(TargetResources) contains h"Group Approvers"');
  });

  it('a negation is pushed only where the positive term decides exactly', () => {
    expect(where('-corr:=abc-1', 'AuditLogs')).toBe('not(CorrelationId =~ h"abc-1")');
    expect(where('-category:Policy', 'AuditLogs')).toBe('(not(Category contains h"Policy") or Category matches regex @"[\\x{0130}\\x{212A}]")');
    // An actor's names are all in InitiatedBy's JSON, with much else: not containing the value there is not "no such actor".
    expect(where('-actor:maren', 'AuditLogs')).toBe('');
    expect(plan('-actor:maren').queries[0].local.map((term) => term.kind)).toEqual(['field']);
  });

  it('OR, NOT and parentheses compose; a branch that cannot be pushed makes the whole OR no condition', () => {
    expect(where('(ip:203.0.113.66 OR corr:=abc-1) service:x', 'SigninLogs')).toBe('(IPAddress contains h"203.0.113.66" or CorrelationId =~ h"abc-1") and ClientAppUsed contains h"x"');
    expect(where('ip:203.0.113.66 OR fuzzyword', 'SigninLogs')).toBe('');
    expect(where('NOT (ip:203.0.113.66 corr:=abc-1)', 'SigninLogs')).toBe('not(IPAddress contains h"203.0.113.66" and CorrelationId =~ h"abc-1")');
    expect(where('NOT (ip:203.0.113.66 actor:maren)', 'SigninLogs')).toBe('');
  });

  it('fuzzy words, risk: and values outside printable ASCII are decided locally', () => {
    expect(where('resett', 'AuditLogs')).toBe('');
    expect(where('risk:high', 'AuditLogs')).toBe('');
    expect(where('actor:"Zoë"', 'AuditLogs')).toBe('');
    expect(where('actor:"say \\"hi\\""', 'AuditLogs')).toBe('');
    const local = plan('resett risk:high').queries[0].local.map((term) => term.kind);
    expect(local).toEqual(['fuzzy', 'field']);
  });

  it('a field a table never fills matches none of its rows; negated, all of them', () => {
    expect(where('location:paris', 'AuditLogs')).toBe('false');
    expect(where('-location:paris', 'AuditLogs')).toBe('');
    expect(where('ip:1.2.3.4', 'AADProvisioningLogs')).toBe('false');
  });

  it('a computed field (a sign-in\'s status, its event type) is no condition', () => {
    expect(where('status:failure', 'SigninLogs')).toBe('');
    expect(where('type:servicePrincipal', 'SigninLogs')).toBe('');
    expect(where('device:"no device"', 'SigninLogs')).toBe('');
  });

  it('an audit status also keeps the raw results that read as it (0, succeeded)', () => {
    expect(where('status:success', 'AuditLogs')).toBe('(Result contains h"success" or Result == "0" or Result contains "succeeded")');
  });

  it('a quoted phrase searches the columns of every field a phrase looks in', () => {
    const text = where('"203.0.113.66"', 'AuditLogs');
    expect(text).toContain('tostring(InitiatedBy) contains h"203.0.113.66"');
    expect(text).toContain('tostring(TargetResources) contains h"203.0.113.66"');
    // A sign-in's category is its event type, which no column holds as text.
    expect(where('"203.0.113.66"', 'SigninLogs')).toBe('');
  });

  it('since: and until: bound the record\'s own time, a millisecond wider each side, and narrow the TimeGenerated window with ingestion slack', () => {
    const result = plan('since:2026-11-19T02:20:00Z until:2026-11-19T03:20:00Z');
    const audit = result.queries.find((q) => q.table.name === 'AuditLogs')!;
    expect(audit.body).toContain('coalesce(todatetime(ActivityDateTime), TimeGenerated) >= datetime(2026-11-19T02:19:59.999Z)');
    expect(audit.body).toContain('coalesce(todatetime(ActivityDateTime), TimeGenerated) < datetime(2026-11-19T03:20:00.001Z)');
    expect(timespanOf(result.window)).toBe('2026-11-19T01:20:00.000Z/2026-11-20T03:20:00.000Z');
    const signIns = result.queries.find((q) => q.table.name === 'SigninLogs')!;
    expect(signIns.body).toContain('todatetime(CreatedDateTime)');
    expect(pastableQuery(audit, result.window).split('\n')[1]).toBe('| where TimeGenerated between (datetime(2026-11-19T01:20:00.000Z) .. datetime(2026-11-20T03:20:00.000Z))');
  });
});

describe('KQL per pane', () => {
  it('asks only the tables a pane\'s rows come from', () => {
    expect(plan('', 'sign-ins').queries.map((q) => q.table.name)).toEqual(['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs']);
    expect(plan('', 'custom-security').queries.map((q) => q.table.name)).toEqual(['AuditLogs', 'AADCustomSecurityAttributeAuditLogs']);
    expect(plan('').queries).toHaveLength(7);
  });

  it('splits AuditLogs between the Directory and Custom Security panes by category', () => {
    const directory = plan('', 'directory').queries[0].body;
    expect(directory).toContain('| where (not(Category =~ "AttributeManagement") or Category matches regex');
    expect(plan('', 'custom-security').queries[0].body).toContain('| where (Category =~ "AttributeManagement" or Category matches regex');
  });

  it('projects the columns the Log Analytics readers read, optional ones through column_ifexists', () => {
    const signIns = plan('', 'sign-ins').queries[0].body.split('\n').at(-1)!;
    expect(signIns).toMatch(/^\| project TimeGenerated, Type, Id, CreatedDateTime, ResultType/);
    expect(signIns).toContain('Status, Location, LocationDetails, DeviceDetail');
    expect(signIns).toContain('OriginalTransferMethod = column_ifexists("OriginalTransferMethod", "")');
    const provisioning = plan('', 'provisioning').queries[0].body;
    expect(provisioning).toContain('ProvisioningAction, ProvisioningStatusInfo');
  });
});
