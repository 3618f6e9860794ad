/**
 * The one event model: Microsoft Graph `directoryAudit` (beta shape, camelCase), whatever the
 * input was. Loaders fill every field; absent text is "" and absent optional values are null,
 * so consumers never need to guard against `undefined`.
 */

export interface UserIdentity {
  id: string | null;
  displayName: string | null;
  userPrincipalName: string | null;
  ipAddress: string | null;
  userType: string | null;
  homeTenantId: string | null;
  homeTenantName: string | null;
}

export interface AppIdentity {
  appId: string | null;
  displayName: string | null;
  servicePrincipalId: string | null;
  servicePrincipalName: string | null;
}

export interface AuditActivityInitiator {
  user: UserIdentity | null;
  app: AppIdentity | null;
}

export interface ModifiedProperty {
  displayName: string;
  /** Graph carries JSON *text* here (e.g. `"[\"Alpine\"]"`); kept verbatim. */
  oldValue: string | null;
  newValue: string | null;
}

export interface TargetResource {
  id: string | null;
  displayName: string | null;
  type: string | null;
  userPrincipalName: string | null;
  groupType: string | null;
  modifiedProperties: ModifiedProperty[];
}

export interface KeyValue {
  key: string;
  value: string | null;
}

export interface AuditEvent {
  id: string;
  category: string;
  correlationId: string;
  /** success | failure | timeout | unknownFutureValue (lower case, as Graph writes it). */
  result: string;
  resultReason: string;
  activityDisplayName: string;
  /** ISO 8601 in UTC ending in `Z`, keeping the source's fractional digits. */
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: AuditActivityInitiator;
  targetResources: TargetResource[];
  additionalDetails: KeyValue[];
  userAgent: string | null;
}

export const CUSTOM_SECURITY_CATEGORY = 'AttributeManagement';
