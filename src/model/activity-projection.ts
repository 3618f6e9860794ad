/**
 * Sign-ins and provisioning records projected to the fields every pane shares (the AuditEvent
 * shape): who (the user or service principal; the provisioned identity), what (the application;
 * the provisioning action), on what (the resource; the target identity and system), the result
 * and its reason, and the facts an admin reads in one line as key/value details. CSV and text
 * exports, copy and the re-read path use this projection; the details view and `--format json`
 * show the record in its own shape (LoadedEvent.own).
 */
import type { AuditEvent, KeyValue } from './audit-event.js';
import type { OwnRecord } from './loaded-event.js';
import type { ProvisioningRecord } from './provisioning.js';
import { isServicePrincipalSignIn, locationText, signInEventTypeOf, signInStatusOf, type SignIn } from './sign-in.js';

/** The details worth a column in a CSV: only those with a value. */
const details = (pairs: Array<[string, string | number | boolean | null | undefined]>): KeyValue[] =>
  pairs.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([key, value]) => ({ key, value: String(value) }));

export function signInAsActivity(signIn: SignIn): AuditEvent {
  const servicePrincipal = isServicePrincipalSignIn(signIn);
  const status = signInStatusOf(signIn);
  const code = signIn.status.errorCode;
  return {
    id: signIn.id,
    category: signInEventTypeOf(signIn),
    correlationId: signIn.correlationId ?? '',
    result: status,
    resultReason: code === 0 ? '' : `${code}${signIn.status.failureReason ? `: ${signIn.status.failureReason}` : ''}`,
    activityDisplayName: signIn.appDisplayName || signIn.resourceDisplayName || 'Sign-in',
    activityDateTime: signIn.createdDateTime,
    loggedByService: signIn.clientAppUsed ?? '',
    operationType: signIn.authenticationProtocol ?? '',
    initiatedBy: servicePrincipal
      ? { user: null, app: { appId: signIn.appId, displayName: signIn.servicePrincipalName || signIn.appDisplayName, servicePrincipalId: signIn.servicePrincipalId, servicePrincipalName: signIn.servicePrincipalName } }
      : {
          user: { id: signIn.userId, displayName: signIn.userDisplayName, userPrincipalName: signIn.userPrincipalName, ipAddress: signIn.ipAddress, userType: signIn.userType, homeTenantId: null, homeTenantName: null },
          app: null,
        },
    targetResources: signIn.resourceDisplayName || signIn.resourceId
      ? [{ id: signIn.resourceId, displayName: signIn.resourceDisplayName, type: 'Resource', userPrincipalName: null, groupType: null, modifiedProperties: [] }]
      : [],
    additionalDetails: details([
      ['ipAddress', signIn.ipAddress],
      ['location', locationText(signIn.location)],
      ['errorCode', code],
      ['conditionalAccessStatus', signIn.conditionalAccessStatus],
      ['authenticationRequirement', signIn.authenticationRequirement],
      ['authenticationProtocol', signIn.authenticationProtocol],
      ['originalTransferMethod', signIn.originalTransferMethod],
      ['clientAppUsed', signIn.clientAppUsed],
      ['deviceId', signIn.deviceDetail.deviceId],
      ['operatingSystem', signIn.deviceDetail.operatingSystem],
      ['browser', signIn.deviceDetail.browser],
      ['riskLevelDuringSignIn', signIn.riskLevelDuringSignIn],
      ['riskState', signIn.riskState],
      ['sessionId', signIn.sessionId],
      ['uniqueTokenIdentifier', signIn.uniqueTokenIdentifier],
    ]),
    userAgent: signIn.userAgent,
  };
}

export function provisioningAsActivity(record: ProvisioningRecord): AuditEvent {
  const status = (record.provisioningStatusInfo.status ?? '').toLowerCase();
  const error = record.provisioningStatusInfo.errorInformation;
  const target = record.targetIdentity;
  return {
    id: record.id,
    category: 'Provisioning',
    correlationId: record.changeId ?? '',
    result: status,
    resultReason: error ? [error.errorCode, error.reason].filter(Boolean).join(': ') : '',
    activityDisplayName: record.provisioningAction ?? '',
    activityDateTime: record.activityDateTime,
    loggedByService: record.sourceSystem.displayName ?? '',
    operationType: record.provisioningAction ?? '',
    initiatedBy: {
      user: null,
      app: { appId: null, displayName: record.servicePrincipal.displayName || record.initiatedBy.displayName, servicePrincipalId: record.servicePrincipal.id, servicePrincipalName: record.servicePrincipal.displayName },
    },
    targetResources: [
      { id: target.id, displayName: target.displayName, type: target.identityType, userPrincipalName: null, groupType: null, modifiedProperties: record.modifiedProperties },
    ],
    additionalDetails: details([
      ['sourceIdentity', record.sourceIdentity.displayName],
      ['sourceIdentityId', record.sourceIdentity.id],
      ['sourceSystem', record.sourceSystem.displayName],
      ['targetSystem', record.targetSystem.displayName],
      ['jobId', record.jobId],
      ['cycleId', record.cycleId],
      ['changeId', record.changeId],
      ['initiatedBy', record.initiatedBy.displayName],
    ]),
    userAgent: null,
  };
}

/**
 * An own record's projection, made when first asked for and then kept. Loading keeps only the
 * record's summary (own-summary.ts), so projecting every sign-in as it was read was wasted work
 * (~10% of loading 100k beta sign-ins); details, exports and copies ask for it.
 *
 * A class with its getter on the prototype, not an object literal with `get event()`: V8 gave
 * every such literal a fresh accessor, kept the young objects of hundreds of records alive
 * through each scavenge (~4 MB copied and promoted each time, 23% of a sign-in worker in GC) and
 * made reading 100k sign-ins 1.5-2.1 s instead of 1.0-1.2 s. Spreading one (`{ ...x }`) loses
 * `event`: copy the fields by name.
 */
export class LazyProjection {
  private projected: AuditEvent | undefined;

  constructor(readonly own: OwnRecord) {}

  get event(): AuditEvent {
    return (this.projected ??= projectionOf(this.own));
  }
}

/** The shared fields of a record kept in its own shape. */
export const projectionOf = (own: OwnRecord): AuditEvent => (own.kind === 'sign-in' ? signInAsActivity(own.signIn) : provisioningAsActivity(own.provisioning));
