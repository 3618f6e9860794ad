/**
 * The pre-GA (2018) Azure Monitor schema of category `Audit`, from Microsoft's "Interpret the
 * Azure AD audit logs schema in Azure Monitor (preview)" page: no directoryAudit under
 * `properties`, but the activity in `operationName` (UAL style, with a trailing period), the
 * initiator in `identity` / `properties.identityType`, and each target as two `__`-joined strings
 * (`targetResourceType` "UPN__TenantContextID__PUID__ObjectID__ObjectClass" naming the parts of
 * `targetResourceName`). Archives from that era are mapped, not loaded nearly empty.
 */
import type { AuditEvent, AuditActivityInitiator, KeyValue, ModifiedProperty, TargetResource } from '../../model/audit-event.js';
import { categoryForActivity } from '../../model/activity-category.js';
import { parseTimestamp } from '../../text/timestamp.js';
import type { Normalised } from '../format.js';
import { arrayOf, decodeDynamic, field, isObject, normaliseResult, text, textOrNull, type JsonObject } from '../fields.js';
import { readKeyValues, readModifiedProperty } from '../graph-shape.js';

const LEGACY_KEYS = ['targetResourceType', 'targetResourceName', 'auditEventCategory', 'identityType'];

/** Properties in the 2018 shape: none of the directoryAudit's own keys, some of the legacy ones. */
export function isLegacyAuditProperties(properties: JsonObject): boolean {
  if (field(properties, 'activityDisplayName') !== undefined || field(properties, 'activityDateTime') !== undefined) return false;
  return LEGACY_KEYS.some((key) => field(properties, key) !== undefined);
}

/** "None", "NA" and "<null>" are how that schema wrote nothing. */
function meaningful(value: unknown): string {
  const raw = text(value).trim();
  return /^(none|na|n\/a|<null>)$/i.test(raw) ? '' : raw;
}

function legacyInitiator(record: JsonObject, properties: JsonObject): AuditActivityInitiator {
  const identity = meaningful(field(record, 'identity'));
  if (!identity) return { user: null, app: null };
  const identityType = meaningful(field(properties, 'identityType')).toLowerCase();
  const ip = meaningful(field(record, 'callerIpAddress')) || null;
  if (identityType === 'upn' || identityType === 'user' || (identityType === '' && identity.includes('@'))) {
    return {
      user: { id: null, displayName: null, userPrincipalName: identity, ipAddress: ip, userType: null, homeTenantId: null, homeTenantName: null },
      app: null,
    };
  }
  return { user: null, app: { appId: null, displayName: identity, servicePrincipalId: null, servicePrincipalName: null } };
}

/** One target from the two `__`-joined strings; a name with more parts than the type keeps the rest in its last part. */
function legacyTarget(properties: JsonObject): TargetResource | null {
  const kinds = meaningful(field(properties, 'targetResourceType')).split('__');
  const parts = meaningful(field(properties, 'targetResourceName')).split('__');
  if (parts.length > kinds.length) parts.splice(kinds.length - 1, Infinity, parts.slice(kinds.length - 1).join('__'));
  const modifiedProperties = arrayOf(field(properties, 'targetUpdatedProperties'))
    .map(readModifiedProperty)
    .filter((p): p is ModifiedProperty => p !== null);
  const named = new Map<string, string>();
  kinds.forEach((kind, i) => {
    if (kind && parts[i]) named.set(kind.toLowerCase(), parts[i]);
  });
  // A single kind ("User", "Application") is the target's type, and the name its name.
  const single = kinds.length === 1 && kinds[0] !== '' && !['upn', 'objectid', 'name'].includes(kinds[0].toLowerCase());
  const target: TargetResource = {
    id: named.get('objectid') ?? null,
    displayName: single ? (parts[0] || null) : (named.get('name') ?? null),
    type: single ? kinds[0] : (named.get('objectclass') ?? null),
    userPrincipalName: named.get('upn') ?? null,
    groupType: null,
    modifiedProperties,
  };
  return target.id || target.displayName || target.userPrincipalName || modifiedProperties.length > 0 ? target : null;
}

function legacyDetails(properties: JsonObject): KeyValue[] {
  const details: KeyValue[] = [];
  const decoded = decodeDynamic(field(properties, 'additionalDetails'));
  if (isObject(decoded)) for (const [key, value] of Object.entries(decoded)) details.push({ key, value: textOrNull(value) });
  else if (Array.isArray(decoded)) details.push(...readKeyValues(decoded));
  else if (meaningful(decoded)) details.push({ key: 'additionalDetails', value: meaningful(decoded) });
  const additionalTargets = meaningful(field(properties, 'additionalTargets'));
  if (additionalTargets) details.push({ key: 'additionalTargets', value: additionalTargets });
  return details;
}

export function readLegacyAudit(record: JsonObject, properties: JsonObject): Normalised {
  const rawTime = text(field(record, 'time'));
  const time = parseTimestamp(rawTime);
  if (!time) return { reason: rawTime ? `time ${JSON.stringify(rawTime.slice(0, 60))} is not a date` : 'no time' };
  const activity = text(field(record, 'operationName')).trim().replace(/\.$/, '');
  if (!activity) return { reason: 'no operationName' };
  const target = legacyTarget(properties);
  const event: AuditEvent = {
    id: '',
    category: meaningful(field(properties, 'auditEventCategory')) || categoryForActivity(activity),
    correlationId: meaningful(field(record, 'correlationId')),
    result: normaliseResult(field(record, 'resultType')),
    resultReason: meaningful(field(record, 'resultDescription')),
    activityDisplayName: activity,
    activityDateTime: time.iso,
    loggedByService: '',
    operationType: meaningful(field(properties, 'operationType')),
    initiatedBy: legacyInitiator(record, properties),
    targetResources: target ? [target] : [],
    additionalDetails: legacyDetails(properties),
    userAgent: null,
  };
  return { event, time };
}
