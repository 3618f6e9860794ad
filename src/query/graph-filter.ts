/**
 * What of a query Graph's `$filter` can say without losing a record the query would keep: the
 * server narrows, and the whole query is applied again to what comes back, so the result is
 * exactly what `query --filter` gives on those records. A term is pushed down only if Graph's
 * answer is a superset of what the term matches here:
 *
 * - only terms every record must pass (top level, not negated, not inside OR);
 * - only exact terms (`field:=value`): a substring (`actor:maren`) has no Graph operator, and
 *   `startswith` would lose `x.maren@…`;
 * - only fields whose every source here is a filterable Graph property (an audit's `actor:`
 *   also matches servicePrincipalName: all seven properties are ORed, or the term stays local);
 * - activity names end in spaces in Graph ("… secrets management "), trimmed here, so
 *   `activity:=` goes as `startswith`;
 * - `since:`/`until:` tighten the pull's time window.
 *
 * Graph compares these strings case-insensitively, like `:=` here [unverified for every
 * property: `pull --no-pushdown` sends the time window alone]. Per record kind (audit, sign-in,
 * provisioning): provisioning gets the time window only.
 */
import type { FieldName, FieldTerm, Query } from './ast.js';

export type GraphFilterKind = 'audit' | 'sign-in' | 'provisioning';

export interface GraphPushdown {
  /** ANDed into the $filter of every collection of that kind. */
  clauses: Record<GraphFilterKind, string[]>;
  /** The query's own bounds (`since:`, `until:`), epoch ms, or null. */
  sinceMs: number | null;
  untilMs: number | null;
}

/** An OData string literal: quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

type Clause = (value: string) => string | null;

/** One property `eq`, or several ORed in parentheses (the clauses are ANDed together). */
const anyOf = (properties: readonly string[]): Clause => (value) => {
  const each = properties.map((p) => `${p} eq ${odataString(value)}`);
  return each.length === 1 ? each[0] : `(${each.join(' or ')})`;
};

const AUDIT_FIELDS: Partial<Record<FieldName, Clause>> = {
  activity: (value) => `startswith(activityDisplayName, ${odataString(value)})`,
  service: anyOf(['loggedByService']),
  category: anyOf(['category']),
  corr: anyOf(['correlationId']),
  status: (value) => (['success', 'failure', 'timeout'].includes(value.toLowerCase()) ? `result eq ${odataString(value.toLowerCase())}` : null),
  actor: anyOf([
    'initiatedBy/user/userPrincipalName',
    'initiatedBy/user/displayName',
    'initiatedBy/user/id',
    'initiatedBy/app/displayName',
    'initiatedBy/app/servicePrincipalName',
    'initiatedBy/app/appId',
    'initiatedBy/app/servicePrincipalId',
  ]),
  target: (value) => `targetResources/any(t: t/displayName eq ${odataString(value)} or t/userPrincipalName eq ${odataString(value)} or t/id eq ${odataString(value)})`,
};

const SIGN_IN_FIELDS: Partial<Record<FieldName, Clause>> = {
  ip: anyOf(['ipAddress']),
  corr: anyOf(['correlationId']),
  actor: anyOf(['userPrincipalName', 'userDisplayName', 'userId', 'servicePrincipalName', 'servicePrincipalId']),
  app: anyOf(['appDisplayName', 'appId']),
  // The error code is a number in Graph; anything else cannot match and stays local.
  error: (value) => (/^\d+$/.test(value) ? `status/errorCode eq ${Number(value)}` : null),
};

const FIELDS: Record<GraphFilterKind, Partial<Record<FieldName, Clause>>> = { audit: AUDIT_FIELDS, 'sign-in': SIGN_IN_FIELDS, provisioning: {} };

/** One term as a clause for one kind, or null when it stays local. Alternatives (`a|b`) are ORed. */
function clauseFor(term: FieldTerm, kind: GraphFilterKind): string | null {
  if (term.negated || !term.exact) return null;
  const clause = FIELDS[kind][term.field];
  if (!clause) return null;
  const parts: string[] = [];
  for (const value of term.rawValues) {
    // An empty value matches an empty field here, where Graph holds null: it stays local.
    const part = value === '' ? null : clause(value);
    if (part === null) return null;
    parts.push(part);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

export function graphPushdown(query: Query | null): GraphPushdown {
  const pushdown: GraphPushdown = { clauses: { audit: [], 'sign-in': [], provisioning: [] }, sinceMs: null, untilMs: null };
  for (const term of query?.terms ?? []) {
    if (term.kind === 'since') pushdown.sinceMs = Math.max(pushdown.sinceMs ?? -Infinity, term.ms);
    else if (term.kind === 'until') pushdown.untilMs = Math.min(pushdown.untilMs ?? Infinity, term.ms);
    else if (term.kind === 'field') {
      for (const kind of ['audit', 'sign-in', 'provisioning'] as const) {
        const clause = clauseFor(term, kind);
        if (clause !== null) pushdown.clauses[kind].push(clause);
      }
    }
  }
  return pushdown;
}
