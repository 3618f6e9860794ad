/**
 * Entra's sign-in and provisioning records in Graph's shapes: Graph pages of `signIns` (v1.0 and
 * beta) and `provisioning`, JSON Lines, the portal's sign-in JSON download (a bare array), and
 * Graph PowerShell's `Get-MgAuditLogSignIn | ConvertTo-Json` (PascalCase). Sniffed before the
 * audit formats: a provisioning record has an activityDateTime too.
 */
import type { ObjectFormat } from '../format.js';
import { otherEntraRecordKind } from '../other-entra-logs.js';
import { readProvisioning } from '../provisioning-reader.js';
import { readSignIn } from '../sign-in-reader.js';

export const graphSignInsProvisioningFormat: ObjectFormat = {
  id: 'graph-sign-ins-provisioning',
  label: 'Microsoft Graph signIn and provisioningObjectSummary records (Graph pages, portal JSON download, JSON Lines, PowerShell)',
  matches: (record) => otherEntraRecordKind(record) !== null,
  // The kind is read from the record alone, so a record re-read without its page reads the same.
  normalise: (record) => (otherEntraRecordKind(record) === 'provisioning' ? readProvisioning(record) : readSignIn(record)),
};
