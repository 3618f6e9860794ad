/**
 * Waiting before asking a service again, for every live source (Graph, Log Analytics): the
 * service's own `Retry-After` when it names one, else a doubling wait with jitter, so a pause is
 * never shorter than asked and many clients do not come back in step. One decision, one place.
 */

/** The wait a Retry-After header asks for in ms (delta seconds, or an HTTP date), or null when there is none or it cannot be read. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1_000);
  // An HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110's IMF-fixdate); a date already past means "now".
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export interface Backoff {
  /** The wait before the second attempt's upper bound. */
  baseMs: number;
  capMs: number;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1) when the service named none: half fixed, half random. */
export function backoffMs(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  // Never a retry at once, never all clients together.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Wait `ms`, or stop at once (rejecting with its reason) when `signal` aborts: a Ctrl-C is not held up by a long Retry-After. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
