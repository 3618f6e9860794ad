import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

/** Numbers of the bundled sample (data/README.md): 5,300 events over 30 days, the incident nine of them. */
describe('entra-audit summary on the bundled sample', () => {
  it('prints sources, totals, the timeline, top values, sensitive operations and every question as text', async () => {
    const { code, stdout, stderr } = await runCli(['summary']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sources {3}.*data\/sample-tenant\.jsonl\.gz$/m);
    expect(stdout).toContain('Events    8,670 events loaded (Directory 5,154, Custom Security 146, Sign-ins 3,009, Provisioning 361)');
    expect(stdout).toContain('Period    2026-10-29 00:05:39 to 2026-11-27 23:53:30 UTC');
    expect(stdout).toContain('Timeline (one bar per 12h, buckets aligned in UTC)');
    expect(stdout).toMatch(/^2026-11-16 12:00 187 │█+$/m);
    expect(stdout).toContain('Top activities\n  1,096  Update user\n    596  Add member to group');
    expect(stdout).toContain('Top IP addresses\n  1,285  198.51.100.10');
    expect(stdout).toMatch(/^ {2}high {4}25 {2}role-outside-pim {2}/m);
    expect(stdout).toContain('How many users were changed? — 87 distinct targets (2,322 events)');
    expect(stdout).toContain('How many passwords were changed or reset? — 59 distinct targets (437 events)');
    expect(stdout).toContain('What custom attribute values were assigned to a user? — 91 events');
    expect(stdout).toContain('  Property:\n    34  HR_EmploymentType\n    31  Security_Clearance');
  });

  it('narrows everything to the filter: the incident night in one-minute buckets', async () => {
    const { code, stdout } = await runCli(['summary', '--filter', 'ip:203.0.113.66', '--format', 'json', '--pane', 'directory']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.totals).toEqual({ loaded: 8670, directory: 5154, customSecurity: 146, signIns: 3009, provisioning: 361, inScope: 9 });
    expect(summary.filter).toBe('ip:203.0.113.66');
    expect(summary.period).toEqual({ first: '2026-11-19T02:47:13.482Z', last: '2026-11-19T03:20:26.017Z' });
    expect(summary.timeline.bucket).toBe('1m');
    expect(summary.timeline.buckets[0]).toEqual({ start: '2026-11-19T02:47:00.000Z', count: 2 });
    const flagged = summary.sensitive.filter((s: { count: number }) => s.count > 0).map((s: { id: string }) => s.id);
    expect(flagged).toEqual([
      'sp-credential-added',
      'sp-credential-updated',
      'admin-consent',
      'role-outside-pim',
      'conditional-access-updated',
      'security-info-changed',
      'delegated-grant',
      'new-app-identity',
    ]);
    const roles = summary.questions.find((q: { id: string }) => q.id === 'role-members');
    expect(roles).toMatchObject({ count: 1, top: { initiator: { values: [{ value: 'maren.bowditch@fabrikam-demo.example', count: 1 }] } } });
  });

  it('prints JSON that parses, with every question answered', async () => {
    const { stdout } = await runCli(['summary', '--format', 'json']);
    const summary = JSON.parse(stdout);
    expect(summary.timeline.buckets).toHaveLength(60);
    expect(summary.timeline.buckets.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(8670);
    expect(summary.top.activity.values[0]).toEqual({ value: 'Update user', count: 1096 });
    expect(Object.fromEntries(summary.questions.map((q: { id: string; count: number }) => [q.id, q.count]))).toEqual({
      'user-changes': 2322,
      'users-changed': 2322,
      passwords: 437,
      'groups-added': 45,
      'group-owners': 151,
      licences: 170,
      applications: 192,
      'service-principals': 115,
      'application-names': 24,
      'role-members': 345,
      'custom-attributes': 134,
      'attribute-sets': 12,
      'user-attribute-values': 91,
      'sign-in-failures': 235,
      'password-spray': 66,
      'sign-ins-by-country': 2774,
      'ca-blocked': 5,
      'service-principal-sign-ins': 413,
      'provisioning-failures': 19,
    });
  });

  it('prints markdown tables for the incident channel', async () => {
    const { stdout } = await runCli(['summary', '--format', 'markdown', '--pane', 'custom-security']);
    expect(stdout).toMatch(/^## Entra ID audit summary\n/);
    expect(stdout).toContain('| Scope | 146 events in scope (Custom Security pane, no filter) |');
    expect(stdout).toContain('| Activity | Events |\n| --- | ---: |\n| Update attribute values assigned to a user | 91 |');
    expect(stdout).toContain('| Question | Answer | Top values | Query |');
    expect(stdout).toContain('| What updates were made to attribute sets? | 12 events | Activity: Update an attribute set (10), Add an attribute set (2)<br>');
    expect(stdout).toContain('`activity:"Add an attribute set"\\|"Update an attribute set"`');
    expect(stdout).toContain('| How many passwords were changed or reset? | not in scope (Directory pane) |');
    expect(stdout).toContain('```text\n2026-');
  });

  it('draws ASCII bars with --ascii and shows labels in the --tz zone', async () => {
    const { stdout } = await runCli(['summary', '--filter', 'ip:203.0.113.66', '--pane', 'directory', '--ascii', '--tz', 'Asia/Tokyo']);
    expect(stdout).toContain('Period    2026-11-19 11:47:13 to 2026-11-19 12:20:26 Asia/Tokyo');
    expect(stdout).toMatch(/^2026-11-19 11:47 2 \|#+$/m);
    expect(stdout).not.toMatch(/[█│—]/);
  });
});

describe('entra-audit summary across the logs', () => {
  it('gives the attacker\'s address its audits and, in their own section, its sign-ins', async () => {
    const { code, stdout } = await runCli(['summary', '--filter', 'ip:203.0.113.66']);
    expect(code).toBe(0);
    expect(stdout).toContain('Scope     51 events in scope (all panes, matching the filter)');
    expect(stdout).toContain('Audits: 9 events in scope');
    expect(stdout).toContain('Sign-ins: 42 events in scope');
    expect(stdout).toContain('  Top users\n    16  maren.bowditch@fabrikam-demo.example');
    // Every sign-in from the address that made the changes, the spray's tries included, is the session behind them.
    expect(stdout).toMatch(/^ {2}high +42 {2}sign-in-from-changing-ip/m);
    expect(stdout).not.toMatch(/^ {2}medium +\d+ {2}sign-in-spray/m);
  });
});

describe('entra-audit summary, errors', () => {
  it('exits 2 on a malformed --filter, with the message and a caret, before loading anything', async () => {
    const { code, stdout, stderr } = await runCli(['summary', '--filter', 'actvity:"Add user"']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('entra-audit: invalid --filter: unknown field "actvity" — did you mean "activity"?\n  actvity:"Add user"\n  ^\n');
  });

  it('reports unusable records on stderr and exits 1 with --strict', async () => {
    const path = temp.write('bad.jsonl', JSON.stringify(graphEvent()) + '\n{"oops": \n');
    const loose = await runCli(['summary', path, '--format', 'json']);
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.stdout)).toMatchObject({ problems: 1, totals: { loaded: 1 } });
    expect(loose.stderr).toContain('1 record could not be used');
    expect((await runCli(['summary', path, '--strict'])).code).toBe(1);
  });
});
