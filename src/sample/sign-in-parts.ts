/**
 * The building blocks every sample sign-in is assembled from: the record itself with every field
 * of the Graph signIn shape filled (null rather than absent), its authentication steps, and the
 * tenant's Conditional Access policies evaluated for it. Routine and incident sign-ins both come
 * through here, so the two can only differ in what happened, never in how it is written.
 */
import type { AppliedConditionalAccessPolicy, AuthenticationDetail, SignIn, SignInDevice, SignInLocation } from '../model/sign-in.js';
import type { SampleClock } from './clock.js';
import { TICKS_PER_SECOND } from './clock.js';
import type { SeededRandom } from './random.js';
import { SIGN_IN_ERRORS, type WellKnownApp } from './sign-in-catalog.js';
import type { ConditionalAccessPolicy, Tenant, TenantUser } from './tenant.js';

/** A sign-in and its place in time, so routine, incident and audit records merge in order. */
export interface TimedSignIn {
  ticks: number;
  record: SignIn;
}

export type SignInPerson = Pick<TenantUser, 'id' | 'displayName' | 'userPrincipalName' | 'userType' | 'department' | 'roles'>;

/** How the user proved who they are, which decides authenticationDetails. */
export type AuthenticationStory =
  | 'wrongPassword' // first factor refused (50126, 50053 and 50055 stop there too)
  | 'passwordOnly' // password right, then refused by a policy (53000, 53003)
  | 'passwordThenMfaPrompt' // password right, MFA asked for (50074)
  | 'mfaNotAnswered' // the push went unanswered (500121)
  | 'mfaPush' // password, then an approved push
  | 'mfaRegistrationRequired' // password right, no method registered yet (50079)
  | 'claimInToken' // MFA done earlier in the session
  | 'refreshToken'; // non-interactive: nothing asked of the user

export interface ConditionalAccessOutcome {
  status: 'success' | 'failure' | 'notApplied';
  policies: AppliedConditionalAccessPolicy[];
}

export interface UserSignInSpec {
  ticks: number;
  person: SignInPerson;
  interactive: boolean;
  app: WellKnownApp;
  resource: WellKnownApp;
  ip: string;
  location: SignInLocation;
  device: SignInDevice;
  /** Legacy protocols (IMAP) send none. */
  userAgent: string | null;
  clientAppUsed: string;
  errorCode: number;
  authentication: AuthenticationStory;
  authenticationProtocol: string;
  correlationId: string;
  sessionId: string;
  conditionalAccess: ConditionalAccessOutcome;
}

export interface WorkloadSignInSpec {
  ticks: number;
  app: WellKnownApp & { servicePrincipalId: string };
  resource: WellKnownApp;
  ip: string;
  location: SignInLocation;
  errorCode: number;
  /** Set for a managed identity's sign-in. */
  managedIdentityType: 'systemAssigned' | 'userAssigned' | null;
}

export const NO_DEVICE: SignInDevice = { deviceId: null, displayName: null, operatingSystem: null, browser: null, isCompliant: null, isManaged: null, trustType: null };
const NO_LOCATION_FIELDS = { city: null, state: null, countryOrRegion: null };
const FIRST_FACTOR_FAILURES: ReadonlySet<number> = new Set([50126, 50053, 50055]);
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class SignInFactory {
  constructor(
    private readonly rng: SeededRandom,
    private readonly clock: SampleClock,
  ) {}

  user(spec: UserSignInSpec): TimedSignIn {
    const at = this.clock.clamp(spec.ticks);
    const error = SIGN_IN_ERRORS[spec.errorCode];
    const record: SignIn = {
      id: this.rng.guid(),
      createdDateTime: this.clock.iso(at),
      userDisplayName: spec.person.displayName,
      userPrincipalName: spec.person.userPrincipalName,
      userId: spec.person.id,
      userType: spec.person.userType === 'Guest' ? 'guest' : 'member',
      appDisplayName: spec.app.displayName,
      appId: spec.app.appId,
      ipAddress: spec.ip,
      clientAppUsed: spec.clientAppUsed,
      correlationId: spec.correlationId,
      conditionalAccessStatus: spec.conditionalAccess.status,
      appliedConditionalAccessPolicies: spec.conditionalAccess.policies,
      isInteractive: spec.interactive,
      signInEventTypes: [spec.interactive ? 'interactiveUser' : 'nonInteractiveUser'],
      status: { errorCode: spec.errorCode, failureReason: error?.failureReason ?? null, additionalDetails: successDetails(spec) ?? error?.additionalDetails ?? null },
      location: spec.location,
      deviceDetail: spec.device,
      // Identity Protection evaluates every user sign-in; nothing in the routine month is risky.
      riskLevelDuringSignIn: 'none',
      riskLevelAggregated: 'none',
      riskState: 'none',
      riskDetail: 'none',
      riskEventTypes_v2: [],
      authenticationRequirement: FIRST_FACTOR_FAILURES.has(spec.errorCode) || spec.authentication === 'mfaRegistrationRequired'
        ? 'singleFactorAuthentication'
        : 'multiFactorAuthentication',
      authenticationProtocol: spec.authenticationProtocol,
      originalTransferMethod: 'none',
      incomingTokenType: spec.interactive ? 'none' : 'refreshToken',
      tokenIssuerType: 'AzureAD',
      authenticationDetails: authenticationDetails(spec.authentication, this.clock.iso(at), this.clock.iso(at - this.rng.int(2, 20) * TICKS_PER_SECOND)),
      resourceDisplayName: spec.resource.displayName,
      resourceId: spec.resource.appId,
      servicePrincipalName: null,
      servicePrincipalId: null,
      managedIdentityType: null,
      uniqueTokenIdentifier: this.tokenIdentifier(),
      sessionId: spec.sessionId,
      userAgent: spec.userAgent,
    };
    return { ticks: at, record };
  }

  /** A service principal or managed identity: no user, no device, no Conditional Access for users. */
  workload(spec: WorkloadSignInSpec): TimedSignIn {
    const at = this.clock.clamp(spec.ticks);
    const error = SIGN_IN_ERRORS[spec.errorCode];
    const record: SignIn = {
      id: this.rng.guid(),
      createdDateTime: this.clock.iso(at),
      userDisplayName: null,
      userPrincipalName: null,
      userId: null,
      userType: null,
      appDisplayName: spec.app.displayName,
      appId: spec.app.appId,
      ipAddress: spec.ip,
      clientAppUsed: null,
      correlationId: this.rng.guid(),
      conditionalAccessStatus: 'notApplied',
      appliedConditionalAccessPolicies: [],
      isInteractive: false,
      signInEventTypes: [spec.managedIdentityType ? 'managedIdentity' : 'servicePrincipal'],
      status: { errorCode: spec.errorCode, failureReason: error?.failureReason ?? null, additionalDetails: error?.additionalDetails ?? null },
      location: { ...NO_LOCATION_FIELDS, ...spec.location },
      deviceDetail: NO_DEVICE,
      // Workload identities' risk needs Workload Identities Premium, which the tenant lacks: hidden.
      riskLevelDuringSignIn: 'hidden',
      riskLevelAggregated: 'hidden',
      riskState: 'none',
      riskDetail: 'hidden',
      riskEventTypes_v2: [],
      authenticationRequirement: 'singleFactorAuthentication',
      authenticationProtocol: 'none',
      originalTransferMethod: 'none',
      incomingTokenType: 'none',
      tokenIssuerType: 'AzureAD',
      authenticationDetails: [],
      resourceDisplayName: spec.resource.displayName,
      resourceId: spec.resource.appId,
      servicePrincipalName: spec.app.displayName,
      servicePrincipalId: spec.app.servicePrincipalId,
      managedIdentityType: spec.managedIdentityType,
      uniqueTokenIdentifier: this.tokenIdentifier(),
      sessionId: null,
      userAgent: null,
    };
    return { ticks: at, record };
  }

  /** 22 base64url characters, the last ones zero as Entra's often are. */
  private tokenIdentifier(): string {
    let text = '';
    for (let i = 0; i < 19; i++) text += TOKEN_ALPHABET[Math.floor(this.rng.next() * TOKEN_ALPHABET.length)];
    return `${text}AAA`;
  }
}

function successDetails(spec: UserSignInSpec): string | null {
  if (spec.errorCode !== 0 || spec.authentication === 'refreshToken') return null;
  if (spec.authentication === 'mfaPush') return 'MFA completed in Azure AD';
  return 'MFA requirement satisfied by claim in the token';
}

function step(method: string, requirement: string, detail: string, succeeded: boolean, at: string): AuthenticationDetail {
  return { authenticationMethod: method, authenticationStepRequirement: requirement, authenticationStepResultDetail: detail, succeeded, authenticationStepDateTime: at };
}

function authenticationDetails(story: AuthenticationStory, at: string, passwordAt: string): AuthenticationDetail[] {
  const password = step('Password', 'Primary authentication', 'Correct password', true, passwordAt);
  switch (story) {
    case 'wrongPassword':
      return [step('Password', 'Primary authentication', 'Invalid username or password or Invalid on-premise username or password.', false, at)];
    case 'passwordOnly':
      return [password];
    case 'passwordThenMfaPrompt':
      return [password, step('Mobile app notification', 'Secondary authentication', 'MFA required in Azure AD', false, at)];
    case 'mfaNotAnswered':
      return [password, step('Mobile app notification', 'Secondary authentication', 'MFA denied; user did not respond to mobile app notification', false, at)];
    case 'mfaPush':
      return [password, step('Mobile app notification', 'Secondary authentication', 'MFA successfully completed', true, at)];
    case 'mfaRegistrationRequired':
      return [password, step('Previously satisfied', 'Secondary authentication', 'User needs to register for MFA', false, at)];
    case 'claimInToken':
      return [step('Previously satisfied', 'Secondary authentication', 'MFA requirement satisfied by claim in the token', true, at)];
    case 'refreshToken':
      return [];
  }
}

// ── Conditional Access ──────────────────────────────────────────────────────────────────────

/** What happened at the policy engine: the first factor failed, it granted, or a policy refused. */
export interface PolicySituation {
  stage: 'beforeGrant' | 'granted' | 'legacyBlocked' | 'deviceBlocked';
  managedDevice: boolean;
  /** Every policy for interactive sign-ins (as the portal lists them); the ones that matter otherwise. */
  listAll: boolean;
  /** Policies that are report-only at this moment although the tenant's copy says enabled (the incident). */
  reportOnly?: ReadonlySet<string>;
}

const GRANT_CONTROL_NAMES: Record<string, string> = {
  mfa: 'Mfa', block: 'Block', compliantDevice: 'RequireCompliantDevice', domainJoinedDevice: 'RequireDomainJoinedDevice',
};

/**
 * Each of the tenant's policies evaluated for one sign-in. Group and role membership is read
 * from the person's roles and department (the IT Admins and Finance Team groups follow them).
 */
export function evaluateConditionalAccess(tenant: Tenant, person: SignInPerson, situation: PolicySituation): ConditionalAccessOutcome {
  const roleTemplateIds = new Set(person.roles.map((name) => tenant.roles.find((role) => role.displayName === name)?.templateId));
  const applied: AppliedConditionalAccessPolicy[] = [];
  let enforcedSuccess = false;
  let enforcedFailure = false;
  for (const policy of tenant.policies) {
    const reportOnly = policy.state === 'enabledForReportingButNotEnforced' || (situation.reportOnly?.has(policy.displayName) ?? false);
    const outcome = resultFor(policy, policyCovers(policy, person, roleTemplateIds), situation);
    // Report-only policies are evaluated and logged but never change the outcome.
    if (!reportOnly && outcome === 'success') enforcedSuccess = true;
    if (!reportOnly && outcome === 'failure') enforcedFailure = true;
    const result = !reportOnly ? outcome : outcome === 'failure' ? 'reportOnlyInterrupted' : outcome === 'success' ? 'reportOnlySuccess' : 'reportOnlyNotApplied';
    // Interactive sign-ins list every policy whose users include the person (2–7 of them, as the
    // portal does for a tenant this size); non-interactive ones the policies that did something
    // and the two every user is under. Listing all seven for everyone made the bundled file 6% larger.
    const alwaysListed = policy.conditions.users.includeUsers.includes('All') && (policy.sessionControls !== null || policy.grantControls?.builtInControls.includes('mfa'));
    const listed = situation.listAll ? policyCovers(policy, person, roleTemplateIds) || alwaysListed : alwaysListed || (!reportOnly && outcome !== 'notApplied');
    if (!listed) continue;
    applied.push({
      id: policy.id,
      displayName: policy.displayName,
      result,
      enforcedGrantControls: (policy.grantControls?.builtInControls ?? []).map((control) => GRANT_CONTROL_NAMES[control] ?? control),
      enforcedSessionControls: policy.sessionControls ? ['SignInFrequency'] : [],
    });
  }
  return { status: enforcedFailure ? 'failure' : enforcedSuccess ? 'success' : 'notApplied', policies: applied };
}

function policyCovers(policy: ConditionalAccessPolicy, person: SignInPerson, roleTemplateIds: ReadonlySet<string | undefined>): boolean {
  const users = policy.conditions.users;
  if (users.excludeUsers.includes(person.id)) return false;
  if (users.includeUsers.includes('All')) return true;
  if (users.includeRoles.some((id) => roleTemplateIds.has(id))) return true;
  if (policy.displayName.includes('Finance')) return person.department === 'Finance';
  if (policy.displayName.includes('for IT')) return person.department === 'IT';
  return false;
}

function resultFor(policy: ConditionalAccessPolicy, inScope: boolean, situation: PolicySituation): string {
  if (!inScope || situation.stage === 'beforeGrant') return 'notApplied';
  const controls = policy.grantControls?.builtInControls ?? [];
  if (controls.includes('block')) {
    // Legacy clients are the only thing routine traffic is blocked for; every address is in a trusted country.
    const blocks = policy.conditions.clientAppTypes.includes('other') ? situation.stage === 'legacyBlocked' : false;
    return blocks ? 'failure' : 'notApplied';
  }
  if (situation.stage === 'legacyBlocked') return 'notApplied';
  if (controls.includes('compliantDevice')) return situation.stage === 'deviceBlocked' ? 'failure' : 'success';
  if (policy.sessionControls) return situation.managedDevice ? 'notApplied' : 'success';
  return 'success';
}
