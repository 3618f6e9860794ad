/**
 * One page of a Graph collection, fetched the way the reporting API wants to be asked: paced,
 * retried after 429/503/504 as the service says (retry-policy.ts), with the token renewed once
 * after a 401. A page is a success only when it is a 200 whose body is JSON with a `value` array;
 * anything else is retried or fails, and its `@odata.nextLink` is never looked at: a link from a
 * failed answer may name a page the service no longer has (DirectoryPageTokenNotFoundException).
 */
import type { TokenProvider } from '../auth/token-provider.js';
import { isSameService, type ServiceEndpoint } from '../endpoint.js';
import type { Clock, Pacer } from './pacer.js';
import { backoffMs, LONGEST_RETRY_AFTER_MS, MAX_ATTEMPTS, RETRIED_STATUSES, retryAfterMs } from './retry-policy.js';

export interface GraphPage {
  records: unknown[];
  /** Absent on the last page. Verbatim, as the service wrote it. */
  nextLink: string | null;
}

/** An answer that ended the page: `status` 0 when no HTTP answer came (the network). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    /** Graph's own `error.code` (`Authorization_RequestDenied`), when it sent one. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RetryNotice {
  status: number;
  waitMs: number;
  attempt: number;
  /** Whether the wait is the service's (Retry-After) or our own backoff. */
  fromService: boolean;
}

export interface GraphClientOptions {
  endpoint: ServiceEndpoint;
  tokens: TokenProvider;
  pacer: Pacer;
  clock: Clock;
  fetch?: typeof fetch;
  random?: () => number;
}

type Attempt = { page: GraphPage } | { retry: { status: number; waitMs: number; fromService: boolean } } | { refresh: true };

/** Graph's error body, `{"error":{"code","message"}}`, in one line. */
async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === 'string' ? body.error.code : '';
    const message = typeof body.error?.message === 'string' ? body.error.message : '';
    return { code, message: message.replace(/\s+/g, ' ').slice(0, 300) };
  } catch {
    return { code: '', message: text.replace(/\s+/g, ' ').slice(0, 200) };
  }
}

/** The page in a 200's body, or null when the body is not one (cut short, HTML from a proxy). */
function pageOf(text: string): GraphPage | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { value?: unknown }).value)) return null;
  const link = (body as Record<string, unknown>)['@odata.nextLink'];
  return { records: (body as { value: unknown[] }).value, nextLink: typeof link === 'string' && link !== '' ? link : null };
}

export class GraphClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: GraphClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /** `onRetry` hears of each wait before it starts (for progress: "throttled, waiting 30 s"). */
  async page(url: string, onRetry?: (notice: RetryNotice) => void, signal?: AbortSignal): Promise<GraphPage> {
    const { endpoint, tokens, pacer, clock } = this.options;
    // The token goes only to the service it is for, whatever a response's link says.
    if (!isSameService(url, endpoint)) throw new GraphError(0, '', `Graph handed back a link to another address (${new URL(url).origin}, not ${endpoint.origin}): not followed`);
    let refreshed = false;
    let refreshNext = false;
    for (let attempt = 1; ; attempt++) {
      await pacer.take(signal);
      const token = await tokens.token(endpoint.scope, { refresh: refreshNext, signal });
      refreshNext = false;
      const outcome = await this.attempt(url, token, attempt, signal);
      if ('page' in outcome) {
        const next = outcome.page.nextLink;
        if (next !== null && !isSameService(next, endpoint)) throw new GraphError(0, '', `Graph handed back a next link to another address (${safeOrigin(next)}): not followed`);
        return outcome.page;
      }
      if ('refresh' in outcome) {
        if (refreshed) throw new GraphError(401, '', `the token from ${tokens.description} was refused (401) even after renewing it`);
        refreshed = true;
        refreshNext = true;
        continue;
      }
      const { status, waitMs, fromService } = outcome.retry;
      if (attempt >= MAX_ATTEMPTS) throw new GraphError(status, '', `gave up after ${MAX_ATTEMPTS} attempts: ${describeStatus(status)}`);
      if (waitMs > LONGEST_RETRY_AFTER_MS) throw new GraphError(status, '', `Graph asked to wait ${Math.round(waitMs / 60_000)} minutes (Retry-After); try again later with --resume`);
      onRetry?.({ status, waitMs, attempt, fromService });
      await pacer.holdUntil(clock.now() + waitMs, signal);
    }
  }

  private async attempt(url: string, token: string, attempt: number, signal?: AbortSignal): Promise<Attempt> {
    const backoff = () => backoffMs(attempt, this.options.random);
    let response: Response;
    try {
      response = await this.fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      return { retry: { status: 0, waitMs: backoff(), fromService: false } };
    }
    if (response.status === 200) {
      const text = await response.text().catch(() => null);
      const page = text === null ? null : pageOf(text);
      // A 200 whose body is not a page is a failed answer like any other: its link is not used.
      return page ? { page } : { retry: { status: 200, waitMs: backoff(), fromService: false } };
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return { refresh: true };
    }
    if (RETRIED_STATUSES.has(response.status)) {
      const asked = retryAfterMs(response.headers.get('retry-after'), this.options.clock.now());
      await response.body?.cancel();
      return { retry: { status: response.status, waitMs: asked ?? backoff(), fromService: asked !== null } };
    }
    const { code, message } = await errorOf(response);
    throw new GraphError(response.status, code, `${describeStatus(response.status)}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`);
  }
}

function safeOrigin(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return 'not a URL';
  }
}

export function describeStatus(status: number): string {
  if (status === 0) return 'no answer (network error)';
  if (status === 200) return 'an answer that was not a page of records';
  if (status === 429) return 'throttled (429)';
  if (status === 503) return 'service unavailable (503)';
  if (status === 504) return 'gateway timeout (504)';
  return `HTTP ${status}`;
}
