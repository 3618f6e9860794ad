/**
 * Microsoft Graph directoryAudit objects in camelCase: Graph pages (`value` envelope, v1.0 and
 * beta, including `customSecurityAttributeAudits`), the portal's JSON download (a bare array),
 * collectors (Invictus, ANSSI, CISA Goose: arrays, concatenated arrays, JSON Lines).
 */
import type { ObjectFormat } from '../format.js';
import { readGraphAudit } from '../graph-shape.js';

export const graphJsonFormat: ObjectFormat = {
  id: 'graph-json',
  label: 'Microsoft Graph directoryAudit JSON (Graph pages, portal JSON download, collector arrays, JSON Lines)',
  matches: (record) => 'activityDisplayName' in record || 'activityDateTime' in record,
  normalise(record, context) {
    const read = readGraphAudit(record);
    if ('reason' in read) return read;
    const fromCsaEndpoint = /customSecurityAttributeAudit/i.test(context.envelope?.meta['@odata.context'] ?? '');
    // A literal, not `{ ...read }`: spreading here was ~5% of loading 100k audits.
    return { event: read.event, time: read.time, customSecuritySource: fromCsaEndpoint };
  },
};
