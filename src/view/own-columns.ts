/**
 * The Sign-ins and Provisioning tables' columns, as the portal lays them out. Like the audit
 * columns (columns.ts) they read the store's summary and sanitise every cell.
 */
import type { EventSummary } from '../model/event-summary.js';
import { sanitize } from '../text/sanitize.js';
import { DATE_COLUMN, fieldColumn, initiatorText, statusText, valuesText, type Column } from './columns.js';

/** `Failure 50126`: the portal's status with the error code a responder searches for. */
export function signInStatusText(row: EventSummary): string {
  const status = statusText(row.result);
  return row.errorCode && row.errorCode !== '0' ? `${status} ${row.errorCode}` : status;
}

/** The event type as the portal's tabs name it. */
const EVENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  interactiveUser: 'Interactive',
  nonInteractiveUser: 'Non-interactive',
  servicePrincipal: 'Service principal',
  managedIdentity: 'Managed identity',
};
export const signInTypeText = (row: EventSummary): string => EVENT_TYPE_LABELS[row.category] ?? row.category;

export const SIGN_IN_COLUMNS: readonly Column[] = [
  DATE_COLUMN,
  { id: 'user', header: 'User', width: { min: 10, ideal: 24, max: 48, share: 2 }, priority: 8, shown: true, sortBy: 'initiator', cell: (r, o) => sanitize(initiatorText(r, o.symbols), o.symbols) },
  fieldColumn('application', 'Application', 'activity', { min: 10, ideal: 18, max: 40, share: 1.5 }, 7, true),
  // An IPv4 address is never cut (203.0.113.57 and .66 must not both read 203.0.113.…): at least 15.
  fieldColumn('ip', 'IP address', 'ip', { min: 15, ideal: 15, max: 39, share: 0.5 }, 6, true),
  fieldColumn('location', 'Location', 'location', { min: 8, ideal: 14, max: 40, share: 1 }, 3, true),
  // `Interrupted 50074` whole: the code is what a responder reads the column for.
  { id: 'status', header: 'Status', width: { fixed: 17 }, priority: 7, shown: true, sortBy: 'result', cell: (r, o) => sanitize(signInStatusText(r), o.symbols) },
  fieldColumn('ca', 'CA', 'ca', { min: 7, ideal: 11, max: 14, share: 0 }, 2, true),
  { id: 'type', header: 'Type', width: { min: 6, ideal: 15, max: 17, share: 0 }, priority: 4, shown: true, sortBy: 'category', cell: (r, o) => sanitize(signInTypeText(r), o.symbols) },
  // Not shown at first: the picker (`C`) adds them.
  fieldColumn('clientApp', 'Client app', 'service', { min: 8, ideal: 16, max: 40, share: 0.5 }, 3),
  fieldColumn('resource', 'Resource', 'target', { min: 8, ideal: 20, max: 40, share: 1 }, 3),
  fieldColumn('userAgent', 'User agent', 'userAgent', { min: 10, ideal: 24, max: 64, share: 1 }, 3),
  fieldColumn('statusReason', 'Failure reason', 'resultReason', { min: 10, ideal: 24, max: 64, share: 1 }, 4),
  fieldColumn('protocol', 'Protocol', 'operationType', { min: 6, ideal: 10, max: 16, share: 0 }, 3),
  fieldColumn('risk', 'Risk', 'riskLevel', { min: 4, ideal: 6, max: 8, share: 0 }, 3),
  fieldColumn('correlation', 'Correlation ID', 'correlation', { min: 8, ideal: 36, max: 36, share: 0 }, 3),
];

export const PROVISIONING_COLUMNS: readonly Column[] = [
  DATE_COLUMN,
  fieldColumn('identity', 'Identity', 'initiator', { min: 10, ideal: 26, max: 48, share: 2 }, 8, true),
  fieldColumn('action', 'Action', 'activity', { min: 6, ideal: 12, max: 16, share: 0 }, 7, true),
  { id: 'status', header: 'Status', width: { min: 7, ideal: 10, max: 10, share: 0 }, priority: 7, shown: true, sortBy: 'result', cell: (r, o) => sanitize(statusText(r.result), o.symbols) },
  fieldColumn('sourceSystem', 'Source system', 'service', { min: 8, ideal: 20, max: 40, share: 1 }, 3, true),
  fieldColumn('targetSystem', 'Target system', 'category', { min: 8, ideal: 20, max: 40, share: 1 }, 5, true),
  fieldColumn('targetIdentity', 'Target identity', 'target', { min: 9, ideal: 24, max: 48, share: 1.5 }, 4, true),
  fieldColumn('error', 'Error', 'errorCode', { min: 5, ideal: 14, max: 20, share: 0.5 }, 2, true),
  // Not shown at first: the picker (`C`) adds them.
  fieldColumn('statusReason', 'Error reason', 'resultReason', { min: 10, ideal: 24, max: 64, share: 1 }, 3),
  fieldColumn('changeId', 'Change ID', 'correlation', { min: 8, ideal: 36, max: 36, share: 0 }, 3),
  { ...fieldColumn('job', 'Job, cycle', 'job', { min: 8, ideal: 24, max: 80, share: 0.5 }, 3), cell: (r, o) => sanitize(valuesText(r.job), o.symbols) },
];
