/**
 * What the store keeps of a sign-in or a provisioning record: the shared columns (who, what, on
 * what, result, IP, correlation) filled with that kind's meaning, and the fields only these
 * kinds have (location, error code, conditional access, device, risk, job). The pane's columns
 * and query fields (view/panes.ts, query/compile.ts) read them under the names users know.
 */
import type { LoadedEvent, OwnRecord } from './loaded-event.js';
import type { ProvisioningRecord } from './provisioning.js';
import { isServicePrincipalSignIn, locationText, signInEventTypeOf, signInStatusOf, type SignIn } from './sign-in.js';
import { joinKeys, type EventSummary } from './event-summary.js';

/**
 * Said in the device field when a sign-in names no device, so `device:"no device id"` finds the
 * unregistered browsers that token theft (AiTM) sign-ins come from: an absent value cannot be searched.
 */
export const NO_DEVICE_ID = 'no device id';

/**
 * The authentication protocol, as `protocol:` searches it: a device-code sign-in says so in
 * `authenticationProtocol` (deviceCode) or only in `originalTransferMethod` (deviceCodeFlow).
 */
function protocolOf(signIn: SignIn): string {
  const protocol = signIn.authenticationProtocol ?? '';
  if ((protocol === '' || protocol === 'none') && signIn.originalTransferMethod === 'deviceCodeFlow') return 'deviceCode';
  return protocol;
}

export function summarizeOwn(own: OwnRecord, loaded: LoadedEvent): EventSummary {
  return own.kind === 'sign-in' ? summarizeSignIn(own.signIn, loaded) : summarizeProvisioning(own.provisioning, loaded);
}

function summarizeSignIn(signIn: SignIn, loaded: LoadedEvent): EventSummary {
  const servicePrincipal = isServicePrincipalSignIn(signIn);
  const device = signIn.deviceDetail;
  return {
    timeMs: loaded.timeMs,
    pane: loaded.pane,
    result: signInStatusOf(signIn),
    service: signIn.clientAppUsed ?? '',
    category: signInEventTypeOf(signIn),
    activity: (signIn.appDisplayName || signIn.resourceDisplayName || '').trim(),
    operationType: protocolOf(signIn),
    initiatorKind: servicePrincipal ? 'app' : 'user',
    initiator: servicePrincipal
      ? signIn.servicePrincipalName || signIn.appDisplayName || signIn.servicePrincipalId || ''
      : signIn.userPrincipalName || signIn.userDisplayName || signIn.userId || '',
    ip: signIn.ipAddress ?? '',
    target: signIn.resourceDisplayName || signIn.resourceId || '',
    targetCount: signIn.resourceDisplayName || signIn.resourceId ? 1 : 0,
    writeBack: false,
    actorKeys: joinKeys([signIn.userPrincipalName, signIn.userDisplayName, signIn.userId, signIn.servicePrincipalName, signIn.servicePrincipalId]),
    targetKeys: joinKeys([signIn.resourceDisplayName, signIn.resourceId]),
    targetTypes: joinKeys(signIn.signInEventTypes.length > 0 ? signIn.signInEventTypes : [signInEventTypeOf(signIn)]),
    correlation: signIn.correlationId ?? '',
    propNames: '',
    app: joinKeys([signIn.appDisplayName, signIn.appId]),
    location: locationText(signIn.location),
    errorCode: String(signIn.status.errorCode),
    ca: signIn.conditionalAccessStatus ?? '',
    caPolicies: joinKeys(signIn.appliedConditionalAccessPolicies.map((policy) => policy.displayName)),
    device: joinKeys([device.deviceId ?? NO_DEVICE_ID, device.displayName, device.operatingSystem, device.browser, device.trustType]),
    riskLevel: signIn.riskLevelDuringSignIn ?? '',
    job: '',
    targetLabels: joinKeys([signIn.resourceDisplayName || signIn.resourceId]),
    userAgent: signIn.userAgent ?? '',
    resultReason: signIn.status.errorCode === 0 ? '' : signIn.status.failureReason ?? '',
  };
}

function summarizeProvisioning(record: ProvisioningRecord, loaded: LoadedEvent): EventSummary {
  const { sourceIdentity: source, targetIdentity: target } = record;
  return {
    timeMs: loaded.timeMs,
    pane: loaded.pane,
    result: (record.provisioningStatusInfo.status ?? '').toLowerCase(),
    service: record.sourceSystem.displayName ?? '',
    category: record.targetSystem.displayName ?? '',
    activity: record.provisioningAction ?? '',
    operationType: record.provisioningAction ?? '',
    initiatorKind: 'user',
    initiator: source.displayName || source.id || '',
    ip: '',
    target: target.displayName || target.id || '',
    targetCount: target.displayName || target.id ? 1 : 0,
    writeBack: false,
    actorKeys: joinKeys([source.displayName, source.id, record.sourceSystem.displayName]),
    targetKeys: joinKeys([target.displayName, target.id, record.targetSystem.displayName]),
    targetTypes: joinKeys([source.identityType, target.identityType]),
    correlation: record.changeId ?? '',
    propNames: joinKeys(record.modifiedProperties.map((property) => property.displayName)),
    app: joinKeys([record.servicePrincipal.displayName, record.servicePrincipal.id]),
    // Each field written out, no spread of empty defaults: a spread here is slow, per record loaded.
    location: '',
    errorCode: record.provisioningStatusInfo.errorInformation?.errorCode ?? '',
    ca: '',
    caPolicies: '',
    device: '',
    riskLevel: '',
    job: joinKeys([record.jobId, record.cycleId]),
    targetLabels: joinKeys([target.displayName || target.id]),
    userAgent: '',
    resultReason: record.provisioningStatusInfo.errorInformation?.reason ?? '',
  };
}
