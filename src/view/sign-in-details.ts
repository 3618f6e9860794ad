/**
 * A sign-in's details, tab by tab, as the Entra portal groups them: basic info, location and
 * device, authentication, conditional access, risk, and the record in its own Graph shape. Every
 * value passes through the LineBuilder, so each is sanitised; values that are one line by nature
 * (names, ids, the user agent) keep a hostile line break visible as ␊ instead of starting a line.
 */
import type { LoadedEvent } from '../model/loaded-event.js';
import { PANE_LABELS } from '../model/pane.js';
import { signInEventTypeOf, signInStatusOf, type AppliedConditionalAccessPolicy, type AuthenticationDetail, type SignIn } from '../model/sign-in.js';
import { safeJsonStringify } from '../export/safe-json.js';
import { whenText, wordsOf, yesNo, type DetailOptions, type LineBuilder, type Tone } from './detail-lines.js';

export type SignInDetailTab = 'basic' | 'location' | 'authentication' | 'conditional-access' | 'risk' | 'raw';

/** A sign-in's tabs, in the portal's order plus the raw record. */
export const SIGN_IN_DETAIL_TABS: readonly SignInDetailTab[] = ['basic', 'location', 'authentication', 'conditional-access', 'risk', 'raw'];

export const SIGN_IN_DETAIL_TAB_LABELS: Record<SignInDetailTab, string> = {
  basic: 'Basic info',
  location: 'Location & device',
  authentication: 'Authentication',
  'conditional-access': 'Conditional Access',
  risk: 'Risk',
  raw: 'Raw',
};

export const isSignInDetailTab = (tab: string): tab is SignInDetailTab => (SIGN_IN_DETAIL_TABS as readonly string[]).includes(tab);

/** The portal's words for Graph's event types. */
const EVENT_TYPE_WORDS: Record<string, string> = {
  interactiveUser: 'Interactive user',
  nonInteractiveUser: 'Non-interactive user',
  servicePrincipal: 'Service principal',
  managedIdentity: 'Managed identity',
};

/** Risk an admin acts on: drawn in the failure tone so it is not read past. */
const RISKY_LEVELS: ReadonlySet<string> = new Set(['high', 'medium']);
const RISKY_STATES: ReadonlySet<string> = new Set(['atRisk', 'confirmedCompromised']);

/** Write `tab` of `signIn` into `out`; a tab that is not a sign-in's shows the first one. */
export function writeSignInTab(out: LineBuilder, loaded: LoadedEvent, signIn: SignIn, tab: string, options: DetailOptions): void {
  const shown: SignInDetailTab = isSignInDetailTab(tab) ? tab : SIGN_IN_DETAIL_TABS[0];
  switch (shown) {
    case 'basic':
      basicInfoTab(out, loaded, signIn, options);
      break;
    case 'location':
      locationTab(out, signIn);
      break;
    case 'authentication':
      authenticationTab(out, signIn, options);
      break;
    case 'conditional-access':
      conditionalAccessTab(out, signIn);
      break;
    case 'risk':
      riskTab(out, signIn);
      break;
    case 'raw':
      out.text(safeJsonStringify(signIn, 2));
      break;
  }
}

/** A one-line value: its line breaks shown, never followed. */
const one = (out: LineBuilder, label: string, value: string | null | undefined, tone: Tone = 'plain') => out.field(label, value, tone, 'show');

function basicInfoTab(out: LineBuilder, loaded: LoadedEvent, signIn: SignIn, options: DetailOptions): void {
  const zone = options.timeZone;
  if (options.sensitive) out.field('Sensitive', `${options.sensitive.severity.toUpperCase()}: ${options.sensitive.reason} (rule ${options.sensitive.id})`, 'bad');
  one(out, `Date (${zone.label})`, whenText(signIn.createdDateTime, zone));
  one(out, 'Request ID', signIn.id);
  one(out, 'Correlation ID', signIn.correlationId);
  whoSignedIn(out, signIn);
  one(out, 'Application', signIn.appDisplayName);
  one(out, 'Application ID', signIn.appId);
  one(out, 'Resource', signIn.resourceDisplayName);
  one(out, 'Resource ID', signIn.resourceId);
  one(out, 'Client app', signIn.clientAppUsed);

  const status = signInStatusOf(signIn);
  // An interrupt (MFA asked for, a device required) is not a refusal: only a failure is 'bad'.
  const tone: Tone = status === 'failure' ? 'bad' : 'plain';
  one(out, 'Status', wordsOf(status), tone);
  if (status !== 'success') {
    one(out, 'Error code', String(signIn.status.errorCode), tone);
    out.field('Failure reason', signIn.status.failureReason, tone);
  }
  out.field('Additional details', signIn.status.additionalDetails);

  const types = signIn.signInEventTypes.length > 0 ? signIn.signInEventTypes : [signInEventTypeOf(signIn)];
  one(out, 'Event type', types.map((type) => EVENT_TYPE_WORDS[type] ?? type).join(', '));
  one(out, 'Interactive', yesNo(signIn.isInteractive));
  one(out, 'Token issuer type', signIn.tokenIssuerType);
  one(out, 'Incoming token type', signIn.incomingTokenType);
  one(out, 'User agent', signIn.userAgent);
  one(out, 'Session ID', signIn.sessionId);
  one(out, 'Unique token ID', signIn.uniqueTokenIdentifier);

  out.heading('Source');
  one(out, 'Pane', PANE_LABELS[loaded.pane]);
  one(out, 'Loaded from', loaded.origin.line ? `${loaded.origin.source}:${loaded.origin.line}` : loaded.origin.source);
}

/** The user, or the service principal / managed identity (marked ⚙ as in the table) that signed in. */
function whoSignedIn(out: LineBuilder, signIn: SignIn): void {
  const type = signInEventTypeOf(signIn);
  if (type === 'servicePrincipal' || type === 'managedIdentity') {
    const name = signIn.servicePrincipalName || signIn.appDisplayName || '(unnamed)';
    one(out, type === 'managedIdentity' ? 'Managed identity' : 'Service principal', `${out.symbols.appMarker}${name}`);
    one(out, 'SP object ID', signIn.servicePrincipalId);
    one(out, 'MSI type', signIn.managedIdentityType);
    return;
  }
  if (!signIn.userDisplayName && !signIn.userPrincipalName && !signIn.userId) {
    out.field('User', '(not recorded)', 'dim');
    return;
  }
  one(out, 'User', signIn.userDisplayName || signIn.userPrincipalName);
  one(out, 'Username', signIn.userPrincipalName);
  one(out, 'User ID', signIn.userId);
  one(out, 'User type', signIn.userType);
}

function locationTab(out: LineBuilder, signIn: SignIn): void {
  const { location, deviceDetail: device } = signIn;
  if (signIn.ipAddress) one(out, 'IP address', signIn.ipAddress);
  else out.field('IP address', '(not recorded)', 'dim');
  one(out, 'City', location.city);
  one(out, 'State', location.state);
  one(out, 'Country or region', location.countryOrRegion);

  out.heading('Device');
  // Said plainly, not left out: a sign-in from no registered device is what an AiTM proxy's
  // replayed session looks like, and triage asks this first.
  one(out, 'Device ID', device.deviceId || 'no device id (not registered or joined, or none was sent)');
  one(out, 'Display name', device.displayName);
  one(out, 'Operating system', device.operatingSystem);
  one(out, 'Browser', device.browser);
  one(out, 'Compliant', yesNo(device.isCompliant));
  one(out, 'Managed', yesNo(device.isManaged));
  one(out, 'Trust type', device.trustType);
}

function authenticationTab(out: LineBuilder, signIn: SignIn, options: DetailOptions): void {
  one(out, 'Requirement', signIn.authenticationRequirement);
  one(out, 'Protocol', signIn.authenticationProtocol);
  one(out, 'Transfer method', signIn.originalTransferMethod);
  const steps = signIn.authenticationDetails;
  if (steps.length === 0) {
    out.heading('Authentication details');
    out.text('(no authentication steps recorded)', 'dim');
  }
  steps.forEach((step, index) => authenticationStep(out, step, `Step ${index + 1} of ${steps.length}`, options));
}

function authenticationStep(out: LineBuilder, step: AuthenticationDetail, title: string, options: DetailOptions): void {
  out.heading(`${title}: ${step.authenticationMethod || '(method not recorded)'}`);
  const tone: Tone = step.succeeded === false ? 'bad' : 'plain';
  one(out, 'Method', step.authenticationMethod);
  one(out, 'Requirement', step.authenticationStepRequirement);
  one(out, 'Succeeded', yesNo(step.succeeded), tone);
  out.field('Result detail', step.authenticationStepResultDetail, tone);
  if (step.authenticationStepDateTime) one(out, `Time (${options.timeZone.label})`, whenText(step.authenticationStepDateTime, options.timeZone));
}

/** A CA result's tone: a policy that blocked or failed is 'bad', one that did not apply is dim. */
const resultTone = (result: string | null): Tone => (result === 'failure' ? 'bad' : result === 'notApplied' || result === 'notEnabled' ? 'dim' : 'plain');

function conditionalAccessTab(out: LineBuilder, signIn: SignIn): void {
  const status = signIn.conditionalAccessStatus;
  one(out, 'Status', status ? wordsOf(status) : null, resultTone(status));
  const policies = signIn.appliedConditionalAccessPolicies;
  if (policies.length === 0) {
    out.field('Policies', '(none evaluated)', 'dim');
    return;
  }
  const counts = new Map<string, number>();
  for (const policy of policies) {
    const word = wordsOf(policy.result ?? 'unknown').toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const summary = [...counts].map(([word, count]) => `${count} ${word}`).join(', ');
  one(out, 'Policies', `${policies.length} evaluated: ${summary}`);
  for (const policy of policies) policySection(out, policy);
}

function policySection(out: LineBuilder, policy: AppliedConditionalAccessPolicy): void {
  out.heading(policy.displayName || '(unnamed policy)');
  const tone = resultTone(policy.result);
  // A policy that did not apply is dim throughout: it is there to be skipped.
  const rest: Tone = tone === 'dim' ? 'dim' : 'plain';
  one(out, 'Result', policy.result ? wordsOf(policy.result) : '(not recorded)', tone);
  one(out, 'Policy ID', policy.id, rest);
  one(out, 'Grant controls', policy.enforcedGrantControls.join(', '), rest);
  one(out, 'Session controls', policy.enforcedSessionControls.join(', '), rest);
}

function riskTab(out: LineBuilder, signIn: SignIn): void {
  const level = (value: string | null): Tone => (value && RISKY_LEVELS.has(value) ? 'bad' : 'plain');
  one(out, 'During sign-in', signIn.riskLevelDuringSignIn, level(signIn.riskLevelDuringSignIn));
  one(out, 'Aggregated', signIn.riskLevelAggregated, level(signIn.riskLevelAggregated));
  one(out, 'State', signIn.riskState, signIn.riskState && RISKY_STATES.has(signIn.riskState) ? 'bad' : 'plain');
  one(out, 'Detail', signIn.riskDetail);
  const events = signIn.riskEventTypes_v2;
  one(out, 'Risk event types', events.length > 0 ? events.join(', ') : 'none');
}
