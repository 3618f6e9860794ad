/**
 * The Sign-ins and Provisioning tables' columns, as the portal lays them out. Like the audit
 * columns (columns.ts) they read the store's summary and sanitise every cell.
 */
import type { EventSummary } from '../model/event-summary.js';
import { sanitize } from '../text/sanitize.js';
import { DATE_COLUMN, initiatorText, statusText, type Column } from './columns.js';

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
  { header: 'User', width: { min: 10, ideal: 24, share: 2 }, priority: 8, cell: (r, o) => sanitize(initiatorText(r, o.symbols), o.symbols) },
  { header: 'Application', width: { min: 10, ideal: 18, share: 1.5 }, priority: 7, cell: (r, o) => sanitize(r.activity, o.symbols) },
  { header: 'IP address', width: { min: 9, ideal: 15, share: 0.5 }, priority: 6, cell: (r, o) => sanitize(r.ip, o.symbols) },
  { header: 'Location', width: { min: 8, ideal: 14, share: 1 }, priority: 3, cell: (r, o) => sanitize(r.location, o.symbols) },
  // `Interrupted 50074` whole: the code is what a responder reads the column for.
  { header: 'Status', width: { fixed: 17 }, priority: 7, cell: (r, o) => sanitize(signInStatusText(r), o.symbols) },
  { header: 'CA', width: { min: 7, ideal: 11, share: 0 }, priority: 2, cell: (r, o) => sanitize(r.ca, o.symbols) },
  { header: 'Type', width: { min: 6, ideal: 15, share: 0 }, priority: 4, cell: (r, o) => sanitize(signInTypeText(r), o.symbols) },
];

export const PROVISIONING_COLUMNS: readonly Column[] = [
  DATE_COLUMN,
  { header: 'Identity', width: { min: 10, ideal: 26, share: 2 }, priority: 8, cell: (r, o) => sanitize(r.initiator, o.symbols) },
  { header: 'Action', width: { min: 6, ideal: 12, share: 0 }, priority: 7, cell: (r, o) => sanitize(r.activity, o.symbols) },
  { header: 'Status', width: { min: 7, ideal: 10, share: 0 }, priority: 7, cell: (r, o) => sanitize(statusText(r.result), o.symbols) },
  { header: 'Source system', width: { min: 8, ideal: 20, share: 1 }, priority: 3, cell: (r, o) => sanitize(r.service, o.symbols) },
  { header: 'Target system', width: { min: 8, ideal: 20, share: 1 }, priority: 5, cell: (r, o) => sanitize(r.category, o.symbols) },
  { header: 'Target identity', width: { min: 9, ideal: 24, share: 1.5 }, priority: 4, cell: (r, o) => sanitize(r.target, o.symbols) },
  { header: 'Error', width: { min: 5, ideal: 14, share: 0.5 }, priority: 2, cell: (r, o) => sanitize(r.errorCode, o.symbols) },
];
