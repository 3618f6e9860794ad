import { describe, expect, it, vi } from 'vitest';
import { eventsInScope } from '../../src/insights/answers.js';
import { compileSensitiveRules, countByRule, loadSensitiveRules, SHARED_IP_USERS, validateSensitiveRules, type SensitiveRule } from '../../src/insights/sensitive.js';
import type { LoadedEvent } from '../../src/model/loaded-event.js';
import { graphEvent } from '../helpers/events.js';
import { loadedSignIn, makeSignIn } from '../helpers/sign-ins.js';
import { loaded } from '../helpers/loaded.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';
import { SAMPLE_INCIDENT } from '../../src/sample/incident.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { byApp, byUser, storeOf, target } from '../helpers/insights.js';

const rules = loadSensitiveRules();
const eve = byUser('eve@contoso.example');

/** The rule id each event gets, by event id. */
function flagged(store: ReturnType<typeof storeOf>, ruleList: readonly SensitiveRule[] = rules): Record<string, string | undefined> {
  const compiled = compileSensitiveRules(ruleList, new QueryIndex(store));
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < store.count; i++) out[store.loadedEvent(i).event.id] = compiled.ruleOf(i)?.id;
  return out;
}

describe('the sensitive-operation rules file', () => {
  it('loads high-severity rules before medium ones, none using risk:', () => {
    const severities = rules.map((r) => r.severity);
    expect(severities.indexOf('medium')).toBeGreaterThan(0);
    expect(severities.slice(severities.indexOf('medium'))).not.toContain('high');
    for (const rule of rules) {
      expect(rule.reason).not.toBe('');
      expect(rule.query).not.toMatch(/\brisk:/);
    }
  });

  it('refuses a rule defined by risk:, a wrong severity and a missing reason, naming each', () => {
    const result = validateSensitiveRules([
      {
        source: 'mine.json',
        entries: [
          { id: 'circular', severity: 'high', query: 'risk:high activity:x', reason: 'r' },
          { id: 'loud', severity: 'critical', query: 'activity:x', reason: 'r' },
          { id: 'quiet', severity: 'medium', query: 'activity:x' },
        ],
      },
    ]);
    expect(result.ok ? [] : result.errors).toEqual([
      'mine.json: rule 1 ("circular"): "query" must not use risk: (rules are what risk: is made of)',
      'mine.json: rule 2 ("loud"): "severity" must be one of "high", "medium"',
      'mine.json: rule 3 ("quiet"): "reason" is missing',
    ]);
  });
});

describe('compileSensitiveRules', () => {
  it('flags the risky handmade events with the right rule and leaves routine ones alone', () => {
    const store = storeOf(
      ['Add service principal credentials', { id: 'sp-cred', category: 'ApplicationManagement', initiatedBy: eve, targetResources: [target('Payroll', 'ServicePrincipal')] }],
      ['Update service principal', { id: 'sp-pw', initiatedBy: eve, targetResources: [target('Payroll', 'ServicePrincipal', [['Included Updated Properties', '"PasswordCredentials"']])] }],
      ['Update service principal', { id: 'sp-tags', initiatedBy: eve, targetResources: [target('Payroll', 'ServicePrincipal', [['Tags', '["x"]']])] }],
      ['Add member to role', { id: 'role-direct', category: 'RoleManagement', initiatedBy: eve }],
      ['Add member to role', { id: 'role-pim', category: 'RoleManagement', initiatedBy: byApp('MS-PIM') }],
      ['Add member to role completed (PIM activation)', { id: 'role-activation', category: 'RoleManagement', loggedByService: 'PIM', initiatedBy: eve }],
      ['Consent to application', { id: 'consent', initiatedBy: eve }],
      ['Update conditional access policy', { id: 'ca', category: 'Policy', initiatedBy: eve }],
      ['Set federation settings on domain', { id: 'federation', category: 'DirectoryManagement', initiatedBy: eve }],
      ['User registered security info', { id: 'mfa', initiatedBy: eve }],
      ['Add service principal', { id: 'new-sp', initiatedBy: eve }],
      ['Update user', { id: 'routine-user', initiatedBy: eve }],
      ['Add member to group', { id: 'routine-group', initiatedBy: eve }],
    );
    expect(flagged(store)).toEqual({
      'sp-cred': 'sp-credential-added',
      'sp-pw': 'sp-credential-updated',
      'sp-tags': undefined,
      'role-direct': 'role-outside-pim',
      'role-pim': undefined,
      'role-activation': undefined,
      consent: 'admin-consent',
      ca: 'conditional-access-updated',
      federation: 'federation-changed',
      mfa: 'security-info-changed',
      'new-sp': 'new-app-identity',
      'routine-user': undefined,
      'routine-group': undefined,
    });
  });

  it('gives an event the first high rule it matches even when a medium rule comes first in the file', () => {
    const result = validateSensitiveRules([
      {
        source: 'mine.json',
        entries: [
          { id: 'any-add', severity: 'medium', query: 'activity:Add', reason: 'r' },
          { id: 'add-user', severity: 'high', query: 'activity:"Add user"', reason: 'r' },
        ],
      },
    ]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const store = storeOf(['Add user', { id: 'u' }], ['Add group', { id: 'g' }], ['Delete user', { id: 'd' }]);
    expect(flagged(store, result.items)).toEqual({ u: 'add-user', g: 'any-add', d: undefined });
  });

  it('answers one event at once (a frame on a large store) as the pass over the store does, reading only that event', () => {
    const store = storeFromEvents(loaded(...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)));
    const whole = compileSensitiveRules(rules, new QueryIndex(store));
    const expected = Array.from({ length: store.count }, (_, i) => whole.ruleOf(i)?.id);
    expect(expected.filter(Boolean).length).toBeGreaterThan(100);
    const atOnce = compileSensitiveRules(rules, new QueryIndex(store));
    const reads = vi.spyOn(store, 'readEvent');
    // Newest first, as the table asks: each answer must not be a pass over the events before it.
    for (let i = store.count - 1; i >= 0; i--) {
      reads.mockClear();
      expect(atOnce.ruleOfAtOnce(i)?.id, `event ${i}`).toBe(expected[i]);
      expect(reads.mock.calls.filter(([event]) => event !== i)).toEqual([]);
    }
    reads.mockRestore();
  });

  it('flags the sample incident: every step but the creation of the account', () => {
    const store = storeFromEvents(loaded(...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)));
    const compiled = compileSensitiveRules(rules, new QueryIndex(store));
    const byId = new Map<string, string | undefined>();
    for (let i = 0; i < store.count; i++) {
      const { id } = store.loadedEvent(i).event;
      if (SAMPLE_INCIDENT.events.some((e) => e.id === id)) byId.set(id, compiled.ruleOf(i)?.id);
    }
    expect(SAMPLE_INCIDENT.events.map((e) => [e.activity, byId.get(e.id)])).toEqual([
      ['Add service principal credentials', 'sp-credential-added'],
      ['Update service principal', 'sp-credential-updated'],
      // Creating a user is routine; the new account's Global Administrator grant is what is flagged.
      ['Add user', undefined],
      ['Add member to role', 'role-outside-pim'],
      ['User registered security info', 'security-info-changed'],
      ['Update conditional access policy', 'conditional-access-updated'],
      ['Add service principal', 'new-app-identity'],
      ['Consent to application', 'admin-consent'],
      ['Add delegated permission grant', 'delegated-grant'],
    ]);
    const counts = Object.fromEntries(countByRule(compiled, rules, eventsInScope(store, null, 'all')).map((c) => [c.rule.id, c.count]));
    expect(counts).toMatchObject({ 'sp-credential-added': 30, 'sp-credential-updated': 1, 'role-outside-pim': 25, 'admin-consent': 45, 'conditional-access-updated': 20 });
  });
});

describe('the rule joining sign-ins to sensitive changes (ipOfSensitiveChange)', () => {
  const change = graphEvent({ id: 'grant', activityDisplayName: 'Add member to role', activityDateTime: '2026-11-19T02:50:00Z', initiatedBy: byUser('maren@contoso.example', '203.0.113.66') });
  const routine = graphEvent({ id: 'routine', activityDisplayName: 'Update user', activityDateTime: '2026-11-19T02:50:00Z', initiatedBy: byUser('olga@contoso.example', '198.51.100.9') });
  const signIn = (id: string, at: string, ip: string, upn = 'maren@contoso.example') =>
    loadedSignIn(makeSignIn({ id, createdDateTime: at, ipAddress: ip, userPrincipalName: upn }));
  const ruleOfEach = (events: LoadedEvent[]) => {
    const store = storeFromEvents(events);
    const compiled = compileSensitiveRules(rules, new QueryIndex(store));
    return Object.fromEntries(Array.from({ length: store.count }, (_, i) => [store.loadedEvent(i).event.id, compiled.ruleOf(i)?.id]));
  };

  it('flags the sign-ins from the changing IP in the hour before the change and half an hour after, not later ones', () => {
    const flags = ruleOfEach([
      signIn('spray-try', '2026-11-19T02:20:00Z', '203.0.113.66', 'ravi@contoso.example'),
      signIn('session', '2026-11-19T02:44:39Z', '203.0.113.66'),
      signIn('next-day', '2026-11-20T02:44:39Z', '203.0.113.66'),
      signIn('same-hour-other-ip', '2026-11-19T02:45:00Z', '192.0.2.1'),
      // An IP that made only a routine change:
      signIn('routine-session', '2026-11-19T02:45:00Z', '198.51.100.9', 'olga@contoso.example'),
      ...loaded(change, routine),
    ]);
    expect(flags).toMatchObject({ 'spray-try': 'sign-in-from-changing-ip', session: 'sign-in-from-changing-ip', grant: 'role-outside-pim' });
    expect(flags['next-day']).toBeUndefined();
    expect(flags['same-hour-other-ip']).toBeUndefined();
    expect(flags['routine-session']).toBeUndefined();
  });

  it('leaves out an IP that many users sign in from (an office egress)', () => {
    const office = Array.from({ length: SHARED_IP_USERS }, (_, n) => signIn(`office-${n}`, '2026-11-18T09:00:00Z', '203.0.113.66', `user${n}@contoso.example`));
    const flags = ruleOfEach([...office, signIn('session', '2026-11-19T02:44:39Z', '203.0.113.66'), ...loaded(change)]);
    expect(flags.session).toBeUndefined();
  });

  it('refuses the join on an audit rule, where it would join changes to themselves', () => {
    const result = validateSensitiveRules([{ source: 'mine.json', entries: [{ id: 'loop', severity: 'high', query: 'activity:x', reason: 'r', ipOfSensitiveChange: true }] }]);
    expect(result.ok ? [] : result.errors).toEqual(['mine.json: rule 1 ("loop"): "ipOfSensitiveChange" needs a "pane" that is not an audit pane (the changes are what it joins to)']);
  });
});
