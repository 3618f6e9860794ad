/**
 * One query to the Log Analytics API, retried as the service asks: 429 and 503 honour
 * Retry-After (seconds or a date), else back off exponentially with jitter; a 401 asks for a
 * fresh token once. The answer is a value: the tables, whether it came back partial (a
 * PartialError: truncated at the service's limits), or why it failed.
 */
import { backoffMs, retryAfterMs, sleep } from '../retry-after.js';
import type { TokenProvider } from '../auth/token-provider.js';

export interface QueryTable {
  name?: string;
  columns: Array<{ name: string; type?: string }>;
  rows: unknown[][];
}

export type QueryAnswer =
  | { kind: 'ok'; tables: QueryTable[]; bytes: number; partial: string | null }
  /** The query ran too long or the answer was too big: the caller splits the slice. */
  | { kind: 'too-big'; reason: string }
  | { kind: 'failed'; status: number; message: string };

export interface RequestContext {
  url: string;
  scope: string;
  tokens: TokenProvider;
  signal?: AbortSignal;
  /** Waits between retries; tests may pass a shorter one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before each wait, for progress: why and how long. */
  onWait?: (reason: string, ms: number) => void;
  maxRetries?: number;
}

const DEFAULT_RETRIES = 6;
/** From 1 s, doubling, capped at a minute. */
const BACKOFF = { baseMs: 1_000, capMs: 60_000 };
/** The service gives up on a query after 10 minutes at most; ask for all of them. */
const SERVER_WAIT_SECONDS = 600;


interface ErrorBody {
  error?: { code?: string; message?: string; details?: Array<{ code?: string; message?: string; innererror?: { code?: string; message?: string } }> };
}

/** The service's own words: the error's message and its first detail's (they say which table, which column). */
function errorMessage(body: ErrorBody | null, fallback: string): string {
  const error = body?.error;
  if (!error) return fallback;
  const detail = error.details?.[0];
  const inner = detail?.innererror?.message ?? detail?.message;
  return [error.message, inner].filter((part): part is string => !!part && part.trim() !== '').join(': ') || error.code || fallback;
}

const TOO_BIG = /(partial|limit|exceed|too large|timeout|timed out)/i;

export async function runQuery(context: RequestContext, query: string, timespan: string): Promise<QueryAnswer> {
  const pause = context.sleep ?? sleep;
  const maxRetries = context.maxRetries ?? DEFAULT_RETRIES;
  let refreshed = false;
  let token = await context.tokens.token(context.scope, { signal: context.signal });
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(context.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: `wait=${SERVER_WAIT_SECONDS}` },
      body: JSON.stringify({ query, timespan }),
      signal: context.signal,
    });
    const text = await response.text();
    let body: (ErrorBody & { tables?: QueryTable[] }) | null = null;
    try {
      body = JSON.parse(text) as ErrorBody & { tables?: QueryTable[] };
    } catch {
      body = null;
    }
    if (response.status === 401 && !refreshed) {
      refreshed = true;
      token = await context.tokens.token(context.scope, { refresh: true, signal: context.signal });
      attempt--;
      continue;
    }
    if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
      // attempt counts from 0 here: the first retry waits about the base.
      const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? backoffMs(attempt + 1, BACKOFF);
      context.onWait?.(response.status === 429 ? 'throttled (429)' : 'service unavailable (503)', wait);
      await pause(wait, context.signal);
      continue;
    }
    // A gateway timeout is a query that ran too long: smaller slices, not the same one again.
    if (response.status === 504) return { kind: 'too-big', reason: 'the query timed out (504)' };
    if (!response.ok) {
      const message = errorMessage(body, `HTTP ${response.status} ${response.statusText}`);
      if (response.status === 400 && TOO_BIG.test(message) && /limit|exceed|timeout|timed out/i.test(message)) return { kind: 'too-big', reason: message };
      return { kind: 'failed', status: response.status, message };
    }
    if (!body || !Array.isArray(body.tables)) return { kind: 'failed', status: response.status, message: 'the answer holds no tables' };
    // A 200 with an error beside the tables is a partial result: rows are missing.
    const partial = body.error ? errorMessage(body, body.error.code ?? 'PartialError') : null;
    return { kind: 'ok', tables: body.tables, bytes: Buffer.byteLength(text), partial };
  }
}
