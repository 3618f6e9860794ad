/**
 * A Log Analytics workspace as a source of records: each table's query run slice after slice
 * (slices.ts), each answer's tables handed to the loader as a query API result (the Log
 * Analytics reader expands them into rows). A truncated answer is split and asked again; one that
 * cannot be split, or a refusal, fails the source with the service's words: never a short count.
 */
import type { FeedItem, RecordFeed } from '../../ingest/record-feed.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { queryUrl } from './endpoint.js';
import { runQuery, type RequestContext } from './query-request.js';
import { SlicePlanner, type Slice, type SliceLimits } from './slices.js';

export interface WorkspaceTableQuery {
  table: string;
  /** The KQL, without the time window: each slice is sent as the API's timespan. */
  query: string;
}

export interface WorkspaceFeedOptions {
  workspace: string;
  endpoint: URL;
  scope: string;
  tokens: TokenProvider;
  queries: readonly WorkspaceTableQuery[];
  window: Slice;
  /** Tests: smaller limits, a shorter first slice, no real waits. */
  limits?: SliceLimits;
  firstSliceMs?: number;
  sleep?: RequestContext['sleep'];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const timespanOf = (slice: Slice): string => `${iso(slice.fromMs)}/${iso(slice.toMs)}`;

/** A 400 naming a table the workspace lacks (no diagnostic setting routes that log there): a note, not a failure. */
const MISSING_TABLE = /(failed to resolve|could not be resolved|unknown table|'?\w+'? (?:table )?(?:was )?not found)/i;

export class WorkspaceFeed implements RecordFeed {
  readonly name: string;
  private current = 'starting';
  private readonly noted: string[] = [];

  constructor(private readonly options: WorkspaceFeedOptions) {
    this.name = `workspace ${options.workspace}`;
  }

  status(): string {
    return this.current;
  }

  /** Show `message` as the feed's status until the next step (a device code to type, in the explorer). */
  say(message: string): void {
    this.current = message;
  }

  notes(): string[] {
    return [...this.noted];
  }

  async *items(signal: AbortSignal): AsyncIterable<FeedItem> {
    const { options } = this;
    const context: RequestContext = {
      url: queryUrl(options.endpoint, options.workspace),
      scope: options.scope,
      tokens: options.tokens,
      signal,
      sleep: options.sleep,
      onWait: (reason, ms) => (this.current = `${this.current.split(' · ')[0]} · ${reason}, retrying in ${Math.ceil(ms / 1000)} s`),
    };
    for (const [index, { table, query }] of options.queries.entries()) {
      const planner = new SlicePlanner(options.window, options.limits, options.firstSliceMs);
      const limits = options.limits ?? { rows: 500_000, bytes: 100 * 1024 * 1024 };
      let slices = 0;
      for (let slice = planner.take(); slice !== null; slice = planner.take()) {
        this.current = `${table} (${index + 1}/${options.queries.length}) ${Math.floor(planner.covered() * 100)}%`;
        const answer = await runQuery(context, query, timespanOf(slice));
        if (answer.kind === 'failed') {
          if (answer.status === 400 && MISSING_TABLE.test(answer.message) && slices === 0) {
            this.noted.push(`${table}: not in this workspace (${answer.message}); nothing read from it`);
            break;
          }
          throw new Error(`${table}: ${answer.message}${answer.status === 403 ? ' (reading a workspace needs a role such as Log Analytics Reader)' : ''}`);
        }
        const rows = answer.kind === 'ok' ? answer.tables.reduce((sum, t) => sum + t.rows.length, 0) : 0;
        // At the row limit the answer may be cut there without saying so: split it as if it had said.
        const truncated = answer.kind === 'too-big' ? answer.reason : answer.partial ?? (rows >= limits.rows ? `${rows} rows, the most one answer holds` : null);
        if (truncated !== null) {
          if (!planner.truncated(slice)) throw new Error(`${table}: the answer for ${timespanOf(slice)} is still truncated (${truncated}) in a slice too short to split`);
          continue;
        }
        planner.answered(slice, rows, answer.kind === 'ok' ? answer.bytes : 0);
        slices++;
        if (answer.kind !== 'ok') continue;
        let first = true;
        for (const result of answer.tables) {
          yield { value: { name: result.name, columns: result.columns, rows: result.rows }, bytes: first ? answer.bytes : 0 };
          first = false;
        }
      }
    }
    this.current = 'done';
  }
}
