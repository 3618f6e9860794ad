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

/** Actor/Target lists name one object several ways; pick each way out. */
function describe(list: Identity[]): Described {
  const prefixed = list.find((e) => /^[A-Za-z]+_[0-9a-f-]{36}$/i.test(e.id));
  const objectClass =
    list.find((e) => OBJECT_CLASSES.has(e.id))?.id ?? (prefixed ? prefixed.id.slice(0, prefixed.id.indexOf('_')) : null);
  const objectId =
    list.find((e) => e.type === IDENTITY.other && GUID.test(e.id))?.id ??
    (prefixed ? prefixed.id.slice(prefixed.id.indexOf('_') + 1) : null);
  return {
    objectClass,
    objectId,
    upn: list.find((e) => e.type === IDENTITY.upn)?.id ?? null,
    name: list.find((e) => e.type === IDENTITY.name)?.id ?? null,
    appId: list.find((e) => e.type === IDENTITY.spn)?.id ?? null,
  };
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

  const actor = describe(identities(record.Actor));
  const isApp = actor.objectClass === 'ServicePrincipal' || (!!actor.appId && !actor.upn);
  const ip = text(record.ActorIpAddress) || text(record.ClientIP) || null;
  const user: UserIdentity | null = isApp
    ? null
    : {
        id: actor.objectId,
        displayName: actor.name,
        userPrincipalName: actor.upn ?? (text(record.UserId) || null),
        ipAddress: ip,
        userType: null,
        homeTenantId: textOrNull(record.ActorContextId),
        homeTenantName: null,
      };
  const app: AppIdentity | null = isApp
    ? { appId: actor.appId, displayName: actor.name ?? (text(record.UserId) || null), servicePrincipalId: actor.objectId, servicePrincipalName: null }
    : null;

  const target = describe(identities(record.Target));
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
    correlationId: text(record.InterSystemsId),
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

/** `ExtendedProperties[additionalDetails]` holds a JSON *text* dictionary. */
function additionalDetailsOf(extended: unknown): KeyValue[] {
  const details: KeyValue[] = [];
  for (const entry of arrayOf(extended).filter(isObject)) {
    const name = text(field(entry, 'Name'));
    const value = field(entry, 'Value');
    if (name === 'additionalDetails') {
      const decoded = decodeDynamic(value);
      if (isObject(decoded)) for (const [key, v] of Object.entries(decoded)) details.push({ key, value: textOrNull(v) });
    } else if (name) {
      details.push({ key: name, value: textOrNull(value) });
    }
  }
  return details;
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
