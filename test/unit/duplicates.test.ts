/**
 * Overlapping exports (two portal downloads, a Graph pull and a storage copy of the same period):
 * a record whose kind and id were loaded before is dropped and counted, across files and within
 * one; records without an id are always kept; across files the copy kept is the first file's,
 * whatever order the batches arrive in.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LoadSession } from '../../src/load/load-session.js';
import { EventBatcher } from '../../src/load/event-batcher.js';
import { OrderedMerge, type MergedUnit } from '../../src/load/ordered-merge.js';
import type { AuditEvent } from '../../src/model/audit-event.js';
import type { EventBatch } from '../../src/store/event-batch.js';
import { EventStore } from '../../src/store/event-store.js';
import { LoaderVocabulary } from '../../src/store/loader-vocabulary.js';
import { hashId, RecordIds } from '../../src/store/record-ids.js';
import { graphEvent } from '../helpers/events.js';
import { toLogAnalyticsRow, type Row } from '../helpers/log-analytics.js';
import { makeSignIn } from '../helpers/sign-ins.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const SMALL_PLAN = { splitFromBytes: 10_000, headBytes: 4_000 };
const at = (i: number) => new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString();
const event = (i: number, overrides: Partial<AuditEvent> = {}) => graphEvent({ id: `e${i}`, activityDateTime: at(i), ...overrides });
const jsonLines = (events: AuditEvent[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

async function load(paths: string[], options: ConstructorParameters<typeof LoadSession>[1] = { workers: 0 }) {
  const session = new LoadSession(
    paths.map((path) => ({ kind: 'file' as const, path })),
    options,
  );
  await session.done;
  return session;
}

const ids = (session: LoadSession) => Array.from(session.store.sortedIndices(), (i) => session.store.loadedEvent(i).event.id).sort();
const origins = (session: LoadSession) => new Map(Array.from(session.store.sortedIndices(), (i) => session.store.loadedEvent(i)).map((l) => [l.event.id, l.origin]));

describe('records loaded twice', () => {
  it('loads a record found in two files once, keeps the first file\'s copy, and counts the other', async () => {
    const a = temp.write('a.jsonl', jsonLines(range(0, 30).map((i) => event(i))));
    const b = temp.write('b.json', JSON.stringify({ value: range(20, 50).map((i) => event(i)) }));
    const session = await load([a, b]);
    expect(session.store.count).toBe(50);
    expect(ids(session)).toEqual(range(0, 50).map((i) => `e${i}`).sort());
    expect(session.duplicates).toBe(10);
    expect(session.duplicatesBySource()).toEqual([{ source: b, duplicates: 10 }]);
    expect(origins(session).get('e25')).toEqual({ source: a, line: 26 });
    expect(session.store.paneCounts.directory).toBe(50);
    // Not a problem: overlapping exports are expected.
    expect(session.problemCount).toBe(0);
    // Named the other way round, the other file's copy is the one kept.
    const reversed = await load([b, a]);
    expect(reversed.store.count).toBe(50);
    expect(reversed.duplicatesBySource()).toEqual([{ source: a, duplicates: 10 }]);
    expect(origins(reversed).get('e25')?.source).toBe(b);
  });

  it('loads a record repeated within one file once, from its first line', async () => {
    const path = temp.write('repeats.jsonl', jsonLines([event(1), event(2), event(1, { activityDisplayName: 'Later copy' }), event(3), event(2)]));
    const session = await load([path]);
    expect(session.store.count).toBe(3);
    expect(session.duplicates).toBe(2);
    const first = session.store.loadedEvent(Array.from(session.store.sortedIndices()).find((i) => session.store.loadedEvent(i).event.id === 'e1')!);
    expect(first.origin.line).toBe(1);
    expect(first.event.activityDisplayName).toBe('Update user');
  });

  it('keeps every record without an id, empty or missing', async () => {
    const noId = { ...event(9) } as Partial<AuditEvent>;
    delete noId.id;
    const path = temp.write('no-ids.json', JSON.stringify([event(1, { id: '' }), event(2, { id: '' }), noId, noId, event(3), event(3)]));
    const session = await load([path]);
    expect(session.store.count).toBe(5);
    expect(session.duplicates).toBe(1);
  });

  it('drops repeats in gzip and array inputs (kept in memory) and still reads every kept record back', async () => {
    const a = temp.write('a.json.gz', gzipSync(JSON.stringify(range(0, 40).map((i) => event(i)))));
    const b = temp.write('b.json.gz', gzipSync(JSON.stringify(range(0, 60).filter((i) => i % 2 === 0 || i >= 40).map((i) => event(i)))));
    const session = await load([a, b]);
    expect(session.store.count).toBe(60);
    expect(session.duplicates).toBe(20);
    for (const i of session.store.sortedIndices()) {
      const loaded = session.store.loadedEvent(i);
      expect(loaded.event.activityDateTime).toBe(at(Number(loaded.event.id.slice(1))));
    }
  });

  it('drops repeats across the parts of a split file, with line numbers still those of the file', async () => {
    const events = range(0, 300).map((i) => event(i, { resultReason: 'x'.repeat(40) }));
    // The second half repeats the first: the parts the workers get overlap in ids.
    const path = temp.write('split.jsonl', jsonLines([...events, ...events.slice(0, 150)]));
    const session = await load([path], { workers: 0, plan: SMALL_PLAN });
    expect(session.store.count).toBe(300);
    expect(session.duplicates).toBe(150);
    const lines = origins(session);
    expect(lines.get('e0')?.line).toBe(1);
    expect(lines.get('e149')?.line).toBe(150);
    expect(lines.get('e299')?.line).toBe(300);
  });

  it('keeps the first unit\'s copy even when a later unit\'s batch arrives first', () => {
    const store = new EventStore();
    const unit = (): MergedUnit => ({ vocabulary: new LoaderVocabulary(), spans: [], duplicates: 0 });
    const [first, second] = [unit(), unit()];
    const released: MergedUnit[] = [];
    const merge = new OrderedMerge(store, [[first], [second]], (u) => released.push(u));
    merge.take(second, batchOf('second.json', [event(1), event(2)]));
    merge.end(second);
    // The second unit waits for the first: nothing is in the store yet.
    expect(store.count).toBe(0);
    merge.take(first, batchOf('first.json', [event(2), event(3)]));
    merge.end(first);
    expect(released).toEqual([first, second]);
    expect(store.count).toBe(3);
    expect(store.sources).toEqual(['first.json', 'second.json']);
    expect(Array.from(store.sortedIndices(), (i) => `${store.loadedEvent(i).event.id}@${store.loadedEvent(i).origin.source}`)).toEqual(['e3@first.json', 'e2@first.json', 'e1@second.json']);
    expect([first.duplicates, second.duplicates, merge.duplicates]).toEqual([0, 1, 1]);
  });

  it('lets the parts of one file go in as they come, while the next file waits for the whole of it', () => {
    const store = new EventStore();
    const unit = (): MergedUnit => ({ vocabulary: new LoaderVocabulary(), spans: [], duplicates: 0 });
    const [head, part, other] = [unit(), unit(), unit()];
    const released: MergedUnit[] = [];
    const merge = new OrderedMerge(store, [[head, part], [other]], (u) => released.push(u));
    merge.take(other, batchOf('other.json', [event(9)]));
    merge.take(part, batchOf('big.jsonl', [event(5), event(6)]));
    expect(store.count).toBe(2);
    merge.take(head, batchOf('big.jsonl', [event(1)]));
    merge.end(part);
    merge.end(other);
    expect([store.count, merge.isReleased(head), merge.isReleased(other)]).toEqual([3, false, false]);
    merge.end(head);
    expect(store.count).toBe(4);
    expect(released).toEqual([part, head, other]);
  });

  it('keeps records that share an id but not a time (a template\'s id, reused): they are different records', async () => {
    const path = temp.write('reused-id.jsonl', jsonLines(range(0, 40).map((i) => event(i, { id: 'Directory_template' }))));
    const session = await load([path]);
    expect(session.store.count).toBe(40);
    expect(session.duplicates).toBe(0);
    // Split across workers, the same.
    const many = temp.write('reused-id-many.jsonl', jsonLines(range(0, 400).map((i) => event(i, { id: 'Directory_template', resultReason: 'x'.repeat(40) }))));
    const split = await load([many], { workers: 0, plan: SMALL_PLAN });
    expect(split.store.count).toBe(400);
  });

  it('drops the same audit and the same sign-in exported in another shape (Log Analytics rows) as repeats', async () => {
    const audits = range(0, 20).map((i) => event(i));
    const signIns = range(0, 20).map((i) => makeSignIn({ id: `s${i}`, createdDateTime: at(i), ipAddress: `198.51.100.${i}` }));
    const graph = temp.write('graph.jsonl', jsonLines(audits) + signIns.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const rows = temp.write('rows.json', JSON.stringify([...audits, ...signIns].map((r) => toLogAnalyticsRow(r as unknown as Row))));
    const session = await load([graph, rows]);
    expect(session.problemCount).toBe(0);
    expect(session.store.count).toBe(40);
    expect(session.duplicates).toBe(40);
  });

  it('gives each kind of record its own ids: an audit does not hide a later kind\'s record with the same id', () => {
    const seen = new RecordIds();
    expect(seen.firstCopy(0, 7, 9)).toBe(true);
    expect(seen.firstCopy(0, 7, 9)).toBe(false);
    expect(seen.firstCopy(1, 7, 9)).toBe(true);
    // No id: never a repeat.
    expect(seen.firstCopy(0, 0, 0)).toBe(true);
    expect(seen.firstCopy(0, 0, 0)).toBe(true);
  });

  it('tells ten thousand distinct ids apart, and finds each again', () => {
    const seen = new RecordIds();
    const out = new Uint32Array(2);
    const hash = (id: string) => (hashId(id, out, 0), [out[0], out[1]] as const);
    const firstTime = range(0, 10_000).filter((i) => seen.firstCopy(0, ...hash(`Directory_${i}`))).length;
    const again = range(0, 10_000).filter((i) => seen.firstCopy(0, ...hash(`Directory_${i}`))).length;
    expect([firstTime, again]).toEqual([10_000, 0]);
  });

  it("still finds every id after the table is reserved for a load's estimate, in a kind made before and one made after", () => {
    const seen = new RecordIds();
    const out = new Uint32Array(2);
    const hash = (id: string) => (hashId(id, out, 0), [out[0], out[1]] as const);
    expect(range(0, 3000).filter((i) => seen.firstCopy(0, ...hash(`a${i}`))).length).toBe(3000);
    seen.reserve(100_000);
    expect(range(0, 3000).filter((i) => seen.firstCopy(0, ...hash(`a${i}`))).length).toBe(0);
    expect(range(0, 3000).filter((i) => seen.firstCopy(1, ...hash(`a${i}`))).length).toBe(3000);
    expect(range(0, 6000).filter((i) => seen.firstCopy(1, ...hash(`a${i}`))).length).toBe(3000);
  });
});

function batchOf(source: string, events: AuditEvent[]): EventBatch {
  let out: EventBatch | undefined;
  const batcher = new EventBatcher(source, (batch) => (out = batch));
  events.forEach((e, k) => batcher.add({ event: e, pane: 'directory', timeMs: Date.parse(e.activityDateTime), origin: { source, line: k + 1 } }, null));
  batcher.flush();
  return out!;
}
