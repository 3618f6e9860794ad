/**
 * The incident hidden in the sample: a Global Administrator's account is used from an address
 * nobody in the tenant uses, in the small hours UTC, and within forty minutes it
 *   1. adds a password to the Payroll Connector service principal (app-only persistence),
 *   2. creates an account and makes it Global Administrator directly (not through MS-PIM),
 *   3. registers an authenticator on that account (from the same address),
 *   4. puts "Require MFA for administrators" into report-only and excludes the new account,
 *   5. grants tenant-wide consent to a mail-reading app.
 * Each step is one a detection rule or an incident responder would flag (formats notes, §9);
 * each is also something the routine noise does harmlessly, so finding it takes a real search.
 *
 * The facts are exported so that tests, the README and a curious user can check the story.
 */
import type { ModifiedProperty } from '../model/audit-event.js';
import { SampleClock, TICKS_PER_DAY, TICKS_PER_MS } from './clock.js';
import {
  EventFactory,
  byUser,
  includedUpdatedProperties,
  jsonProp,
  listProp,
  policyTarget,
  rawProp,
  roleProps,
  roleTarget,
  servicePrincipalTarget,
  userAgentDetail,
  userTarget,
  type EventSpec,
  type TimedEvent,
} from './event-parts.js';
import { consentProps, keyDescription } from './activities/apps.js';
import { INCIDENT_POLICY_NAME, policyDocument } from './activities/policies.js';
import { DEFAULT_SAMPLE_OPTIONS, type SampleOptions } from './options.js';
import { SeededRandom, deriveSeed, stableGuid } from './random.js';
import {
  INCIDENT_IP,
  SAMPLE_DOMAIN,
  createTenant,
  requireApp,
  requirePolicy,
  requireRole,
  requireUser,
  type Tenant,
  type TenantApp,
} from './tenant.js';

export interface IncidentEventFact {
  activity: string;
  activityDateTime: string;
  correlationId: string;
  id: string;
}

export interface IncidentFacts {
  compromisedUser: { displayName: string; userPrincipalName: string; id: string };
  attackerIp: string;
  attackerUserAgent: string;
  attackerAccount: { displayName: string; userPrincipalName: string; id: string };
  servicePrincipal: { displayName: string; appId: string; servicePrincipalId: string; keyId: string; keyDisplayName: string };
  role: { displayName: string; templateId: string; objectId: string };
  policy: { id: string; displayName: string; stateBefore: string; stateAfter: string };
  consentedApp: { displayName: string; appId: string; servicePrincipalId: string; scopes: string[] };
  /** activityDateTime of the first and last incident event. */
  startsAt: string;
  endsAt: string;
  /** Distinct correlation ids, in the order the steps happen. */
  correlationIds: string[];
  events: IncidentEventFact[];
  eventCount: number;
}

/** How many days before the window's end the incident happens (fewer in short windows). */
const DAYS_BEFORE_END = 9;
/** 02:47:13 UTC: night in London, where the compromised admin works. */
const START_OF_DAY_OFFSET_MS = (2 * 3600 + 47 * 60 + 13) * 1000 + 482;
const ATTACKER_BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** The script's agent: the first audit step, and the password spray before it. */
export const ATTACKER_SCRIPT = 'python-requests/2.31.0';
const KEY_DISPLAY_NAME = 'sync-backup';
const CONSENT_SCOPES = ['Mail.Read', 'Mail.ReadWrite', 'Mail.Send', 'offline_access', 'User.Read'];

/** Minutes (with seconds) after the first step at which each step starts. */
const STEP_MINUTES = { credential: 0, account: 6.68, role: 8.08, securityInfo: 14.87, policy: 21.5, consent: 33.17 };

export interface Incident {
  facts: IncidentFacts;
  events: TimedEvent[];
}

/**
 * Whether the incident is in a sample: it needs a night before the end (incidentFits) and a log
 * at least ten times its size to hide in, or it would be most of what there is to read.
 */
export function incidentHidden(options: SampleOptions, incidentEventCount: number): boolean {
  return incidentFits(options) && options.events >= incidentEventCount * 10;
}

/** The incident needs a night before the end and some room; windows under two days get none. */
export function incidentFits(options: SampleOptions): boolean {
  return options.days >= 2;
}

export function buildIncident(tenant: Tenant, clock: SampleClock, options: SampleOptions): Incident {
  const rng = new SeededRandom(deriveSeed(tenant.seed, 'incident'));
  // A serial range far from routine traffic's, so ids never look like a continuation of it.
  const factory = new EventFactory(rng, clock, 900_000_000 + rng.int(0, 9_999_999));

  const daysBefore = Math.min(DAYS_BEFORE_END, Math.floor(options.days) - 1);
  const dayStartMs = clock.utcMidnightMs(clock.endTicks - daysBefore * TICKS_PER_DAY);
  const t0 = clock.ticksAt(dayStartMs + START_OF_DAY_OFFSET_MS) + 1937;
  const at = (minutes: number) => t0 + Math.round(minutes * 60_000) * TICKS_PER_MS + rng.int(0, TICKS_PER_MS - 1);

  const admin = requireUser(tenant.users, `maren.bowditch@${SAMPLE_DOMAIN}`);
  const attacker = {
    id: stableGuid(tenant.seed, 'incident:attacker'),
    displayName: 'Svc Helpdesk Sync',
    userPrincipalName: `svc-helpdesk-sync@${SAMPLE_DOMAIN}`,
  };
  const payroll = requireApp(tenant, 'Payroll Connector');
  const globalAdmin = requireRole(tenant, 'Global Administrator');
  const policy = requirePolicy(tenant, INCIDENT_POLICY_NAME);
  const mailApp: TenantApp = {
    displayName: 'Mail Archive Helper',
    appId: stableGuid(tenant.seed, 'incident:app'),
    objectId: stableGuid(tenant.seed, 'incident:application'),
    servicePrincipalId: stableGuid(tenant.seed, 'incident:sp'),
    actsOnItsOwn: false,
    replyUrl: 'https://mail-archive-helper.example/callback',
  };
  const keyId = stableGuid(tenant.seed, 'incident:key');
  const graph = tenant.firstParty.graph;

  const asAdmin = (userAgent: string) => ({ initiatedBy: byUser(admin, INCIDENT_IP), details: [userAgentDetail(userAgent)] });
  const browser = asAdmin(ATTACKER_BROWSER);
  const spProps = (props: ModifiedProperty[]) => [...props, jsonProp('TargetId.ServicePrincipalNames', undefined, payroll.appId)];

  const steps: Array<{ minutes: number; specs: EventSpec[] }> = [
    {
      minutes: STEP_MINUTES.credential,
      specs: [
        {
          activity: 'Add service principal credentials', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update',
          ...asAdmin(ATTACKER_SCRIPT),
          targets: [servicePrincipalTarget(payroll, spProps([
            rawProp('KeyDescription', '[]', JSON.stringify([keyDescription(keyId, 'Password', KEY_DISPLAY_NAME)])),
            includedUpdatedProperties(['KeyDescription']),
          ]))],
        },
        {
          activity: 'Update service principal', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update',
          ...asAdmin(ATTACKER_SCRIPT),
          targets: [servicePrincipalTarget(payroll, spProps([includedUpdatedProperties(['PasswordCredentials'])]))],
        },
      ],
    },
    {
      minutes: STEP_MINUTES.account,
      specs: [{
        activity: 'Add user', category: 'UserManagement', service: 'Core Directory', operationType: 'Add', ...browser,
        targets: [userTarget(attacker, [
          listProp('AccountEnabled', undefined, true),
          listProp('DisplayName', undefined, attacker.displayName),
          listProp('UserPrincipalName', undefined, attacker.userPrincipalName),
          listProp('UserType', undefined, 'Member'),
          includedUpdatedProperties(['AccountEnabled', 'DisplayName', 'UserPrincipalName', 'UserType']),
        ])],
      }],
    },
    {
      minutes: STEP_MINUTES.role,
      specs: [{
        activity: 'Add member to role', category: 'RoleManagement', service: 'Core Directory', operationType: 'Assign', ...browser,
        targets: [userTarget(attacker, roleProps(globalAdmin, 'new')), roleTarget(globalAdmin)],
      }],
    },
    {
      minutes: STEP_MINUTES.securityInfo,
      specs: [{
        activity: 'User registered security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Update',
        initiatedBy: byUser(attacker, INCIDENT_IP), details: [userAgentDetail(ATTACKER_BROWSER)],
        targets: [userTarget(attacker)], resultReason: 'User registered Authenticator App with Notification and Code',
      }],
    },
    {
      minutes: STEP_MINUTES.policy,
      specs: [{
        activity: 'Update conditional access policy', category: 'Policy', service: 'Conditional Access', operationType: 'Update', ...browser,
        targets: [policyTarget(policy.id, policy.displayName, [
          jsonProp(
            'ConditionalAccessPolicy',
            policyDocument(policy, policy.createdDateTime),
            policyDocument(
              {
                ...policy,
                state: 'enabledForReportingButNotEnforced',
                conditions: { ...policy.conditions, users: { ...policy.conditions.users, excludeUsers: [...policy.conditions.users.excludeUsers, attacker.id] } },
              },
              clock.iso(at(STEP_MINUTES.policy)),
            ),
          ),
        ])],
      }],
    },
    {
      minutes: STEP_MINUTES.consent,
      specs: [
        {
          activity: 'Add service principal', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Add', ...browser,
          targets: [servicePrincipalTarget(mailApp, [
            listProp('AccountEnabled', undefined, true),
            listProp('AppPrincipalId', undefined, mailApp.appId),
            listProp('DisplayName', undefined, mailApp.displayName),
            includedUpdatedProperties(['AccountEnabled', 'AppPrincipalId', 'DisplayName']),
          ])],
        },
        {
          activity: 'Consent to application', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', ...browser,
          targets: [servicePrincipalTarget(mailApp, consentProps(mailApp, rng.code(43), graph, CONSENT_SCOPES, true, admin.id))],
        },
        {
          activity: 'Add delegated permission grant', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', ...browser,
          targets: [
            servicePrincipalTarget({ servicePrincipalId: graph.servicePrincipalId, displayName: graph.displayName }, [
              jsonProp('DelegatedPermissionGrant.Scope', undefined, ` ${CONSENT_SCOPES.join(' ')}`),
              jsonProp('DelegatedPermissionGrant.ClientId', undefined, mailApp.servicePrincipalId),
            ]),
            servicePrincipalTarget(mailApp),
          ],
        },
      ],
    },
  ];

  const events: TimedEvent[] = [];
  for (const step of steps) {
    const correlationId = rng.guid();
    let ticks = at(step.minutes);
    for (const spec of step.specs) {
      events.push(factory.event(spec, ticks, correlationId));
      ticks += rng.int(400, 2500) * TICKS_PER_MS;
    }
  }

  const facts: IncidentFacts = {
    compromisedUser: { displayName: admin.displayName, userPrincipalName: admin.userPrincipalName, id: admin.id },
    attackerIp: INCIDENT_IP,
    attackerUserAgent: ATTACKER_BROWSER,
    attackerAccount: attacker,
    servicePrincipal: { displayName: payroll.displayName, appId: payroll.appId, servicePrincipalId: payroll.servicePrincipalId, keyId, keyDisplayName: KEY_DISPLAY_NAME },
    role: { displayName: globalAdmin.displayName, templateId: globalAdmin.templateId, objectId: globalAdmin.objectId },
    policy: { id: policy.id, displayName: policy.displayName, stateBefore: policy.state, stateAfter: 'enabledForReportingButNotEnforced' },
    consentedApp: { displayName: mailApp.displayName, appId: mailApp.appId, servicePrincipalId: mailApp.servicePrincipalId, scopes: CONSENT_SCOPES.slice() },
    startsAt: events[0].event.activityDateTime,
    endsAt: events[events.length - 1].event.activityDateTime,
    correlationIds: [...new Set(events.map((timed) => timed.event.correlationId))],
    events: events.map(({ event }) => ({ activity: event.activityDisplayName, activityDateTime: event.activityDateTime, correlationId: event.correlationId, id: event.id })),
    eventCount: events.length,
  };
  return { facts, events };
}

/** The incident's facts for a given sample, or null when the window is too short to hold it. */
export function incidentFacts(options: SampleOptions): IncidentFacts | null {
  if (!incidentFits(options)) return null;
  return buildIncident(createTenant(options.seed), new SampleClock(options.end, options.days), options).facts;
}

/** The incident in the default (bundled) sample. */
export const SAMPLE_INCIDENT: IncidentFacts = (() => {
  const facts = incidentFacts(DEFAULT_SAMPLE_OPTIONS);
  if (!facts) throw new Error('the default sample window must hold the incident');
  return facts;
})();
