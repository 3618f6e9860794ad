/**
 * `summary` on a small scope lists the events themselves after the counts (an IP's night, read
 * event by event in the paste), in text, markdown and JSON (the records in their Graph shape);
 * a larger scope says how many there are and how to list them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const ATTACKER = ['--filter', 'ip:203.0.113.66'];

// Each test loads the bundled sample (a few seconds each on a busy 2-core host).
describe('summary --filter on a small scope', () => {
  it('lists the attacker IP\'s 51 events oldest first, after the questions, the role grant among them', async () => {
    const { code, stdout } = await runCli(['summary', ...ATTACKER]);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('The 51 events in scope, oldest first'));
    expect(stdout.indexOf('The 51 events in scope')).toBeGreaterThan(stdout.indexOf('Questions ('));
    const lines = section.trimEnd().split('\n').slice(1);
    expect(lines[0]).toMatch(/^ {4}Time \(UTC\) +Log +Activity or application +Status +Initiated by or user +Target +IP address$/);
    expect(lines).toHaveLength(52);
    expect(lines[1]).toMatch(/^ {2}! 2026-11-19 02:20:00 {2}Sign-ins +Azure Active Directory PowerShell +Failure 50126 +grace\.obi@fabrikam-demo\.example +Windows Azure Active Directory +203\.0\.113\.66$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}! 2026-11-19 02:55:18 {2}Directory +Add member to role +Success +maren\.bowditch@fabrikam-demo\.example +Svc Helpdesk Sync \(\+1\) +203\.0\.113\.66$/));
    // No rule flags creating an account, but its IP and user agent are unusual: `?`.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}\? 2026-11-19 02:53:54 {2}Directory +Add user /));
    expect(lines.at(-1)).toMatch(/^ {2}~ 2026-11-19 03:20:26 {2}Directory +Add delegated permission grant /);
    // Aligned: every row's IP under its heading.
    const ipColumn = lines[0].indexOf('IP address');
    expect(lines.slice(1).every((line) => line.indexOf('203.0.113.66') === ipColumn)).toBe(true);
  });

  it('says how many are in scope and how to list them when there are more than --events', async () => {
    const { stdout } = await runCli(['summary', ...ATTACKER, '--events', '50']);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Events: 51 in scope, more than the 50 listed at most (--events 51 lists them)');
    expect(stdout).not.toContain('oldest first');
    const never = await runCli(['summary', ...ATTACKER, '--events', '0']);
    expect(never.stdout).not.toMatch(/^Events:|oldest first/m);
  });

  it('lists them as a markdown table, markers first', async () => {
    const { stdout } = await runCli(['summary', ...ATTACKER, '--pane', 'directory', '--format', 'markdown']);
    const section = stdout.slice(stdout.indexOf('### The 9 events in scope, oldest first'));
    const rows = section.trimEnd().split('\n').slice(2);
    expect(rows[0]).toBe('|  | Time (UTC) | Log | Activity or application | Status | Initiated by or user | Target | IP address |');
    expect(rows).toHaveLength(11);
    expect(rows).toContain('| ! | 2026-11-19 02:55:18 | Directory | Add member to role | Success | maren.bowditch@fabrikam-demo.example | Svc Helpdesk Sync (+1) | 203.0.113.66 |');
    expect(rows).toContain('| ? | 2026-11-19 02:53:54 | Directory | Add user | Success | maren.bowditch@fabrikam-demo.example | Svc Helpdesk Sync | 203.0.113.66 |');
  });

  it('puts the records themselves in JSON as events, each in its own Graph shape', async () => {
    const { stdout } = await runCli(['summary', ...ATTACKER, '--events', '60', '--format', 'json']);
    const json = JSON.parse(stdout) as { eventLimit: number; events: Array<Record<string, unknown>> };
    expect(json.eventLimit).toBe(60);
    expect(json.events).toHaveLength(51);
    const grant = json.events.find((e) => e.activityDisplayName === 'Add member to role');
    expect(grant).toMatchObject({ activityDateTime: expect.stringMatching(/^2026-11-19T02:55:18/), category: 'RoleManagement' });
    // A sign-in as a signIn (its own fields), not as the audit-shaped projection the store keeps.
    expect(json.events[0]).toMatchObject({ createdDateTime: expect.stringMatching(/^2026-11-19T02:20:00/), ipAddress: '203.0.113.66', userPrincipalName: 'grace.obi@fabrikam-demo.example' });
    expect(json.events[0]).not.toHaveProperty('activityDisplayName');
    const over = JSON.parse((await runCli(['summary', ...ATTACKER, '--events', '50', '--format', 'json'])).stdout) as { eventLimit: number; events: unknown };
    expect(over).toMatchObject({ eventLimit: 50, events: null });
  });

  it('shows hostile log strings sanitised in the list', async () => {
    const hostile = graphEvent({ activityDisplayName: 'Evil\u001b]0;pwned\u0007 | *bold*' });
    const path = temp.write('hostile.jsonl', JSON.stringify(hostile) + '\n');
    const text = await runCli(['summary', path]);
    expect(text.stdout).toContain('Evil␛]0;pwned␇ | *bold*');
    expect(text.stdout).not.toMatch(/[\u001b\u0007]/);
    const markdown = await runCli(['summary', path, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| Evil␛\\]0;pwned␇ \\| \\*bold\\* |');
  });

  it('takes the limit from the config file\'s summaryEvents unless --events is given, and refuses a bad one', async () => {
    const config = temp.write('events-config.json', JSON.stringify({ summaryEvents: 60 }));
    expect((await runCli(['summary', ...ATTACKER, '--config', config])).stdout).toContain('The 51 events in scope, oldest first');
    expect((await runCli(['summary', ...ATTACKER, '--config', config, '--events', '10'])).stdout).toContain('more than the 10 listed at most');
    const bad = temp.write('bad-events-config.json', JSON.stringify({ summaryEvents: -1 }));
    const refused = await runCli(['summary', '--config', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('summaryEvents: must be a whole number of events, 0 or more');
    const flag = await runCli(['summary', '--events', '2.5']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--events needs a whole number of events, 0 or more, not 2.5');
  });
}, 60_000);
