/**
 * Microsoft 365 unified audit log, AzureActiveDirectory workload: AuditData objects (the
 * Management Activity API, arrays or lines) and CSVs with an `AuditData` column (Purview export,
 * Search-UnifiedAuditLog | Export-Csv). Mapped to the directoryAudit shape as the reference's
 * section 7.4 lays out: operation without its trailing period, CreationTime as UTC, actor and
 * target rebuilt from the `Actor` / `Target` identity lists.
 */
import type { AppIdentity, AuditEvent, KeyValue, ModifiedProperty, TargetResource, UserIdentity } from '../../model/audit-event.js';
import { categoryForActivity } from '../../model/activity-category.js';
import { parseTimestamp } from '../../text/timestamp.js';
import { readKeyValues } from '../graph-shape.js';
import type { CsvFormat, Normalised, ObjectFormat } from '../format.js';
import { arrayOf, decodeDynamic, field, isObject, normaliseResult, text, textOrNull, type JsonObject } from '../fields.js';

/** Management Activity API IdentityType values seen on Actor / Target entries. */
const IDENTITY = { name: 1, other: 2, puid: 3, spn: 4, upn: 5 } as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OBJECT_CLASSES = new Set(['User', 'Group', 'ServicePrincipal', 'Application', 'Device', 'Role', 'Policy', 'Contact', 'Directory', 'Other']);

interface Identity {
  id: string;
  type: number;
}

function identities(value: unknown): Identity[] {
  return arrayOf(value)
    .filter(isObject)
    .map((entry) => ({ id: text(field(entry, 'ID')), type: Number(field(entry, 'Type')) }))
    .filter((entry) => entry.id !== '');
}

interface Described {
  objectClass: string | null;
  objectId: string | null;
  upn: string | null;
  name: string | null;
  appId: string | null;
}

/** What ExtendedProperties say of the object beside its identity list (older records: often all there is). */
interface Stated {
  objectId: string | null;
  objectClass: string | null;
}

const PREFIXED = /^([A-Za-z]+)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Actor/Target lists name one object several ways; pick each way out. The object's own id is the
 * one its class prefixes (`User_<guid>`), else what ExtendedProperties state. A bare GUID names
 * no class: in an actor list it may be the client app the user acted through (Microsoft's Mesh
 * sample lists "Microsoft Mesh Services" and its GUID before `User_<guid>`), so only a target,
 * whose list holds one object, falls back to it.
 */
function describe(list: Identity[], stated: Stated, bareGuidIsTheObject: boolean): Described {
  const prefixed = list.map((e) => PREFIXED.exec(e.id)).find((m) => m !== null) ?? null;
  const objectClass = list.find((e) => OBJECT_CLASSES.has(e.id))?.id ?? prefixed?.[1] ?? stated.objectClass;
  const bare = bareGuidIsTheObject ? (list.find((e) => e.type === IDENTITY.other && GUID.test(e.id))?.id ?? null) : null;
  return {
    objectClass,
    objectId: prefixed?.[2] ?? stated.objectId ?? bare,
    upn: list.find((e) => e.type === IDENTITY.upn)?.id ?? null,
    name: list.find((e) => e.type === IDENTITY.name)?.id ?? null,
    appId: list.find((e) => e.type === IDENTITY.spn)?.id ?? null,
  };
}

/** UserType values that are no person: 4 System, 5 Application, 6 ServicePrincipal, 7 CustomPolicy, 8 SystemPolicy. */
const NOT_A_PERSON = new Set([4, 5, 6, 7, 8]);

/** `ExtendedProperties` as a map of name to text (names compared case-insensitively). */
function extendedProperties(value: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const entry of arrayOf(value).filter(isObject)) {
    const name = text(field(entry, 'Name')).trim().toLowerCase();
    if (name && !map.has(name)) map.set(name, field(entry, 'Value'));
  }
  return map;
}

function isUalRecord(record: JsonObject): boolean {
  return 'Workload' in record || ('RecordType' in record && 'Operation' in record && 'CreationTime' in record);
}

export function normaliseAuditData(record: JsonObject): Normalised {
  const workload = text(record.Workload);
  const recordType = Number(record.RecordType);
  if (workload && workload !== 'AzureActiveDirectory') {
    return { reason: `unified audit log record of workload ${workload}, not an Entra audit event` };
  }
  if (!Number.isNaN(recordType) && record.RecordType !== undefined && recordType !== 8) {
    return { reason: `unified audit log RecordType ${recordType} is not a directory audit (8)` };
  }
  const rawTime = text(record.CreationTime);
  const time = parseTimestamp(rawTime);
  if (!time) return { reason: rawTime ? `CreationTime ${JSON.stringify(rawTime)} is not a date` : 'no CreationTime' };
  const operation = text(record.Operation).trim().replace(/\.$/, '');
  if (!operation) return { reason: 'no Operation' };

  const extended = extendedProperties(record.ExtendedProperties);
  const stated = (name: string) => textOrNull(extended.get(name.toLowerCase()))?.trim() || null;
  const actor = describe(identities(record.Actor), { objectId: stated('actorObjectId'), objectClass: stated('actorObjectClass') }, false);
  const userId = text(record.UserId) || null;
  // A service principal, or no person at all: a system actor such as UserId "Certificate"
  // (UserType 4) is named by its Type 1 entry ("Microsoft Azure AD Internal - Jit Provisioning").
  const isApp =
    actor.objectClass === 'ServicePrincipal' ||
    actor.objectClass === 'Application' ||
    (actor.objectClass !== 'User' && !actor.upn && (!!actor.appId || NOT_A_PERSON.has(Number(record.UserType))));
  const ip = text(record.ActorIpAddress) || text(record.ClientIP) || null;
  const user: UserIdentity | null = isApp
    ? null
    : {
        id: actor.objectId,
        // A Type 1 name beside a user's entries is the client app's (Mesh sample), not the user's.
        displayName: null,
        userPrincipalName: actor.upn ?? userId,
        ipAddress: ip,
        userType: null,
        homeTenantId: textOrNull(record.ActorContextId),
        homeTenantName: null,
      };
  const app: AppIdentity | null = isApp
    ? {
        appId: actor.appId,
        displayName: actor.name ?? userId,
        servicePrincipalId: actor.objectClass === 'ServicePrincipal' ? actor.objectId : null,
        servicePrincipalName: null,
      }
    : null;

  const target = describe(identities(record.Target), { objectId: stated('targetObjectId'), objectClass: stated('targetObjectClass') }, true);
  const modifiedProperties: ModifiedProperty[] = arrayOf(record.ModifiedProperties)
    .filter(isObject)
    .map((p) => ({
      displayName: text(field(p, 'Name')),
      oldValue: textOrNull(field(p, 'OldValue')),
      newValue: textOrNull(field(p, 'NewValue')),
    }));
  const targets: TargetResource[] =
    target.objectId || target.upn || target.name || modifiedProperties.length > 0 || record.ObjectId
      ? [
          {
            id: target.objectId ?? (text(record.ObjectId) || null),
            displayName: target.name,
            type: target.objectClass,
            userPrincipalName: target.upn,
            groupType: null,
            modifiedProperties,
          },
        ]
      : [];

  const event: AuditEvent = {
    id: text(record.Id),
    category: categoryForActivity(operation),
    // Older records carry the correlation id only among their ExtendedProperties.
    correlationId: text(record.InterSystemsId) || (stated('correlationId') ?? ''),
    result: normaliseResult(record.ResultStatus),
    resultReason: '',
    activityDisplayName: operation,
    activityDateTime: time.iso,
    loggedByService: 'Core Directory',
    operationType: '',
    initiatedBy: { user, app },
    targetResources: targets,
    additionalDetails: additionalDetailsOf(record.ExtendedProperties),
    userAgent: null,
  };
  return { event, time };
}

/**
 * `ExtendedProperties[additionalDetails]` holds a JSON *text* dictionary (`{"User-Agent":"…"}`);
 * its pairs become additionalDetails, as Graph has them. Text that is no dictionary (cut short at
 * the source, or plain text) is kept whole rather than lost; the other extended properties are
 * pairs of their own.
 */
function additionalDetailsOf(extended: unknown): KeyValue[] {
  const details: KeyValue[] = [];
  for (const entry of arrayOf(extended).filter(isObject)) {
    const name = text(field(entry, 'Name'));
    const value = field(entry, 'Value');
    if (name.trim().toLowerCase() === 'additionaldetails') details.push(...decodedDetails(value));
    else if (name) details.push({ key: name, value: textOrNull(value) });
  }
  return details;
}

function decodedDetails(value: unknown): KeyValue[] {
  const decoded = decodeDynamic(value);
  if (isObject(decoded)) return Object.entries(decoded).map(([key, v]) => ({ key, value: textOrNull(v) }));
  // Graph's own shape, `[{"key":…,"value":…}]`, written as text.
  if (Array.isArray(decoded)) return readKeyValues(decoded);
  const raw = text(decoded).trim();
  return raw === '' ? [] : [{ key: 'additionalDetails', value: raw }];
}

export const unifiedAuditLogFormat: ObjectFormat = {
  id: 'unified-audit-log',
  label: 'Microsoft 365 unified audit log AuditData (AzureActiveDirectory workload)',
  matches: isUalRecord,
  normalise: normaliseAuditData,
};

export const unifiedAuditLogCsvFormat: CsvFormat = {
  id: 'unified-audit-log-csv',
  label: 'Purview / Search-UnifiedAuditLog CSV with an AuditData column',
  matchesHeader: (header) => header.some((h) => h.replace(/^\uFEFF/, '').trim() === 'AuditData'),
  bind(header) {
    const column = header.findIndex((h) => h.replace(/^\uFEFF/, '').trim() === 'AuditData');
    return (row) => {
      const cell = row[column] ?? '';
      let data: unknown;
      try {
        data = JSON.parse(cell);
      } catch {
        return { reason: 'AuditData cell is not JSON' };
      }
      return isObject(data) ? normaliseAuditData(data) : { reason: 'AuditData cell is not a JSON object' };
    };
  },
};
