/**
 * Azure Monitor diagnostic-settings records: Event Hub batches (`{"records":[…]}`) and storage
 * `PT1H.json` blobs (one record per line). The directoryAudit sits under `properties`; the outer
 * record adds `time`, `operationName`, `callerIpAddress`, and the diagnostic `category` that
 * tells directory audits (`AuditLogs`) from custom security attribute audits, sign-ins and
 * provisioning records (azure-monitor-other-logs.ts) and other logs' records (problems). The
 * 2018 `Audit` category's own schema is read by azure-monitor-legacy.ts.
 */
import type { ObjectFormat } from '../format.js';
import { field, isObject, objectOrNull, text, type JsonObject } from '../fields.js';
import { readGraphAudit } from '../graph-shape.js';
import { diagnosticCategoryLog, ENTRA_CATEGORIES, notAnEntraLogReason } from '../other-entra-logs.js';
import { isLegacyAuditProperties, readLegacyAudit } from './azure-monitor-legacy.js';
import { readDiagnosticProvisioning, readDiagnosticSignIn } from './azure-monitor-other-logs.js';

function isDiagnosticRecord(record: JsonObject): boolean {
  if (isObject(record.properties) || typeof record.properties === 'string') {
    return 'operationName' in record || 'resourceId' in record || 'time' in record;
  }
  // Records with only `time` and `category` exist (Elastic's corner-case fixtures): recognise
  // them so they are reported as unusable rather than as an unknown format.
  return 'time' in record && ENTRA_CATEGORIES.includes(text(record.category).toLowerCase());
}

export const azureMonitorFormat: ObjectFormat = {
  id: 'azure-monitor',
  label: 'Azure Monitor diagnostic records of audits, sign-ins and provisioning (Event Hub {"records":[…]} batches, storage PT1H.json lines)',
  matches: isDiagnosticRecord,
  normalise(record) {
    // A stream carries every category: each Entra log is read as its kind, any other is a problem.
    const category = text(record.category);
    const log = diagnosticCategoryLog(category);
    if (!log) return { reason: notAnEntraLogReason('diagnostic category', category) };
    if (log.kind === 'sign-in') return readDiagnosticSignIn(record, log.eventType);
    if (log.kind === 'provisioning') return readDiagnosticProvisioning(record);
    const properties = objectOrNull(record.properties);
    if (!properties) return { reason: 'diagnostic record without an audit event under "properties"' };
    if (isLegacyAuditProperties(properties)) return readLegacyAudit(record, properties);
    let read = readGraphAudit(properties, { fallbackTime: field(record, 'time') });
    // An activity name only in the outer record is still an event, finished as every other one
    // (its correlation id and caller IP are the outer record's too).
    if ('reason' in read && read.reason === 'no activityDisplayName' && typeof record.operationName === 'string') {
      read = readGraphAudit({ ...properties, activityDisplayName: record.operationName }, { fallbackTime: field(record, 'time') });
    }
    if ('reason' in read) return read;
    const event = read.event;
    if (!event.correlationId) event.correlationId = text(record.correlationId);
    const callerIp = text(field(record, 'callerIpAddress'));
    if (event.initiatedBy.user && !event.initiatedBy.user.ipAddress && callerIp && callerIp !== '<null>') {
      event.initiatedBy.user.ipAddress = callerIp;
    }
    const customSecuritySource = text(record.category).toLowerCase() === 'customsecurityattributeauditlogs';
    return { event: read.event, time: read.time, customSecuritySource };
  },
};
