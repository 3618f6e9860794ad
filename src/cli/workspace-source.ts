/**
 * `--workspace ID`: a Log Analytics workspace as the input of the explorer, `query` and
 * `summary`. The filter is compiled to KQL (query/kql) and run per table in time slices
 * (sources/log-analytics); the rows load as any Log Analytics export does, and the commands
 * apply the whole filter again, so the counts are the local engine's on the rows returned.
 */
import type { ResolvedInputs } from '../ingest/inputs.js';
import type { PaneChoice } from '../model/pane.js';
import type { Query } from '../query/ast.js';
import { compileKql, type KqlPlan, type TimeWindow } from '../query/kql/compile-kql.js';
import { resolveTime } from '../query/time.js';
import { credentialFor } from '../sources/auth/credential.js';
import { DEFAULT_LA_ENDPOINT, isWorkspaceId, resolveEndpoint } from '../sources/log-analytics/endpoint.js';
import { WorkspaceFeed } from '../sources/log-analytics/workspace-feed.js';
import { authOption, authOptionsFrom, tenantOption, type AuthArgs } from './auth-options.js';
import { CliError, EXIT } from './errors.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';

export const DEFAULT_SINCE = '7d';

export interface WorkspaceArgs extends AuthArgs {
  workspace?: string;
  since?: string;
  until?: string;
  laEndpoint?: string;
}

/** The options every command that reads a workspace takes (the explorer, query, summary; kql the window only). */
export const windowOptions = {
  since: { type: 'string' as const, describe: `With --workspace or kql: rows logged since (a duration such as 30d, or a UTC date); default ${DEFAULT_SINCE}` },
  until: { type: 'string' as const, describe: 'With --workspace or kql: rows logged until (a duration ago or a UTC date); default now' },
};

export const workspaceOptions = {
  workspace: { type: 'string' as const, describe: 'Read this Log Analytics workspace (its id, a GUID) instead of files; the filter runs there as KQL' },
  ...windowOptions,
  'la-endpoint': { type: 'string' as const, describe: `The Log Analytics query API (default ${DEFAULT_LA_ENDPOINT}; national clouds have their own)` },
  auth: authOption,
  tenant: tenantOption,
};

/** --since/--until as a TimeGenerated window; a usage error when either does not read. */
export function sourceWindow(args: WorkspaceArgs, now: number): TimeWindow {
  const bound = (text: string, kind: 'since' | 'until', flag: string) => {
    const result = resolveTime(text, kind, now);
    if (!result.ok) throw new CliError(`--${flag}: ${result.message}`, EXIT.usage);
    return result.ms;
  };
  const fromMs = bound(args.since ?? DEFAULT_SINCE, 'since', 'since');
  const toMs = args.until === undefined ? now : bound(args.until, 'until', 'until') + 1;
  if (toMs <= fromMs) throw new CliError('--until is before --since: the window holds no time', EXIT.usage);
  return { fromMs, toMs };
}

export function planFor(query: Query | null, pane: PaneChoice, args: WorkspaceArgs, now = Date.now()): KqlPlan {
  return compileKql(query?.terms ?? [], { pane, window: sourceWindow(args, now) });
}

/**
 * The workspace as the load's one input; refuses files beside it and a workspace id that is no GUID.
 * `inExplorer`: a device code is shown on the explorer's progress line, where it can be read (stderr
 * is under the full-screen view there).
 */
export function workspaceInputs(args: WorkspaceArgs & { files?: readonly string[] }, query: Query | null, pane: PaneChoice, inExplorer = false): ResolvedInputs {
  const workspace = args.workspace!;
  if ((args.files ?? []).length > 0) throw new CliError('--workspace reads the workspace instead of files: give one or the other', EXIT.usage);
  if (!isWorkspaceId(workspace)) throw new CliError(`--workspace needs the workspace id (a GUID such as 0b1c2d3e-…), not ${JSON.stringify(workspace)}`, EXIT.usage);
  const endpoint = resolveEndpoint(args.laEndpoint ?? DEFAULT_LA_ENDPOINT);
  if (!endpoint.ok) throw new CliError(endpoint.message, EXIT.usage);
  const plan = planFor(query, pane, args);
  const auth = authOptionsFrom(args);
  if (inExplorer && auth.onDeviceCode) auth.onDeviceCode = (message) => feed.say(`sign-in: ${sanitize(message, UNICODE_SYMBOLS)}`);
  const feed: WorkspaceFeed = new WorkspaceFeed({
    workspace,
    endpoint: endpoint.url,
    scope: endpoint.scope,
    tokens: credentialFor(auth, endpoint.scope),
    queries: plan.queries.map((query) => ({ table: query.table.name, query: query.body })),
    window: plan.window,
  });
  return { inputs: [{ kind: 'feed', feed }], errors: [] };
}

