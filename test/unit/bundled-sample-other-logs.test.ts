/**
 * The sign-ins and provisioning records of the bundled sample, read straight from the file (not
 * through the loader): the shapes the readers expect, the incident's sign-ins before and around
 * its audits, the routine traffic's innocence of the attacker's address, and data/README.md's
 * figures, which must be the file's.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/model/audit-event.js';
import type { ProvisioningRecord } from '../../src/model/provisioning.js';
import { signInStatusOf, type SignIn } from '../../src/model/sign-in.js';
import { bundledSamplePath } from '../../src/paths.js';
import { SampleClock } from '../../src/sample/clock.js';
import { SAMPLE_INCIDENT } from '../../src/sample/incident.js';
import { SAMPLE_INCIDENT_SIGN_INS, incidentSignInFacts } from '../../src/sample/incident-sign-ins.js';
import { DEFAULT_SAMPLE_OPTIONS } from '../../src/sample/options.js';
import { peopleSignIns } from '../../src/sample/people-sign-ins.js';
import { createTenant } from '../../src/sample/tenant.js';
import { workloadSignIns } from '../../src/sample/workload-sign-ins.js';

const records: Array<AuditEvent | SignIn | ProvisioningRecord> = gunzipSync(readFileSync(bundledSamplePath()))
  .toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
const audits = records.filter((record): record is AuditEvent => 'activityDisplayName' in record);
const signIns = records.filter((record): record is SignIn => 'createdDateTime' in record && 'signInEventTypes' in record);
const provisioning = records.filter((record): record is ProvisioningRecord => 'provisioningAction' in record);
const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');

const ISO_7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const timeOf = (record: AuditEvent | SignIn | ProvisioningRecord) => ('createdDateTime' in record ? record.createdDateTime : record.activityDateTime);
const attacker = SAMPLE_INCIDENT_SIGN_INS.attackerIp;
const fromAttacker = signIns.filter((signIn) => signIn.ipAddress === attacker);
const n = (value: number) => value.toLocaleString('en-US');

/** Every key of the Graph signIn shape, checked against the model by the compiler. */
const SIGN_IN_KEYS = Object.keys({
  id: 1, createdDateTime: 1, userDisplayName: 1, userPrincipalName: 1, userId: 1, userType: 1, appDisplayName: 1, appId: 1,
  ipAddress: 1, clientAppUsed: 1, correlationId: 1, conditionalAccessStatus: 1, appliedConditionalAccessPolicies: 1,
  isInteractive: 1, signInEventTypes: 1, status: 1, location: 1, deviceDetail: 1, riskLevelDuringSignIn: 1,
  riskLevelAggregated: 1, riskState: 1, riskDetail: 1, riskEventTypes_v2: 1, authenticationRequirement: 1,
  authenticationProtocol: 1, originalTransferMethod: 1, incomingTokenType: 1, tokenIssuerType: 1, authenticationDetails: 1,
  resourceDisplayName: 1, resourceId: 1, servicePrincipalName: 1, servicePrincipalId: 1, managedIdentityType: 1,
  uniqueTokenIdentifier: 1, sessionId: 1, userAgent: 1,
} satisfies Record<keyof SignIn, 1>).sort();

describe('bundled sample: the other logs', () => {
  it('interleaves everything in time order, audits first in a tie', () => {
    for (let i = 1; i < records.length; i++) expect(timeOf(records[i - 1]) <= timeOf(records[i])).toBe(true);
    expect(audits.length + signIns.length + provisioning.length).toBe(records.length);
  });

  it('writes sign-ins in the Graph signIn shape, every field present', () => {
    expect(signIns.length).toBeGreaterThanOrEqual(3000);
    expect(signIns.length).toBeLessThanOrEqual(6000);
    for (const signIn of signIns) {
      expect(Object.keys(signIn).sort()).toEqual(SIGN_IN_KEYS);
      expect(signIn.createdDateTime).toMatch(ISO_7);
      expect(signIn.signInEventTypes).toHaveLength(1);
      if (signIn.userId) expect(signIn.appliedConditionalAccessPolicies.length).toBeGreaterThanOrEqual(2);
      expect(signIn.appliedConditionalAccessPolicies.length).toBeLessThanOrEqual(7);
      expect(['none', 'hidden']).toContain(signIn.riskLevelDuringSignIn);
    }
    expect(new Set(signIns.map((signIn) => signIn.id)).size).toBe(signIns.length);
  });

  it('has the spray: twelve accounts refused with 50126 from the attacker, two of them locked', () => {
    const sprayed = new Set(fromAttacker.filter((s) => s.status.errorCode === 50126 && s.userPrincipalName !== SAMPLE_INCIDENT.compromisedUser.userPrincipalName).map((s) => s.userPrincipalName));
    expect([...sprayed].sort()).toEqual([...SAMPLE_INCIDENT_SIGN_INS.sprayAccounts].sort());
    expect(sprayed.size).toBe(12);
    expect(fromAttacker.filter((s) => s.status.errorCode === 50053).map((s) => s.userPrincipalName)).toEqual(SAMPLE_INCIDENT_SIGN_INS.lockedAccounts);
    expect(SAMPLE_INCIDENT_SIGN_INS.sprayStartsAt.startsWith('2026-11-19T02:20')).toBe(true);
    // data/README.md counts the wrong passwords from the address: the spray's and Maren's first.
    expect(readme).toContain(`${fromAttacker.filter((s) => s.status.errorCode === 50126).length} of them from one address`);
  });

  it("has Maren's way in: a wrong password, MFA asked, a push ignored, one approved, before the first audited change", () => {
    const maren = fromAttacker.filter((s) => s.userPrincipalName === SAMPLE_INCIDENT.compromisedUser.userPrincipalName && s.isInteractive);
    expect(maren.map((s) => s.status.errorCode)).toEqual([50126, 50074, 500121, 50074, 0]);
    const success = maren[maren.length - 1];
    expect(success.id).toBe(SAMPLE_INCIDENT_SIGN_INS.attackerSignIn.id);
    expect(success.createdDateTime).toBe(SAMPLE_INCIDENT_SIGN_INS.attackerSignIn.createdDateTime);
    expect(success.createdDateTime < SAMPLE_INCIDENT.startsAt).toBe(true);
    expect(success.createdDateTime.slice(0, 16)).toBe('2026-11-19T02:44');
    expect(success.userAgent).toBe(SAMPLE_INCIDENT.attackerUserAgent);
    expect(success.appDisplayName).toBe('Azure Portal');
    expect(success.authenticationRequirement).toBe('multiFactorAuthentication');
    const home = signIns.find((s) => s.userPrincipalName === SAMPLE_INCIDENT.compromisedUser.userPrincipalName && s.ipAddress !== attacker);
    expect(home?.location.countryOrRegion).toBe('GB');
    expect(success.location.countryOrRegion).not.toBe(home?.location.countryOrRegion);
  });

  it("refreshes the attacker's session silently during the audited changes", () => {
    const refreshes = fromAttacker.filter((s) => s.sessionId === SAMPLE_INCIDENT_SIGN_INS.attackerSignIn.sessionId && !s.isInteractive);
    expect(refreshes).toHaveLength(SAMPLE_INCIDENT_SIGN_INS.refreshCount);
    for (const refresh of refreshes) {
      expect(refresh.signInEventTypes).toEqual(['nonInteractiveUser']);
      expect(refresh.createdDateTime >= '2026-11-19T02:47').toBe(true);
      expect(refresh.createdDateTime <= SAMPLE_INCIDENT.endsAt).toBe(true);
    }
  });

  it('signs the new account in from the attacker before it registers security info', () => {
    const registered = SAMPLE_INCIDENT.events.find((event) => event.activity === 'User registered security info')!.activityDateTime;
    const first = fromAttacker.find((s) => s.userPrincipalName === SAMPLE_INCIDENT.attackerAccount.userPrincipalName);
    expect(first?.id).toBe(SAMPLE_INCIDENT_SIGN_INS.newAccountSignIns[0].id);
    expect(first!.createdDateTime < registered).toBe(true);
    expect(first!.createdDateTime.slice(0, 15)).toBe('2026-11-19T03:0');
  });

  it('keeps the attacker address out of routine sign-ins', () => {
    expect(fromAttacker).toHaveLength(SAMPLE_INCIDENT_SIGN_INS.signInCount);
    for (const signIn of fromAttacker) expect(signIn.createdDateTime.slice(0, 13) >= '2026-11-19T02' && signIn.createdDateTime < '2026-11-19T03:21').toBe(true);
    const tenant = createTenant(DEFAULT_SAMPLE_OPTIONS.seed);
    const clock = new SampleClock(DEFAULT_SAMPLE_OPTIONS.end, DEFAULT_SAMPLE_OPTIONS.days);
    const routine = [...peopleSignIns(tenant, clock), ...workloadSignIns(tenant, clock)];
    expect(routine.some(({ record }) => record.ipAddress === attacker)).toBe(false);
    expect(routine.length + SAMPLE_INCIDENT_SIGN_INS.signInCount).toBe(signIns.length);
    expect(incidentSignInFacts(DEFAULT_SAMPLE_OPTIONS)).toEqual(SAMPLE_INCIDENT_SIGN_INS);
  });

  it('provisions joiners after their Add user, disables leavers after they go, skips the new account', () => {
    expect(provisioning.length).toBeGreaterThanOrEqual(200);
    expect(provisioning.length).toBeLessThanOrEqual(600);
    const addedAt = new Map<string, string>();
    const goneAt = new Map<string, string>();
    for (const event of audits) {
      const id = event.targetResources[0]?.id ?? '';
      if (event.result !== 'success') continue;
      if (event.activityDisplayName === 'Add user' && !addedAt.has(id)) addedAt.set(id, event.activityDateTime);
      if (event.activityDisplayName === 'Delete user' || event.activityDisplayName === 'Disable account') goneAt.set(id, goneAt.get(id) ?? event.activityDateTime);
    }
    for (const record of provisioning) {
      expect(record.activityDateTime).toMatch(ISO_7);
      expect(record.jobId).toMatch(/^ServiceNowOutDelta\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
      expect(record.targetSystem.displayName).toBe('ServiceNow');
      expect(record.initiatedBy.displayName).toBe('Azure AD Provisioning Service');
      const id = record.sourceIdentity.id ?? '';
      if (record.provisioningAction === 'create') expect(addedAt.get(id)! < record.activityDateTime).toBe(true);
      if (record.provisioningAction === 'disable') expect(goneAt.get(id)! < record.activityDateTime).toBe(true);
      if (record.provisioningStatusInfo.status === 'failure') expect(record.provisioningStatusInfo.errorInformation?.errorCode).toBeTruthy();
    }
    const newAccount = provisioning.filter((record) => record.sourceIdentity.id === SAMPLE_INCIDENT.attackerAccount.id);
    expect(newAccount.map((record) => [record.provisioningAction, record.provisioningStatusInfo.status])).toEqual([['other', 'skipped']]);
  });
});

describe('data/README.md tells the figures of the file', () => {
  it('gives the lines of each log', () => {
    expect(readme).toContain(`**${n(records.length)} lines**: ${n(audits.length)} directory audits, ${n(signIns.length)} sign-ins and ${n(provisioning.length)} provisioning records`);
  });

  it('gives sign-ins by event type and status', () => {
    for (const type of ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity']) {
      const ofType = signIns.filter((signIn) => signIn.signInEventTypes[0] === type);
      const count = (status: string) => n(ofType.filter((signIn) => signInStatusOf(signIn) === status).length);
      expect(readme).toContain(`| \`${type}\` | ${n(ofType.length)} | ${count('success')} | ${count('failure')} | ${count('interrupted')} |`);
    }
    for (const code of [50126, 50053, 50055, 50074]) {
      expect(readme).toContain(`\`${code}\` × ${n(signIns.filter((signIn) => signIn.status.errorCode === code).length)}`);
    }
  });

  it('gives provisioning by action and status', () => {
    for (const action of ['create', 'update', 'disable', 'other']) {
      const ofAction = provisioning.filter((record) => record.provisioningAction === action);
      const count = (status: string) => n(ofAction.filter((record) => record.provisioningStatusInfo.status === status).length);
      expect(readme).toContain(`| \`${action}\` | ${n(ofAction.length)} | ${count('success')} | ${count('failure')} | ${count('skipped')} |`);
    }
    expect(readme).toContain(`${n(new Set(provisioning.map((record) => record.cycleId)).size)} cycles`);
  });

  it('tells the incident sign-ins as the facts have them', () => {
    const facts = SAMPLE_INCIDENT_SIGN_INS;
    for (const text of [
      facts.attackerSignIn.id, facts.attackerSignIn.createdDateTime, facts.sprayStartsAt, facts.sprayEndsAt,
      ...facts.sprayAccounts, ...facts.lockedAccounts, ...facts.newAccountSignIns.map((s) => s.createdDateTime),
      ...facts.compromisedUserSignIns.map((s) => s.createdDateTime.slice(11, 19)),
      `${facts.refreshCount} silent refreshes`, `${facts.signInCount} sign-ins`,
    ]) expect(readme).toContain(text);
  });
});
