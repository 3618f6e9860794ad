/**
 * The Log Analytics source against a stand-in query API on 127.0.0.1: every row of every slice
 * exactly once, truncated answers split and asked again, throttling waited out as told, a stale
 * token refreshed once, and a refusal that fails the load instead of shortening it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { FeedItem } from '../../src/ingest/record-feed.js';
import type { TokenProvider } from '../../src/sources/auth/token-provider.js';
import { resolveEndpoint } from '../../src/sources/log-analytics/endpoint.js';
import { WorkspaceFeed, type WorkspaceFeedOptions } from '../../src/sources/log-analytics/workspace-feed.js';
import { SlicePlanner } from '../../src/sources/log-analytics/slices.js';
import { retryAfterMs } from '../../src/sources/retry-after.js';
import { FakeWorkspace, sampleRows, type Row } from '../helpers/log-analytics.js';

const SAMPLE = fileURLToPath(new URL('../../data/sample-tenant.jsonl.gz', import.meta.url));
const ROWS = sampleRows(SAMPLE);
const WINDOW = { fromMs: Date.parse('2026-10-01T00:00:00Z'), toMs: Date.parse('2026-12-01T00:00:00Z') };
const WORKSPACE = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

const tokens = (...values: string[]): TokenProvider & { asked: Array<boolean | undefined> } => {
  const asked: Array<boolean | undefined> = [];
  return {
    description: 'test tokens',
    asked,
    async token(_scope, options) {
      asked.push(options?.refresh);
      return values[Math.min(asked.length - 1, values.length - 1)];
    },
  };
};

let server: FakeWorkspace | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function feedOn(workspace: FakeWorkspace, options: Partial<WorkspaceFeedOptions> = {}): Promise<WorkspaceFeed> {
  const endpoint = resolveEndpoint(await workspace.start());
  if (!endpoint.ok) throw new Error(endpoint.message);
  return new WorkspaceFeed({
    workspace: WORKSPACE,
    endpoint: endpoint.url,
    scope: endpoint.scope,
    tokens: tokens('good'),
    queries: [{ table: 'AuditLogs', query: 'AuditLogs\n| project TimeGenerated, Type, Id' }],
    window: WINDOW,
    ...options,
  });
}

/** Every row the feed hands over, as its Id. */
async function idsFrom(feed: WorkspaceFeed): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of feed.items(new AbortController().signal) as AsyncIterable<FeedItem>) {
    const table = item.value as { columns: Array<{ name: string }>; rows: unknown[][] };
    const id = table.columns.findIndex((column) => column.name === 'Id');
    for (const row of table.rows) ids.push(String(row[id]));
  }
  return ids;
}

const auditIds = (rows: Row[]) => rows.filter((row) => row.Type === 'AuditLogs').map((row) => String(row.Id)).sort();

describe('Log Analytics source', () => {
  it('reads every row of the window once, slice by slice, each slice sent as the timespan', async () => {
    server = new FakeWorkspace(ROWS, { token: 'good' });
    const ids = await idsFrom(await feedOn(server));
    expect(ids.sort()).toEqual(auditIds(ROWS));
    const spans = server.received.map((request) => request.timespan.split('/').map(Date.parse));
    expect(spans.length).toBeGreaterThan(2);
    // Slices tile the window: each starts where the one before ended.
    expect(spans[0][0]).toBe(WINDOW.fromMs);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1]);
    expect(spans.at(-1)![1]).toBe(WINDOW.toMs);
  });

  it('splits a slice whose answer came back truncated (PartialError) and asks both halves again: no row lost, none twice', async () => {
    server = new FakeWorkspace(ROWS, { token: 'good', truncateAbove: 150 });
    const ids = await idsFrom(await feedOn(server, { firstSliceMs: 31 * 86_400_000 }));
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.sort()).toEqual(auditIds(ROWS));
    expect(auditIds(ROWS).length).toBeGreaterThan(150);
    // The first answer was truncated: the next two requests are its halves.
    const [first, left, right] = server.received.map((request) => request.timespan);
    const [from, to] = first.split('/');
    expect(left.split('/')[0]).toBe(from);
    expect(right.split('/')[1]).toBe(to);
    expect(left.split('/')[1]).toBe(right.split('/')[0]);
  });

  it('fails, naming the slice, when an answer is still truncated in a slice too short to split', async () => {
    server = new FakeWorkspace(ROWS, { token: 'good', truncateAbove: 0 });
    const logged = Date.parse(ROWS.find((row) => row.Type === 'AuditLogs')!.TimeGenerated as string);
    const feed = await feedOn(server, { window: { fromMs: logged - 2_000, toMs: logged + 2_000 } });
    const rows = (async () => {
      for await (const item of feed.items(new AbortController().signal)) void item;
    })();
    // One row in the slice, and the answer cut at none: never "no rows" in silence.
    await expect(rows).rejects.toThrow(/still truncated/);
  });

  it('waits out a 429 for its Retry-After before asking again', async () => {
    server = new FakeWorkspace(ROWS, { token: 'good', throttleFirstSeconds: 1 });
    const ids = await idsFrom(await feedOn(server));
    expect(ids.sort()).toEqual(auditIds(ROWS));
    expect(server.received[0].status).toBe(429);
    expect(server.received[1].status).toBe(200);
    expect(server.earlyRetries).toBe(0);
  });

  it('asks for a fresh token once after a 401, then goes on with it', async () => {
    server = new FakeWorkspace(ROWS, { token: 'fresh' });
    const provider = tokens('stale', 'fresh');
    const ids = await idsFrom(await feedOn(server, { tokens: provider }));
    expect(ids.length).toBe(auditIds(ROWS).length);
    expect(server.received[0].status).toBe(401);
    expect(provider.asked.slice(0, 2)).toEqual([undefined, true]);
  });

  it('fails with the service\'s words when the token stays refused', async () => {
    server = new FakeWorkspace(ROWS, { token: 'fresh' });
    const feed = await feedOn(server, { tokens: tokens('stale') });
    await expect(idsFrom(feed)).rejects.toThrow(/AuditLogs: The provided authentication is not valid/);
  });

  it('notes a table the workspace does not have and reads the others', async () => {
    server = new FakeWorkspace(ROWS, { token: 'good', missingTables: ['AADProvisioningLogs'] });
    const feed = await feedOn(server, {
      queries: [
        { table: 'AADProvisioningLogs', query: 'AADProvisioningLogs\n| project Id' },
        { table: 'AuditLogs', query: 'AuditLogs\n| project Id' },
      ],
    });
    expect((await idsFrom(feed)).sort()).toEqual(auditIds(ROWS));
    expect(feed.notes()).toEqual([expect.stringMatching(/^AADProvisioningLogs: not in this workspace/)]);
  });
});

describe('Log Analytics endpoint and limits', () => {
  it('takes https anywhere and plain http only to loopback; the token scope follows the endpoint', () => {
    expect(resolveEndpoint('https://api.loganalytics.azure.cn')).toMatchObject({ ok: true, scope: 'https://api.loganalytics.azure.cn/.default' });
    expect(resolveEndpoint('http://127.0.0.1:8080')).toMatchObject({ ok: true });
    expect(resolveEndpoint('http://api.loganalytics.azure.com')).toMatchObject({ ok: false });
    expect(resolveEndpoint('not a url')).toMatchObject({ ok: false });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Wed, 02 Dec 2026 14:00:10 GMT', Date.parse('2026-12-02T14:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(null, 0)).toBeNull();
  });

  it('grows slices after small answers and shrinks them after big ones', () => {
    const planner = new SlicePlanner({ fromMs: 0, toMs: 100_000_000 }, { rows: 1000, bytes: 1e9 }, 1_000_000);
    const first = planner.take()!;
    planner.answered(first, 10, 100);
    const second = planner.take()!;
    expect(second.toMs - second.fromMs).toBe(2_000_000);
    planner.answered(second, 900, 100);
    const third = planner.take()!;
    expect(third.toMs - third.fromMs).toBe(1_000_000);
  });
});
