/**
 * What `pull` reads from Graph: each log (`--logs`) and the collections behind it. Sign-ins are
 * four passes over beta `signIns`, one per `signInEventTypes` value: without the filter only the
 * interactive sign-ins come back, and the non-interactive ones are often 10–50 times as many.
 */

export const LOG_NAMES = ['audit', 'custom-security', 'sign-ins', 'provisioning'] as const;
export type LogName = (typeof LOG_NAMES)[number];

/** Which kind of record a collection holds: the filter pushdown differs per kind. */
export type GraphRecordKind = 'audit' | 'sign-in' | 'provisioning';

export interface GraphCollection {
  /** Stable id in the pull's state file: `sign-ins:nonInteractiveUser`. */
  id: string;
  log: LogName;
  kind: GraphRecordKind;
  /** `v1.0/auditLogs/directoryAudits` */
  path: string;
  /** The property the time window is filtered on. */
  timeProperty: string;
  /** Largest page the collection gives (fewer requests under the 5-per-10 s limit). */
  top: number;
  /** Always part of the $filter (the sign-in event type of this pass). */
  fixedFilter?: string;
  /** What an identity needs to read it, said when Graph refuses (403). */
  needs: string;
}

const AUDIT_NEEDS = 'AuditLog.Read.All, and a role that reads audit logs (Reports Reader, Security Reader, Global Reader)';
const SIGN_IN_NEEDS = 'AuditLog.Read.All and Directory.Read.All, a role that reads sign-in logs (Reports Reader, Security Reader, Global Reader), and an Entra ID P1 or P2 licence in the tenant';

export const SIGN_IN_EVENT_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] as const;

export const GRAPH_COLLECTIONS: readonly GraphCollection[] = [
  { id: 'audit', log: 'audit', kind: 'audit', path: 'v1.0/auditLogs/directoryAudits', timeProperty: 'activityDateTime', top: 999, needs: AUDIT_NEEDS },
  {
    id: 'custom-security',
    log: 'custom-security',
    kind: 'audit',
    path: 'beta/auditLogs/customSecurityAttributeAudits',
    timeProperty: 'activityDateTime',
    // Documented default and maximum for this endpoint.
    top: 100,
    needs: 'CustomSecAttributeAuditLogs.Read.All and the Attribute Log Reader (or Attribute Log Administrator) role: Global Administrator alone cannot read it',
  },
  ...SIGN_IN_EVENT_TYPES.map(
    (type): GraphCollection => ({
      id: `sign-ins:${type}`,
      log: 'sign-ins',
      kind: 'sign-in',
      path: 'beta/auditLogs/signIns',
      timeProperty: 'createdDateTime',
      top: 999,
      fixedFilter: `signInEventTypes/any(t: t eq '${type}')`,
      needs: SIGN_IN_NEEDS,
    }),
  ),
  { id: 'provisioning', log: 'provisioning', kind: 'provisioning', path: 'v1.0/auditLogs/provisioning', timeProperty: 'activityDateTime', top: 999, needs: AUDIT_NEEDS },
];

/** `audit,sign-ins` → the logs, or the names that are none. */
export function parseLogNames(text: string): { ok: true; logs: LogName[] } | { ok: false; unknown: string[] } {
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(LOG_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) return { ok: false, unknown: unknown.length > 0 ? unknown : [text] };
  return { ok: true, logs: LOG_NAMES.filter((log) => names.includes(log)) };
}

/** Graph's date-time literal (unquoted in $filter). */
export function graphTime(ms: number, endOfMillisecond = false): string {
  const iso = new Date(ms).toISOString();
  // Graph keeps 7 fractional digits; an event at …:00.0004 is in the millisecond …:00.000 locally.
  return endOfMillisecond ? iso.replace('Z', '9999Z') : iso;
}

/** The first page's address: the window, the pass's fixed filter and what the query could push down, ANDed. */
export function firstPageUrl(origin: string, collection: GraphCollection, window: { sinceMs: number; untilMs: number | null }, pushed: readonly string[]): string {
  const clauses = [`${collection.timeProperty} ge ${graphTime(window.sinceMs)}`];
  if (window.untilMs !== null) clauses.push(`${collection.timeProperty} le ${graphTime(window.untilMs, true)}`);
  if (collection.fixedFilter) clauses.push(collection.fixedFilter);
  clauses.push(...pushed);
  const params = new URLSearchParams({ $filter: clauses.join(' and '), $top: String(collection.top) });
  // URLSearchParams writes spaces as '+', which Graph reads as spaces; %20 is what its docs show.
  return `${origin}/${collection.path}?${params.toString().replace(/\+/g, '%20')}`;
}
