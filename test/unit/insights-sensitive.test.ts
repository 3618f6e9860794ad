import { describe, expect, it } from 'vitest';
import { eventsInScope } from '../../src/insights/answers.js';
import { compileSensitiveRules, countByRule, loadSensitiveRules, validateSensitiveRules, type SensitiveRule } from '../../src/insights/sensitive.js';
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
