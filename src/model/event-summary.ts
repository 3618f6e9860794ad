/**
 * What a table row, a count or a filter needs from an event: a handful of strings and numbers.
 * The compact store keeps only these per event; the full AuditEvent is re-read on demand.
 */
import type { Pane } from './audit-event.js';
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
}

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
  };
}
