/**
 * The pull's progress line: records, pages, rate, and the time left from how far back through
 * the window the pages (newest first) have reached; said only when it can be known.
 */
import { describe, expect, it } from 'vitest';
import { PullProgress } from '../../src/cli/pull-progress.js';
import { GRAPH_COLLECTIONS } from '../../src/sources/graph/collections.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';

const DAY = 86_400_000;
const audit = GRAPH_COLLECTIONS[0];

function progress(now: { t: number }) {
  return new PullProgress({ write: () => {}, terminal: true, now: () => now.t, symbols: UNICODE_SYMBOLS, window: { sinceMs: 0, untilMs: 10 * DAY }, columns: () => 80 });
}

describe('PullProgress', () => {
  it('estimates the time left from the share of the window the pages have covered', () => {
    const now = { t: 1_000_000 };
    const shown = progress(now);
    const state = { status: 'running' as const, next: 'x', records: 0, pages: 0 };
    shown.collectionStarted(audit, state);
    now.t += 60_000;
    // A minute to get from the window's end back 2.5 of its 10 days: three more minutes to go.
    expect(shown.line(audit, { ...state, records: 6000, pages: 6 }, 7.5 * DAY, now.t)).toBe('audit: 6,000 records, 6 pages, 100/s, ~3 min left');
    expect(shown.line(audit, { ...state, records: 6000, pages: 6 }, null, now.t)).toBe('audit: 6,000 records, 6 pages, 100/s');
  });
});
