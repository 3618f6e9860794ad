/**
 * A sign-in export for the load benchmarks: JSON Lines of Graph beta `signIn` records, one per
 * line, as a dump of `/beta/auditLogs/signIns` would write them (newest first, every field the
 * beta resource has, nulls included). 70% non-interactive, 27% interactive, 3% service
 * principals; 9 applied conditional access policies each; authentication details, device,
 * location with coordinates, status with error codes; ~2.9 KB a record. Deterministic (seeded),
 * and written beside a `.truth.json` of exact counts the generator knows it wrote, for a user,
 * an IP, an app and an error code, so the loader's counts can be checked against them.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cachedPath } from './sample-files.js';
import {
  guid, INTERACTIVE_ERRORS, makeApps, makePlaces, makeUsers, NON_INTERACTIVE_ERRORS, pick, pickSkewed, POLICIES, RESOURCES,
  seededRandom, SERVICE_PRINCIPALS, weighted, type App, type Place, type Random, type User,
} from './signin-vocab.js';

/** What the file holds of each probe value, counted as it was written. */
export interface SignInTruth {
  events: number;
  user: { value: string; count: number };
  ip: { value: string; count: number };
  app: { value: string; count: number };
  errorCode: { value: number; count: number };
  nonInteractive: number;
}

const SEED = 0x5eed15;
const END_MS = Date.parse('2026-11-30T23:59:59Z');

interface Tenant {
  users: User[];
  places: Place[];
  apps: App[];
  policyIds: string[];
  servicePrincipals: { id: string; appId: string; name: string }[];
}

function makeTenant(random: Random): Tenant {
  const places = makePlaces(random, 400);
  return {
    users: makeUsers(random, 3000, places.length),
    places,
    apps: makeApps(random),
    policyIds: POLICIES.map(() => guid(random)),
    servicePrincipals: SERVICE_PRINCIPALS.map((name) => ({ id: guid(random), appId: guid(random), name })),
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** 9 of the 12 policies, each with what it enforced and the result for this sign-in. */
function policiesFor(random: Random, tenant: Tenant, failedByCa: boolean, mfaDone: boolean) {
  const start = Math.floor(random() * POLICIES.length);
  const out = [];
  for (let k = 0; k < 9; k++) {
    const index = (start + k) % POLICIES.length;
    const [displayName, grants, sessions] = POLICIES[index];
    const reportOnly = displayName.startsWith('Report-only');
    const applies = random() < 0.45;
    const result = reportOnly ? (applies ? 'reportOnlySuccess' : 'reportOnlyNotApplied') : failedByCa && k === 0 ? 'failure' : applies ? (mfaDone || !grants.includes('Mfa' as never) ? 'success' : 'failure') : 'notApplied';
    out.push({
      id: tenant.policyIds[index],
      displayName,
      enforcedGrantControls: [...grants],
      enforcedSessionControls: [...sessions],
      result,
    });
  }
  return out;
}

function authenticationDetailsFor(random: Random, ms: number, interactive: boolean, code: number) {
  type Step = { authenticationStepDateTime: string; authenticationMethod: string; authenticationMethodDetail?: string | null; succeeded: boolean; authenticationStepResultDetail: string; authenticationStepRequirement: string };
  if (!interactive) {
    return [{ authenticationStepDateTime: iso(ms), authenticationMethod: 'Previously satisfied', succeeded: code === 0, authenticationStepResultDetail: code === 0 ? 'Satisfied by claim in the token' : 'Token expired', authenticationStepRequirement: 'Primary authentication' }];
  }
  const steps: Step[] = [{ authenticationStepDateTime: iso(ms - 4000), authenticationMethod: 'Password', authenticationMethodDetail: 'Password Hash Sync', succeeded: code !== 50126 && code !== 50053, authenticationStepResultDetail: code === 50126 ? 'Invalid username or password or Invalid on-premise username or password.' : 'Correct password', authenticationStepRequirement: 'Primary authentication' }];
  if (code === 0 || code === 50074 || code === 50076) {
    steps.push({ authenticationStepDateTime: iso(ms), authenticationMethod: pick(random, ['Mobile app notification', 'OATH verification code', 'Passkey (Microsoft Authenticator)']), authenticationMethodDetail: null, succeeded: code === 0, authenticationStepResultDetail: code === 0 ? 'MFA successfully completed' : 'MFA required in Azure AD', authenticationStepRequirement: 'Multifactor authentication' });
  }
  return steps;
}

/** One record; `counts` is told what was written of the probe values. */
function signIn(random: Random, tenant: Tenant, ms: number, seq: number) {
  const draw = random();
  const type = draw < 0.7 ? 'nonInteractiveUser' : draw < 0.97 ? 'interactiveUser' : 'servicePrincipal';
  const interactive = type === 'interactiveUser';
  const sp = type === 'servicePrincipal' ? pick(random, tenant.servicePrincipals) : null;
  const user = sp ? null : pickSkewed(random, tenant.users);
  // Mostly from the user's usual address; now and then anywhere (travel, a phone on mobile data, an attacker).
  const place = user && random() < 0.8 ? tenant.places[user.homeIp] : pickSkewed(random, tenant.places);
  const app = sp ? null : pickSkewed(random, tenant.apps);
  const [resourceName, resourceAppId] = pick(random, RESOURCES);
  const [code, , reason] = weighted(random, interactive ? INTERACTIVE_ERRORS : sp ? [[0, 1, ''] as const] : NON_INTERACTIVE_ERRORS);
  const device = user?.device;
  const caStatus = code === 53003 ? 'failure' : random() < 0.6 ? 'success' : 'notApplied';
  const correlationId = guid(random);
  return {
    id: `${guid(random).slice(0, 24)}${seq.toString(16).padStart(12, '0')}`,
    createdDateTime: iso(ms),
    userDisplayName: user?.displayName ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    userId: user?.id ?? null,
    appId: sp ? sp.appId : app!.appId,
    appDisplayName: sp ? sp.name : app!.displayName,
    ipAddress: place.ip,
    clientAppUsed: sp ? null : app!.clientAppUsed,
    userAgent: sp ? null : device!.userAgent,
    correlationId,
    conditionalAccessStatus: caStatus,
    isInteractive: interactive,
    riskLevelDuringSignIn: random() < 0.005 ? 'medium' : 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: resourceName,
    resourceId: resourceAppId,
    authenticationMethodsUsed: interactive && code === 0 ? ['Password', 'Mobile app notification'] : undefined,
    authenticationRequirement: interactive ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    servicePrincipalName: sp ? sp.name : null,
    signInEventTypes: [type],
    servicePrincipalId: sp ? sp.id : '',
    userType: user ? user.userType.toLowerCase() : 'member',
    autonomousSystemNumber: place.asn,
    incomingTokenType: interactive ? 'none' : pick(random, ['refreshToken', 'primaryRefreshToken', 'refreshToken']),
    authenticationProtocol: 'none',
    sessionId: user ? guid(random) : null,
    status: { errorCode: code, failureReason: code === 0 ? 'Other.' : reason, additionalDetails: null },
    deviceDetail: {
      deviceId: device?.deviceId ?? '',
      displayName: device?.displayName ?? '',
      operatingSystem: device?.operatingSystem ?? '',
      browser: device?.browser ?? '',
      isCompliant: device?.isCompliant ?? false,
      isManaged: device?.isManaged ?? false,
      trustType: device?.trustType ?? '',
    },
    location: { city: place.city, state: place.state, countryOrRegion: place.countryOrRegion },
    appliedConditionalAccessPolicies: policiesFor(random, tenant, caStatus === 'failure', code === 0),
    originalTransferMethod: 'none',
    authenticationDetails: sp ? [] : authenticationDetailsFor(random, ms, interactive, code),
  };
}

const truthPath = (path: string) => path.replace(/\.jsonl$/, '.truth.json');

/** The generated sign-in file of `events` records (made on first use, cached) and its counts. */
export async function signInFile(events: number): Promise<{ path: string; truth: SignInTruth }> {
  const path = cachedPath(`signins-${events}.jsonl`);
  if (existsSync(path) && existsSync(truthPath(path))) return { path, truth: JSON.parse(readFileSync(truthPath(path), 'utf8')) as SignInTruth };
  console.log(`  generating ${path} …`);
  const random = seededRandom(SEED);
  const tenant = makeTenant(random);
  // The probes: a busy user, a busy address, a common app, the wrong-password code.
  const probe = { user: tenant.users[1].userPrincipalName, ip: tenant.places[2].ip, app: tenant.apps[1].displayName, errorCode: 50126 };
  const truth: SignInTruth = { events, user: { value: probe.user, count: 0 }, ip: { value: probe.ip, count: 0 }, app: { value: probe.app, count: 0 }, errorCode: { value: probe.errorCode, count: 0 }, nonInteractive: 0 };
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  // Newest first, as Graph pages are; ~7 days whatever the size.
  const step = (7 * 86_400_000) / events;
  let ms = END_MS;
  let chunk = '';
  for (let seq = 0; seq < events; seq++) {
    ms -= Math.floor(random() * 2 * step) + 1;
    const record = signIn(random, tenant, ms, seq);
    if (record.userPrincipalName?.toLowerCase() === probe.user.toLowerCase()) truth.user.count++;
    if (record.ipAddress === probe.ip) truth.ip.count++;
    if (record.appDisplayName.toLowerCase() === probe.app.toLowerCase()) truth.app.count++;
    if (record.status.errorCode === probe.errorCode) truth.errorCode.count++;
    if (record.signInEventTypes[0] === 'nonInteractiveUser') truth.nonInteractive++;
    chunk += JSON.stringify(record) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).once('error', reject));
  writeFileSync(truthPath(path), JSON.stringify(truth, null, 2) + '\n');
  // Renamed last: an interrupted run never leaves a file that looks complete.
  renameSync(partial, path);
  return { path, truth };
}
