/**
 * A sign-in as Microsoft Graph `signIn` (beta shape, camelCase) writes it, whatever the input was
 * (Graph pages, the portal's download, diagnostic `SignInLogs` records, Log Analytics rows).
 * Readers fill every field; absent text is null, absent lists are empty, so the details view and
 * `--format json` never guard against `undefined`. Times are ISO 8601 in UTC ending in `Z`.
 */

export interface SignInStatus {
  /** 0 is success; 50074, 50140 … interrupts; other codes are failures. */
  errorCode: number;
  failureReason: string | null;
  additionalDetails: string | null;
}

export interface SignInLocation {
  city: string | null;
  state: string | null;
  countryOrRegion: string | null;
}

export interface SignInDevice {
  deviceId: string | null;
  displayName: string | null;
  operatingSystem: string | null;
  browser: string | null;
  isCompliant: boolean | null;
  isManaged: boolean | null;
  trustType: string | null;
}

export interface AppliedConditionalAccessPolicy {
  id: string | null;
  displayName: string | null;
  /** success | failure | notApplied | notEnabled | reportOnly… (as Graph writes it). */
  result: string | null;
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
}

export interface AuthenticationDetail {
  authenticationMethod: string | null;
  authenticationStepRequirement: string | null;
  authenticationStepResultDetail: string | null;
  succeeded: boolean | null;
  authenticationStepDateTime: string | null;
}

export interface SignIn {
  id: string;
  createdDateTime: string;
  userDisplayName: string | null;
  userPrincipalName: string | null;
  userId: string | null;
  userType: string | null;
  appDisplayName: string | null;
  appId: string | null;
  ipAddress: string | null;
  clientAppUsed: string | null;
  correlationId: string | null;
  conditionalAccessStatus: string | null;
  appliedConditionalAccessPolicies: AppliedConditionalAccessPolicy[];
  isInteractive: boolean | null;
  /** interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity. */
  signInEventTypes: string[];
  status: SignInStatus;
  location: SignInLocation;
  deviceDetail: SignInDevice;
  riskLevelDuringSignIn: string | null;
  riskLevelAggregated: string | null;
  riskState: string | null;
  riskDetail: string | null;
  riskEventTypes_v2: string[];
  authenticationRequirement: string | null;
  authenticationProtocol: string | null;
  originalTransferMethod: string | null;
  incomingTokenType: string | null;
  tokenIssuerType: string | null;
  authenticationDetails: AuthenticationDetail[];
  resourceDisplayName: string | null;
  resourceId: string | null;
  servicePrincipalName: string | null;
  servicePrincipalId: string | null;
  /** managedServiceIdentity.msiType when the sign-in is a managed identity's (systemAssigned, userAssigned). */
  managedIdentityType: string | null;
  uniqueTokenIdentifier: string | null;
  sessionId: string | null;
  userAgent: string | null;
}

/** The event types of the one Sign-ins pane, as Graph names them. */
export const SIGN_IN_EVENT_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] as const;

/** Codes that mean the user was asked for more (MFA, a device, a CA requirement), not refused: the portal's "Interrupted". */
export const INTERRUPT_CODES: ReadonlySet<number> = new Set([50055, 50072, 50074, 50076, 50079, 50097, 50125, 50129, 50140, 50143, 50144, 50158, 50199, 53003, 81010, 81012, 81014]);

/** Success, Failure or Interrupted, as the portal's Status column shows it (lower case, as audits' results are). */
export function signInStatusOf(signIn: SignIn): 'success' | 'failure' | 'interrupted' {
  const code = signIn.status.errorCode;
  if (code === 0) return 'success';
  return INTERRUPT_CODES.has(code) ? 'interrupted' : 'failure';
}

/** The one event type the table shows (the first Graph lists; the interactive flag when it lists none). */
export function signInEventTypeOf(signIn: SignIn): string {
  const first = signIn.signInEventTypes[0];
  if (first) return first;
  if (signIn.servicePrincipalId && !signIn.userId) return signIn.managedIdentityType ? 'managedIdentity' : 'servicePrincipal';
  return signIn.isInteractive === false ? 'nonInteractiveUser' : 'interactiveUser';
}

/** A service principal or managed identity signed in, not a user: the table marks it ⚙. */
export const isServicePrincipalSignIn = (signIn: SignIn): boolean => {
  const type = signInEventTypeOf(signIn);
  return type === 'servicePrincipal' || type === 'managedIdentity';
};

/** City, state, country as one place name ("Lagos, Lagos, NG"), empty parts left out. */
export const locationText = (location: SignInLocation): string =>
  [location.city, location.state, location.countryOrRegion].filter((part): part is string => !!part).join(', ');
