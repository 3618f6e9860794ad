/**
 * Log Analytics: `AuditLogs` and `AADCustomSecurityAttributeAuditLogs` rows (and the sign-in and
 * provisioning tables', read by log-analytics-other-logs.ts), as JSON objects
 * (az CLI, hand exports), as the query API's `{"tables":[…]}` result, or as the portal's CSV
 * export (datetime columns renamed `TimeGenerated [UTC]`, US-formatted values, dynamic columns
 * as JSON text). Dynamic columns keep Graph's camelCase inside, so the Graph reader does the rest.
 */
import type { CsvFormat, Normalised, ObjectFormat } from '../format.js';
import { editDistance } from '../../text/edit-distance.js';
import { field, isObject, keyCasesOf, text, withKeyCases, type JsonObject } from '../fields.js';
import { readGraphAudit } from '../graph-shape.js';
import { AUDIT_TABLES, logAnalyticsTableLog, notAnEntraLogReason, otherEntraRecordKind, type EntraLog } from '../other-entra-logs.js';
import { readProvisioningRow, readSignInRow } from './log-analytics-other-logs.js';

const CUSTOM_SECURITY_TABLE = 'aadcustomsecurityattributeauditlogs';

function isLogAnalyticsRow(record: JsonObject): boolean {
  const type = text(record.Type).toLowerCase();
  return (
    'TimeGenerated' in record ||
    AUDIT_TABLES.includes(type) ||
    'AADOperationType' in record ||
    ('OperationName' in record && 'InitiatedBy' in record)
  );
}

/** The row's log by its Type column; a row without one (a projection, a hand export) by the columns only sign-ins and provisioning rows have. */
function logOfRow(row: JsonObject): EntraLog | null {
  const type = text(field(row, 'Type'));
  if (type !== '') return logAnalyticsTableLog(type);
  const kind = otherEntraRecordKind(row);
  return kind === 'sign-in' ? { kind, eventType: null } : kind === 'provisioning' ? { kind } : { kind: 'audit' };
}

export function normaliseLogAnalyticsRow(row: JsonObject): Normalised {
  // A union of tables (or a workspace export) holds every table: each Entra log is read as its kind, any other is a problem.
  const log = logOfRow(row);
  if (!log) return { reason: notAnEntraLogReason('Log Analytics table', text(field(row, 'Type'))) };
  if (log.kind === 'sign-in') return readSignInRow(row, log.eventType);
  if (log.kind === 'provisioning') return readProvisioningRow(row);
  const read = readGraphAudit(row, {
    fallbackTime: field(row, 'TimeGenerated'),
    aliases: { activityDisplayName: ['OperationName'], operationType: ['AADOperationType'] },
  });
  if ('reason' in read) return read;
  const event = read.event;
  const customSecuritySource = text(field(row, 'Type')).toLowerCase() === CUSTOM_SECURITY_TABLE;
  const callerIp = text(field(row, 'CallerIpAddress'));
  if (event.initiatedBy.user && !event.initiatedBy.user.ipAddress && callerIp) event.initiatedBy.user.ipAddress = callerIp;
  return { event: read.event, time: read.time, customSecuritySource };
}

/** One result table of the query API, turned into row objects keyed by column name. */
function expandTable(table: JsonObject): JsonObject[] {
  const columns = (table.columns as unknown[]).map((c) => (isObject(c) ? text(c.name) : text(c)));
  const rows: JsonObject[] = [];
  for (const row of table.rows as unknown[]) {
    if (!Array.isArray(row)) continue;
    const obj: JsonObject = {};
    columns.forEach((name, index) => (obj[name] = row[index]));
    rows.push(obj);
  }
  return rows;
}

export const logAnalyticsTableFormat: ObjectFormat = {
  id: 'log-analytics-api',
  label: 'Log Analytics query API result ({"tables":[{"columns":…,"rows":…}]})',
  matches: (record) => Array.isArray(record.columns) && Array.isArray(record.rows),
  normalise: (record) => ({ expand: expandTable(record) }),
};

export const logAnalyticsRowFormat: ObjectFormat = {
  id: 'log-analytics-json',
  label: 'Log Analytics rows as JSON (AuditLogs, AADCustomSecurityAttributeAuditLogs, SigninLogs, AAD*SignInLogs, AADProvisioningLogs)',
  matches: isLogAnalyticsRow,
  normalise: normaliseLogAnalyticsRow,
};

/** The portal suffixes datetime columns with ` [UTC]`; the values stay as they are. */
const headerName = (cell: string) => cell.replace(/^\uFEFF/, '').replace(/\s*\[UTC\]$/i, '').trim();

/** The AuditLogs (and AADCustomSecurityAttributeAuditLogs) columns a damaged header cell is matched against. */
const KNOWN_COLUMNS = [
  'TenantId', 'SourceSystem', 'TimeGenerated', 'ResourceId', 'OperationName', 'OperationVersion', 'Category', 'ResultType', 'ResultSignature',
  'ResultDescription', 'DurationMs', 'CorrelationId', 'Resource', 'ResourceGroup', 'ResourceProvider', 'Identity', 'Level', 'Location',
  'AdditionalDetails', 'Id', 'InitiatedBy', 'LoggedByService', 'Result', 'ResultReason', 'TargetResources', 'AADTenantId',
  'ActivityDisplayName', 'ActivityDateTime', 'AADOperationType', 'Type', 'CallerIpAddress',
];

/** Each cell that is no known column, read as the known column it is closest to (a few edits away) that the header lacks. */
function repairNames(header: string[]): { header: string[]; repaired: string } | null {
  const names = header.map(headerName);
  if (names.filter((name) => KNOWN_COLUMNS.includes(name)).length < Math.max(3, names.length / 2)) return null;
  const fixes: string[] = [];
  const repaired = names.map((name, index) => {
    if (KNOWN_COLUMNS.includes(name)) return header[index];
    const candidates = KNOWN_COLUMNS.filter((known) => !names.includes(known)).map((known) => ({ known, distance: editDistance(name, known) }));
    const best = candidates.sort((a, b) => a.distance - b.distance)[0];
    if (!best || best.distance > Math.max(2, Math.floor(best.known.length / 3))) return header[index];
    fixes.push(`${JSON.stringify(header[index])} as ${best.known}`);
    return best.known;
  });
  return fixes.length > 0 ? { header: repaired, repaired: `damaged header cells read as the columns they are closest to: ${fixes.join(', ')}` } : null;
}

export const logAnalyticsCsvFormat: CsvFormat = {
  id: 'log-analytics-csv',
  label: 'Log Analytics portal CSV export (TimeGenerated [UTC], …)',
  matchesHeader(header) {
    const names = header.map(headerName);
    return names.includes('TimeGenerated') && (names.includes('OperationName') || names.includes('ActivityDisplayName'));
  },
  repairHeader(header) {
    const repair = repairNames(header);
    return repair && logAnalyticsCsvFormat.matchesHeader(repair.header) ? repair : null;
  },
  bind(header) {
    const names = header.map(headerName);
    const cases = keyCasesOf(names);
    return (row) => {
      const obj: JsonObject = {};
      names.forEach((name, index) => {
        const cell = row[index];
        if (cell !== undefined && cell !== '') obj[name] = cell;
      });
      return normaliseLogAnalyticsRow(withKeyCases(obj, cases));
    };
  },
};
