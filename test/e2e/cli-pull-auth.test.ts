/**
 * How `pull` gets its token, with nothing leaving the machine: the environment's app registration
 * against a sign-in stand-in on https://127.0.0.1 (AZURE_AUTHORITY_HOST), the Azure CLI through a
 * fake `az`, and the default chain's message when nothing is set up: each credential tried, what
 * it said, and what the identity needs.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeAz } from '../helpers/fake-az.js';
import { FakeAuthority, TEST_CA } from '../helpers/fake-authority.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir('entra-audit-pull-auth-');
const AUDITS = [1, 2, 3].map((n) => ({
  id: `Directory_${n}`,
  category: 'UserManagement',
  correlationId: `c-${n}`,
  result: 'success',
  resultReason: '',
  activityDisplayName: 'Update user',
  activityDateTime: `2026-11-19T02:2${n}:00.1234567Z`,
  loggedByService: 'Core Directory',
  operationType: 'Update',
  initiatedBy: { user: { id: 'u1', userPrincipalName: 'maren@contoso.example', ipAddress: '203.0.113.66' }, app: null },
  targetResources: [],
  additionalDetails: [],
}));
/** No AZURE_* from the machine running the tests may leak in: an empty value is "not set". */
const NO_AZURE = { AZURE_TENANT_ID: '', AZURE_CLIENT_ID: '', AZURE_CLIENT_SECRET: '', AZURE_CLIENT_CERTIFICATE_PATH: '', AZURE_AUTHORITY_HOST: '' };

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()));
  stops = [];
});

async function servers(accepts: (token: string) => boolean) {
  const graph = new FakeGraph({ records: { 'v1.0/auditLogs/directoryAudits': AUDITS }, accepts });
  const authority = new FakeAuthority();
  await Promise.all([graph.start(), authority.start()]);
  stops.push(() => graph.stop(), () => authority.stop());
  return { graph, authority };
}

const args = (graph: FakeGraph, out: string, extra: string[] = []) => ['pull', '--graph-endpoint', graph.origin, '--logs', 'audit', '--since', '2026-11-01', '--pace', '100/1s', '--out', out, ...extra];

describe('pull: authentication', () => {
  it('the default chain takes the environment\'s client secret first, for the endpoint\'s own audience', async () => {
    const { graph, authority } = await servers((token) => token.startsWith('env-token-'));
    const az = fakeAz(tmp.path('az-unused'));
    const env = { ...NO_AZURE, PATH: az.path, AZURE_TENANT_ID: 'contoso-tenant', AZURE_CLIENT_ID: 'app-1', AZURE_CLIENT_SECRET: 'not-a-real-secret', AZURE_AUTHORITY_HOST: authority.origin, NODE_EXTRA_CA_CERTS: TEST_CA };
    const out = tmp.path('env.jsonl');
    const result = await runCli(args(graph, out), { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('# wrote 3 events');
    expect(authority.tokenRequests).toHaveLength(1);
    expect(authority.tokenRequests[0].get('scope')).toBe(`${graph.origin}/.default`);
    expect(authority.tokenRequests[0].get('client_secret')).toBe('not-a-real-secret');
    expect(az.calls()).toEqual([]);
  }, 60_000);

  it('--auth env names the variables that are missing', async () => {
    const { graph } = await servers(() => true);
    const result = await runCli(args(graph, tmp.path('env-missing.jsonl'), ['--auth', 'env']), { env: { ...NO_AZURE, AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'app-1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('environment (app registration): not set up: AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH is not set');
    expect(graph.requests).toBe(0);
  });

  it('with nothing set up, says what each credential of the chain answered and what is needed', async () => {
    const { graph } = await servers(() => true);
    const az = fakeAz(tmp.path('az-logged-out'), { fail: true });
    const out = tmp.path('none.jsonl');
    const result = await runCli(args(graph, out), { env: { ...NO_AZURE, PATH: az.path } });
    expect(result.code).toBe(1);
    const lines = result.stderr;
    expect(lines).toContain('environment (app registration): not set up: AZURE_TENANT_ID (or --tenant), AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are not set');
    expect(lines).toContain("Azure CLI (the Azure CLI's login (az account get-access-token)): Please run 'az login'");
    expect(lines).toContain('device code: not tried: there is no terminal to show the code on (ask for it with --auth device-code)');
    expect(lines).toContain("az login --use-device-code");
    expect(lines).toContain('CustomSecAttributeAuditLogs.Read.All and the Attribute Log Reader role');
    expect(lines).toContain('Entra ID P1 or P2');
    expect(lines).toContain('Nothing was pulled.');
    expect(graph.requests).toBe(0);
    // No sign-in, no files: nothing to --resume or clean up.
    expect(existsSync(`${out}.partial`) || existsSync(`${out}.partial.state.json`)).toBe(false);
  });

  it('passes --tenant to the Azure CLI', async () => {
    const { graph } = await servers((token) => token.startsWith('tok-'));
    const az = fakeAz(tmp.path('az-tenant'));
    const result = await runCli(args(graph, tmp.path('tenant.jsonl'), ['--auth', 'cli', '--tenant', 'contoso.example']), { env: { ...NO_AZURE, PATH: az.path } });
    expect(result.code, result.stderr).toBe(0);
    expect(az.calls()[0]).toBe(`account get-access-token --output json --resource ${graph.origin} --tenant contoso.example`);
  });
});
