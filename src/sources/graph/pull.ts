/**
 * The pull itself: each collection page by page into `FILE.partial` (JSON Lines, one Graph record
 * a line, as the service sent it), the state saved after every page (pull-state.ts). Collections
 * run one after another: they share the app's request budget, so in parallel they would only
 * take turns. A collection Graph refuses (403: no role, no licence) is reported with what it needs
 * and the others continue; any other failure stops the pull with the state saved, so `--resume`
 * asks for the failed page again (the last successful page's link), never for one a failed
 * answer named.
 */
import { open, truncate } from 'node:fs/promises';
import { firstPageUrl, type GraphCollection } from './collections.js';
import { GraphError, type GraphClient, type RetryNotice } from './graph-client.js';
import { saveState, type CollectionState, type PullState } from './pull-state.js';

export interface PullPlan {
  partialPath: string;
  statePath: string;
  state: PullState;
  collections: readonly GraphCollection[];
  origin: string;
  /** Clauses pushed down per collection (empty with --no-pushdown). */
  pushed: (collection: GraphCollection) => string[];
}

export interface PageProgress {
  records: number;
  /** The oldest record time this collection has reached (pages come newest first), epoch ms. */
  oldestMs: number | null;
}

export interface PullEvents {
  collectionStarted?(collection: GraphCollection, state: CollectionState): void;
  page?(collection: GraphCollection, state: CollectionState, page: PageProgress): void;
  retry?(collection: GraphCollection, notice: RetryNotice): void;
  /** A 400 on a filter pushed down: the collection starts again with the time window alone. */
  filterRefused?(collection: GraphCollection, message: string): void;
  refused?(collection: GraphCollection, message: string): void;
  collectionDone?(collection: GraphCollection, state: CollectionState): void;
}

/** The first page's address for a collection: with the query's clauses, or the time window alone. */
export function startUrl(plan: Pick<PullPlan, 'origin' | 'state' | 'pushed'>, collection: GraphCollection, withPushdown = true): string {
  const { sinceMs, untilMs } = plan.state.request;
  return firstPageUrl(plan.origin, collection, { sinceMs, untilMs }, withPushdown ? plan.pushed(collection) : []);
}

/** A fresh state: every collection pending at its first page. */
export function freshCollections(plan: Pick<PullPlan, 'origin' | 'state' | 'pushed'>, collections: readonly GraphCollection[]): Record<string, CollectionState> {
  return Object.fromEntries(collections.map((c) => [c.id, { status: 'pending', next: startUrl(plan, c), records: 0, pages: 0 } satisfies CollectionState]));
}

function timeOf(record: unknown, property: string): number | null {
  if (typeof record !== 'object' || record === null) return null;
  const value = (record as Record<string, unknown>)[property];
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

export async function runPull(client: GraphClient, plan: PullPlan, events: PullEvents = {}, signal?: AbortSignal): Promise<void> {
  const { state } = plan;
  // Whatever a page wrote after the last saved state is not counted anywhere: cut it off.
  const handle = await open(plan.partialPath, 'a');
  try {
    await truncate(plan.partialPath, state.partialBytes);
    for (const collection of plan.collections) {
      const progress = state.collections[collection.id];
      if (progress.status === 'done') continue;
      // Refused last time: the role or licence may have been granted since.
      if (progress.status === 'refused') Object.assign(progress, { status: 'pending', note: undefined });
      await pullCollection(client, plan, collection, progress, handle, events, signal);
    }
  } finally {
    await handle.close();
  }
}

async function pullCollection(
  client: GraphClient,
  plan: PullPlan,
  collection: GraphCollection,
  progress: CollectionState,
  handle: Awaited<ReturnType<typeof open>>,
  events: PullEvents,
  signal?: AbortSignal,
): Promise<void> {
  const { state } = plan;
  progress.status = 'running';
  events.collectionStarted?.(collection, progress);
  let oldestMs: number | null = null;
  while (progress.next !== null) {
    let page;
    try {
      page = await client.page(progress.next, (notice) => events.retry?.(collection, notice), signal);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      if (error.status === 403) {
        Object.assign(progress, { status: 'refused', next: startUrl(plan, collection), note: `${error.message}. It needs ${collection.needs}.` });
        await saveState(plan.statePath, state);
        events.refused?.(collection, progress.note ?? '');
        return;
      }
      const pushed = plan.pushed(collection).length > 0;
      if (error.status === 400 && pushed && progress.pages === 0 && progress.next === startUrl(plan, collection)) {
        progress.next = startUrl(plan, collection, false);
        await saveState(plan.statePath, state);
        events.filterRefused?.(collection, error.message);
        continue;
      }
      await saveState(plan.statePath, state);
      throw error;
    }
    if (page.records.length > 0) {
      const text = page.records.map((record) => JSON.stringify(record)).join('\n') + '\n';
      const bytes = Buffer.from(text, 'utf8');
      await handle.write(bytes);
      // On disk before the state says so: a resume may trust every byte the state counts.
      await handle.sync();
      state.partialBytes += bytes.length;
      const last = timeOf(page.records[page.records.length - 1], collection.timeProperty);
      if (last !== null) oldestMs = oldestMs === null ? last : Math.min(oldestMs, last);
    }
    progress.records += page.records.length;
    progress.pages += 1;
    progress.next = page.nextLink;
    if (progress.next === null) progress.status = 'done';
    await saveState(plan.statePath, state);
    events.page?.(collection, progress, { records: page.records.length, oldestMs });
  }
  progress.status = 'done';
  events.collectionDone?.(collection, progress);
}
