/**
 * When to ask Graph again after a throttled or failed answer. 429, 503 and 504 say "later":
 * their `Retry-After` (seconds, or an HTTP date) is honoured to the second, never retried early;
 * without one, the wait doubles from 2 s with full jitter (so many pullers do not return in step),
 * capped at 2 minutes. A network error (reset, refused) waits the same way. After 6 attempts the
 * page fails: the Graph SDK's default is 3, and the reporting API is known to throttle in bursts.
 */

import { backoffMs as sharedBackoffMs, retryAfterMs, type Backoff } from '../retry-after.js';

export const MAX_ATTEMPTS = 6;
const BASE_MS = 2_000;
const CAP_MS = 120_000;
/** A Retry-After beyond this is not waited for: the page fails, and `--resume` continues later. */
export const LONGEST_RETRY_AFTER_MS = 10 * 60_000;

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Graph's backoff when it names no wait: from 2 s, doubling, capped at 2 minutes. */
export const GRAPH_BACKOFF: Backoff = { baseMs: BASE_MS, capMs: CAP_MS };

export { retryAfterMs };

/** The wait before attempt `attempt + 1` (attempt counts from 1) when Graph named none. */
export const backoffMs = (attempt: number, random: () => number = Math.random): number => sharedBackoffMs(attempt, GRAPH_BACKOFF, random);
