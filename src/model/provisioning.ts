/**
 * A provisioning event as Microsoft Graph `provisioningObjectSummary` writes it (v1.0, camelCase),
 * whatever the input was (Graph pages, diagnostic `ProvisioningLogs` records whose identities say
 * `Id`/`Name`, `AADProvisioningLogs` rows whose columns are JSON text). Absent text is null.
 */
import type { ModifiedProperty } from './audit-event.js';

export interface ProvisionedIdentity {
  id: string | null;
  displayName: string | null;
  identityType: string | null;
}

export interface ProvisioningSystem {
  id: string | null;
  displayName: string | null;
}

export interface ProvisioningStep {
  name: string | null;
  /** import, scoping, matching, processing, referenceResolution, export. */
  provisioningStepType: string | null;
  status: string | null;
  description: string | null;
}

export interface ProvisioningErrorInformation {
  errorCode: string | null;
  reason: string | null;
  additionalDetails: string | null;
  errorCategory: string | null;
  recommendedAction: string | null;
}

export interface ProvisioningRecord {
  id: string;
  activityDateTime: string;
  jobId: string | null;
  cycleId: string | null;
  changeId: string | null;
  /** create, update, delete, disable, stagedDelete, other. */
  provisioningAction: string | null;
  provisioningStatusInfo: { status: string | null; errorInformation: ProvisioningErrorInformation | null };
  sourceSystem: ProvisioningSystem;
  targetSystem: ProvisioningSystem;
  sourceIdentity: ProvisionedIdentity;
  targetIdentity: ProvisionedIdentity;
  servicePrincipal: { id: string | null; displayName: string | null };
  initiatedBy: { id: string | null; displayName: string | null; initiatorType: string | null };
  modifiedProperties: ModifiedProperty[];
  provisioningSteps: ProvisioningStep[];
  durationInMilliseconds: number | null;
}
