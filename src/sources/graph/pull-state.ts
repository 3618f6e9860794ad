/**
 * What a pull has done so far, beside its output (`FILE.partial.state.json`), so `--resume`
 * continues without a duplicate or a gap. Per collection: the link to ask next (the first page's
 * address, then each successful page's `@odata.nextLink`, verbatim), its counts, and whether it
 * is done. `partialBytes` is how much of `FILE.partial` those pages account for: a page written
 * but not yet recorded here (the process ended in between) is cut off on resume and asked again.
 *
 * The state is replaced atomically (written beside, then renamed) after the page's lines are on
 * disk (fsync), so it never names bytes that are not there. It holds no token, only addresses.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { LogName } from './collections.js';

export type CollectionStatus = 'pending' | 'running' | 'done' | 'refused';

export interface CollectionState {
  status: CollectionStatus;
  /** The page to ask for next; null once done. */
  next: string | null;
  records: number;
  pages: number;
  /** Why it was refused (403), in words. */
  note?: string;
}

/** What was asked for: a resume must ask for the same. */
export interface PullRequest {
  endpoint: string;
  tenant: string | null;
  logs: LogName[];
  filter: string | null;
  pushdown: boolean;
  sinceMs: number;
  untilMs: number | null;
}

export interface PullState {
  version: 1;
  request: PullRequest;
  partialBytes: number;
  collections: Record<string, CollectionState>;
}

export const statePathFor = (partialPath: string): string => `${partialPath}.state.json`;

export async function saveState(path: string, state: PullState): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(state, null, 1) + '\n', { flush: true });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The state in `path`, null when there is none, or a message when it is not one of ours. */
export async function loadState(path: string): Promise<PullState | null | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    const state = JSON.parse(text) as PullState;
    if (state.version !== 1 || typeof state.partialBytes !== 'number' || typeof state.collections !== 'object' || !state.request) throw new Error('not a pull state');
    return state;
  } catch {
    return { error: `${path} is not the state of an entra-audit pull` };
  }
}

/** How a resume's request differs from the one in the state, in words; null when it is the same. */
export function requestDifference(saved: PullRequest, asked: Omit<PullRequest, 'sinceMs' | 'untilMs'>): string | null {
  const differences: string[] = [];
  if (saved.endpoint !== asked.endpoint) differences.push(`--graph-endpoint ${saved.endpoint}`);
  if ((saved.tenant ?? null) !== (asked.tenant ?? null)) differences.push(`--tenant ${saved.tenant ?? '(none)'}`);
  if (saved.logs.join(',') !== asked.logs.join(',')) differences.push(`--logs ${saved.logs.join(',')}`);
  if ((saved.filter ?? null) !== (asked.filter ?? null)) differences.push(`--filter ${saved.filter === null ? '(none)' : JSON.stringify(saved.filter)}`);
  if (saved.pushdown !== asked.pushdown) differences.push(saved.pushdown ? 'pushdown on' : '--no-pushdown');
  return differences.length === 0 ? null : differences.join(', ');
}
