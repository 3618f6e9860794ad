/**
 * `--workspace` and `kql` as a user runs them, against a stand-in Log Analytics API on
 * 127.0.0.1 that truncates big answers: counts per pane and with filters equal the same rows
 * loaded from a file, the filter's values travel in the KQL as obfuscated literals, and `kql`
 * prints what would run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';
import { FakeWorkspace, sampleRows } from '../helpers/log-analytics.js';
import { tempDir } from '../helpers/temp.js';
import { fakeAz } from '../helpers/fake-az.js';

const SAMPLE = fileURLToPath(new URL('../../data/sample-tenant.jsonl.gz', import.meta.url));
const ROWS = sampleRows(SAMPLE);
const WORKSPACE = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
// Tokens come from the Azure CLI (a fake on PATH): tok-1, tok-2, …
const TOKEN = /^tok-\d+$/;
const WINDOW = ['--since', '2026-10-01', '--until', '2026-11-30'];
const temp = tempDir();
const rowsFile = temp.write('workspace-rows.json', JSON.stringify(ROWS));

let server: FakeWorkspace;
let url: string;
beforeAll(async () => {
  // Answers over 400 rows are cut with a PartialError: the client must split slices to get them all.
  server = new FakeWorkspace(ROWS, { token: TOKEN, truncateAbove: 400 });
  url = await server.start();
});
afterAll(() => server.stop());

const az = fakeAz(temp.path('az'));
const workspace = (...args: string[]) => runCli([...args, '--workspace', WORKSPACE, '--la-endpoint', url, ...WINDOW, '--auth', 'cli'], { env: { PATH: az.path } });

describe('query --workspace', { timeout: 60_000 }, () => {
  it.each(['directory', 'custom-security', 'sign-ins', 'provisioning', 'all'])('counts the %s pane as the same rows in a file do', async (pane) => {
    const [fromFile, fromWorkspace] = await Promise.all([runCli(['query', rowsFile, '--count', '--pane', pane]), workspace('query', '--count', '--pane', pane)]);
    expect(fromWorkspace.stderr).toBe('');
    expect(fromWorkspace.code).toBe(0);
    expect(Number(fromFile.stdout)).toBeGreaterThan(0);
    expect(fromWorkspace.stdout).toBe(fromFile.stdout);
  });

  it.each([
    ['sign-ins', 'ip:203.0.113.66'],
    ['all', 'ip:203.0.113.66 -status:success'],
    ['directory', 'actor:maren since:2026-11-19T02:20:00Z until:2026-11-19T03:20:00Z'],
    ['all', '(activity:"Add member to role" OR activity:consent) -actor:pim'],
    ['all', 'maren'],
    ['sign-ins', 'error:50126|50053 OR risklevel:=high'],
  ])('on %s with %s gives the count the local engine gives on the file', async (pane, filter) => {
    const [fromFile, fromWorkspace] = await Promise.all([
      runCli(['query', rowsFile, '--count', '--pane', pane, '--filter', filter]),
      workspace('query', '--count', '--pane', pane, '--filter', filter),
    ]);
    expect(fromWorkspace.code).toBe(0);
    expect(fromWorkspace.stdout).toBe(fromFile.stdout);
  });

  it('sends the filter\'s values as obfuscated literals, never in the clear', async () => {
    const before = server.received.length;
    const result = await workspace('query', '--count', '--pane', 'sign-ins', '--filter', 'ip:203.0.113.66');
    expect(Number(result.stdout)).toBeGreaterThan(0);
    const sent = server.received.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const request of sent) {
      expect(request.query).toContain('h"203.0.113.66"');
      expect(request.query.replaceAll('h"203.0.113.66"', '')).not.toContain('203.0.113.66');
    }
  });

  it('fails (exit 1) with the service\'s words when the token is refused, and prints no count', async () => {
    const wrong = fakeAz(temp.path('az-wrong'), { prefix: 'wrong' });
    const result = await runCli(['query', '--count', '--workspace', WORKSPACE, '--la-endpoint', url, ...WINDOW, '--auth', 'cli'], { env: { PATH: wrong.path } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/workspace 0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d: \w+: The provided authentication is not valid/);
  });

  it('refuses plain http off loopback, a workspace id that is no GUID, and files beside --workspace', async () => {
    const http = await runCli(['query', '--count', '--workspace', WORKSPACE, '--la-endpoint', 'http://example.com']);
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('--la-endpoint must be https');
    const id = await runCli(['query', '--count', '--workspace', 'prod-logs']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--workspace needs the workspace id');
    const both = await runCli(['query', rowsFile, '--count', '--workspace', WORKSPACE]);
    expect(both.code).toBe(2);
  });
});

describe('summary --workspace', { timeout: 60_000 }, () => {
  it('sums up the workspace as it sums up the same rows from a file', async () => {
    const args = ['--format', 'json', '--filter', 'since:2026-11-19 until:2026-11-19'];
    const [fromFile, fromWorkspace] = await Promise.all([runCli(['summary', rowsFile, ...args]), workspace('summary', ...args)]);
    expect(fromWorkspace.code).toBe(0);
    const strip = (text: string) => {
      const summary = JSON.parse(text) as Record<string, unknown>;
      delete summary.sources;
      return summary;
    };
    expect(strip(fromWorkspace.stdout)).toEqual(strip(fromFile.stdout));
  });
});

describe('kql', () => {
  it('prints one query per table of the pane, bounded in time, the values obfuscated, and says what it leaves to entra-audit', async () => {
    const result = await runCli(['kql', '--pane', 'sign-ins', '--filter', 'ip:203.0.113.66 resett', '--since', '2026-11-19', '--until', '2026-11-19']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.match(/^\/\/ \w+: Sign-ins$/gm)).toEqual(['// SigninLogs: Sign-ins', '// AADNonInteractiveUserSignInLogs: Sign-ins', '// AADServicePrincipalSignInLogs: Sign-ins', '// AADManagedIdentitySignInLogs: Sign-ins']);
    expect(out).toContain('SigninLogs\n| where TimeGenerated between (datetime(2026-11-19T00:00:00.000Z) .. datetime(2026-11-20T00:00:00.000Z))\n| where IPAddress contains h"203.0.113.66"\n| project TimeGenerated, Type,');
    expect(out).toContain('// decided by entra-audit, not here: resett');
    expect(out).not.toContain('AuditLogs');
  });

  it('refuses a malformed filter as usage (exit 2)', async () => {
    const result = await runCli(['kql', '--filter', 'actvity:x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "activity"');
  });
});
