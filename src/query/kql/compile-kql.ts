/**
 * A parsed query to the KQL run against each Log Analytics table: the time window (what the
 * query API's `timespan` and a pasted query's first `where` bound), the pane, the filter's
 * conditions, and the columns the Log Analytics readers read. Rows that come back are loaded as
 * any Log Analytics export is and filtered again by the local engine, which decides what KQL
 * could only narrow (terms.ts).
 */
import type { Term } from '../ast.js';

import { CUSTOM_SECURITY_CATEGORY } from '../../model/audit-event.js';
import type { PaneChoice } from '../../model/pane.js';
import { datetimeLiteral, FOLDING_CHARACTERS_REGEX, plainLiteral } from './literals.js';
import { columnText, termsCondition } from './terms.js';
import { isOptionalColumn, tablesFor, type TableSpec } from './tables.js';

/** Records reach a workspace minutes to hours after they happen: a since:/until: window on TimeGenerated is widened by this. */
export const INGESTION_LAG_MS = 24 * 3_600_000;
/** And TimeGenerated may be a little before the record's own time (clocks differ). */
export const INGESTION_LEAD_MS = 3_600_000;

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export interface TableQuery {
  table: TableSpec;
  /** The query text, without the time window (the API's timespan gives it). */
  body: string;
  /** Terms the local engine decides alone (not pushed down): for the `kql` command's notes. */
  local: Term[];
}

export interface KqlPlan {
  /** The TimeGenerated window: the source window (--since/--until) narrowed by since:/until: terms, with their slack. */
  window: TimeWindow;
  queries: TableQuery[];
}

export interface KqlOptions {
  pane: PaneChoice;
  /** The source window on TimeGenerated: --since, --until (now). */
  window: TimeWindow;
}

/** The window the query's own since:/until: terms allow (top-level only: inside OR they bound nothing). */
function termWindow(terms: readonly Term[], window: TimeWindow): TimeWindow {
  let { fromMs, toMs } = window;
  for (const term of terms) {
    if (term.kind === 'since') fromMs = Math.max(fromMs, term.ms - INGESTION_LEAD_MS);
    if (term.kind === 'until') toMs = Math.min(toMs, term.ms + INGESTION_LAG_MS);
  }
  return { fromMs, toMs: Math.max(fromMs, toMs) };
}

/** AuditLogs holds both audit panes; the custom-security category decides between them (model/pane.ts paneOf). */
function paneCondition(table: TableSpec, pane: PaneChoice): string | null {
  if (table.name !== 'AuditLogs' || pane === 'all') return null;
  const category = columnText(table, { column: 'Category' });
  const isCustomSecurity = `${category} =~ ${plainLiteral(CUSTOM_SECURITY_CATEGORY)}`;
  const folding = `${category} matches regex ${FOLDING_CHARACTERS_REGEX}`;
  return pane === 'custom-security' ? `(${isCustomSecurity} or ${folding})` : `(not(${isCustomSecurity}) or ${folding})`;
}

function projection(table: TableSpec): string {
  return table.columns.map((column) => (isOptionalColumn(table, column) ? `${column} = column_ifexists(${plainLiteral(column)}, "")` : column)).join(', ');
}

export function compileKql(terms: readonly Term[], options: KqlOptions): KqlPlan {
  const window = termWindow(terms, options.window);
  const queries = tablesFor(options.pane).map((table): TableQuery => {
    const condition = termsCondition(table, terms);
    const lines = [table.name];
    const pane = paneCondition(table, options.pane);
    if (pane) lines.push(`| where ${pane}`);
    if (condition.kql !== null) lines.push(`| where ${condition.kql}`);
    lines.push(`| project ${projection(table)}`);
    return { table, body: lines.join('\n'), local: condition.local };
  });
  return { window, queries };
}

/** The query with its window written in, for pasting into the portal or Sentinel (where no timespan is sent). */
export function pastableQuery(query: TableQuery, window: TimeWindow): string {
  const [first, ...rest] = query.body.split('\n');
  return [first, `| where TimeGenerated between (${datetimeLiteral(window.fromMs)} .. ${datetimeLiteral(window.toMs)})`, ...rest].join('\n');
}

/** The query API's `timespan`: an ISO 8601 interval. */
export const timespanOf = (window: TimeWindow): string => `${new Date(window.fromMs).toISOString()}/${new Date(window.toMs).toISOString()}`;

/** Every term nobody could push to a table (the same term listed once). */
export function localTerms(plan: KqlPlan): Term[] {
  const seen = new Set<Term>();
  for (const query of plan.queries) for (const term of query.local) seen.add(term);
  return [...seen];
}

