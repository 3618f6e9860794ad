/**
 * A pull's progress on stderr: per collection the records, pages and rate, and the time left
 * when it can be known. Graph gives no total, but pages come newest first, so how far back the
 * last record is, against the time window, says how much of the window is done. On a terminal
 * one line is redrawn (at most four times a second); to a file or pipe, one line per collection
 * and per retry, so a log of the run stays short. Every message passes through sanitize (Graph's
 * error text is the service's, but it is still text from outside).
 */
import type { GraphCollection } from '../sources/graph/collections.js';
import type { RetryNotice } from '../sources/graph/graph-client.js';
import { describeStatus } from '../sources/graph/graph-client.js';
import type { CollectionState } from '../sources/graph/pull-state.js';
import type { PageProgress, PullEvents } from '../sources/graph/pull.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';

const REDRAW_MS = 250;

export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 1) return 'under 1 s';
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface ProgressOptions {
  write: (text: string) => void;
  terminal: boolean;
  now: () => number;
  symbols: Symbols;
  window: { sinceMs: number; untilMs: number | null };
  /** The terminal's width: a redrawn line that wrapped could not be redrawn in place. */
  columns: () => number;
}

export class PullProgress implements PullEvents {
  private started = 0;
  private startRecords = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {}

  private say(text: string): void {
    this.clearLine();
    this.options.write(`entra-audit: ${sanitize(text, this.options.symbols)}\n`);
  }

  private clearLine(): void {
    if (this.drawn) this.options.write('\r\x1b[K');
    this.drawn = false;
  }

  collectionStarted(collection: GraphCollection, state: CollectionState): void {
    this.started = this.options.now();
    this.startRecords = state.records;
    if (state.records > 0) this.say(`${collection.id}: resuming after ${state.records.toLocaleString('en-US')} records (${state.pages} pages)`);
  }

  page(collection: GraphCollection, state: CollectionState, page: PageProgress): void {
    if (!this.options.terminal) return;
    const now = this.options.now();
    if (now - this.lastDraw < REDRAW_MS && state.next !== null) return;
    this.lastDraw = now;
    this.clearLine();
    const text = sanitize(`entra-audit: ${this.line(collection, state, page.oldestMs, now)}`, this.options.symbols);
    this.options.write(text.slice(0, Math.max(20, this.options.columns() - 1)));
    this.drawn = true;
  }

  /** `audit: 12,000 records, 12 pages, 950/s, ~2 min left` */
  line(collection: GraphCollection, state: CollectionState, oldestMs: number | null, now: number): string {
    const elapsed = now - this.started;
    const fresh = state.records - this.startRecords;
    const parts = [`${collection.id}: ${state.records.toLocaleString('en-US')} records`, `${state.pages} page${state.pages === 1 ? '' : 's'}`];
    if (elapsed > 0) parts.push(`${Math.round((fresh * 1000) / elapsed).toLocaleString('en-US')}/s`);
    const { sinceMs, untilMs } = this.options.window;
    const end = untilMs ?? now;
    if (oldestMs !== null && end > sinceMs && elapsed > 0) {
      const done = Math.min(1, Math.max(0, (end - oldestMs) / (end - sinceMs)));
      if (done > 0 && done < 1) parts.push(`~${durationText((elapsed * (1 - done)) / done)} left`);
    }
    return parts.join(', ');
  }

  retry(collection: GraphCollection, notice: RetryNotice): void {
    const why = describeStatus(notice.status);
    this.say(`${collection.id}: ${why}; again in ${durationText(notice.waitMs)}${notice.fromService ? ' (Retry-After)' : ' (backoff)'}`);
  }

  filterRefused(collection: GraphCollection, message: string): void {
    this.say(`${collection.id}: Graph refused the filter pushed down (${message}); pulling the time window alone and filtering here`);
  }

  refused(collection: GraphCollection, message: string): void {
    this.say(`${collection.id}: refused: ${message}`);
  }

  collectionDone(collection: GraphCollection, state: CollectionState): void {
    const elapsed = this.options.now() - this.started;
    this.say(`${collection.id}: ${state.records.toLocaleString('en-US')} records in ${state.pages} page${state.pages === 1 ? '' : 's'} (${durationText(elapsed)})`);
  }

  /** Before any other message (an error), so it does not land on the progress line. */
  finish(): void {
    this.clearLine();
  }
}
