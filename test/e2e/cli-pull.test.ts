/**
 * `entra-audit pull` against a Graph stand-in on 127.0.0.1, signed in through a fake `az` on
 * PATH (`--auth cli`): every log copied exactly (the counts `query` gives per pane on the records
 * served), no duplicates, no retry before Retry-After, no link from a failed answer followed, a
 * refused log reported while the others arrive, a token renewed after a 401, and a pull that
 * stopped (a failing page, SIGINT) resumed where it stopped, with no file at --out until complete.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { fakeAz } from '../helpers/fake-az.js';
import { collectionsOf, FakeGraph, type FakeGraphOptions } from '../helpers/fake-graph.js';
import { tempDir } from '../helpers/temp.js';

const SAMPLE = new URL('../../data/sample-tenant.jsonl.gz', import.meta.url);
const tmp = tempDir('entra-audit-pull-');
const WINDOW = ['--since', '2026-10-01', '--until', '2026-12-31'];
const FAST = ['--pace', '1000/1s'];
const PANES = ['directory', 'custom-security', 'sign-ins', 'provisioning'] as const;
const SIGN_INS = 'beta/auditLogs/signIns';

let records: Record<string, unknown>[] = [];
let expected: Record<string, number> = {};
let servers: FakeGraph[] = [];
let runs = 0;

beforeAll(async () => {
  records = gunzipSync(readFileSync(SAMPLE)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  // One sign-in of two event types: Graph returns it in both passes; the file must hold it once.
  const twice = records.find((r) => Array.isArray(r.signInEventTypes) && (r.signInEventTypes as string[])[0] === 'interactiveUser')!;
  twice.signInEventTypes = ['interactiveUser', 'nonInteractiveUser'];
  expected = await countsOf(SAMPLE.pathname);
}, 60_000);

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

async function graph(options: Partial<FakeGraphOptions> = {}): Promise<FakeGraph> {
  const server = new FakeGraph({ records: collectionsOf(records), pageSize: 400, ...options });
  await server.start();
  servers.push(server);
  return server;
}

/** A fresh fake az and output name per run. */
function setup(name: string) {
  const dir = tmp.path(`${name}-${++runs}`);
  const az = fakeAz(`${dir}-az`);
  return { az, out: tmp.path(`${name}-${runs}.jsonl.gz`), env: { PATH: az.path } };
}

function pull(server: FakeGraph, out: string, env: Record<string, string>, extra: string[] = []) {
  return runCli(['pull', '--auth', 'cli', '--graph-endpoint', server.origin, '--out', out, ...WINDOW, ...FAST, ...extra], { env });
}

async function countsOf(file: string, filter?: string): Promise<Record<string, number>> {
  const extra = filter === undefined ? [] : ['--filter', filter];
  const counts = await Promise.all(PANES.map(async (pane) => Number((await runCli(['query', file, '--count', '--pane', pane, ...extra])).stdout.trim())));
  return Object.fromEntries(PANES.map((pane, i) => [pane, counts[i]]));
}

const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');

describe('entra-audit pull', () => {
  it('copies every log exactly, through throttling and a 503, with a receipt', async () => {
    const server = await graph({
      fault: ({ path, pageIndex, n }) => {
        if (path === 'v1.0/auditLogs/directoryAudits' && pageIndex === 2 && n < 6) return { status: 429, retryAfter: '1' };
        if (path === SIGN_INS && pageIndex === 1 && server.log.filter((l) => l.status === 503).length === 0) return { status: 503 };
        return null;
      },
    });
    const { out, env, az } = setup('all');
    const result = await pull(server, out, env);
    expect(result.stderr).toContain('audit: throttled (429); again in 1 s (Retry-After)');
    expect(result.stderr).toMatch(/sign-ins:interactiveUser: service unavailable \(503\); again in [12] s \(backoff\)/);
    expect(result.code, result.stderr).toBe(0);
    expect(await countsOf(out)).toEqual(expected);
    const ids = linesOf(out).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(records.length);
    expect(server.earlyRetries).toBe(0);
    expect(server.poisonedFollows).toBe(0);
    expect(server.repeatedPages).toBe(0);
    // One pass per sign-in event type; the token asked for the endpoint's own audience.
    expect(server.filters.filter((f) => f.startsWith(SIGN_INS)).map((f) => /t eq '(\w+)'/.exec(f)?.[1])).toEqual(['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity']);
    expect(az.calls()[0]).toContain(`--resource ${server.origin}`);
    const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(result.stderr).toContain(`${sha}  ${out}`);
    expect(result.stderr).toMatch(/# wrote 8,?670 events/);
    expect(result.stderr).toContain('1 record Graph sent twice (the same id) written once');
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(existsSync(`${out}.partial.state.json`)).toBe(false);
  }, 60_000);

  it('reports a refused log with what it needs and delivers the others', async () => {
    const server = await graph({ fault: ({ path }) => (path === 'beta/auditLogs/customSecurityAttributeAudits' ? { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } } : null) });
    const { out, env } = setup('refused');
    const result = await pull(server, out, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('custom-security: refused: HTTP 403 Authorization_RequestDenied: Insufficient privileges');
    expect(result.stderr).toContain('CustomSecAttributeAuditLogs.Read.All and the Attribute Log Reader');
    expect(result.stderr).toContain('not in the file: custom-security');
    expect(await countsOf(out)).toEqual({ ...expected, 'custom-security': 0 });
  }, 60_000);

  it('renews the token once after a 401 and goes on', async () => {
    // tok-1 is good for the first three requests, then "expires"; az hands out tok-2 next.
    const server = await graph({ accepts: (token, { n }) => token === 'tok-2' || (token === 'tok-1' && n <= 3) });
    const { out, env, az } = setup('renew');
    const result = await pull(server, out, env, ['--logs', 'audit']);
    expect(result.code, result.stderr).toBe(0);
    expect(az.calls()).toHaveLength(2);
    expect(server.log.filter((l) => l.status === 401)).toHaveLength(1);
    expect((await countsOf(out)).directory).toBe(expected.directory);
  }, 60_000);

  it('stops on a page that keeps failing, keeps what arrived, and --resume continues without a duplicate or a gap', async () => {
    let broken = true;
    const server = await graph({ fault: ({ path, pageIndex }) => (broken && path === SIGN_INS && pageIndex === 2 ? { status: 500 } : null) });
    const { out, env } = setup('resume');
    const first = await pull(server, out, env);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('the pull stopped in sign-ins:interactiveUser after 800 records: HTTP 500');
    expect(first.stderr).toContain('--resume');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(true);
    broken = false;
    const before = server.log.length;
    const again = await pull(server, out, env);
    expect(again.stderr).toContain('is what an interrupted pull left');
    const second = await pull(server, out, env, ['--resume']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('sign-ins:interactiveUser: resuming after 800 records (2 pages)');
    // The logs done before the stop are not asked for again; the failed page is, from the last good link.
    const asked = server.log.slice(before).filter((l) => l.status === 200);
    expect(asked.some((l) => l.path === 'v1.0/auditLogs/directoryAudits')).toBe(false);
    expect(asked.find((l) => l.path === SIGN_INS)?.pageIndex).toBe(2);
    expect(server.poisonedFollows).toBe(0);
    expect(await countsOf(out)).toEqual(expected);
    expect(linesOf(out)).toHaveLength(records.length);
  }, 90_000);

  it('after SIGINT mid-pull there is no file at --out; --resume finishes it', async () => {
    let hold: (() => void) | null = null;
    const reached = new Promise<void>((resolve) => (hold = resolve));
    const server = await graph({
      fault: ({ path, pageIndex }) => {
        if (path === SIGN_INS && pageIndex === 1 && hold) {
          hold();
          hold = null;
        }
        return null;
      },
    });
    const { out, env } = setup('sigint');
    const child = spawn(process.execPath, [CLI, 'pull', '--auth', 'cli', '--graph-endpoint', server.origin, '--out', out, ...WINDOW, '--pace', '1/1s'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await reached;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain(`interrupted; what was pulled is kept in ${out}.partial: run the same command with --resume to continue`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial.state.json`)).toBe(true);
    const resumed = await pull(server, out, env, ['--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await countsOf(out)).toEqual(expected);
    expect(linesOf(out)).toHaveLength(records.length);
  }, 90_000);

  it('sends what Graph can express and filters the rest here: the same records query --filter keeps', async () => {
    const server = await graph();
    const { out, env } = setup('filter');
    const exact = await pull(server, out, env, ['--logs', 'sign-ins', '--filter', 'ip:=203.0.113.66']);
    expect(exact.code, exact.stderr).toBe(0);
    expect(server.filters.every((f) => f.includes("ipAddress eq '203.0.113.66'"))).toBe(true);
    const want = await runCli(['query', SAMPLE.pathname, '--count', '--pane', 'sign-ins', '--filter', 'ip:=203.0.113.66']);
    expect((await countsOf(out))['sign-ins']).toBe(Number(want.stdout.trim()));
    expect(Number(want.stdout.trim())).toBeGreaterThan(0);

    const loose = setup('filter-loose');
    const filter = 'actor:maren OR ip:203.0.113.66';
    const local = await pull(server, loose.out, loose.env, ['--filter', filter]);
    expect(local.code, local.stderr).toBe(0);
    const want2 = await countsOf(SAMPLE.pathname, filter);
    expect(await countsOf(loose.out)).toEqual(want2);
    expect(want2['sign-ins']).toBeGreaterThan(0);
    expect(want2.directory).toBeGreaterThan(0);
  }, 90_000);

  it('refuses before any request: a plain-http endpoint off loopback, an existing --out, a bad --logs', async () => {
    const { out, env } = setup('refuse');
    const http = await runCli(['pull', '--auth', 'cli', '--graph-endpoint', 'http://graph.example.com', '--out', out], { env });
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('--graph-endpoint must be an https address');
    const logs = await runCli(['pull', '--auth', 'cli', '--logs', 'audit,signins', '--out', out], { env });
    expect(logs.code).toBe(2);
    expect(logs.stderr).toContain('unknown log "signins"');
    const existing = tmp.write('existing.jsonl', '');
    const exists = await runCli(['pull', '--auth', 'cli', '--out', existing], { env });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists; pass --force to overwrite it');
  });

  it('says which credential was tried and what is needed when there is no token', async () => {
    const server = await graph();
    const az = fakeAz(tmp.path('az-logged-out'), { fail: true });
    const result = await runCli(['pull', '--auth', 'cli', '--graph-endpoint', server.origin, '--out', tmp.path('no-token.jsonl'), ...FAST], { env: { PATH: az.path } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`could not get a token for ${server.origin}`);
    expect(result.stderr).toContain("Azure CLI (the Azure CLI's login (az account get-access-token)): Please run 'az login'");
    expect(result.stderr).toContain('AuditLog.Read.All');
    expect(server.requests).toBe(0);
  });
});
