/**
 * Entra's sign-in and provisioning records in Graph's shapes: recognised (a file of them is not
 * "in no format I know"), and each one a problem that says what it is, never an audit event.
 */
import type { ObjectFormat } from '../format.js';
import { otherEntraRecordKind, otherEntraRecordReason } from '../other-entra-logs.js';

export const otherEntraLogsFormat: ObjectFormat = {
  id: 'graph-sign-ins-provisioning',
  label: 'Microsoft Graph signIn and provisioningObjectSummary records (recognised; each is reported, not read)',
  matches: (record) => otherEntraRecordKind(record) !== null,
  normalise: (record) => ({ reason: otherEntraRecordReason(otherEntraRecordKind(record) ?? 'sign-in') }),
};
