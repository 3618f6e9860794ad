/**
 * Reading a Graph-shaped directoryAudit, in any key case. Graph pages, the portal JSON download,
 * collectors, Azure Monitor `properties`, Log Analytics dynamic columns and Graph PowerShell
 * output all carry (parts of) this tree, so every format normaliser builds on these readers.
 */
import type {
  AppIdentity,
  AuditActivityInitiator,
  AuditEvent,
  KeyValue,
  ModifiedProperty,
  TargetResource,
  UserIdentity,
} from '../model/audit-event.js';
import { parseTimestamp, type ParsedTimestamp } from '../text/timestamp.js';
import { arrayOf, field, isObject, normaliseResult, objectOrNull, text, textOrNull, type JsonObject } from './fields.js';

/** Graph PowerShell parks unknown wire keys (userType, homeTenantId…) in AdditionalProperties. */
export function withAdditionalProperties(obj: JsonObject): JsonObject {
  const extra = field(obj, 'AdditionalProperties');
  return isObject(extra) ? { ...extra, ...obj } : obj;
}

export function readUserIdentity(value: unknown): UserIdentity | null {
  const raw = objectOrNull(value);
  if (!raw) return null;
  const obj = withAdditionalProperties(raw);
  const user: UserIdentity = {
    id: textOrNull(field(obj, 'id')),
    displayName: textOrNull(field(obj, 'displayName')),
    userPrincipalName: textOrNull(field(obj, 'userPrincipalName')),
    ipAddress: textOrNull(field(obj, 'ipAddress')),
    userType: textOrNull(field(obj, 'userType')),
    homeTenantId: textOrNull(field(obj, 'homeTenantId')),
    homeTenantName: textOrNull(field(obj, 'homeTenantName')),
  };
  return user.id || user.displayName || user.userPrincipalName || user.ipAddress ? user : null;
}

export function readAppIdentity(value: unknown): AppIdentity | null {
  const raw = objectOrNull(value);
  if (!raw) return null;
  const obj = withAdditionalProperties(raw);
  const app: AppIdentity = {
    appId: textOrNull(field(obj, 'appId')),
    displayName: textOrNull(field(obj, 'displayName')),
    servicePrincipalId: textOrNull(field(obj, 'servicePrincipalId')),
    servicePrincipalName: textOrNull(field(obj, 'servicePrincipalName')),
  };
  return app.appId || app.displayName || app.servicePrincipalId || app.servicePrincipalName ? app : null;
}

export function readInitiator(value: unknown): AuditActivityInitiator {
  const obj = objectOrNull(value);
  if (!obj) return { user: null, app: null };
  return { user: readUserIdentity(field(obj, 'user')), app: readAppIdentity(field(obj, 'app')) };
}

export function readModifiedProperty(value: unknown): ModifiedProperty | null {
  if (!isObject(value)) return null;
  return {
    displayName: text(field(value, 'displayName', 'Name')),
    oldValue: textOrNull(field(value, 'oldValue')),
    newValue: textOrNull(field(value, 'newValue')),
  };
}

/**
 * The 2018-19 Graph beta typed each target by subclass only (`"@odata.type":
 * "#microsoft.graph.targetResourceUser"`, `…TargetResourceGroup` in Microsoft's own get example)
 * with no `type` member: the subclass names the type the Type column and `type:` filter need.
 */
const ODATA_TARGET_TYPES: Readonly<Record<string, string>> = {
  user: 'User',
  group: 'Group',
  serviceprincipal: 'ServicePrincipal',
  application: 'Application',
  app: 'App',
  device: 'Device',
  directory: 'Directory',
  policy: 'Policy',
  role: 'Role',
  other: 'Other',
};

function targetTypeOf(obj: JsonObject): string | null {
  const type = textOrNull(field(obj, 'type'));
  if (type) return type;
  const subclass = /^#?(?:microsoft\.graph\.)?targetResource(\w+)$/i.exec(text(obj['@odata.type']).trim())?.[1];
  if (!subclass) return type;
  return ODATA_TARGET_TYPES[subclass.toLowerCase()] ?? subclass.charAt(0).toUpperCase() + subclass.slice(1);
}

export function readTarget(value: unknown): TargetResource | null {
  if (!isObject(value)) return null;
  const obj = withAdditionalProperties(value);
  return {
    id: textOrNull(field(obj, 'id')),
    displayName: textOrNull(field(obj, 'displayName')),
    type: targetTypeOf(obj),
    userPrincipalName: textOrNull(field(obj, 'userPrincipalName')),
    groupType: textOrNull(field(obj, 'groupType')),
    modifiedProperties: arrayOf(field(obj, 'modifiedProperties'))
      .map(readModifiedProperty)
      .filter((p): p is ModifiedProperty => p !== null),
  };
}

export function readKeyValues(value: unknown): KeyValue[] {
  const decoded = arrayOf(value);
  const pairs: KeyValue[] = [];
  for (const item of decoded) {
    if (!isObject(item)) continue;
    pairs.push({ key: text(field(item, 'key', 'Name')), value: textOrNull(field(item, 'value')) });
  }
  return pairs;
}

export interface GraphReadOptions {
  /** A time to use when the object has no activityDateTime (diagnostic `time`, `TimeGenerated`). */
  fallbackTime?: unknown;
  /** Key aliases used by table-shaped sources (e.g. Log Analytics `OperationName`). */
  aliases?: Partial<Record<keyof AuditEvent, string[]>>;
}

export type GraphReadResult = { event: AuditEvent; time: ParsedTimestamp } | { reason: string };

/**
 * The full directoryAudit from a Graph-like object. Time and activity are required: an event
 * nobody can place on a timeline or name is reported, not shown as a blank row.
 */
export function readGraphAudit(obj: JsonObject, options: GraphReadOptions = {}): GraphReadResult {
  const aliases = options.aliases;
  // Without aliases (Graph records, the common case) no argument list is spread per member.
  const pick = aliases ? (name: keyof AuditEvent): unknown => field(obj, name, ...(aliases[name] ?? [])) : (name: keyof AuditEvent): unknown => field(obj, name);

  const rawTime = pick('activityDateTime') ?? options.fallbackTime;
  if (rawTime === undefined || rawTime === null || rawTime === '') return { reason: 'no activityDateTime' };
  if (typeof rawTime !== 'string') return { reason: `activityDateTime is a ${typeof rawTime}, not text` };
  const time = parseTimestamp(rawTime);
  if (!time) return { reason: `activityDateTime ${JSON.stringify(rawTime.slice(0, 60))} is not a date` };

  const activity = pick('activityDisplayName');
  if (typeof activity !== 'string' || activity.trim() === '') {
    return { reason: activity === undefined || activity === null ? 'no activityDisplayName' : 'activityDisplayName is not text' };
  }

  const targetsRaw = pick('targetResources');
  if (targetsRaw !== undefined && targetsRaw !== null && !Array.isArray(targetsRaw) && typeof targetsRaw !== 'string') {
    return { reason: 'targetResources is not a list' };
  }

  const event: AuditEvent = {
    id: text(pick('id')),
    category: text(pick('category')),
    correlationId: text(pick('correlationId')),
    result: normaliseResult(pick('result')),
    resultReason: text(pick('resultReason')),
    activityDisplayName: activity,
    activityDateTime: time.iso,
    loggedByService: text(pick('loggedByService')),
    operationType: text(pick('operationType')),
    initiatedBy: readInitiator(pick('initiatedBy')),
    targetResources: arrayOf(targetsRaw).map(readTarget).filter((t): t is TargetResource => t !== null),
    additionalDetails: readKeyValues(pick('additionalDetails')),
    userAgent: textOrNull(pick('userAgent')),
  };
  return { event, time };
}
