/**
 * Sign-ins and provisioning records built by hand as the readers would finish them (every field
 * present, absent text null, absent lists empty), with invented values; override what a test is
 * about. And LoadedEvents of them as the loader makes them: the projection, the own shape, the pane.
 */
import { provisioningAsActivity, signInAsActivity } from '../../src/model/activity-projection.js';
import type { LoadedEvent } from '../../src/model/loaded-event.js';
import type { ProvisioningRecord } from '../../src/model/provisioning.js';
import type { SignIn } from '../../src/model/sign-in.js';

/** An interactive user's successful browser sign-in to Office 365 from a joined, compliant device. */
export function makeSignIn(overrides: Partial<SignIn> = {}): SignIn {
  return {
    id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
    createdDateTime: '2026-11-20T09:30:00Z',
    userDisplayName: 'Ada Admin',
    userPrincipalName: 'ada.admin@contoso.example',
    userId: 'aaaaaaaa-0000-4000-8000-000000000001',
    userType: 'member',
    appDisplayName: 'Office 365 Exchange Online',
    appId: '00000002-0000-0ff1-ce00-000000000000',
    ipAddress: '203.0.113.10',
    clientAppUsed: 'Browser',
    correlationId: 'cccccccc-1111-4222-8333-444444444444',
    conditionalAccessStatus: 'success',
    appliedConditionalAccessPolicies: [],
    isInteractive: true,
    signInEventTypes: ['interactiveUser'],
    status: { errorCode: 0, failureReason: null, additionalDetails: null },
    location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
    deviceDetail: {
      deviceId: 'dddddddd-0000-4000-8000-000000000009',
      displayName: 'ADA-LAPTOP',
      operatingSystem: 'Windows10',
      browser: 'Edge 131.0.0',
      isCompliant: true,
      isManaged: true,
      trustType: 'Azure AD joined',
    },
    riskLevelDuringSignIn: 'none',
    riskLevelAggregated: 'none',
    riskState: 'none',
    riskDetail: 'none',
    riskEventTypes_v2: [],
    authenticationRequirement: 'multiFactorAuthentication',
    authenticationProtocol: 'none',
    originalTransferMethod: 'none',
    incomingTokenType: 'none',
    tokenIssuerType: 'AzureAD',
    authenticationDetails: [
      { authenticationMethod: 'Password', authenticationStepRequirement: 'Primary authentication', authenticationStepResultDetail: 'Correct password', succeeded: true, authenticationStepDateTime: '2026-11-20T09:29:50Z' },
      { authenticationMethod: 'Mobile app notification', authenticationStepRequirement: 'Secondary authentication', authenticationStepResultDetail: 'MFA successfully completed', succeeded: true, authenticationStepDateTime: '2026-11-20T09:29:58Z' },
    ],
    resourceDisplayName: 'Office 365 Exchange Online',
    resourceId: '00000002-0000-0ff1-ce00-000000000000',
    servicePrincipalName: null,
    servicePrincipalId: null,
    managedIdentityType: null,
    uniqueTokenIdentifier: 'utiAAAAAAAAAAAAAAAAAAA',
    sessionId: '5a5a5a5a-0000-4000-8000-00000000000a',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0.0.0',
    ...overrides,
  };
}

/** A user created in a SaaS app from Entra ID, whose export failed at the target. */
export function makeProvisioning(overrides: Partial<ProvisioningRecord> = {}): ProvisioningRecord {
  return {
    id: '75a8b8d3-0000-4000-8000-0000000000aa',
    activityDateTime: '2026-11-20T08:15:00Z',
    jobId: 'scim.0a1b2c3d4e5f.11112222-3333-4444-5555-666677778888',
    cycleId: '9f8e7d6c-0000-4000-8000-0000000000bb',
    changeId: '3c2b1a09-0000-4000-8000-0000000000cc',
    provisioningAction: 'create',
    provisioningStatusInfo: {
      status: 'failure',
      errorInformation: {
        errorCode: 'SystemForCrossDomainIdentityManagementBadRequest',
        reason: 'The target app rejected the request: userName must be unique.',
        additionalDetails: null,
        errorCategory: 'NonServiceFailure',
        recommendedAction: 'Check the attribute mappings for userName.',
      },
    },
    sourceSystem: { id: '1b2c3d4e-0000-4000-8000-0000000000dd', displayName: 'Azure Active Directory' },
    targetSystem: { id: '2c3d4e5f-0000-4000-8000-0000000000ee', displayName: 'Contoso HR SaaS' },
    sourceIdentity: { id: 'bbbbbbbb-0000-4000-8000-000000000002', displayName: 'Bo User', identityType: 'User' },
    targetIdentity: { id: null, displayName: 'bo.user@contoso.example', identityType: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' },
    servicePrincipal: { id: '3d4e5f60-0000-4000-8000-0000000000ff', displayName: 'Contoso HR SaaS' },
    initiatedBy: { id: null, displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    modifiedProperties: [
      { displayName: 'userName', oldValue: null, newValue: 'bo.user@contoso.example' },
      { displayName: 'active', oldValue: null, newValue: 'True' },
    ],
    provisioningSteps: [
      { name: 'EntryImport', provisioningStepType: 'import', status: 'success', description: 'Retrieved Bo User from Azure Active Directory' },
      { name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'success', description: 'Bo User is in scope' },
      { name: 'EntryExportAdd', provisioningStepType: 'export', status: 'failure', description: 'Failed to create bo.user@contoso.example in Contoso HR SaaS: 400 Bad Request' },
    ],
    durationInMilliseconds: 2350,
    ...overrides,
  };
}

/** A sign-in as the loader hands it on: projected, in its own shape, on the Sign-ins pane. */
export function loadedSignIn(signIn: SignIn, line = 1): LoadedEvent {
  return { event: signInAsActivity(signIn), own: { kind: 'sign-in', signIn }, pane: 'sign-ins', timeMs: Date.parse(signIn.createdDateTime), origin: { source: 'sign-ins.json', line } };
}

export function loadedProvisioning(record: ProvisioningRecord, line = 1): LoadedEvent {
  return {
    event: provisioningAsActivity(record),
    own: { kind: 'provisioning', provisioning: record },
    pane: 'provisioning',
    timeMs: Date.parse(record.activityDateTime),
    origin: { source: 'provisioning.json', line },
  };
}
