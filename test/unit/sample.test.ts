import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/model/audit-event.js';
import { isSubstrateWriteBack } from '../../src/model/accessors.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents, type SampleOptions } from '../../src/sample/generate.js';
import { SAMPLE_INCIDENT, incidentFacts } from '../../src/sample/incident.js';
import { SeededRandom, stableGuid } from '../../src/sample/random.js';

const take = (options: SampleOptions, count: number): AuditEvent[] => {
  const taken: AuditEvent[] = [];
  for (const event of generateSampleEvents(options)) {
    if (taken.length === count) break;
    taken.push(event);
  }
  return taken;
};

const events = [...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)];
const ISO_7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const CSA_ACTIVITIES = [
  'Add an attribute set',
  'Add custom security attribute definition in an attribute set',
  'Update an attribute set',
  'Update attribute values assigned to a servicePrincipal',
  'Update attribute values assigned to a user',
  'Update custom security attribute definition in an attribute set',
];

const allTargetNames = (list: AuditEvent[]) => list.flatMap((event) => event.targetResources.map((target) => target.displayName ?? ''));
const propValue = (event: AuditEvent, name: string) =>
  event.targetResources.flatMap((target) => target.modifiedProperties).find((prop) => prop.displayName === name)?.newValue ?? null;

describe('seeded random', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const drawsA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(drawsA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(drawsA);
  });

  it('makes lower-case version-4-shaped GUIDs that depend only on seed and label', () => {
    expect(new SeededRandom(1).guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid(42, 'user:x')).toBe(stableGuid(42, 'user:x'));
    expect(stableGuid(42, 'user:x')).not.toBe(stableGuid(42, 'user:y'));
  });
});

describe('generateSampleEvents: determinism', () => {
  it('gives identical JSON for the same seed', () => {
    const first = take(DEFAULT_SAMPLE_OPTIONS, 500).map((event) => JSON.stringify(event));
    const second = take(DEFAULT_SAMPLE_OPTIONS, 500).map((event) => JSON.stringify(event));
    expect(second).toEqual(first);
    expect(first).toEqual(events.slice(0, 500).map((event) => JSON.stringify(event)));
  });

  it('gives different events for a different seed', () => {
    const other = take({ ...DEFAULT_SAMPLE_OPTIONS, seed: 43 }, 500).map((event) => JSON.stringify(event));
    expect(other).not.toEqual(events.slice(0, 500).map((event) => JSON.stringify(event)));
  });
});

describe('generateSampleEvents: the default sample', () => {
  it('has exactly the requested number of events, split between the two panes', () => {
    expect(events).toHaveLength(DEFAULT_SAMPLE_OPTIONS.events);
    const customSecurity = events.filter((event) => event.category === 'AttributeManagement');
    expect(events.length - customSecurity.length).toBeGreaterThanOrEqual(5000);
    expect(customSecurity.length).toBeGreaterThanOrEqual(100);
  });

  it('logs custom security events the way the CSA endpoint does, with all six activities', () => {
    const customSecurity = events.filter((event) => event.category === 'AttributeManagement');
    for (const event of customSecurity) {
      expect(event.loggedByService).toBe('Core Directory');
      expect(CSA_ACTIVITIES).toContain(event.activityDisplayName);
    }
    expect(new Set(customSecurity.map((event) => event.activityDisplayName))).toEqual(new Set(CSA_ACTIVITIES));
  });

  it('is in chronological order inside the window, with seven fractional digits and Z', () => {
    const endMs = Date.parse(DEFAULT_SAMPLE_OPTIONS.end);
    const startMs = endMs - DEFAULT_SAMPLE_OPTIONS.days * 86_400_000;
    let previous = '';
    for (const event of events) {
      expect(event.activityDateTime).toMatch(ISO_7);
      expect(event.activityDateTime >= previous).toBe(true);
      previous = event.activityDateTime;
      const ms = Date.parse(event.activityDateTime);
      expect(ms).toBeGreaterThanOrEqual(startMs);
      expect(ms).toBeLessThan(endMs);
    }
  });

  it('is busier on weekdays and in working hours than at weekends and at night', () => {
    const weekday = events.filter((event) => [1, 2, 3, 4, 5].includes(new Date(event.activityDateTime).getUTCDay())).length / 5;
    const weekend = events.filter((event) => [0, 6].includes(new Date(event.activityDateTime).getUTCDay())).length / 2;
    expect(weekday).toBeGreaterThan(weekend * 3);
    const hour = (event: AuditEvent) => new Date(event.activityDateTime).getUTCHours();
    expect(events.filter((event) => hour(event) >= 9 && hour(event) < 12).length).toBeGreaterThan(
      2 * events.filter((event) => hour(event) >= 3 && hour(event) < 6).length,
    );
  });

  it('gives every event a unique id in one of the services’ id shapes', () => {
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    for (const event of events) {
      expect(event.id).toMatch(/^(Directory|IPCGraph)_[0-9a-f-]{36}_[A-Z0-9]{5}_\d+$|^PIM_[0-9a-f-]{36}_[0-9a-f-]{36}_\d+$/);
      expect(event.id).toContain(event.correlationId);
    }
  });

  it('fills every field: no undefined anywhere, initiatedBy has user and app with exactly one set', () => {
    for (const event of events) {
      const text = JSON.stringify(event);
      expect(JSON.parse(text)).toStrictEqual(event); // undefined values would be dropped and differ
      expect(Object.keys(event).sort()).toEqual(
        ['activityDateTime', 'activityDisplayName', 'additionalDetails', 'category', 'correlationId', 'id', 'initiatedBy',
          'loggedByService', 'operationType', 'result', 'resultReason', 'targetResources', 'userAgent'].sort(),
      );
      expect(Object.keys(event.initiatedBy).sort()).toEqual(['app', 'user']);
      expect((event.initiatedBy.user === null) !== (event.initiatedBy.app === null)).toBe(true);
      for (const target of event.targetResources) {
        expect(Object.keys(target).sort()).toEqual(['displayName', 'groupType', 'id', 'modifiedProperties', 'type', 'userPrincipalName']);
      }
    }
  });

  it('keeps modified property values as JSON text (strings) or null', () => {
    for (const event of events) {
      for (const prop of event.targetResources.flatMap((target) => target.modifiedProperties)) {
        for (const value of [prop.oldValue, prop.newValue]) {
          expect(value === null || typeof value === 'string').toBe(true);
          if (value !== null) expect(() => JSON.parse(value)).not.toThrow();
        }
      }
    }
  });

  it('uses only .example domains and RFC 5737 addresses', () => {
    for (const event of events) {
      const ip = event.initiatedBy.user?.ipAddress;
      if (ip) expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/);
      for (const upn of [event.initiatedBy.user?.userPrincipalName, ...event.targetResources.map((target) => target.userPrincipalName)]) {
        if (upn) expect(upn).toMatch(/@[a-z0-9-]+\.example$/);
      }
    }
  });

  it('draws names in many scripts, with emoji', () => {
    const names = allTargetNames(events).join('\n');
    for (const script of [/\p{Script=Han}/u, /\p{Script=Arabic}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Hangul}/u, /\p{Script=Hebrew}/u]) {
      expect(names).toMatch(script);
    }
    expect(names).toMatch(/\p{Extended_Pictographic}/u);
  });

  it('includes Microsoft Substrate Management write-backs as a noticeable share', () => {
    const writeBacks = events.filter(isSubstrateWriteBack);
    expect(writeBacks.length / events.length).toBeGreaterThan(0.05);
    expect(writeBacks.length / events.length).toBeLessThan(0.12);
    for (const event of writeBacks) {
      expect(event.loggedByService).toBe('Core Directory');
      expect(['Update user', 'Update group']).toContain(event.activityDisplayName);
    }
  });

  it('has failures and timeouts, each with a reason', () => {
    const failures = events.filter((event) => event.result === 'failure');
    const timeouts = events.filter((event) => event.result === 'timeout');
    expect(failures.length / events.length).toBeGreaterThan(0.015);
    expect(failures.length / events.length).toBeLessThan(0.05);
    expect(timeouts.length).toBeGreaterThan(0);
    for (const event of [...failures, ...timeouts]) expect(event.resultReason).not.toBe('');
  });

  it('groups multi-step operations under one correlation id', () => {
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.correlationId, (counts.get(event.correlationId) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(3);
    const onboarding = events.find((event) => event.activityDisplayName === 'Add user' && counts.get(event.correlationId)! >= 3);
    expect(onboarding).toBeDefined();
    const steps = events.filter((event) => event.correlationId === onboarding!.correlationId).map((event) => event.activityDisplayName);
    expect(steps).toContain('Change user license');
  });

  it('covers the activity names people search for, spelt exactly', () => {
    const names = new Set(events.map((event) => event.activityDisplayName));
    for (const name of [
      'Add user', 'Update user', 'Delete user', 'Reset password (by admin)', 'Change user password', 'Change user license',
      'User registered security info', 'Add group', 'Add member to group', 'Add owner to group', 'Remove owner from group',
      'Set group license', 'Add application', 'Update application', 'Delete application',
      'Update application \u2013 Certificates and secrets management ', 'Add service principal', 'Update service principal',
      'Add service principal credentials', 'Add member to role', 'Add eligible member to role',
      'Add member to role completed (PIM activation)', 'Update conditional access policy', 'Consent to application',
      'Add device', 'Update device', 'Invite external user',
    ]) {
      expect(names, name).toContain(name);
    }
    const pim = events.filter((event) => event.loggedByService === 'PIM');
    expect(pim.some((event) => event.initiatedBy.app?.displayName === 'MS-PIM')).toBe(true);
  });
});

describe('the incident story', () => {
  const incident = events.filter((event) => event.initiatedBy.user?.ipAddress === SAMPLE_INCIDENT.attackerIp);
  const byActivity = (activity: string) => incident.find((event) => event.activityDisplayName === activity);

  it('is in the default sample, exactly as the exported facts say', () => {
    expect(incident).toHaveLength(SAMPLE_INCIDENT.eventCount);
    expect(incident.map((event) => ({
      activity: event.activityDisplayName,
      activityDateTime: event.activityDateTime,
      correlationId: event.correlationId,
      id: event.id,
    }))).toEqual(SAMPLE_INCIDENT.events);
    expect(SAMPLE_INCIDENT.correlationIds).toEqual([...new Set(incident.map((event) => event.correlationId))]);
    expect(incidentFacts(DEFAULT_SAMPLE_OPTIONS)).toEqual(SAMPLE_INCIDENT);
  });

  it('uses an address nothing else uses, at night, within about forty minutes', () => {
    const text = events.filter((event) => !incident.includes(event)).map((event) => JSON.stringify(event)).join('\n');
    expect(text).not.toContain(SAMPLE_INCIDENT.attackerIp);
    const span = Date.parse(SAMPLE_INCIDENT.endsAt) - Date.parse(SAMPLE_INCIDENT.startsAt);
    expect(span).toBeGreaterThan(20 * 60_000);
    expect(span).toBeLessThanOrEqual(40 * 60_000);
    expect(new Date(SAMPLE_INCIDENT.startsAt).getUTCHours()).toBeLessThan(5);
    expect(SAMPLE_INCIDENT.startsAt).toBe('2026-11-19T02:47:13.4822993Z');
  });

  it('is driven by the compromised admin, except the attacker enrolling their own authenticator', () => {
    for (const event of incident) {
      const upn = event.initiatedBy.user?.userPrincipalName;
      if (event.activityDisplayName === 'User registered security info') expect(upn).toBe(SAMPLE_INCIDENT.attackerAccount.userPrincipalName);
      else expect(upn).toBe(SAMPLE_INCIDENT.compromisedUser.userPrincipalName);
    }
  });

  it('adds a password credential to the service principal', () => {
    const event = byActivity('Add service principal credentials')!;
    expect(event.targetResources[0].id).toBe(SAMPLE_INCIDENT.servicePrincipal.servicePrincipalId);
    expect(propValue(event, 'KeyDescription')).toContain(`KeyIdentifier=${SAMPLE_INCIDENT.servicePrincipal.keyId},KeyType=Password`);
  });

  it('makes the attacker account Global Administrator directly, not through MS-PIM', () => {
    const event = byActivity('Add member to role')!;
    expect(event.initiatedBy.app).toBeNull();
    expect(event.targetResources.some((target) => target.userPrincipalName === SAMPLE_INCIDENT.attackerAccount.userPrincipalName)).toBe(true);
    expect(propValue(event, 'Role.TemplateId')).toBe(JSON.stringify('62e90394-69f5-4237-9190-012177145e10'));
    expect(events.filter((other) => other.activityDisplayName === 'Add member to role' && other.initiatedBy.user !== null
      && propValue(other, 'Role.DisplayName') === '"Global Administrator"')).toEqual([event]);
  });

  it('puts the admin MFA policy into report-only and excludes the attacker', () => {
    const event = byActivity('Update conditional access policy')!;
    const before = JSON.parse(event.targetResources[0].modifiedProperties[0].oldValue!) as { state: string };
    const after = JSON.parse(propValue(event, 'ConditionalAccessPolicy')!) as { state: string; conditions: { users: { excludeUsers: string[] } } };
    expect(before.state).toBe('enabled');
    expect(after.state).toBe('enabledForReportingButNotEnforced');
    expect(after.conditions.users.excludeUsers).toContain(SAMPLE_INCIDENT.attackerAccount.id);
  });

  it('is told truthfully in data/README.md', () => {
    const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');
    for (const fact of [
      SAMPLE_INCIDENT.attackerIp,
      SAMPLE_INCIDENT.compromisedUser.userPrincipalName,
      SAMPLE_INCIDENT.attackerAccount.userPrincipalName,
      SAMPLE_INCIDENT.servicePrincipal.displayName,
      SAMPLE_INCIDENT.policy.displayName,
      SAMPLE_INCIDENT.consentedApp.displayName,
      SAMPLE_INCIDENT.startsAt,
      SAMPLE_INCIDENT.endsAt,
      ...SAMPLE_INCIDENT.correlationIds,
      ...SAMPLE_INCIDENT.events.map((event) => event.activity),
    ]) {
      expect(readme, fact).toContain(fact);
    }
  });

  it('grants tenant-wide consent to a mail-reading app', () => {
    const event = byActivity('Consent to application')!;
    expect(event.targetResources[0].displayName).toBe(SAMPLE_INCIDENT.consentedApp.displayName);
    expect(propValue(event, 'ConsentContext.IsAdminConsent')).toBe('"True"');
    expect(JSON.parse(propValue(event, 'ConsentAction.Permissions')!)).toContain('Mail.Read');
  });
});

describe('generateSampleEvents: other options', () => {
  it('leaves the incident out of windows shorter than two days and still yields the exact count', () => {
    const options = { ...DEFAULT_SAMPLE_OPTIONS, days: 1, events: 800 };
    const short = [...generateSampleEvents(options)];
    expect(short).toHaveLength(800);
    expect(incidentFacts(options)).toBeNull();
    expect(short.some((event) => event.initiatedBy.user?.ipAddress === SAMPLE_INCIDENT.attackerIp)).toBe(false);
  });

  it('fits the incident into a two-day window', () => {
    const options = { ...DEFAULT_SAMPLE_OPTIONS, days: 2, events: 1000 };
    const facts = incidentFacts(options)!;
    const list = [...generateSampleEvents(options)];
    expect(list).toHaveLength(1000);
    expect(list.filter((event) => event.initiatedBy.user?.ipAddress === facts.attackerIp)).toHaveLength(facts.eventCount);
    expect(Date.parse(facts.startsAt)).toBeGreaterThanOrEqual(Date.parse(options.end) - 2 * 86_400_000);
  });

  it('yields nothing for zero events and rejects nonsense', () => {
    expect([...generateSampleEvents({ ...DEFAULT_SAMPLE_OPTIONS, events: 0 })]).toEqual([]);
    expect(() => [...generateSampleEvents({ ...DEFAULT_SAMPLE_OPTIONS, end: 'yesterday' })]).toThrow();
    expect(() => [...generateSampleEvents({ ...DEFAULT_SAMPLE_OPTIONS, days: 0 })]).toThrow();
  });

  it('streams: the first events of a large sample arrive without generating the rest', () => {
    const started = performance.now();
    const first = take({ ...DEFAULT_SAMPLE_OPTIONS, events: 300_000 }, 10);
    expect(first).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
