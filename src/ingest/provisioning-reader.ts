/**
 * A Graph `provisioningObjectSummary` from any object that carries its tree: Graph pages and
 * PowerShell (camelCase or PascalCase), a diagnostic `ProvisioningLogs` record's `properties`
 * (identities and systems as `Id`/`Name`, steps and statuses as enum numbers), and
 * `AADProvisioningLogs` rows (every column JSON text). Absent text is null, absent lists empty.
 */
import type { ModifiedProperty } from '../model/audit-event.js';
import type { ProvisionedIdentity, ProvisioningErrorInformation, ProvisioningRecord, ProvisioningStep, ProvisioningSystem } from '../model/provisioning.js';
import { parseTimestamp } from '../text/timestamp.js';
import { arrayOf, field, nonEmptyTextOrNull, numberOrNull, objectOrNull, text, type JsonObject } from './fields.js';
import { ownRecordNormalised, type Normalised } from './format.js';
import { readModifiedProperty, withAdditionalProperties } from './graph-shape.js';

/** What the record's envelope knows when the record does not (diagnostic outer record, Log Analytics columns). */
export interface ProvisioningFallbacks {
  time?: unknown;
  /** Success, Failure, Skipped, Warning: diagnostic `resultType`, Log Analytics `ResultType`. */
  resultType?: unknown;
  resultDescription?: unknown;
  /** Log Analytics writes the error code here. */
  resultSignature?: unknown;
  correlationId?: unknown;
  durationMs?: unknown;
}

/**
 * Graph's enums in declaration order: the diagnostic schema writes the number (`"status": 2`,
 * `"provisioningStepType": 5`) where Graph writes the name.
 */
const RESULTS = ['success', 'failure', 'skipped', 'warning'];
const STEP_TYPES = ['import', 'scoping', 'matching', 'processing', 'referenceResolution', 'export'];

function enumName(value: unknown, names: readonly string[]): string | null {
  const number = typeof value === 'number' || /^\d+$/.test(text(value).trim()) ? Number(value) : null;
  if (number !== null) return names[number] ?? String(number);
  return nonEmptyTextOrNull(value);
}

const objectAt = (value: unknown): JsonObject | null => {
  const obj = objectOrNull(value);
  return obj ? withAdditionalProperties(obj) : null;
};
const at = (obj: JsonObject | null, ...names: string[]): unknown => (obj ? field(obj, ...names) : undefined);

/** Graph's `displayName` is the diagnostic schema's `Name` (and `id` its `Id`, which `field` finds in any case). */
function readSystem(value: unknown): ProvisioningSystem {
  const system = objectAt(value);
  return { id: nonEmptyTextOrNull(at(system, 'id')), displayName: nonEmptyTextOrNull(at(system, 'displayName', 'name')) };
}

function readIdentity(value: unknown): ProvisionedIdentity {
  const identity = objectAt(value);
  // A SCIM target often has no Name until it exists; its details may still say who it is.
  const details = objectAt(at(identity, 'details'));
  return {
    id: nonEmptyTextOrNull(at(identity, 'id')),
    displayName: nonEmptyTextOrNull(at(identity, 'displayName', 'name')) ?? nonEmptyTextOrNull(at(details, 'displayName')),
    identityType: nonEmptyTextOrNull(at(identity, 'identityType')),
  };
}

function readErrorInformation(value: unknown): ProvisioningErrorInformation | null {
  const error = objectAt(value);
  if (!error) return null;
  const information: ProvisioningErrorInformation = {
    errorCode: nonEmptyTextOrNull(field(error, 'errorCode')),
    reason: nonEmptyTextOrNull(field(error, 'reason')),
    additionalDetails: nonEmptyTextOrNull(field(error, 'additionalDetails')),
    errorCategory: nonEmptyTextOrNull(field(error, 'errorCategory')),
    recommendedAction: nonEmptyTextOrNull(field(error, 'recommendedAction')),
  };
  return Object.values(information).some((part) => part !== null) ? information : null;
}

function readStep(value: unknown): ProvisioningStep | null {
  const step = objectAt(value);
  if (!step) return null;
  return {
    name: nonEmptyTextOrNull(field(step, 'name')),
    provisioningStepType: enumName(field(step, 'provisioningStepType'), STEP_TYPES),
    status: enumName(field(step, 'status'), RESULTS),
    description: nonEmptyTextOrNull(field(step, 'description')),
  };
}

function readStatusInfo(record: JsonObject, fallbacks: ProvisioningFallbacks): ProvisioningRecord['provisioningStatusInfo'] {
  const info = objectAt(field(record, 'provisioningStatusInfo')) ?? objectAt(field(record, 'statusInfo'));
  const status = enumName(at(info, 'status'), RESULTS) ?? nonEmptyTextOrNull(fallbacks.resultType);
  let errorInformation = readErrorInformation(at(info, 'errorInformation'));
  // Log Analytics and the diagnostic record name a failure's code and reason outside the tree.
  const failed = status !== null && status.toLowerCase() !== 'success';
  const code = nonEmptyTextOrNull(fallbacks.resultSignature);
  const reason = nonEmptyTextOrNull(fallbacks.resultDescription);
  if (!errorInformation && failed && (code || reason)) {
    errorInformation = { errorCode: code && !/^none$/i.test(code) ? code : null, reason, additionalDetails: null, errorCategory: null, recommendedAction: null };
  }
  return { status: status === null ? null : status.toLowerCase(), errorInformation };
}

/**
 * The provisioning record, or why it cannot be one: a record nobody can place on a timeline is
 * reported, not shown as a blank row.
 */
export function readProvisioning(raw: JsonObject, fallbacks: ProvisioningFallbacks = {}): Normalised {
  const record = withAdditionalProperties(raw);
  const rawTime = field(record, 'activityDateTime') ?? fallbacks.time;
  if (rawTime === undefined || rawTime === null || rawTime === '') return { reason: 'provisioning record without activityDateTime' };
  const time = parseTimestamp(rawTime);
  if (!time) return { reason: `provisioning activityDateTime ${JSON.stringify(text(rawTime).slice(0, 60))} is not a date` };

  const str = (...names: string[]) => nonEmptyTextOrNull(field(record, ...names));
  const servicePrincipal = readSystem(field(record, 'servicePrincipal'));
  const initiatedBy = objectAt(field(record, 'initiatedBy'));
  // `action` ("Create") is the beta's older name for provisioningAction ("create").
  const action = str('provisioningAction') ?? str('action');
  const provisioning: ProvisioningRecord = {
    id: text(field(record, 'id')),
    activityDateTime: time.iso,
    jobId: str('jobId'),
    cycleId: str('cycleId'),
    changeId: str('changeId') ?? nonEmptyTextOrNull(fallbacks.correlationId),
    provisioningAction: action ? action.charAt(0).toLowerCase() + action.slice(1) : null,
    provisioningStatusInfo: readStatusInfo(record, fallbacks),
    sourceSystem: readSystem(field(record, 'sourceSystem')),
    targetSystem: readSystem(field(record, 'targetSystem')),
    sourceIdentity: readIdentity(field(record, 'sourceIdentity')),
    targetIdentity: readIdentity(field(record, 'targetIdentity')),
    servicePrincipal,
    initiatedBy: {
      id: nonEmptyTextOrNull(at(initiatedBy, 'id')),
      displayName: nonEmptyTextOrNull(at(initiatedBy, 'displayName', 'name')),
      initiatorType: nonEmptyTextOrNull(at(initiatedBy, 'initiatorType', 'type')),
    },
    modifiedProperties: arrayOf(field(record, 'modifiedProperties'))
      .map(readModifiedProperty)
      .filter((property): property is ModifiedProperty => property !== null),
    provisioningSteps: arrayOf(field(record, 'provisioningSteps'))
      .map(readStep)
      .filter((step): step is ProvisioningStep => step !== null),
    durationInMilliseconds: numberOrNull(field(record, 'durationInMilliseconds')) ?? numberOrNull(fallbacks.durationMs),
  };
  return ownRecordNormalised({ kind: 'provisioning', provisioning }, time);
}
