/**
 * When to ask Graph again after a throttled or failed answer. 429, 503 and 504 say "later":
 * their `Retry-After` (seconds, or an HTTP date) is honoured to the second, never retried early;
 * without one, the wait doubles from 2 s with full jitter (so many pullers do not return in step),
 * capped at 2 minutes. A network error (reset, refused) waits the same way. After 6 attempts the
 * page fails: the Graph SDK's default is 3, and the reporting API is known to throttle in bursts.
 */

export const MAX_ATTEMPTS = 6;
const BASE_MS = 2_000;
const CAP_MS = 120_000;
/** A Retry-After beyond this is not waited for: the page fails, and `--resume` continues later. */
export const LONGEST_RETRY_AFTER_MS = 10 * 60_000;

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** The wait a Retry-After header asks for in ms, or null when there is none or it cannot be read. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // An HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110's IMF-fixdate); a date already past means "now".
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1) when the service named none. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: never a retry at once, never all pullers together.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
