/**
 * `pull`'s arguments made into a plan, every refusal before a request goes out: the address, the
 * logs, the window, the filter (a usage error, exit 2), and the files: the output must not be
 * there (without --force), and an interrupted pull's `FILE.partial` is continued only when asked
 * (--resume), started over only with --force, never silently appended to or replaced.
 */
import { open, rm, stat } from 'node:fs/promises';
import { pathKind } from '../export/export-target.js';
import { FileExistsError } from '../export/safe-write.js';
import { graphPushdown } from '../query/graph-filter.js';
import { resolveTime } from '../query/time.js';
import { parseServiceEndpoint, type ServiceEndpoint } from '../sources/endpoint.js';
import { GRAPH_COLLECTIONS, parseLogNames, LOG_NAMES, type GraphCollection, type LogName } from '../sources/graph/collections.js';
import { GRAPH_REPORTS_RATE, parseRate, type Rate } from '../sources/graph/pacer.js';
import { freshCollections, type PullPlan } from '../sources/graph/pull.js';
import { loadState, requestDifference, saveState, statePathFor, type PullRequest, type PullState } from '../sources/graph/pull-state.js';
import { parseCliFilter, type CliFilter } from './cli-filter.js';
import { CliError, EXIT } from './errors.js';

export const DEFAULT_GRAPH_ENDPOINT = 'https://graph.microsoft.com';
export const DEFAULT_SINCE = '7d';

export interface PullArgs {
  since?: string;
  until?: string;
  logs?: string;
  filter?: string;
  out: string;
  resume: boolean;
  force: boolean;
  pushdown: boolean;
  pace?: string;
  tenant?: string;
  graphEndpoint?: string;
}

export interface PullSetup {
  endpoint: ServiceEndpoint;
  filter: CliFilter | null;
  rate: Rate;
  outPath: string;
  plan: PullPlan;
  resumed: boolean;
}

const usage = (message: string) => new CliError(message, EXIT.usage);

function timeArg(value: string, kind: 'since' | 'until', now: number): number {
  const resolved = resolveTime(value, kind, now);
  if (!resolved.ok) throw usage(`--${kind}: ${resolved.message}`);
  return resolved.ms;
}

function logsArg(text: string | undefined): LogName[] {
  if (text === undefined) return [...LOG_NAMES];
  const parsed = parseLogNames(text);
  if (!parsed.ok) throw usage(`--logs: unknown log ${parsed.unknown.map((name) => JSON.stringify(name)).join(', ')}; choose from ${LOG_NAMES.join(', ')}`);
  return parsed.logs;
}

/** The window: the flags, tightened by the query's own since:/until:. */
function windowOf(args: PullArgs, filter: CliFilter | null, now: number): { sinceMs: number; untilMs: number | null } {
  const pushdown = graphPushdown(filter?.query ?? null);
  let sinceMs = timeArg(args.since ?? DEFAULT_SINCE, 'since', now);
  let untilMs = args.until === undefined ? null : timeArg(args.until, 'until', now);
  if (pushdown.sinceMs !== null) sinceMs = Math.max(sinceMs, pushdown.sinceMs);
  if (pushdown.untilMs !== null) untilMs = untilMs === null ? pushdown.untilMs : Math.min(untilMs, pushdown.untilMs);
  if (untilMs !== null && untilMs < sinceMs) throw usage(`the time window is empty: --until (or until:) is before --since (or since:)`);
  return { sinceMs, untilMs };
}

/** Say what is in the way of starting, in words; remove a partial pull only under --force. */
async function clearTheWay(args: PullArgs, partialPath: string, statePath: string): Promise<void> {
  const kind = await pathKind(args.out);
  if (kind === 'directory') throw new CliError(`--out ${args.out} is a directory: name the file to write (for example ${args.out.replace(/\/$/, '')}/pull.jsonl.gz)`, EXIT.usage);
  if (kind !== 'none' && !args.force) throw new CliError(new FileExistsError(args.out).message, EXIT.dataError);
  const leftOver = (await pathKind(partialPath)) !== 'none' || (await pathKind(statePath)) !== 'none';
  if (leftOver && !args.force) {
    throw new CliError(`${partialPath} is what an interrupted pull left: run the same command with --resume to continue it, or with --force to start over`, EXIT.dataError);
  }
  if (leftOver) await Promise.all([rm(partialPath, { force: true }), rm(statePath, { force: true })]);
}

export async function setUpPull(args: PullArgs, now: number): Promise<PullSetup> {
  if (args.out === '') throw usage('--out needs a file name');
  const parsedEndpoint = parseServiceEndpoint(args.graphEndpoint ?? DEFAULT_GRAPH_ENDPOINT, '--graph-endpoint');
  if (!parsedEndpoint.ok) throw usage(parsedEndpoint.message);
  const endpoint = parsedEndpoint.endpoint;
  const rate = args.pace === undefined ? GRAPH_REPORTS_RATE : parseRate(args.pace);
  if (rate === null) throw usage(`--pace ${JSON.stringify(args.pace)}: give requests per time, such as 5/10s (the default) or 2/1s`);
  const filter = parseCliFilter(args.filter);
  const logs = logsArg(args.logs);
  const partialPath = `${args.out}.partial`;
  const statePath = statePathFor(partialPath);
  const asked: Omit<PullRequest, 'sinceMs' | 'untilMs'> = { endpoint: endpoint.origin, tenant: args.tenant ?? null, logs, filter: filter?.text ?? null, pushdown: args.pushdown };
  const collections: GraphCollection[] = GRAPH_COLLECTIONS.filter((c) => logs.includes(c.log));
  const pushdown = graphPushdown(filter?.query ?? null);
  const pushed = (collection: GraphCollection) => (args.pushdown ? pushdown.clauses[collection.kind] : []);

  if (args.resume) {
    const saved = await loadState(statePath);
    if (saved === null) throw new CliError(`nothing to resume: there is no ${statePath} (start the pull without --resume)`, EXIT.dataError);
    if ('error' in saved) throw new CliError(saved.error, EXIT.dataError);
    const difference = requestDifference(saved.request, asked);
    if (difference !== null) throw usage(`--resume continues the pull as it was started (${difference}); give the same options, or --force without --resume to start over`);
    if ((await pathKind(args.out)) !== 'none' && !args.force) throw new CliError(new FileExistsError(args.out).message, EXIT.dataError);
    if ((await pathKind(partialPath)) !== 'file') throw new CliError(`cannot resume: ${partialPath} is gone (start over with --force)`, EXIT.dataError);
    // Shorter than the pages the state counts: cut by something else. Resuming would pad it with zeros.
    if ((await stat(partialPath)).size < saved.partialBytes) throw new CliError(`cannot resume: ${partialPath} is shorter than the pages its state counts (start over with --force)`, EXIT.dataError);
    // The window is the one the pull started with: `7d` from now would move it.
    return { endpoint, filter, rate, outPath: args.out, resumed: true, plan: { partialPath, statePath, state: saved, collections, origin: endpoint.origin, pushed } };
  }

  await clearTheWay(args, partialPath, statePath);
  const window = windowOf(args, filter, now);
  const state: PullState = { version: 1, request: { ...asked, ...window }, partialBytes: 0, collections: {} };
  const plan: PullPlan = { partialPath, statePath, state, collections, origin: endpoint.origin, pushed };
  state.collections = freshCollections(plan, collections);
  return { endpoint, filter, rate, outPath: args.out, resumed: false, plan };
}

/**
 * A fresh pull's files, made once a token is in hand (a failed sign-in leaves nothing behind).
 * 'wx': a partial file that appeared since the checks is someone else's pull.
 */
export async function createPullFiles(setup: PullSetup): Promise<void> {
  if (setup.resumed) return;
  const { partialPath, statePath, state } = setup.plan;
  try {
    await (await open(partialPath, 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${partialPath} appeared while the pull started: is another pull writing to ${setup.outPath}?`, EXIT.dataError);
    throw new CliError(`cannot write ${partialPath}: ${(error as Error).message}`, EXIT.dataError);
  }
  await saveState(statePath, state);
}
