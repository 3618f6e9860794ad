/**
 * What a table row, a count or a filter needs from an event: a handful of strings and numbers.
 * The compact store keeps only these per event; the full AuditEvent is re-read on demand.
 */
import type { Pane } from './pane.js';
import type { LoadedEvent } from './loaded-event.js';
import { initiatorOf, isSubstrateWriteBack, targetLabel, targetLabels, userAgentOf, type InitiatorKind } from './accessors.js';

export interface EventSummary {
  timeMs: number;
  pane: Pane;
  result: string;
  service: string;
  category: string;
  activity: string;
  operationType: string;
  initiatorKind: InitiatorKind;
  initiator: string;
  ip: string;
  /** The first target's label; `targetCount` says how many more there are. */
  target: string;
  targetCount: number;
  writeBack: boolean;
  /** For filters: every way the initiator is named (UPN, display name, app name, ids), joined by newlines (see joinKeys). */
  actorKeys: string;
  /** Every target's display name, UPN and id, joined by newlines. */
  targetKeys: string;
  targetTypes: string;
  correlation: string;
  /** Modified property names, joined by newlines. */
  propNames: string;
  /** The application's names and id: a sign-in's app, a provisioning job's service principal, an audit's initiating app. */
  app: string;
  /** Sign-ins: city, state, country. */
  location: string;
  /** Sign-ins: the error code ("0" for success); provisioning: the error information's code. */
  errorCode: string;
  /** Sign-ins: the conditional access status (success, failure, notApplied). */
  ca: string;
  /** Sign-ins: the names of the conditional access policies applied, joined by newlines. */
  caPolicies: string;
  /** Sign-ins: device id, name, operating system, browser and trust type, joined by newlines. */
  device: string;
  /** Sign-ins: the risk level during sign-in (none, low, medium, high, hidden). */
  riskLevel: string;
  /** Provisioning: the job id and cycle id, joined by newlines. */
  job: string;
  /** Every target's label, joined by newlines (a role target by the role's name): the table's expanded `(+1)`. */
  targetLabels: string;
  /** The User-Agent of the initiator's client, where the log records one. */
  userAgent: string;
  /** Why it failed (or what happened), as the log words it. */
  resultReason: string;
}


/**
 * Multi-valued fields (every name of an actor, every target, every property name) are one
 * string, the values joined by LF. A line break inside a value (`Bob\nAdmin`, a hostile or a
 * careless name) must neither split it nor be lost, or `actor:="Bob\nAdmin"` could never find
 * the actor: inside a value, LF, CR and the escape character itself are written as NUL + `n`,
 * `r`, `0`. Reversible, ASCII lower-case (lower-casing the joined string lower-cases each value),
 * and values without those characters, nearly all of them, are stored as they are.
 */
const KEY_ESCAPES: Readonly<Record<string, string>> = { '\n': '\u0000n', '\r': '\u0000r', '\u0000': '\u00000' };
const KEY_UNESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', '0': '\u0000' };

/** One value as it is written inside a joined multi-valued string. */
export const encodeKey = (value: string): string => (NEEDS_ESCAPE.test(value) ? value.replace(/[\n\r\u0000]/g, (c) => KEY_ESCAPES[c]) : value);
const NEEDS_ESCAPE = /[\n\r\u0000]/;

/** The value `encodeKey` wrote. */
export const decodeKey = (encoded: string): string => (encoded.includes('\u0000') ? encoded.replace(/\u0000([nr0])/g, (_, c: string) => KEY_UNESCAPES[c]) : encoded);

/** The values of a joined multi-valued string, each exactly as it was (line breaks included). */
export const splitKeys = (joined: string): string[] => joined.split('\n').map(decodeKey);

/**
 * Several values as one multi-valued string (each once, empty ones left out). An array, never
 * spread into arguments: one record may have 200,000 targets, past the stack's limit.
 */
export function joinKeys(values: ReadonlyArray<string | null | undefined>): string {
  // Runs a few times for every record loaded: a plain loop, and a Set only for long lists (on
  // 100k audits the Set/filter/map version was ~5% of a worker's time).
  let joined = '';
  const seen = values.length > 8 ? new Set<string>() : null;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!value) continue;
    if (seen) {
      if (seen.has(value)) continue;
      seen.add(value);
    } else if (repeatsEarlier(values, k)) continue;
    joined = joined === '' ? encodeKey(value) : `${joined}\n${encodeKey(value)}`;
  }
  return joined;
}

const repeatsEarlier = (values: ReadonlyArray<string | null | undefined>, k: number): boolean => {
  for (let j = 0; j < k; j++) if (values[j] === values[k]) return true;
  return false;
};

/** An audit's summary (summarize.ts picks the summary for each kind). */
export function summarizeAudit(loaded: LoadedEvent): EventSummary {
  const { event } = loaded;
  const initiator = initiatorOf(event);
  const targets = event.targetResources;
  const first = targets[0];
  const { user, app } = event.initiatedBy;
  // One pass over the targets for the three lists (this runs for every audit loaded).
  const targetNames: Array<string | null> = [];
  const targetTypes: Array<string | null> = [];
  const propNames: string[] = [];
  for (const target of targets) {
    targetNames.push(target.displayName, target.userPrincipalName, target.id);
    targetTypes.push(target.type);
    for (const property of target.modifiedProperties) propNames.push(property.displayName);
  }
  return {
    timeMs: loaded.timeMs,
    pane: loaded.pane,
    result: event.result,
    service: event.loggedByService,
    category: event.category,
    activity: event.activityDisplayName.trim(),
    operationType: event.operationType,
    initiatorKind: initiator.kind,
    initiator: initiator.label,
    ip: initiator.ipAddress ?? '',
    target: first ? targetLabel(first) : '',
    targetCount: targets.length,
    writeBack: isSubstrateWriteBack(event),
    actorKeys: joinKeys([user?.userPrincipalName, user?.displayName, user?.id, app?.displayName, app?.servicePrincipalName, app?.appId, app?.servicePrincipalId]),
    targetKeys: joinKeys(targetNames),
    targetTypes: joinKeys(targetTypes),
    correlation: event.correlationId,
    propNames: joinKeys(propNames),
    app: joinKeys([app?.displayName, app?.servicePrincipalName, app?.appId]),
    location: '',
    errorCode: '',
    ca: '',
    caPolicies: '',
    device: '',
    riskLevel: '',
    job: '',
    targetLabels: joinKeys(targetLabels(event)),
    userAgent: userAgentOf(event) ?? '',
    resultReason: event.resultReason,
  };
}
