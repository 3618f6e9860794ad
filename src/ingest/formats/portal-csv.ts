/**
 * The Entra admin center's CSV download: 86 columns in a fixed order (17 fixed, 3 targets × 19,
 * 6 additional-detail pairs), UTF-8 BOM, CRLF, JSON text inside cells. Headers may be localised
 * (`Data (UTC)`, `Fecha (UTC)`, `Categoría`…), so columns are read by position, never by name.
 * The download has no event id and no operation type; those stay empty.
 */
import type { AuditEvent, KeyValue, ModifiedProperty, TargetResource } from '../../model/audit-event.js';
import { parseTimestamp } from '../../text/timestamp.js';
import type { CsvFormat, Normalised } from '../format.js';
import { normaliseResult } from '../fields.js';

const COLUMN_COUNT = 86;
const FIXED = 17;
const TARGETS = 3;
const PROPERTIES_PER_TARGET = 5;
const TARGET_WIDTH = 4 + PROPERTIES_PER_TARGET * 3;
const DETAILS_AT = FIXED + TARGETS * TARGET_WIDTH;
const DETAILS = 6;

const cellOrNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

function readTarget(row: string[], t: number): TargetResource | null {
  const at = FIXED + t * TARGET_WIDTH;
  const modifiedProperties: ModifiedProperty[] = [];
  for (let p = 0; p < PROPERTIES_PER_TARGET; p++) {
    const base = at + 4 + p * 3;
    const name = row[base] ?? '';
    if (name === '' && !row[base + 1] && !row[base + 2]) continue;
    modifiedProperties.push({ displayName: name, oldValue: cellOrNull(row[base + 1]), newValue: cellOrNull(row[base + 2]) });
  }
  const target: TargetResource = {
    type: cellOrNull(row[at]),
    displayName: cellOrNull(row[at + 1]),
    id: cellOrNull(row[at + 2]),
    userPrincipalName: cellOrNull(row[at + 3]),
    groupType: null,
    modifiedProperties,
  };
  const empty = !target.type && !target.displayName && !target.id && !target.userPrincipalName && modifiedProperties.length === 0;
  return empty ? null : target;
}

function convertRow(row: string[]): Normalised {
  if (row.length < DETAILS_AT) return { reason: `row has ${row.length} columns, the portal CSV has ${COLUMN_COUNT}` };
  const time = parseTimestamp(row[0]);
  if (!time) return { reason: row[0] ? `date ${JSON.stringify(row[0].slice(0, 40))} is not a date` : 'no date' };
  if (!row[4]) return { reason: 'no activity' };

  const actorType = (row[8] ?? '').toLowerCase();
  const looksLikeApp = actorType.startsWith('ap') || actorType.startsWith('service') || (!actorType && !row[11] && !!row[15]);
  const targets: TargetResource[] = [];
  for (let t = 0; t < TARGETS; t++) {
    const target = readTarget(row, t);
    if (target) targets.push(target);
  }
  const details: KeyValue[] = [];
  for (let d = 0; d < DETAILS; d++) {
    const key = row[DETAILS_AT + d * 2];
    if (key) details.push({ key, value: cellOrNull(row[DETAILS_AT + d * 2 + 1]) });
  }
  const event: AuditEvent = {
    id: '',
    category: row[3] ?? '',
    correlationId: row[1] ?? '',
    result: normaliseResult(row[5]),
    resultReason: row[6] ?? '',
    activityDisplayName: row[4],
    activityDateTime: time.iso,
    loggedByService: row[2] ?? '',
    operationType: '',
    initiatedBy: looksLikeApp
      ? {
          user: null,
          app: {
            appId: cellOrNull(row[10]),
            displayName: cellOrNull(row[9]) ?? cellOrNull(row[16]),
            servicePrincipalId: cellOrNull(row[15]),
            servicePrincipalName: cellOrNull(row[16]),
          },
        }
      : {
          user: {
            id: cellOrNull(row[10]),
            displayName: cellOrNull(row[9]),
            userPrincipalName: cellOrNull(row[11]),
            ipAddress: cellOrNull(row[12]),
            userType: null,
            homeTenantId: cellOrNull(row[13]),
            homeTenantName: cellOrNull(row[14]),
          },
          app: null,
        },
    targetResources: targets,
    additionalDetails: details,
    userAgent: cellOrNull(row[7]),
  };
  return { event, time };
}

export const portalCsvFormat: CsvFormat = {
  id: 'portal-csv',
  label: 'Entra admin center CSV download (86 columns, localised headers read by position)',
  matchesHeader(header) {
    if (header.length !== COLUMN_COUNT) return false;
    const first = header[0].replace(/^\uFEFF/, '');
    return header[1] === 'CorrelationId' || header[8] === 'ActorType' || /\(UTC\)/i.test(first);
  },
  // Columns are read by position, so a header that lost or gained a separator still says enough.
  repairHeader(header) {
    if (Math.abs(header.length - COLUMN_COUNT) > 3 || !header.slice(0, 12).some((cell) => cell === 'CorrelationId' || cell === 'ActorType' || /\(UTC\)/i.test(cell))) return null;
    return { header, repaired: `the header has ${header.length} cells where the download has ${COLUMN_COUNT}: its rows are read by position` };
  },
  positionalWidth: COLUMN_COUNT,
  bind: () => convertRow,
};
