/**
 * The Graph client's rules with a fake clock and a scripted fetch (no network, no waiting):
 * Retry-After in seconds and as a date, backoff bounds, pacing under the reporting API's rate,
 * one token renewal after a 401, no link taken from a failed answer, no token sent elsewhere,
 * and the endpoint check.
 */
import { describe, expect, it } from 'vitest';
import { isSameService, parseServiceEndpoint } from '../../src/sources/endpoint.js';
import { GraphClient, GraphError } from '../../src/sources/graph/graph-client.js';
import { Pacer, parseRate, type Clock } from '../../src/sources/graph/pacer.js';
import { backoffMs, MAX_ATTEMPTS, retryAfterMs } from '../../src/sources/graph/retry-policy.js';
import type { TokenProvider } from '../../src/sources/auth/token-provider.js';

class FakeClock implements Clock {
  t = 1_000_000;
  readonly sleeps: number[] = [];
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

const ENDPOINT = { origin: 'https://graph.microsoft.com', scope: 'https://graph.microsoft.com/.default' };

function tokens(): TokenProvider & { asked: boolean[] } {
  let n = 0;
  const asked: boolean[] = [];
  return { description: 'a test token', asked, token: async (_scope, options) => (asked.push(options?.refresh === true), `t${++n}`) };
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function scripted(answers: Answer[]) {
  const seen: { url: string; auth: string }[] = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), auth: (init?.headers as Record<string, string>).authorization });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {}), { status: answer.status, headers: answer.headers });
  }) as typeof fetch;
  return { fetcher, seen };
}

function client(answers: Answer[], clock = new FakeClock()) {
  const { fetcher, seen } = scripted(answers);
  const provider = tokens();
  const graph = new GraphClient({ endpoint: ENDPOINT, tokens: provider, pacer: new Pacer({ requests: 100, windowMs: 1000 }, clock), clock, fetch: fetcher, random: () => 0.5 });
  return { graph, seen, clock, provider };
}

const PAGE = { value: [{ id: 'a' }], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=x1' };

describe('retry policy', () => {
  it('reads Retry-After as seconds or an HTTP date, and nothing else', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    const now = Date.parse('2026-11-19T02:20:00Z');
    expect(retryAfterMs('Thu, 19 Nov 2026 02:20:45 GMT', now)).toBe(45_000);
    expect(retryAfterMs('Thu, 19 Nov 2026 02:19:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon-ish 1', now)).toBeNull();
  });

  it('backs off by doubling from 2 s with jitter, capped at 2 minutes', () => {
    expect([1, 2, 3].map((a) => backoffMs(a, () => 0))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((a) => backoffMs(a, () => 1))).toEqual([2000, 4000, 8000]);
    expect(backoffMs(20, () => 1)).toBe(120_000);
  });

  it('parses --pace', () => {
    expect(parseRate('5/10s')).toEqual({ requests: 5, windowMs: 10_000 });
    expect(parseRate('2/1m')).toEqual({ requests: 2, windowMs: 60_000 });
    expect(parseRate('0/1s')).toBeNull();
    expect(parseRate('fast')).toBeNull();
  });
});

describe('Pacer', () => {
  it('lets at most 5 requests into any 10 s', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ requests: 5, windowMs: 10_000 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      await pacer.take();
      times.push(clock.t - 1_000_000);
    }
    expect(times).toEqual([0, 0, 0, 0, 0, 10_000, 10_000, 10_000, 10_000, 10_000, 20_000, 20_000]);
  });
});

describe('GraphClient.page', () => {
  it('waits what Retry-After says after a 429, then returns the page and its link verbatim', async () => {
    const { graph, clock } = client([{ status: 429, headers: { 'retry-after': '7' } }, { status: 200, body: PAGE }]);
    const notices: number[] = [];
    const page = await graph.page('https://graph.microsoft.com/v1.0/auditLogs/directoryAudits', (n) => notices.push(n.waitMs));
    expect(page.nextLink).toBe(PAGE['@odata.nextLink']);
    expect(page.records).toEqual([{ id: 'a' }]);
    expect(notices).toEqual([7000]);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('never takes a link from a failed answer: the same page is asked again', async () => {
    const poisoned = { error: { code: 'x' }, '@odata.nextLink': 'https://graph.microsoft.com/poison' };
    const { graph, seen } = client([{ status: 503, body: poisoned }, { status: 200, body: '{"value": [' }, { status: 200, body: PAGE }]);
    await graph.page('https://graph.microsoft.com/p1');
    expect(seen.map((s) => s.url)).toEqual(['https://graph.microsoft.com/p1', 'https://graph.microsoft.com/p1', 'https://graph.microsoft.com/p1']);
  });

  it('renews the token once after a 401; a second 401 is an error in words', async () => {
    const ok = client([{ status: 401 }, { status: 200, body: PAGE }]);
    await ok.graph.page('https://graph.microsoft.com/p1');
    expect(ok.provider.asked).toEqual([false, true]);
    expect(ok.seen.map((s) => s.auth)).toEqual(['Bearer t1', 'Bearer t2']);
    const refused = client([{ status: 401 }, { status: 401 }]);
    await expect(refused.graph.page('https://graph.microsoft.com/p1')).rejects.toThrow('was refused (401) even after renewing it');
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and at once on a 403 with Graph's words`, async () => {
    const busy = client(Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503 })));
    await expect(busy.graph.page('https://graph.microsoft.com/p1')).rejects.toThrow(`gave up after ${MAX_ATTEMPTS} attempts: service unavailable (503)`);
    const denied = client([{ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } } }]);
    const error = await denied.graph.page('https://graph.microsoft.com/p1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(403);
    expect((error as GraphError).message).toBe('HTTP 403 Authorization_RequestDenied: Insufficient privileges.');
  });

  it('sends the token only to the endpoint it is for', async () => {
    const foreign = client([{ status: 200, body: { value: [], '@odata.nextLink': 'https://evil.example/next' } }]);
    await expect(foreign.graph.page('https://graph.microsoft.com/p1')).rejects.toThrow('next link to another address (https://evil.example)');
    const elsewhere = client([]);
    await expect(elsewhere.graph.page('https://evil.example/p1')).rejects.toThrow('not followed');
    expect(elsewhere.seen).toEqual([]);
  });
});

describe('service endpoints', () => {
  it('takes https, and plain http only to loopback; the audience follows the address', () => {
    expect(parseServiceEndpoint('https://graph.microsoft.us', '--graph-endpoint')).toEqual({ ok: true, endpoint: { origin: 'https://graph.microsoft.us', scope: 'https://graph.microsoft.us/.default' } });
    expect(parseServiceEndpoint('http://127.0.0.1:8080/', '--graph-endpoint').ok).toBe(true);
    expect(parseServiceEndpoint('http://[::1]:8080', '--graph-endpoint').ok).toBe(true);
    for (const bad of ['http://graph.microsoft.com', 'https://graph.microsoft.com/v1.0', 'https://user:pw@graph.microsoft.com', 'graph.microsoft.com']) {
      expect(parseServiceEndpoint(bad, '--graph-endpoint').ok, bad).toBe(false);
    }
    expect(isSameService('https://graph.microsoft.com/beta/x?$skiptoken=1', ENDPOINT)).toBe(true);
    expect(isSameService('https://graph.microsoft.com.evil.example/x', ENDPOINT)).toBe(false);
  });
});
