/**
 * The incident as the sign-in log tells it, before and around the audits in incident.ts:
 *   1. 02:20 — a password spray from 203.0.113.66 (python-requests, ROPC to Azure AD PowerShell):
 *      two rounds over twelve accounts, each refused with 50126; smart lockout locks two (50053).
 *   2. 02:41 — Maren Bowditch's account: one wrong password, then the right one; MFA is asked
 *      for (50074), the first push goes unanswered (500121), the second is approved at 02:44 —
 *      MFA fatigue: a Global Administrator half-asleep in London taps "Approve".
 *   3. 02:47–03:20 — the browser session refreshes its tokens silently from the same address
 *      while the audited changes are made; after 03:08 "Require MFA for administrators" shows as
 *      report-only in every refresh.
 *   4. 03:00 — the new account svc-helpdesk-sync signs in from the same address and is sent to
 *      register MFA (50079); at 03:02 it registers an authenticator (the audit), and at 03:03 it
 *      signs in to the Azure Portal with it.
 * The facts are exported so tests and data/README.md can check the story.
 */
import type { SignInLocation } from '../model/sign-in.js';
import { SampleClock, TICKS_PER_MINUTE, TICKS_PER_SECOND } from './clock.js';
import { ATTACKER_SCRIPT, incidentFacts, incidentHidden, type IncidentFacts } from './incident.js';
import { DEFAULT_SAMPLE_OPTIONS, type SampleOptions } from './options.js';
import { SeededRandom, deriveSeed } from './random.js';
import { ATTACKER_PLACE, CLIENT_APPS, RESOURCES, deviceFromUserAgent, type WellKnownApp } from './sign-in-catalog.js';
import {
  NO_DEVICE,
  SignInFactory,
  evaluateConditionalAccess,
  type AuthenticationStory,
  type PolicySituation,
  type SignInPerson,
  type TimedSignIn,
} from './sign-in-parts.js';
import { INCIDENT_IP, createTenant, requireUser, type Tenant } from './tenant.js';
import { INCIDENT_POLICY_NAME } from './activities/policies.js';

export interface IncidentSignInFact {
  id: string;
  createdDateTime: string;
  errorCode: number;
  userPrincipalName: string;
  appDisplayName: string;
  correlationId: string;
}

export interface IncidentSignInFacts {
  attackerIp: string;
  attackerLocation: SignInLocation;
  /** The sprayed accounts, in the order the first round tried them. */
  sprayAccounts: string[];
  /** The sprayed accounts smart lockout locked in the second round. */
  lockedAccounts: string[];
  sprayAttempts: number;
  sprayStartsAt: string;
  sprayEndsAt: string;
  /** Maren's interactive sign-ins from the attacker's address, in order (50126, 50074, 500121, 50074, 0). */
  compromisedUserSignIns: IncidentSignInFact[];
  /** The one that succeeded: the attacker's way in. */
  attackerSignIn: IncidentSignInFact & { sessionId: string; resourceDisplayName: string; userAgent: string; authenticationRequirement: string };
  /** Silent token refreshes of that session from the attacker's address during the audited changes. */
  refreshCount: number;
  refreshesFrom: string;
  refreshesUntil: string;
  /** svc-helpdesk-sync's sign-ins (50079 before registering security info, then success). */
  newAccountSignIns: IncidentSignInFact[];
  /** Every sign-in the incident adds. */
  signInCount: number;
}

export interface IncidentSignIns {
  facts: IncidentSignInFacts;
  signIns: TimedSignIn[];
}

const SPRAY_ACCOUNTS = 12;
const LOCKED_ACCOUNTS = 2;
const SPRAY_FROM_MINUTES = 2 * 60 + 20;
const SECOND_ROUND_FROM_MINUTES = 2 * 60 + 31;
const MAREN_FROM_MINUTES = 2 * 60 + 41;

export function buildIncidentSignIns(tenant: Tenant, clock: SampleClock, incident: IncidentFacts): IncidentSignIns {
  const rng = new SeededRandom(deriveSeed(tenant.seed, 'incident-sign-ins'));
  const factory = new SignInFactory(rng, clock);
  const midnight = clock.ticksAt(Date.parse(incident.startsAt.slice(0, 10) + 'T00:00:00Z'));
  const minute = (minutes: number) => midnight + Math.round(minutes * TICKS_PER_MINUTE) + rng.int(0, TICKS_PER_SECOND - 1);
  const ticksOf = (iso: string) => clock.ticksAt(Date.parse(iso));
  // Whole seconds and a random fraction, so no two records share their last digits.
  const seconds = (min: number, max: number) => rng.int(min, max) * TICKS_PER_SECOND + rng.int(0, TICKS_PER_SECOND - 1);
  const signIns: TimedSignIn[] = [];

  const maren = requireUser(tenant.users, incident.compromisedUser.userPrincipalName);
  const newAccount: SignInPerson = { ...incident.attackerAccount, userType: 'Member', department: '', roles: ['Global Administrator'] };
  const browser = { ...NO_DEVICE, ...deviceFromUserAgent(incident.attackerUserAgent), isCompliant: false, isManaged: false };
  const script = { ...NO_DEVICE, ...deviceFromUserAgent(ATTACKER_SCRIPT) };
  const policyChangedAt = ticksOf(incident.events.find((event) => event.activity === 'Update conditional access policy')?.activityDateTime ?? incident.endsAt);

  const sign = (
    ticks: number, person: SignInPerson, app: WellKnownApp, resource: WellKnownApp, errorCode: number, authentication: AuthenticationStory,
    session: { correlationId: string; sessionId: string }, how: { interactive: boolean; scripted: boolean; stage: PolicySituation['stage'] },
  ): TimedSignIn => {
    const timed = factory.user({
      ticks, person, interactive: how.interactive, app, resource, ip: INCIDENT_IP, location: ATTACKER_PLACE,
      device: how.scripted ? script : browser,
      userAgent: how.scripted ? ATTACKER_SCRIPT : incident.attackerUserAgent,
      clientAppUsed: how.scripted ? 'Mobile Apps and Desktop clients' : 'Browser',
      errorCode, authentication,
      authenticationProtocol: how.scripted ? 'ropc' : how.interactive ? 'none' : 'oAuth2',
      ...session,
      conditionalAccess: evaluateConditionalAccess(tenant, person, {
        stage: how.stage, managedDevice: false, listAll: how.interactive,
        reportOnly: ticks > policyChangedAt ? new Set([INCIDENT_POLICY_NAME]) : undefined,
      }),
    });
    signIns.push(timed);
    return timed;
  };
  const fresh = () => ({ correlationId: rng.guid(), sessionId: rng.guid() });

  // 1. The spray: two rounds, one password each, over the same accounts.
  const candidates = tenant.users.filter((user) => user.id !== maren.id && !user.userPrincipalName.startsWith('breakglass'));
  const sprayed = rng.sample(candidates, SPRAY_ACCOUNTS);
  const locked = new Set(rng.sample(sprayed, LOCKED_ACCOUNTS).map((user) => user.id));
  const spray = { interactive: true, scripted: true, stage: 'beforeGrant' as const };
  for (const [round, from] of [[1, SPRAY_FROM_MINUTES], [2, SECOND_ROUND_FROM_MINUTES]] as const) {
    let ticks = minute(from);
    for (const user of sprayed) {
      const lockout = round === 2 && locked.has(user.id);
      sign(ticks, user, CLIENT_APPS.aadPowerShell, RESOURCES.aadGraph, lockout ? 50053 : 50126, 'wrongPassword', fresh(), spray);
      ticks += seconds(14, 38);
    }
  }
  const sprayRecords = signIns.slice();

  // 2. Maren: wrong, then right with MFA asked; one push ignored, the next approved.
  const portal = { interactive: true, scripted: false };
  let ticks = minute(MAREN_FROM_MINUTES);
  const marenRecords: TimedSignIn[] = [];
  marenRecords.push(sign(ticks, maren, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 50126, 'wrongPassword', fresh(), { ...portal, stage: 'beforeGrant' }));
  ticks += seconds(100, 140);
  const ignored = fresh();
  marenRecords.push(sign(ticks, maren, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 50074, 'passwordThenMfaPrompt', ignored, { ...portal, stage: 'beforeGrant' }));
  ticks += seconds(40, 50);
  marenRecords.push(sign(ticks, maren, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 500121, 'mfaNotAnswered', ignored, { ...portal, stage: 'beforeGrant' }));
  ticks += seconds(12, 20);
  const approved = fresh();
  marenRecords.push(sign(ticks, maren, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 50074, 'passwordThenMfaPrompt', approved, { ...portal, stage: 'beforeGrant' }));
  ticks += seconds(20, 35);
  const success = sign(ticks, maren, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 0, 'mfaPush', approved, { ...portal, stage: 'granted' });
  marenRecords.push(success);

  // 3. The session's silent refreshes while the changes are made.
  const refreshes: TimedSignIn[] = [];
  const lastAudit = ticksOf(incident.endsAt);
  ticks = ticksOf(incident.startsAt) - seconds(5, 12);
  for (let i = 0; ticks <= lastAudit; i++) {
    const resource = i % 2 === 0 ? RESOURCES.graph : RESOURCES.azureManagement;
    refreshes.push(sign(ticks, maren, CLIENT_APPS.azurePortal, resource, 0, 'refreshToken', approved, { interactive: false, scripted: false, stage: 'granted' }));
    ticks += seconds(150, 260);
  }

  // 4. The new account: sent to register MFA, registers (the audit at 03:02), signs in with it.
  const registered = ticksOf(incident.events.find((event) => event.activity === 'User registered security info')?.activityDateTime ?? incident.endsAt);
  const newRecords = [
    sign(registered - seconds(100, 130), newAccount, CLIENT_APPS.mySignins, RESOURCES.graph, 50079, 'mfaRegistrationRequired', fresh(), { ...portal, stage: 'beforeGrant' }),
    sign(registered + seconds(55, 80), newAccount, CLIENT_APPS.azurePortal, RESOURCES.azureManagement, 0, 'mfaPush', fresh(), { ...portal, stage: 'granted' }),
  ];

  const fact = ({ record }: TimedSignIn): IncidentSignInFact => ({
    id: record.id, createdDateTime: record.createdDateTime, errorCode: record.status.errorCode,
    userPrincipalName: record.userPrincipalName ?? '', appDisplayName: record.appDisplayName ?? '', correlationId: record.correlationId ?? '',
  });
  const facts: IncidentSignInFacts = {
    attackerIp: INCIDENT_IP,
    attackerLocation: ATTACKER_PLACE,
    sprayAccounts: sprayed.map((user) => user.userPrincipalName),
    lockedAccounts: sprayed.filter((user) => locked.has(user.id)).map((user) => user.userPrincipalName),
    sprayAttempts: sprayRecords.length,
    sprayStartsAt: sprayRecords[0].record.createdDateTime,
    sprayEndsAt: sprayRecords[sprayRecords.length - 1].record.createdDateTime,
    compromisedUserSignIns: marenRecords.map(fact),
    attackerSignIn: {
      ...fact(success),
      sessionId: success.record.sessionId ?? '',
      resourceDisplayName: success.record.resourceDisplayName ?? '',
      userAgent: success.record.userAgent ?? '',
      authenticationRequirement: success.record.authenticationRequirement ?? '',
    },
    refreshCount: refreshes.length,
    refreshesFrom: refreshes[0].record.createdDateTime,
    refreshesUntil: refreshes[refreshes.length - 1].record.createdDateTime,
    newAccountSignIns: newRecords.map(fact),
    signInCount: signIns.length,
  };
  return { facts, signIns: signIns.sort((a, b) => a.ticks - b.ticks) };
}

/** The incident's sign-ins for a sample, or none when the sample holds no incident. */
export function incidentSignInsFor(tenant: Tenant, clock: SampleClock, options: SampleOptions): IncidentSignIns | null {
  const incident = incidentFacts(options);
  if (!incident || !incidentHidden(options, incident.eventCount)) return null;
  return buildIncidentSignIns(tenant, clock, incident);
}

/** The incident's sign-in facts for given options, or null when that sample has no incident. */
export function incidentSignInFacts(options: SampleOptions): IncidentSignInFacts | null {
  return incidentSignInsFor(createTenant(options.seed), new SampleClock(options.end, options.days), options)?.facts ?? null;
}

/** The incident's sign-ins in the default (bundled) sample, beside SAMPLE_INCIDENT. */
export const SAMPLE_INCIDENT_SIGN_INS: IncidentSignInFacts = (() => {
  const facts = incidentSignInFacts(DEFAULT_SAMPLE_OPTIONS);
  if (!facts) throw new Error('the default sample must hold the incident');
  return facts;
})();
