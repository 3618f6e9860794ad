/**
 * Envelope lines (a Graph page or an Event Hub batch written as one JSON Lines line): each record
 * is found in the line's bytes and re-read from its own place, not kept whole in memory; the
 * events are the ones the streaming reader gives, custom security pages included.
 */
import { describe, expect, it } from 'vitest';
import { envelopeElements } from '../../src/ingest/envelope-elements.js';
import { loadAll } from '../../src/ingest/read-input.js';
import { LoadSession } from '../../src/load/load-session.js';
import { planUnits } from '../../src/load/plan-units.js';
import { graphEvent } from '../helpers/events.js';
import { shapes } from '../helpers/fuzz-shapes.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const PLAN = { splitFromBytes: 10_000, headBytes: 4_000 };

describe('the records of an envelope line', () => {
  it('are found as JSON.parse reads them: the last member of the name, objects only', () => {
    const text = '{"value":[{"a":1}],"x":"\\"value\\":[{}]","value" : [ {"b":[{"c":"]}"}]} , {"d":2} ],"records":[{"e":3}]}';
    const bytes = Buffer.from(text);
    const pairs = envelopeElements(bytes, 0, bytes.length, 'value')!;
    const elements = [];
    for (let k = 0; k < pairs.length; k += 2) elements.push(JSON.parse(text.slice(pairs[k], pairs[k + 1])) as unknown);
    expect(elements).toEqual((JSON.parse(text) as { value: unknown[] }).value);
    expect(envelopeElements(Buffer.from('{"value":[{"a":1},2]}'), 0, 21, 'value')).toBeNull();
    // A member name spelt with an escape is the name JSON.parse reads, not its bytes: no pairing is guessed.
    const aliased = Buffer.from('{"value":[{"a":1}],"\\u0076alue":[{"b":2}]}');
    expect((JSON.parse(aliased.toString()) as { value: unknown }).value).toEqual([{ b: 2 }]);
    expect(envelopeElements(aliased, 0, aliased.length, 'value')).toBeNull();
  });
});

async function loaded(path: string) {
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: PLAN });
  await session.done;
  const { store } = session;
  const order = Array.from(store.sortedIndices());
  const result = { events: order.map((i) => store.loadedEvent(i)), inMemory: order.filter((i) => store.rawAddress(i) === null).length, panes: { ...store.paneCounts }, problems: session.problems };
  session.close();
  return result;
}

describe('envelope lines', () => {
  it('load Graph pages, one a line, as the streaming reader does, every record re-read from its place', async () => {
    const events = Array.from({ length: 300 }, (_, i) => graphEvent({ id: `p${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), ...(i % 7 === 0 ? { activityDisplayName: 'a "quoted" ] name' } : {}) }));
    const page = (from: number, context: string) => JSON.stringify({ '@odata.context': context, value: events.slice(from, from + 100), '@odata.nextLink': `https://graph.microsoft.com/next?value=[${from}]` });
    const csa = 'https://graph.microsoft.com/beta/$metadata#auditLogs/customSecurityAttributeAudits';
    const path = temp.write('pages.jsonl', [page(0, 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits'), page(100, csa), page(200, 'x')].join('\n') + '\n');
    const reference = await loadAll([{ kind: 'file', path }]);
    const ours = await loaded(path);
    expect(ours.events.map((l) => [l.event, l.pane, l.origin.line])).toStrictEqual(reference.events.map((l) => [l.event, l.pane, l.origin.line]));
    expect(ours.panes).toMatchObject({ directory: 200, 'custom-security': 100 });
    expect(ours.inMemory).toBe(0);
  });

  it('are planned as JSON Lines, split for the workers, when the first line is longer than the head read', () => {
    const page = (k: number) => JSON.stringify({ value: Array.from({ length: 120 }, (_, i) => graphEvent({ id: `l${k}-${i}` })) });
    const path = temp.write('long-lines.jsonl', [0, 1, 2, 3].map(page).join('\n') + '\n');
    expect(page(0).length).toBeGreaterThan(64 * 1024);
    const units = planUnits([{ kind: 'file', path }], 2, { splitFromBytes: 1, headBytes: 1000 });
    expect(units.map((u) => u.kind)).toEqual(['lines', 'lines', 'lines']);
  });

  it('load Event Hub batches, one a line, the same way', async () => {
    const shape = shapes(40).find((s) => s.name === 'Event Hub batches, one per line')!;
    const path = temp.write('hub.jsonl', shape.bytes);
    const reference = await loadAll([{ kind: 'file', path }]);
    const ours = await loaded(path);
    expect(ours.events.length).toBe(40);
    expect(ours.events.map((l) => l.event)).toStrictEqual(reference.events.map((l) => l.event));
    expect(ours.inMemory).toBe(0);
  });

  it('keep a damaged page’s salvaged records in memory, as before', async () => {
    const records = Array.from({ length: 3 }, (_, i) => JSON.stringify(graphEvent({ id: `d${i}` })));
    const path = temp.write('damaged-page.jsonl', `{"value":[${records[0]},${records[1].slice(0, -9)},${records[2]}]}\n${records[0].replace('d0', 'd9')}\n`);
    const ours = await loaded(path);
    expect(ours.events.map((l) => l.event.id).sort()).toEqual(['d0', 'd2', 'd9']);
    expect(ours.inMemory).toBe(2);
    expect(ours.problems).toHaveLength(1);
  });
});
