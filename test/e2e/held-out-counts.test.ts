/**
 * Acceptance, on a held-out tenant: `query --filter … --count` gives the true count.
 *
 * The tenant is one the project's own sample was not tuned on (another seed, span and end date,
 * 20,000 events). The true answers are computed here with JSON.parse and plain predicates written
 * from the README's definitions of the query language, never with the project's query code; the
 * CLI, a separate process, must agree on every query. A ~300-event slice of the same events is
 * also written as a Graph page and as Log Analytics rows (dynamic columns as JSON text, as the
 * portal's export has them), so the counts are shown to hold whatever shape the export came in.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// ---------------------------------------------------------------------------------------------
// The oracle: the README's definitions as plain JavaScript over the raw Graph records.

interface RawProperty {
  displayName: string | null;
  oldValue: string | null;
  newValue: string | null;
}
interface RawTarget {
  id: string | null;
  displayName: string | null;
  type: string | null;
  userPrincipalName: string | null;
  modifiedProperties: RawProperty[];
}
interface RawEvent {
  id: string;
  category: string;
  correlationId: string;
  result: string;
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: { id: string | null; displayName: string | null; userPrincipalName: string | null; ipAddress: string | null } | null;
    app: { appId: string | null; displayName: string | null; servicePrincipalId: string | null; servicePrincipalName: string | null } | null;
  };
  targetResources: RawTarget[];
  additionalDetails: Array<{ key: string; value: string }>;
  userAgent: string | null;
}

type Pred = (e: RawEvent) => boolean;
type Strings = (e: RawEvent) => Array<string | null | undefined>;

/** The strings each `field:` term looks at, as the README lists them. */
const FIELDS: Record<string, Strings> = {
  activity: (e) => [e.activityDisplayName],
  category: (e) => [e.category],
  service: (e) => [e.loggedByService],
  status: (e) => [e.result],
  op: (e) => [e.operationType],
  // "UPN, display name, app name, app or service principal id" (and the user's id).
  actor: (e) => [
    e.initiatedBy.user?.userPrincipalName,
    e.initiatedBy.user?.displayName,
    e.initiatedBy.user?.id,
    e.initiatedBy.app?.displayName,
    e.initiatedBy.app?.appId,
    e.initiatedBy.app?.servicePrincipalId,
  ],
  // "any target's name, UPN or id"
  target: (e) => e.targetResources.flatMap((t) => [t.displayName, t.userPrincipalName, t.id]),
  type: (e) => e.targetResources.map((t) => t.type),
  ip: (e) => [e.initiatedBy.user?.ipAddress],
  corr: (e) => [e.correlationId],
  id: (e) => [e.id],
  prop: (e) => e.targetResources.flatMap((t) => t.modifiedProperties.map((p) => p.displayName)),
  value: (e) => e.targetResources.flatMap((t) => t.modifiedProperties.flatMap((p) => [p.oldValue, p.newValue])),
};

/** `field:a|b…`: a case-insensitive substring of one of the field's strings, for any value. */
const field =
  (name: keyof typeof FIELDS, ...values: string[]): Pred =>
  (e) =>
    FIELDS[name]!(e).some((s) => s != null && values.some((v) => s.toLowerCase().includes(v.toLowerCase())));
/** `field:=value`: one of the field's strings is the value. */
const exact =
  (name: keyof typeof FIELDS, value: string): Pred =>
  (e) =>
    FIELDS[name]!(e).some((s) => s != null && s.toLowerCase() === value.toLowerCase());
const not =
  (p: Pred): Pred =>
  (e) =>
    !p(e);
const all =
  (...ps: Pred[]): Pred =>
  (e) =>
    ps.every((p) => p(e));

/** An ISO 8601 UTC time to nanoseconds since the epoch, keeping all of its fractional digits. */
function instant(iso: string): bigint {
  const match = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d)?)(?:\.(\d{1,9}))?)?Z?$/.exec(iso);
  if (!match) throw new Error(`not a UTC time: ${iso}`);
  const ms = Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}Z`);
  return BigInt(ms) * 1_000_000n + BigInt((match[3] ?? '').padEnd(9, '0'));
}
const DAY_NS = 86_400_000_000_000n;
const isDateOnly = (value: string) => /^\d{4}-\d\d-\d\d$/.test(value);
/** `since:` inclusive. */
const since =
  (value: string): Pred =>
  (e) =>
    instant(e.activityDateTime) >= instant(value);
/** `until:` inclusive; a bare date means up to the end of that UTC day. */
const until =
  (value: string): Pred =>
  (e) =>
    isDateOnly(value) ? instant(e.activityDateTime) < instant(value) + DAY_NS : instant(e.activityDateTime) <= instant(value);

type Pane = 'all' | 'directory' | 'custom-security';
/** The Custom Security pane is category AttributeManagement; Directory is everything else. */
const inPane = (pane: Pane, e: RawEvent) =>
  pane === 'all' ? true : pane === 'custom-security' ? e.category === 'AttributeManagement' : e.category !== 'AttributeManagement';

// ---------------------------------------------------------------------------------------------
// The held-out tenant and its other export shapes.

const temp = tempDir('entra-audit-held-out-');
const heldOutPath = temp.path('held-out.jsonl');
const graphPagePath = temp.path('graph-page.json');
const logAnalyticsPath = temp.path('log-analytics-rows.json');
let events: RawEvent[] = [];
let slice: RawEvent[] = [];

/** Values picked from the data rather than written down, so they are real whatever the generator draws. */
const picked = {
  correlation: '',
  correlationSize: 0,
  eventId: '',
  hrSyncAppId: '',
  from: '',
  to: '',
};

/** Every 64th event, plus the whole operation `corr:` is asked about. */
const SLICE_STEP = 64;

function toLogAnalyticsRow(e: RawEvent): object {
  // Ingested two hours after the activity: the activity time, not TimeGenerated, is the event's time.
  const ingested = new Date(Date.parse(e.activityDateTime) + 2 * 3_600_000).toISOString();
  return {
    TenantId: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
    SourceSystem: 'Azure',
    TimeGenerated: ingested,
    OperationName: e.activityDisplayName,
    OperationVersion: '1.0',
    Category: e.category,
    ResultType: '',
    ResultSignature: 'None',
    ResultDescription: '',
    DurationMs: 0,
    CorrelationId: e.correlationId,
    Resource: 'Microsoft.aadiam',
    ResourceGroup: 'Microsoft.aadiam',
    Level: '4',
    // Dynamic columns as JSON text, as the Log Analytics portal export writes them.
    AdditionalDetails: JSON.stringify(e.additionalDetails),
    Id: e.id,
    InitiatedBy: JSON.stringify(Object.fromEntries(Object.entries(e.initiatedBy).filter(([, v]) => v !== null))),
    LoggedByService: e.loggedByService,
    Result: e.result,
    ResultReason: e.resultReason,
    TargetResources: JSON.stringify(e.targetResources),
    ActivityDisplayName: e.activityDisplayName,
    ActivityDateTime: e.activityDateTime,
    AADOperationType: e.operationType,
    Type: 'AuditLogs',
  };
}

beforeAll(async () => {
  const generated = await runCli(['sample', '--events', '20000', '--seed', '7', '--days', '45', '--end', '2026-10-01T00:00:00Z', '--out', heldOutPath]);
  expect(generated.code, generated.stderr).toBe(0);
  events = readFileSync(heldOutPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawEvent);
  expect(events).toHaveLength(20_000);

  // The correlation id shared by the most events (several, or corr: proves little).
  const byCorrelation = new Map<string, number>();
  for (const e of events) byCorrelation.set(e.correlationId, (byCorrelation.get(e.correlationId) ?? 0) + 1);
  for (const [id, n] of byCorrelation) if (n > picked.correlationSize) [picked.correlation, picked.correlationSize] = [id, n];
  expect(picked.correlationSize).toBeGreaterThanOrEqual(3);

  // Events in the slice, so these picks count in every shape.
  picked.eventId = events[100 * SLICE_STEP]!.id;
  picked.from = events[90 * SLICE_STEP]!.activityDateTime;
  picked.to = events[95 * SLICE_STEP]!.activityDateTime;
  picked.hrSyncAppId = events.find((e) => e.initiatedBy.app?.displayName === 'HR Sync Service')!.initiatedBy.app!.appId!;

  slice = events.filter((e, i) => i % SLICE_STEP === 0 || e.correlationId === picked.correlation);
  temp.write('graph-page.json', JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: slice }, null, 2));
  temp.write('log-analytics-rows.json', JSON.stringify(slice.map(toLogAnalyticsRow), null, 2));
}, 60_000);

// ---------------------------------------------------------------------------------------------
// The queries, each with its truth.

interface Case {
  what: string;
  /** The query text (a function when it uses a value picked from the data). */
  query: string | (() => string);
  /** The README's definition, over the raw record (values picked from the data are read when it runs). */
  truth: Pred;
  pane?: Pane;
}

const cases: Case[] = [
  { what: 'activity: substring', query: 'activity:"reset password"', truth: field('activity', 'reset password') },
  { what: 'category:', query: 'category:group', truth: field('category', 'group') },
  { what: 'service:', query: 'service:"self-service"', truth: field('service', 'self-service') },
  { what: 'status:', query: 'status:failure', truth: field('status', 'failure') },
  { what: 'result: (status alias)', query: 'result:timeout', truth: field('status', 'timeout') },
  { what: 'op:', query: 'op:delete', truth: field('op', 'delete') },
  { what: 'actor: a UPN', query: 'actor:hanako.yamada@fabrikam-demo.example', truth: field('actor', 'hanako.yamada@fabrikam-demo.example') },
  { what: 'actor: an app name', query: 'actor:"HR Sync Service"', truth: field('actor', 'HR Sync Service') },
  { what: 'target: (a non-ASCII name, typed in lower case)', query: 'target:łukasz', truth: field('target', 'łukasz') },
  { what: 'type:', query: 'type:ServicePrincipal', truth: field('type', 'ServicePrincipal') },
  { what: 'ip: (a prefix: 192.0.2.1, .10–.19, …)', query: 'ip:192.0.2.1', truth: field('ip', '192.0.2.1') },
  { what: 'corr: one operation', query: () => `corr:${picked.correlation}`, truth: (e) => field('corr', picked.correlation)(e) },
  { what: 'id: one event', query: () => `id:${picked.eventId}`, truth: (e) => field('id', picked.eventId)(e) },
  { what: 'id: a substring', query: 'id:pim_', truth: field('id', 'pim_') },
  { what: 'prop:', query: 'prop:AccountEnabled', truth: field('prop', 'AccountEnabled') },
  { what: 'value:', query: 'value:London', truth: field('value', 'London') },
  { what: 'negation', query: '-actor:"Microsoft Substrate Management"', truth: not(field('actor', 'Microsoft Substrate Management')) },
  { what: 'negation of a type', query: '-type:user', truth: not(field('type', 'user')) },
  { what: 'alternatives', query: 'status:failure|timeout service:"Core Directory"', truth: all(field('status', 'failure', 'timeout'), field('service', 'Core Directory')) },
  {
    what: 'alternatives of phrases, with a negation',
    query: 'activity:"add member"|"remove member" -type:Role',
    truth: all(field('activity', 'add member', 'remove member'), not(field('type', 'Role'))),
  },
  { what: 'exact activity', query: 'activity:="Add member to role"', truth: exact('activity', 'Add member to role') },
  { what: 'since:/until: dates (until: a whole day)', query: 'since:2026-09-01 until:2026-09-10', truth: all(since('2026-09-01'), until('2026-09-10')) },
  {
    what: 'since:/until: date-times',
    query: 'since:2026-09-15T06:30:00Z until:2026-09-15T18:00:00Z',
    truth: all(since('2026-09-15T06:30:00Z'), until('2026-09-15T18:00:00Z')),
  },
  {
    what: 'since:/until: at two events’ own times (both ends inclusive)',
    query: () => `since:${picked.from} until:${picked.to}`,
    truth: (e) => all(since(picked.from), until(picked.to))(e),
  },
  { what: '--pane directory', query: 'op:update', pane: 'directory', truth: field('op', 'update') },
  { what: '--pane custom-security, no filter', query: '', pane: 'custom-security', truth: () => true },
  { what: '--pane custom-security with a filter', query: 'activity:user -status:success', pane: 'custom-security', truth: all(field('activity', 'user'), not(field('status', 'success'))) },
  {
    what: 'three terms: actor, negated status, since',
    query: 'actor:priya -status:success since:2026-09-01',
    truth: all(field('actor', 'priya'), not(field('status', 'success')), since('2026-09-01')),
  },
  {
    what: 'three terms: an app id, op, negated prop',
    query: () => `actor:${picked.hrSyncAppId} op:update -prop:mobile`,
    truth: (e) => all(field('actor', picked.hrSyncAppId), field('op', 'update'), not(field('prop', 'mobile')))(e),
  },
  {
    what: 'three terms: type, target alternatives, until',
    query: 'type:group target:finance|engineering until:2026-08-31',
    truth: all(field('type', 'group'), field('target', 'finance', 'engineering'), until('2026-08-31')),
  },
  { what: 'OR: the union', query: 'actor:priya OR ip:192.0.2.1', truth: (e) => field('actor', 'priya')(e) || field('ip', '192.0.2.1')(e) },
  {
    what: 'OR with parentheses and a shared term',
    query: '(status:failure OR op:delete) type:group',
    truth: (e) => (field('status', 'failure')(e) || field('op', 'delete')(e)) && field('type', 'group')(e),
  },
  { what: 'NOT before a group', query: 'NOT (status:success OR type:user)', truth: (e) => !(field('status', 'success')(e) || field('type', 'user')(e)) },
];

const resolve = <T>(value: T | (() => T)): T => (typeof value === 'function' ? (value as () => T)() : value);

async function cliCount(file: string, query: string, pane: Pane): Promise<number> {
  const args = ['query', file, '--count', '--pane', pane];
  // `--filter=` so a query starting with '-' is not read as an option (the README's advice).
  if (query !== '') args.push(`--filter=${query}`);
  const { code, stdout, stderr } = await runCli(args);
  expect(stdout).toMatch(/^\d+\n$/);
  // A count of 0 comes with the note on the value no event has (`no status contains "timeout"`:
  // the Graph page's slice has none); any other count comes with nothing on stderr.
  const unnoted = Number(stdout) === 0 ? stderr.replace(/^entra-audit: no [a-z]+ (contains|is) ".*"( — did you mean ".*"\?)?\n/gm, '') : stderr;
  expect({ code, stderr: unnoted }, `entra-audit ${args.join(' ')}`).toEqual({ code: 0, stderr: '' });
  return Number(stdout);
}

describe('held-out tenant: query --filter … --count gives the true count', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', { timeout: 60_000 }, async (_what, c) => {
    const query = resolve(c.query);
    const pane = c.pane ?? 'all';
    const truth = (list: RawEvent[]) => list.filter((e) => inPane(pane, e) && c.truth(e)).length;
    const expected = { heldOut: truth(events), graphPage: truth(slice), logAnalytics: truth(slice) };
    // A count of 0 = 0 would prove nothing: every query has answers in the held-out tenant.
    expect(expected.heldOut, `the true count of ${query} is not 0`).toBeGreaterThan(0);
    const [heldOut, graphPage, logAnalytics] = await Promise.all([cliCount(heldOutPath, query, pane), cliCount(graphPagePath, query, pane), cliCount(logAnalyticsPath, query, pane)]);
    expect({ heldOut, graphPage, logAnalytics }, `query ${JSON.stringify(query)} --pane ${pane}`).toEqual(expected);
  });

  it('the slice in the other shapes is big enough to mean something', () => {
    expect(slice.length).toBeGreaterThanOrEqual(300);
    // The picked operation and events really are in it.
    expect(slice.filter((e) => e.correlationId === picked.correlation)).toHaveLength(picked.correlationSize);
    expect(slice.some((e) => e.id === picked.eventId)).toBe(true);
  });
});
