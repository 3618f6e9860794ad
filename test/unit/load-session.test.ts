/**
 * The scale path: JSON Lines files cut into a main-thread head and parts (as the workers get
 * them), batches folded into the compact store, records re-read from their file offsets, and line
 * numbers made absolute across parts. Runs in-process here (the worker threads run the same
 * units; the CLI end-to-end tests exercise them).
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import { LoadSession } from '../../src/load/load-session.js';
import { planUnits } from '../../src/load/plan-units.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const SMALL_PLAN = { splitFromBytes: 10_000, headBytes: 4_000 };

/** `count` events a second apart, oldest first, with a broken line every 97th line. */
function jsonLinesFile(name: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const pane = i % 10 === 0 ? { category: 'AttributeManagement' } : {};
    lines.push(JSON.stringify(graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString(), ...pane })));
    if (i % 97 === 50) lines.push('{"truncated": ');
  }
  return temp.write(name, '\uFEFF' + lines.join('\r\n') + '\r\n');
}

describe('planning units', () => {
  it('cuts a JSON Lines file into a head and parts, each starting right after a line end', () => {
    const path = jsonLinesFile('plan.jsonl', 300);
    const units = planUnits([{ kind: 'file', path }], 2, SMALL_PLAN);
    expect(units.map((u) => u.kind)).toEqual(['lines', 'lines', 'lines']);
    const text = readFileSync(path);
    const ranges = units.map((u) => (u.kind === 'lines' ? [u.start, u.end, u.head] : []));
    expect(ranges[0]).toEqual([3, expect.any(Number), true]); // after the BOM
    for (let k = 1; k < ranges.length; k++) {
      expect(ranges[k][0]).toBe(ranges[k - 1][1]);
      expect(text[(ranges[k][0] as number) - 1]).toBe(10);
    }
    expect(ranges.at(-1)![1]).toBe(text.length);
  });

  it('sends gzip, arrays and CSV down the general path whole', () => {
    const array = temp.write('array.json', JSON.stringify([graphEvent()]));
    expect(planUnits([{ kind: 'file', path: array }], 2, SMALL_PLAN)).toEqual([{ kind: 'input', input: { kind: 'file', path: array } }]);
  });
});

describe('LoadSession', () => {
  it('loads split JSON Lines exactly as the single-pass loader does, lines and problems included', async () => {
    const path = jsonLinesFile('split.jsonl', 400);
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: SMALL_PLAN });
    await session.done;
    const reference = await loadAll([{ kind: 'file', path }]);
    const { store } = session;
    expect(store.count).toBe(400);
    expect(store.paneCounts).toEqual({ directory: 360, 'custom-security': 40, 'sign-ins': 0, provisioning: 0 });
    const order = store.sortedIndices();
    expect(order.length).toBe(400);
    const reread = Array.from(order, (i) => store.loadedEvent(i));
    expect(reread.map((l) => l.event)).toStrictEqual(reference.events.map((l) => l.event));
    expect(reread.map((l) => l.origin.line)).toEqual(reference.events.map((l) => l.origin.line));
    expect(session.problems.map((p) => [p.line, p.reason.slice(0, 12)])).toEqual(reference.problems.map((p) => [p.line, p.reason.slice(0, 12)]));
    expect(session.problemCount).toBe(reference.problems.length);
    expect(session.reports()).toEqual([expect.objectContaining({ source: path, events: 400, formats: ['graph-json'] })]);
    expect(session.progress()).toMatchObject({ done: true, events: 400, bytesTotal: statSync(path).size });
  });

  it('summarises each event from the compact columns as the full event would', async () => {
    const path = jsonLinesFile('summary.jsonl', 50);
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: SMALL_PLAN });
    await session.done;
    const { store } = session;
    const summary = store.summary(3);
    expect(summary).toEqual({
      timeMs: Date.UTC(2026, 10, 20) + 3000,
      pane: 'directory',
      result: 'success',
      service: 'Core Directory',
      category: 'UserManagement',
      activity: 'Update user',
      operationType: 'Update',
      initiatorKind: 'user',
      initiator: 'ada.admin@contoso.example',
      ip: '203.0.113.10',
      target: 'bo.user@contoso.example',
      targetCount: 1,
      writeBack: false,
      actorKeys: 'ada.admin@contoso.example\naaaaaaaa-0000-4000-8000-000000000001',
      targetKeys: 'bo.user@contoso.example\nbbbbbbbb-0000-4000-8000-000000000002',
      targetTypes: 'User',
      correlation: '11111111-2222-4333-8444-555555555555',
      propNames: 'Department',
      app: '',
      location: '',
      errorCode: '',
      ca: '',
      caPolicies: '',
      device: '',
      riskLevel: '',
      job: '',
      targetLabels: 'bo.user@contoso.example',
      userAgent: 'Mozilla/5.0',
      resultReason: '',
    });
  });

  it('loads stdin-like inputs and arrays through the arena, re-reading the same events', async () => {
    const events = [graphEvent({ id: 'a', activityDateTime: '2026-11-20T10:00:00Z' }), graphEvent({ id: 'b', activityDateTime: '2026-11-21T10:00:00Z' })];
    const path = temp.write('arena.json', JSON.stringify(events, null, 2));
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0 });
    await session.done;
    expect(Array.from(session.store.sortedIndices(), (i) => session.store.loadedEvent(i).event)).toStrictEqual([events[1], events[0]]);
  });

  it('reports an unknown format once, even when the file was split', async () => {
    const path = temp.write('other.jsonl', Array.from({ length: 400 }, (_, i) => JSON.stringify({ name: `n${i}`, padding: 'x'.repeat(40) })).join('\n'));
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: SMALL_PLAN });
    await session.done;
    expect(session.store.count).toBe(0);
    expect(session.errors).toHaveLength(1);
    expect(session.errors[0]).toContain('not an Entra audit export');
  });
});

describe('EventStore order', () => {
  it('merges batches arriving out of time order into newest-first panes', () => {
    const store = storeFromEvents([]);
    const more = storeFromEvents([
      { event: graphEvent({ id: 'x' }), pane: 'directory', timeMs: 3, origin: { source: 's' } },
      { event: graphEvent({ id: 'y' }), pane: 'directory', timeMs: 9, origin: { source: 's' } },
      { event: graphEvent({ id: 'z', category: 'AttributeManagement' }), pane: 'custom-security', timeMs: 5, origin: { source: 's' } },
    ]);
    expect(store.count).toBe(0);
    expect(Array.from(more.paneOrder('directory'), (i) => more.loadedEvent(i).event.id)).toEqual(['y', 'x']);
    expect(Array.from(more.sortedIndices('all'), (i) => more.loadedEvent(i).event.id)).toEqual(['y', 'z', 'x']);
  });
});

describe('one decision per JSON Lines line', () => {
  it('gives the same problem for the same bad line on the workers\' path and the streaming path', async () => {
    const good = (i: number) => JSON.stringify(graphEvent({ id: `g${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString() }));
    const lines = Array.from({ length: 60 }, (_, i) => good(i));
    lines.splice(30, 0, 'garbage that is not JSON at all, and long enough to be cut in the message', '{"broken": ', '[1, 2');
    const path = temp.write('same-problems.jsonl', lines.join('\n') + '\n');
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: SMALL_PLAN });
    await session.done;
    const split = await loadAll([{ kind: 'file', path }]);
    expect(session.problems.map((p) => `${p.line}: ${p.reason}`)).toEqual(split.problems.map((p) => `${p.line}: ${p.reason}`));
    expect(session.problems.map((p) => p.line)).toEqual([31, 32, 33]);
    expect(session.problems[0].reason).toMatch(/^not a JSON object: "garbage/);
  });
});
