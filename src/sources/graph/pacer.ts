/**
 * Keeps requests under a rate: at most `requests` in any `windowMs` (a sliding window over the
 * times of the last requests). Graph's "identity and access reports" limit is 5 requests per
 * 10 s per app per tenant; going faster only earns 429s, which cost more time than pacing.
 * Retries count too: they are requests to the service.
 */
import { sleep } from '../retry-after.js';

export interface Rate {
  requests: number;
  windowMs: number;
}

/** The reporting API's published limit. */
export const GRAPH_REPORTS_RATE: Rate = { requests: 5, windowMs: 10_000 };

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}


export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep };

/** `5/10s`, `100/1s`, `2/1m` as `--pace` takes it; null when it is not one. */
export function parseRate(text: string): Rate | null {
  const match = /^(\d+)\/(\d+)(ms|s|m)$/.exec(text.trim());
  if (!match) return null;
  const requests = Number(match[1]);
  const windowMs = Number(match[2]) * (match[3] === 'ms' ? 1 : match[3] === 's' ? 1_000 : 60_000);
  return requests > 0 && windowMs > 0 ? { requests, windowMs } : null;
}

export class Pacer {
  private readonly recent: number[] = [];

  constructor(
    private readonly rate: Rate,
    private readonly clock: Clock,
  ) {}

  /** Wait until one more request keeps within the rate, then count it. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.recent.length > 0 && now - this.recent[0] >= this.rate.windowMs) this.recent.shift();
      if (this.recent.length < this.rate.requests) {
        this.recent.push(now);
        return;
      }
      await this.clock.sleep(this.recent[0] + this.rate.windowMs - now, signal);
    }
  }

  /** Hold every next request until `untilMs` (a Retry-After applies to the app, not one page). */
  async holdUntil(untilMs: number, signal?: AbortSignal): Promise<void> {
    const wait = untilMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, signal);
  }
}
