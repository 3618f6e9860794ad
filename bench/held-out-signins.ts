/**
 * A held-out sign-in file: not our generator's shape. Written as a diagnostic setting writes sign-in
 * logs to a storage account or Event Hub (one record a line, Azure's envelope fields at the top, the
 * Graph sign-in under `properties`, the four categories mixed, 70% non-interactive), and as .NET
 * writes JSON: `&`, `<`, `>` and `'` escaped as `\u0026`, `\u003c`, `\u003e`, `\u0027` (conditional
 * access policy names and user agents hold them). Values are drawn from pools unlike ours (400
 * users, 700 IPv4 and IPv6 addresses, 35 apps, 8 error codes), so the counts of one user, one IP,
 * one app and one error code are known: written beside the file as its truth, and counted by DuckDB
 * over the same file with conditions on the record's own nesting.
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CountFilter } from './duckdb.js';
import { seededIndex } from './signin-vocab.js';
import { cachedPath } from './sample-files.js';

export interface HeldOutSignInTruth {
  events: number;
  user: { value: string; count: number };
  ip: { value: string; count: number };
  app: { value: string; count: number };
  error: { value: number; count: number };
}

const TENANT = '5d7e9f1a-3b5c-4d6e-8f0a-2b4c6d8e0f1a';
const CATEGORIES = ['NonInteractiveUserSignInLogs', 'SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'NonInteractiveUserSignInLogs', 'NonInteractiveUserSignInLogs', 'ManagedIdentitySignInLogs', 'NonInteractiveUserSignInLogs', 'NonInteractiveUserSignInLogs', 'NonInteractiveUserSignInLogs'];
const POLICIES = ['Require MFA for admins', 'Block legacy authentication', 'Require compliant device for Office & SharePoint', "Partners' session timeout", 'Block sign-ins from <untrusted> countries', 'Require MFA for Azure management', 'Terms of use for guests', 'Require app protection (iOS & Android)', 'Sign-in risk > medium: require MFA'];
const RESULTS = ['success', 'notApplied', 'notApplied', 'reportOnlyNotApplied', 'notApplied', 'failure', 'notApplied', 'reportOnlySuccess', 'notApplied'];
const ERRORS = [0, 0, 0, 50126, 50140, 50074, 53003, 70044, 500121, 50053];
const FAILURES: Record<number, string> = { 0: 'Other.', 50126: "Error validating credentials due to invalid username or password.", 50140: "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.", 50074: 'Strong Authentication is required.', 53003: 'Access has been blocked by Conditional Access policies.', 70044: 'The session has expired or is invalid due to sign-in frequency checks by conditional access.', 500121: 'Authentication failed during strong authentication request.', 50053: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.' };
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Microsoft Authentication Library (MSAL) & Windows <broker>', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', "Azure CLI 2.67 'az login'"];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A GUID of its own for each `n` and `salt`: unlike our generator's, no counter in the last group. */
function guid(n: number, salt: number): string {
  let h = (Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b)) >>> 0;
  const parts: number[] = [];
  for (let k = 0; k < 4; k++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    parts.push(h);
  }
  const [a, b, c, d] = parts;
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${hex(8 + (c >>> 30), 1)}${hex((c >>> 16) & 0xfff, 3)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
}

const USERS = Array.from({ length: 400 }, (_, k) => ({ upn: `${['amara', 'bogdan', 'chiara', 'dmitri', 'esi', 'farid', 'gunnhild', 'hiro'][k % 8]}.${k}@fabrikam-heldout.example`, name: `${['Amara', 'Bogdan', 'Chiara', 'Dmitri', 'Esi', 'Farid', 'Gunnhild', 'Hiro'][k % 8]} Held-Out ${k}`, id: guid(k, 1) }));
const IPS = Array.from({ length: 700 }, (_, k) => (k % 5 === 4 ? `2001:db8:${hex(k * 13, 4)}::${hex(k, 1)}` : `203.0.${k % 256}.${(k * 37) % 250 + 3}`));
const APPS = Array.from({ length: 35 }, (_, k) => ({ name: `Contoso ${['Payroll', 'Wiki', 'CRM', 'Build Agent', 'Mail Relay', 'Portal', 'Backup'][k % 7]} ${k}`, id: guid(k, 2) }));

/** .NET's default JSON escaping of HTML-sensitive characters (only ever inside strings in JSON text). */
const dotnetEscape = (json: string) => json.replace(/[&<>']/g, (c) => `\\u00${hex(c.charCodeAt(0), 2)}`);

/** The file and its truth (made once, then reused from the bench's cache folder). */
export async function heldOutSignInFile(events: number): Promise<{ path: string; truth: HeldOutSignInTruth }> {
  const path = cachedPath(`heldout-signins-${events}.jsonl`);
  const truthPath = `${path}.truth.json`;
  if (existsSync(path) && existsSync(truthPath)) return { path, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as HeldOutSignInTruth };
  console.log(`  writing ${path} (diagnostic-setting sign-ins, .NET escaping) …`);
  const truth: HeldOutSignInTruth = { events, user: { value: USERS[17].upn, count: 0 }, ip: { value: IPS[349], count: 0 }, app: { value: APPS[11].name, count: 0 }, error: { value: 50126, count: 0 } };
  const out = createWriteStream(path);
  const start = Date.parse('2026-03-02T00:00:00Z');
  const next = seededIndex(4_260_301);
  for (let i = 0; i < events; i++) {
    const user = USERS[next(USERS.length)];
    const ip = IPS[next(IPS.length)];
    const app = APPS[next(APPS.length)];
    const error = ERRORS[next(ERRORS.length)];
    const category = CATEGORIES[i % CATEGORIES.length];
    const servicePrincipal = category === 'ServicePrincipalSignInLogs' || category === 'ManagedIdentitySignInLogs';
    const time = new Date(start + i * 87 + next(80)).toISOString().replace('Z', '4417Z');
    const correlationId = guid(i, 3);
    const policies = category === 'NonInteractiveUserSignInLogs' || category === 'SignInLogs' ? POLICIES.map((displayName, k) => ({ id: guid(k, 4), displayName, enforcedGrantControls: k % 3 === 0 ? ['Mfa'] : ['Block'], enforcedSessionControls: k === 3 ? ['SignInFrequency'] : [], result: RESULTS[(k + i) % RESULTS.length], conditionsSatisfied: 3, conditionsNotSatisfied: k % 4 })) : [];
    const properties = {
      id: guid(i, 5),
      createdDateTime: time,
      userDisplayName: servicePrincipal ? null : user.name,
      userPrincipalName: servicePrincipal ? null : user.upn,
      userId: servicePrincipal ? null : user.id,
      appId: app.id,
      appDisplayName: app.name,
      ipAddress: ip,
      status: { errorCode: error, ...(error === 0 ? {} : { failureReason: FAILURES[error] }) },
      clientAppUsed: category === 'SignInLogs' ? 'Browser' : 'Mobile Apps and Desktop clients',
      userAgent: AGENTS[i % AGENTS.length],
      deviceDetail: { deviceId: i % 3 === 0 ? '' : guid(i % 97, 6), displayName: `HO-LAPTOP-${i % 97}`, operatingSystem: 'Windows10', browser: 'Edge 131.0.0', isCompliant: i % 3 !== 0, isManaged: i % 3 !== 0, trustType: 'Azure AD joined' },
      location: { city: ['Lagos', 'Oslo', 'Osaka', 'Porto'][i % 4], state: '', countryOrRegion: ['NG', 'NO', 'JP', 'PT'][i % 4], geoCoordinates: { latitude: 6.45, longitude: 3.39 } },
      correlationId,
      conditionalAccessStatus: policies.length === 0 ? 'notApplied' : error === 53003 ? 'failure' : 'success',
      appliedConditionalAccessPolicies: policies,
      authenticationDetails: [{ authenticationMethod: 'Previously satisfied', succeeded: error === 0, authenticationStepDateTime: time }],
      isInteractive: category === 'SignInLogs',
      tokenIssuerType: 'AzureAD',
      resourceDisplayName: 'Microsoft Graph',
      resourceId: '00000003-0000-0000-c000-000000000000',
      servicePrincipalName: servicePrincipal ? app.name : null,
      servicePrincipalId: servicePrincipal ? guid(i % 35, 7) : null,
      riskLevelDuringSignIn: 'none',
      riskState: 'none',
    };
    const record = { time, resourceId: `/tenants/${TENANT}/providers/Microsoft.aadiam`, operationName: 'Sign-in activity', operationVersion: '1.0', category, tenantId: TENANT, resultType: String(error), resultSignature: 'None', resultDescription: error === 0 ? '' : FAILURES[error], durationMs: 0, callerIpAddress: ip, correlationId, identity: servicePrincipal ? app.name : user.name, Level: 4, location: properties.location.countryOrRegion, properties };
    if (!servicePrincipal && user.upn === truth.user.value) truth.user.count++;
    if (ip === truth.ip.value) truth.ip.count++;
    if (app.name === truth.app.value) truth.app.count++;
    if (error === truth.error.value) truth.error.count++;
    if (!out.write(`${dotnetEscape(JSON.stringify(record))}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  writeFileSync(truthPath, JSON.stringify(truth));
  return { path, truth };
}

const sql = (value: string) => `'${value.replace(/'/g, "''")}'`;
const PROPERTIES = 'STRUCT(userPrincipalName VARCHAR, userDisplayName VARCHAR, userId VARCHAR, servicePrincipalName VARCHAR, servicePrincipalId VARCHAR, ipAddress VARCHAR, appDisplayName VARCHAR, appId VARCHAR, status STRUCT(errorCode BIGINT))';
const anyEqual = (value: string, expressions: string[]) => `lower(${sql(value)}) IN (${expressions.map((e) => `lower(properties.${e})`).join(', ')})`;

/** The four counts, ours and DuckDB's conditions, each with what the generator wrote. */
export function heldOutSignInFilters(truth: HeldOutSignInTruth): Array<{ filter: CountFilter; expected: number }> {
  const columns = { properties: PROPERTIES };
  return [
    { filter: { label: 'user', query: `user:="${truth.user.value}"`, columns, where: anyEqual(truth.user.value, ['userPrincipalName', 'userDisplayName', 'userId', 'servicePrincipalName', 'servicePrincipalId']) }, expected: truth.user.count },
    { filter: { label: 'IP', query: `ip:=${truth.ip.value}`, columns, where: `lower(properties.ipAddress) = lower(${sql(truth.ip.value)})` }, expected: truth.ip.count },
    { filter: { label: 'app', query: `app:="${truth.app.value}"`, columns, where: anyEqual(truth.app.value, ['appDisplayName', 'appId']) }, expected: truth.app.count },
    { filter: { label: 'error', query: `error:=${truth.error.value}`, columns, where: `properties.status.errorCode = ${truth.error.value}` }, expected: truth.error.count },
  ];
}
