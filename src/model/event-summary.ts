/**
 * What a table row, a count or a filter needs from an event: a handful of strings and numbers.
 * The compact store keeps only these per event; the full AuditEvent is re-read on demand.
 */
import type { Pane } from './pane.js';
import type { LoadedEvent } from './loaded-event.js';
import { initiatorOf, isSubstrateWriteBack, targetLabel, type InitiatorKind } from './accessors.js';

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
  /** For filters: every way the initiator is named (UPN, display name, app name, ids), joined by newlines. */
  actorKeys: string;
  /** Every target's display name, UPN and id, joined by newlines. */
  targetKeys: string;
  targetTypes: string;
  correlation: string;
  /** Modified property names, joined by newlines. */
  propNames: string;
}

/**
 * Several values as lines; a line break inside a value (hostile names) becomes a space, so it cannot split it.
 * An array, never spread into arguments: one record may have 200,000 targets, past the stack's limit.
 */
const keys = (values: ReadonlyArray<string | null | undefined>): string =>
  [...new Set(values.filter((v): v is string => !!v).map((v) => (v.includes('\n') || v.includes('\r') ? v.replace(/[\r\n]+/g, ' ') : v)))].join('\n');

export function summarize(loaded: LoadedEvent): EventSummary {
  const { event } = loaded;
  const initiator = initiatorOf(event);
  const first = event.targetResources[0];
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
    targetCount: event.targetResources.length,
    writeBack: isSubstrateWriteBack(event),
    actorKeys: keys([
      event.initiatedBy.user?.userPrincipalName,
      event.initiatedBy.user?.displayName,
      event.initiatedBy.user?.id,
      event.initiatedBy.app?.displayName,
      event.initiatedBy.app?.servicePrincipalName,
      event.initiatedBy.app?.appId,
      event.initiatedBy.app?.servicePrincipalId,
    ]),
    targetKeys: keys(event.targetResources.flatMap((t) => [t.displayName, t.userPrincipalName, t.id])),
    targetTypes: keys(event.targetResources.map((t) => t.type)),
    correlation: event.correlationId,
    propNames: keys(event.targetResources.flatMap((t) => t.modifiedProperties.map((p) => p.displayName))),
  };
}
