/**
 * Big top-level JSON arrays (the portal's download, ConvertTo-Json, jq -s) cut by the main
 * thread's scan into units whose elements are parsed from their byte ranges: the scan's element
 * bounds, its stops at what it cannot vouch for, and, over every array shape with every kind of
 * seeded damage, a split load that reads exactly as the general splitter does (the same records,
 * the same problems at the same line and column), with records re-read from their offsets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrayElementScanner, type Handover } from '../../src/ingest/array-elements.js';
import { envelopeOf } from '../../src/ingest/array-envelope.js';
import { ArrayCutter } from '../../src/load/array-cutter.js';
import { LoadSession } from '../../src/load/load-session.js';
import { planUnits } from '../../src/load/plan-units.js';
import { graphEvent } from '../helpers/events.js';
import { shapes } from '../helpers/fuzz-shapes.js';
import { MUTATION_KINDS, mutate, random } from '../helpers/mutations.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
/** Split from the first byte, in units of a few records, the head a record or two. */
const SPLIT = { splitFromBytes: 1, headBytes: 1500, arrayUnitBytes: 2500 };
const WHOLE = { splitFromBytes: Number.MAX_SAFE_INTEGER };

/** The scan over `text` fed in pieces of `piece` bytes: each element's text, and the handover. */
function scanned(text: string, piece: number): { elements: string[]; handover: Handover | null } {
  const bytes = Buffer.from(text);
  const elements: string[] = [];
  const scanner = new ArrayElementScanner((start, end) => elements.push(bytes.subarray(start, end).toString()), 1 << 20);
  for (let at = 0; at < bytes.length; at += piece) scanner.scan(bytes.subarray(at, at + piece), at);
  scanner.end(bytes.length);
  return { elements, handover: scanner.handover };
}

describe('the array scan', () => {
  const records = [{ a: 'x"},{"y', b: [{ c: 1 }, { d: '\\' }] }, { e: '\\"]', f: null }, { g: 'ünïcødé 😀', h: [[], {}] }];

  it('finds every element, whatever pieces the bytes arrive in (escapes and brackets inside strings too)', () => {
    const text = JSON.stringify(records);
    for (const piece of [1, 2, 3, 7, 64, text.length]) {
      const { elements, handover } = scanned(text, piece);
      expect(elements.map((e) => JSON.parse(e) as unknown)).toEqual(records);
      expect(handover).toBeNull();
    }
  });

  it('reads pretty-printed arrays, CRLF and arrays back to back', () => {
    const text = `${JSON.stringify(records.slice(0, 2), null, 2).replace(/\n/g, '\r\n')}\r\n${JSON.stringify(records.slice(2), null, 4)}\n`;
    expect(scanned(text, 5).elements.map((e) => JSON.parse(e) as unknown)).toEqual(records);
    expect(scanned(text, 5).handover).toBeNull();
  });

  it('stops at the element a lost quote damaged, naming the two whole elements before it as the primer', () => {
    const text = '[{"a":1},\n{"b":2},\n{"c":3},\n{"d:4},{"e":5}]';
    const { elements, handover } = scanned(text, 4);
    expect(elements).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(handover).toEqual({ offset: text.indexOf('{"d'), line: 4, lineStart: text.lastIndexOf('\n') + 1, inArray: true, primer: { offset: text.indexOf('{"b'), line: 2, lineStart: text.indexOf('{"b'), elements: 2 }, first: { offset: 1, end: 8, line: 1, lineStart: 0 } });
  });

  it('stops where a record should start but something else does (the record before it in doubt too), and at a truncated end', () => {
    expect(scanned('[{"a":1},42,{"b":2}]', 3)).toMatchObject({ elements: [], handover: { offset: 1, inArray: true, primer: null } });
    expect(scanned('[{"a":1},{"b":2},"x",{"c":3}]', 3)).toMatchObject({ elements: ['{"a":1}'], handover: { offset: 9, inArray: true } });
    expect(scanned('[{"a":1}] {"b":2}', 3).handover).toMatchObject({ offset: 10, inArray: false });
    expect(scanned('[{"a":1},{"b":[2}]', 3).handover).toMatchObject({ offset: 9, inArray: true });
    const cut = scanned('[{"a":1},{"b":"xy', 3);
    expect(cut.elements).toEqual(['{"a":1}']);
    expect(cut.handover).toMatchObject({ offset: 9, inArray: true });
  });
});

describe('one envelope around the records', () => {
  const records = [{ a: 1 }, { b: '],"x":{' }, { c: [{}] }];
  const page = (body: string) => `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits","@odata.count":3,"value":${body}`;
  /** The scan of `text` as the planner would start it (null: the planner leaves it to the general path). */
  function envelopeScan(text: string, piece = 5) {
    const bytes = Buffer.from(text);
    const envelope = envelopeOf(bytes);
    if (!envelope) return null;
    const elements: string[] = [];
    const scanner = new ArrayElementScanner((start, end) => elements.push(bytes.subarray(start, end).toString()), 1 << 20, 0, envelope);
    for (let at = envelope.scanFrom.offset; at < bytes.length; at += piece) scanner.scan(bytes.subarray(at, Math.min(at + piece, bytes.length)), at);
    scanner.end(bytes.length);
    return { envelope, elements, handover: scanner.handover };
  }

  it('knows a Graph page or a storage blob by its opening, and keeps its string members', () => {
    expect(envelopeOf(Buffer.from(page('[{"a":1}]}')))).toMatchObject({ key: 'value', meta: { '@odata.context': expect.stringContaining('directoryAudits') }, scanFrom: { offset: page('[').length, line: 1, lineStart: 0 } });
    const pretty = `\uFEFF{\r\n  "records": [\r\n    {"a": 1}]}`;
    expect(envelopeOf(Buffer.from(pretty))).toMatchObject({ key: 'records', prefix: '{    "records": [', scanFrom: { line: 2, lineStart: Buffer.byteLength('\uFEFF{\r\n') } });
    for (const other of ['{"tables":[{"a":1}]}', '{"meta":{"n":1},"value":[{"a":1}]}', '{"value":[1,2]}', '{"value":[]}', '{"id":"x","a":1}', '{"a":"line\nbreak","value":[{}]}', '{"a":"\\x","value":[{}]}', '{\f"value":[{}]}']) {
      expect(envelopeOf(Buffer.from(other)), other).toBeNull();
    }
    // Invalid UTF-8 in the opening: the general splitter says where (and the scan's offsets would be off).
    expect(envelopeOf(Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff]), Buffer.from('","value":[{"a":1}]}')]))).toBeNull();
    // The members kept as the splitter keeps them: text up to MAX_META_CHARS with its quotes, the last string of a name.
    const long = 'c'.repeat(4095);
    expect(envelopeOf(Buffer.from(`{"@odata.context":"${long}","value":[{}]}`))?.meta).toEqual({});
    expect(envelopeOf(Buffer.from(`{"@odata.context":"${long.slice(2)}","value":[{}]}`))?.meta).toEqual({ '@odata.context': long.slice(2) });
    expect(envelopeOf(Buffer.from('{"k":"first","k":1,"n":"a","n":"b","value":[{}]}'))?.meta).toEqual({ k: 'first', n: 'b' });
    expect(envelopeOf(Buffer.from('{"\\u0040odata.context":"x\\u00e9","value":[{}]}'))?.meta).toEqual({ '@odata.context': 'xé' });
  });

  it('takes every record, the last once what follows the array is a plain member or the end', () => {
    for (const tail of [']}', '],"@odata.nextLink":"https://x/?$skiptoken=a"}\n', ']\r\n}\r\n']) {
      const scan = envelopeScan(page(JSON.stringify(records).slice(0, -1) + tail))!;
      expect(scan.elements.map((e) => JSON.parse(e) as unknown), tail).toEqual(records);
      expect(scan.handover, tail).toBeNull();
    }
  });

  it('leaves the last record to the general splitter when what follows the array is not plain, or the document is cut short', () => {
    const body = JSON.stringify(records).slice(0, -1);
    // JSON's whitespace is space, tab, CR and LF only; an escape in the tail must decode.
    for (const tail of ['],"more":{"a":1}}', ']}{"a":1}', '],"value":[{"a":1}]}', ']', ']}\f', ']\v}', ']}\u00a0', '],"n":"\\x"}']) {
      const text = page(body + tail);
      const scan = envelopeScan(text)!;
      expect(scan.elements.length, tail).toBe(2);
      expect(scan.handover, tail).toMatchObject({ offset: text.indexOf('{"c"'), inArray: true, primer: { elements: 2 } });
    }
    const cut = envelopeScan(page('[{"a":1},{"b":'))!;
    expect(cut.elements).toEqual(['{"a":1}']);
    expect(cut.handover).toMatchObject({ offset: page('[{"a":1},').length, inArray: true });
  });
});

describe('planning a big array', () => {
  it('gives it a head and units of byte ranges, end to end, and leaves a small one whole', () => {
    const events = Array.from({ length: 20 }, (_, i) => graphEvent({ id: `p${i}` }));
    const path = temp.write('plan.json', `\uFEFF${JSON.stringify(events, null, 2)}`);
    const units = planUnits([{ kind: 'file', path }], 2, SPLIT);
    expect(units.every((u) => u.kind === 'elements')).toBe(true);
    const ranges = units.map((u) => (u.kind === 'elements' ? [u.start, u.end, u.head === true] : []));
    expect(ranges[0]).toEqual([0, 1500, true]);
    expect(units[0]).toMatchObject({ textStart: 3 });
    for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBe(ranges[k - 1][1]);
    expect(ranges.at(-1)![1]).toBe(readFileSync(path).length);
    expect(planUnits([{ kind: 'file', path }], 2, WHOLE)).toEqual([{ kind: 'input', input: { kind: 'file', path } }]);
  });
});

/** What a load gives: each event's id and line, its problems, its errors, sorted where order is the workers'. */
async function outcome(path: string, plan: object): Promise<{ ids: string[]; problems: string[]; errors: string[]; arena: number; progress: boolean }> {
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan });
  await session.done;
  const { store } = session;
  const order = Array.from(store.sortedIndices());
  const loaded = order.map((i) => store.loadedEvent(i));
  const result = {
    ids: loaded.map((l) => `${l.event.id}@${l.origin.line} ${l.pane}`).sort(),
    problems: session.problems.map((p) => `${p.line}:${p.column ?? ''} ${p.reason}`).sort(),
    errors: session.errors,
    // Records kept whole in memory rather than re-read from the file.
    arena: order.filter((i) => store.rawAddress(i) === null).length,
    // Progress ends at the file's size, however the units shared it out.
    progress: session.progress().bytesRead === session.progress().bytesTotal,
  };
  session.close();
  return result;
}

describe('a split array reads as the general splitter reads it', () => {
  const all = shapes(24);
  const arrays = all.filter((shape) => /array/.test(shape.name));
  // One envelope around the records: a Graph page saved whole, an Event Hub / storage batch.
  const envelopes = all.filter((shape) => shape.name === 'one-line Graph page' || shape.name === 'Event Hub batch');
  const compact = JSON.stringify(JSON.parse(arrays[0].bytes.toString()));
  const records = JSON.parse(compact) as unknown[];
  const csaRecords = (JSON.parse(readFileSync(new URL('../fixtures/formats/graph-csa-page.json', import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as { value: unknown[] }).value;
  const csaContext = 'https://graph.microsoft.com/beta/$metadata#auditLogs/customSecurityAttributeAudits';
  const cases = [
    ...[...arrays, ...envelopes].map((shape) => ({ name: shape.name, bytes: shape.bytes })),
    { name: 'one-line array', bytes: Buffer.from(compact) },
    { name: 'pretty Graph page with a next link after the records', bytes: Buffer.from(JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', '@odata.count': records.length, value: records, '@odata.nextLink': 'https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=x' }, null, 2).replace(/\n/g, '\r\n')) },
    { name: 'custom security page with its context after the records (a PowerShell hashtable\'s order)', bytes: Buffer.from(JSON.stringify({ value: Array.from({ length: 30 }, (_, k) => csaRecords.map((r) => ({ ...(r as object), id: `${(r as { id: string }).id}-${k}` }))).flat(), '@odata.context': csaContext })) },
    { name: 'custom security page (its context names the endpoint)', bytes: Buffer.from(`\uFEFF${JSON.stringify({ '@odata.context': csaContext, value: Array.from({ length: 30 }, (_, k) => csaRecords.map((r) => ({ ...(r as object), id: `${(r as { id: string }).id}-${k}` }))).flat() }, null, 1)}`) },
  ];

  it('undamaged: every record, each re-read from its place in the file', async () => {
    for (const { name, bytes } of cases) {
      const path = temp.write(`whole-${name.replace(/\W+/g, '-')}.json`, bytes);
      // Every case takes the scan's path (elements cut from the file), none the general path.
      expect(new Set(planUnits([{ kind: 'file', path }], 2, SPLIT).map((unit) => unit.kind)), name).toEqual(new Set(['elements']));
      const split = await outcome(path, SPLIT);
      const whole = await outcome(path, WHOLE);
      expect(split.ids.length, name).toBeGreaterThan(20);
      expect({ ...split, arena: 0 }, name).toEqual({ ...whole, arena: 0 });
      expect(split.arena, name).toBe(0);
    }
  });

  it('damaged: the same records and the same problems, for every kind of damage', async () => {
    const next = random(20261204);
    let compared = 0;
    for (const { name, bytes } of cases) {
      for (const kind of MUTATION_KINDS) {
        for (let round = 0; round < 3; round++) {
          const mutation = mutate(bytes, kind, next);
          const path = temp.write(`damaged-${compared}.json`, mutation.bytes);
          const split = await outcome(path, SPLIT);
          const whole = await outcome(path, WHOLE);
          expect({ ids: split.ids, problems: split.problems, errors: split.errors, progress: split.progress }, `${name}: ${mutation.description}`).toEqual({ ids: whole.ids, problems: whole.problems, errors: whole.errors, progress: true });
          compared++;
        }
      }
    }
    expect(compared).toBe(cases.length * MUTATION_KINDS.length * 3);
  });
});

describe('a one-shot filtered query on a big array', () => {
  it('parses only the elements holding the value, one-line or pretty, and keeps every one that can match', async () => {
    const events = Array.from({ length: 60 }, (_, i) => graphEvent({ id: `f${i}`, correlationId: `corr-${i % 4}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString() }));
    for (const [name, text] of [['one-line', JSON.stringify(events)], ['pretty', JSON.stringify(events, null, 2)]]) {
      const path = temp.write(`prefiltered-${name}.json`, text);
      const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: { ...SPLIT, prefilterFromBytes: 1 }, prefilter: { values: ['corr-1'], markers: [] } });
      await session.done;
      const kept = Array.from(session.store.sortedIndices(), (i) => session.store.loadedEvent(i).event);
      expect(kept.filter((e) => e.correlationId === 'corr-1').map((e) => e.id).sort(), name).toEqual(events.filter((e) => e.correlationId === 'corr-1').map((e) => e.id).sort());
      const unread = session.reports()[0].unread ?? 0;
      // Every record is either parsed or passed over, and those passed over are the others (the head is parsed whole).
      expect(kept.length + unread, name).toBe(60);
      expect(unread, name).toBeGreaterThan(30);
      expect(session.prefiltered).toBe(true);
      session.close();
    }
  });
});

describe('cutting a big array into units', () => {
  it('gives the rest after damage in the head to a worker’s unit, never to the head (parsed on the main thread)', async () => {
    const events = Array.from({ length: 40 }, (_, i) => JSON.stringify(graphEvent({ id: `h${i}` })));
    const text = `[${events[0]},${events[1].replace('"id"', 'id"')},${events.slice(2).join(',')}]`;
    const path = temp.write('head-damage.json', text);
    const units = planUnits([{ kind: 'file', path }], 2, SPLIT);
    const starts = units.map((u) => (u.kind === 'elements' ? u.start : -1));
    const cutter = new ArrayCutter(path, text.length, starts, 1 << 20);
    cutter.run((step) => setImmediate(step));
    const cuts = await Promise.all(starts.map((_, part) => cutter.cut(part)));
    expect(cuts[0]).toMatchObject({ rest: null });
    expect(Array.from(cuts[0].offsets)).toEqual([1, 1 + events[0].length]);
    expect(cuts[1].rest).toMatchObject({ offset: 2 + events[0].length, inArray: true, primer: { offset: 1, elements: 1 } });
    expect(cuts.slice(2).every((cut) => cut.rest === null && cut.offsets.length === 0)).toBe(true);
  });
});

describe('cases a review found', () => {
  const records = Array.from({ length: 30 }, (_, i) => JSON.stringify(graphEvent({ id: `r${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString() })));
  const same = async (name: string, text: string) => {
    const path = temp.write(`${name}.json`, text);
    const split = await outcome(path, SPLIT);
    const whole = await outcome(path, WHOLE);
    expect({ ids: split.ids, problems: split.problems }, name).toEqual({ ids: whole.ids, problems: whole.problems });
    return split;
  };

  it('counts a raw line break inside a string as a line, as the splitter does', async () => {
    const broken = records.map((r, i) => (i === 3 ? r.replace('Update user', 'Update\nuser') : r));
    const split = await same('newline-in-string', `[${broken.join(',\n')}]`);
    expect(split.ids).toContain('r10@12 directory');
  });

  it('reads text after the array with what the records taught', async () => {
    await same('after-array', `[${records.join(',')}]${records[5].slice(200)}`);
  });

  it('loads a file named twice as two inputs, each scanned on its own', async () => {
    const path = temp.write('twice.json', `[${records.join(',\n')}]`);
    const session = new LoadSession([{ kind: 'file', path }, { kind: 'file', path }], { workers: 0, plan: SPLIT });
    await session.done;
    expect({ count: session.store.count, duplicates: session.duplicates }).toEqual({ count: 30, duplicates: 30 });
    session.close();
  });
});
