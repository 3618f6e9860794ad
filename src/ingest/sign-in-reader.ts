/**
 * A Graph `signIn` from any object that carries (parts of) its tree, in any key case: Graph pages
 * (v1.0 and beta, camelCase), Graph PowerShell (PascalCase, `AdditionalProperties`), a diagnostic
 * record's `properties`, and Log Analytics rows (PascalCase columns, dynamic columns as objects
 * or as JSON text). What the record lacks, its envelope may say (`fallbacks`); what neither says
 * is null or empty. Every format's normaliser for sign-ins ends here, so the model is filled once.
 */
import type { AppliedConditionalAccessPolicy, AuthenticationDetail, SignIn, SignInDevice, SignInLocation, SignInStatus } from '../model/sign-in.js';
import { parseTimestamp } from '../text/timestamp.js';
import { arrayOf, booleanOrNull, field, nonEmptyTextOrNull, numberOrNull, objectOrNull, text, textList, type JsonObject } from './fields.js';
import { ownRecordNormalised, type Normalised } from './format.js';
import { withAdditionalProperties } from './graph-shape.js';

/** What the record's envelope knows when the record does not (diagnostic outer record, Log Analytics columns). */
export interface SignInFallbacks {
  time?: unknown;
  ipAddress?: unknown;
  correlationId?: unknown;
  /** The error code as text ("0", "50126"): diagnostic `resultType`, Log Analytics `ResultType`. */
  resultType?: unknown;
  resultDescription?: unknown;
  resultSignature?: unknown;
  /** Who signed in, as the diagnostic record names them (a user's or a service principal's display name). */
  identity?: unknown;
  /** Country or region code (diagnostic `location`). */
  country?: unknown;
}

export interface SignInReadOptions {
  fallbacks?: SignInFallbacks;
  /** The event type the source says (the diagnostic category or table), used when the record lists none. */
  eventType?: string | null;
  /** Log Analytics: `ResourceIdentity` is the resource's app id, `ResourceId` the workspace resource path. */
  logAnalytics?: boolean;
}

/** Each object the tree holds, with PowerShell's parked keys folded back in. */
const objectAt = (value: unknown): JsonObject | null => {
  const obj = objectOrNull(value);
  return obj ? withAdditionalProperties(obj) : null;
};

/** `field` for a possibly absent object. */
const at = (obj: JsonObject | null, ...names: string[]): unknown => (obj ? field(obj, ...names) : undefined);

/** The first of `names` holding a list (a dynamic column may be absent, empty text or bad JSON text). */
function firstList(obj: JsonObject, ...names: string[]): unknown[] {
  for (const name of names) {
    const list = arrayOf(field(obj, name));
    if (list.length > 0) return list;
  }
  return [];
}

/** Sign-in status words Log Analytics and the 2019 diagnostic schema write for "no error" beside the numeric code. */
const NOT_A_REASON = /^(none|success|succeeded|0)$/i;

function readStatus(record: JsonObject, fallbacks: SignInFallbacks): SignInStatus | null {
  const status = objectAt(field(record, 'status'));
  const errorCode = numberOrNull(at(status, 'errorCode')) ?? numberOrNull(fallbacks.resultType);
  if (errorCode === null) return null;
  const fallbackReason = [fallbacks.resultDescription, fallbacks.resultSignature].map(nonEmptyTextOrNull).find((reason) => reason && !NOT_A_REASON.test(reason)) ?? null;
  return {
    errorCode,
    failureReason: nonEmptyTextOrNull(at(status, 'failureReason')) ?? (errorCode !== 0 ? fallbackReason : null),
    additionalDetails: nonEmptyTextOrNull(at(status, 'additionalDetails')),
  };
}

function readLocation(record: JsonObject, fallbacks: SignInFallbacks): SignInLocation {
  // Log Analytics: `LocationDetails` is the object and `Location` the country code; Graph: `location` is the object.
  const location = objectAt(field(record, 'locationDetails')) ?? objectAt(field(record, 'location'));
  const countryColumn = field(record, 'location');
  const country = typeof countryColumn === 'string' ? countryColumn : fallbacks.country;
  return {
    city: nonEmptyTextOrNull(at(location, 'city')),
    state: nonEmptyTextOrNull(at(location, 'state')),
    countryOrRegion: nonEmptyTextOrNull(at(location, 'countryOrRegion')) ?? nonEmptyTextOrNull(country),
  };
}

function readDevice(record: JsonObject): SignInDevice {
  const device = objectAt(field(record, 'deviceDetail'));
  return {
    deviceId: nonEmptyTextOrNull(at(device, 'deviceId')),
    displayName: nonEmptyTextOrNull(at(device, 'displayName')),
    operatingSystem: nonEmptyTextOrNull(at(device, 'operatingSystem')),
    browser: nonEmptyTextOrNull(at(device, 'browser')),
    isCompliant: booleanOrNull(at(device, 'isCompliant')),
    isManaged: booleanOrNull(at(device, 'isManaged')),
    trustType: nonEmptyTextOrNull(at(device, 'trustType')),
  };
}

function readPolicy(value: unknown): AppliedConditionalAccessPolicy | null {
  const policy = objectAt(value);
  if (!policy) return null;
  return {
    id: nonEmptyTextOrNull(field(policy, 'id')),
    displayName: nonEmptyTextOrNull(field(policy, 'displayName')),
    result: nonEmptyTextOrNull(field(policy, 'result')),
    enforcedGrantControls: textList(field(policy, 'enforcedGrantControls')),
    enforcedSessionControls: textList(field(policy, 'enforcedSessionControls')),
  };
}

function readAuthenticationDetail(value: unknown): AuthenticationDetail | null {
  const step = objectAt(value);
  if (!step) return null;
  return {
    authenticationMethod: nonEmptyTextOrNull(field(step, 'authenticationMethod')),
    authenticationStepRequirement: nonEmptyTextOrNull(field(step, 'authenticationStepRequirement')),
    authenticationStepResultDetail: nonEmptyTextOrNull(field(step, 'authenticationStepResultDetail')),
    succeeded: booleanOrNull(field(step, 'succeeded')),
    // The model keeps times in UTC ISO text; a step time that is no date is no time.
    authenticationStepDateTime: parseTimestamp(field(step, 'authenticationStepDateTime'))?.iso ?? null,
  };
}

/** managedServiceIdentity.msiType; "none" is Graph's way of saying the sign-in is no managed identity's. */
function managedIdentityTypeOf(record: JsonObject): string | null {
  const type = nonEmptyTextOrNull(at(objectAt(field(record, 'managedServiceIdentity')), 'msiType'));
  return type && type.toLowerCase() !== 'none' ? type : null;
}

/**
 * The record's own list; else what its source says (the category or table); else, as Graph
 * v1.0 (which has no signInEventTypes) implies: a managed identity, a service principal without
 * a user, or a user's sign-in, interactive or not.
 */
function eventTypesOf(record: JsonObject, signIn: Omit<SignIn, 'signInEventTypes'>, sourceType: string | null | undefined): string[] {
  const listed = textList(field(record, 'signInEventTypes'));
  if (listed.length > 0) return listed;
  if (sourceType) return [sourceType];
  if (signIn.managedIdentityType) return ['managedIdentity'];
  if (signIn.servicePrincipalId && !signIn.userId && !signIn.userPrincipalName) return ['servicePrincipal'];
  if (signIn.isInteractive === true) return ['interactiveUser'];
  if (signIn.isInteractive === false) return ['nonInteractiveUser'];
  return [];
}

const isServicePrincipalType = (type: string | null | undefined): boolean => type === 'servicePrincipal' || type === 'managedIdentity';

/**
 * The sign-in, or why it cannot be one. A time and an error code are required: a sign-in
 * nobody can place on a timeline, or whose success nobody can tell, is reported, not guessed.
 */
export function readSignIn(raw: JsonObject, options: SignInReadOptions = {}): Normalised {
  const record = withAdditionalProperties(raw);
  const fallbacks = options.fallbacks ?? {};
  const rawTime = field(record, 'createdDateTime') ?? fallbacks.time;
  if (rawTime === undefined || rawTime === null || rawTime === '') return { reason: 'sign-in without createdDateTime' };
  const time = parseTimestamp(rawTime);
  if (!time) return { reason: `sign-in createdDateTime ${JSON.stringify(text(rawTime).slice(0, 60))} is not a date` };
  const status = readStatus(record, fallbacks);
  if (!status) return { reason: 'sign-in without status.errorCode or resultType: whether it succeeded is unknown' };

  const str = (name: string) => nonEmptyTextOrNull(field(record, name));
  const userId = str('userId');
  const userPrincipalName = str('userPrincipalName');
  const servicePrincipalId = str('servicePrincipalId');
  const sourceSaysServicePrincipal = isServicePrincipalType(options.eventType);
  const identity = nonEmptyTextOrNull(fallbacks.identity);
  // One literal, its last member filled in after: a spread copy of this 40-member object kept
  // ~700 KB of young objects alive through each scavenge (reading 100k sign-ins 2.2 s -> 1.2 s).
  const signIn: SignIn = {
    id: text(field(record, 'id')),
    createdDateTime: time.iso,
    userDisplayName: str('userDisplayName') ?? (sourceSaysServicePrincipal ? null : identity),
    userPrincipalName,
    userId,
    userType: str('userType'),
    appDisplayName: str('appDisplayName'),
    appId: str('appId'),
    ipAddress: str('ipAddress') ?? nonEmptyTextOrNull(fallbacks.ipAddress),
    clientAppUsed: str('clientAppUsed'),
    correlationId: str('correlationId') ?? nonEmptyTextOrNull(fallbacks.correlationId),
    conditionalAccessStatus: str('conditionalAccessStatus'),
    appliedConditionalAccessPolicies: firstList(record, 'appliedConditionalAccessPolicies', 'conditionalAccessPolicies')
      .map(readPolicy)
      .filter((policy): policy is AppliedConditionalAccessPolicy => policy !== null),
    isInteractive: booleanOrNull(field(record, 'isInteractive')),
    status,
    location: readLocation(record, fallbacks),
    deviceDetail: readDevice(record),
    riskLevelDuringSignIn: str('riskLevelDuringSignIn'),
    riskLevelAggregated: str('riskLevelAggregated'),
    riskState: str('riskState'),
    riskDetail: str('riskDetail'),
    // PowerShell names it RiskEventTypesV2; before v2, Graph had riskEventTypes only.
    riskEventTypes_v2: textList(field(record, 'riskEventTypes_v2', 'riskEventTypesV2') ?? field(record, 'riskEventTypes')),
    authenticationRequirement: str('authenticationRequirement'),
    authenticationProtocol: str('authenticationProtocol'),
    originalTransferMethod: str('originalTransferMethod'),
    incomingTokenType: str('incomingTokenType'),
    tokenIssuerType: str('tokenIssuerType'),
    authenticationDetails: firstList(record, 'authenticationDetails')
      .map(readAuthenticationDetail)
      .filter((step): step is AuthenticationDetail => step !== null),
    resourceDisplayName: str('resourceDisplayName'),
    resourceId: options.logAnalytics ? str('resourceIdentity') : str('resourceId'),
    servicePrincipalName: str('servicePrincipalName') ?? (sourceSaysServicePrincipal ? identity : null),
    servicePrincipalId,
    managedIdentityType: managedIdentityTypeOf(record),
    uniqueTokenIdentifier: str('uniqueTokenIdentifier'),
    sessionId: str('sessionId'),
    userAgent: str('userAgent'),
    signInEventTypes: [],
  };
  signIn.signInEventTypes = eventTypesOf(record, signIn, options.eventType);
  return ownRecordNormalised({ kind: 'sign-in', signIn }, time);
}
