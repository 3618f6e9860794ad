/**
 * Damaged JSON documents cost what was damaged: every element that parses on its own, before and
 * after the damage, still comes out; a syntax error costs that element (at most its neighbour),
 * with one problem at its line and column; time and memory stay linear.
 */
import { describe, expect, it } from 'vitest';
import type { SplitItem } from '../../src/ingest/json-lines.js';
import { decideJsonLine, JsonRecordSplitter } from '../../src/ingest/split-json.js';
import { graphEvent } from '../helpers/events.js';

function split(text: string, size = 4096, maxRecordChars?: number): SplitItem[] {
  const splitter = new JsonRecordSplitter({ maxRecordChars });
  const items: SplitItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
  items.push(...splitter.finish());
  return items;
}

const ids = (items: SplitItem[]) => items.flatMap((item) => (item.kind === 'parsed' && item.value && typeof item.value === 'object' && 'id' in item.value ? [String((item.value as { id: unknown }).id)] : []));
const problems = (items: SplitItem[]) => items.filter((item) => item.kind === 'problem');
const events = (count: number) => Array.from({ length: count }, (_, i) => graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString() }));
const all = (count: number) => Array.from({ length: count }, (_, i) => `e${i}`);
const pretty = (count: number) => JSON.stringify(events(count), null, 2);
const page = (count: number) => JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: events(count) });

/** A tiny seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('damage in a JSON document', () => {
  it('reports "[}" as a problem at once instead of looping', () => {
    const items = split('[}');
    expect(ids(items)).toEqual([]);
    expect(problems(items)).toEqual([{ kind: 'problem', line: 1, column: 2, reason: expect.stringContaining('unexpected text where a record should start') }]);
  });

  it('skips an extra brace between records, keeping both neighbours', () => {
    const [a, b] = events(2).map((e) => JSON.stringify(e));
    const items = split(`[${a},}${b}]`);
    expect(ids(items)).toEqual(['e0', 'e1']);
    expect(problems(items)).toHaveLength(1);
  });

  it('loses only the record an extra brace cuts short, with one problem at its start', () => {
    const text = pretty(5).replace('"modifiedProperties": [', '"modifiedProperties": [}');
    const items = split(text);
    // The brace lands in e0 (the first record's first property list): e0 is lost, the rest load.
    expect(ids(items)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(problems(items)).toEqual([expect.objectContaining({ line: 2, column: 3 })]);
  });

  it('loses at most the damaged record and its neighbour when a quote turns into a letter', () => {
    for (const make of [pretty, page]) {
      const text = make(100);
      // Every 7th quote of the record e50's text, one at a time.
      const start = text.indexOf('"e50"');
      for (let k = 0; k < 40; k += 7) {
        const at = text.indexOf('"', start + 1 + k * 9);
        const damaged = text.slice(0, at) + 'x' + text.slice(at + 1);
        const kept = ids(split(damaged, 1000));
        expect(kept.filter((id) => !all(100).includes(id))).toEqual([]);
        expect(all(100).filter((id) => !kept.includes(id)).length, `quote at ${at}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('keeps every record completed before a cut, in a pretty-printed array and a one-line Graph page', () => {
    for (const make of [pretty, page]) {
      const text = make(102);
      for (const fraction of [0.23, 0.5, 0.91]) {
        const cut = Math.floor(text.length * fraction);
        const complete = events(102).filter((event) => {
          const end = text.indexOf(`"id": "${event.id}"`) === -1 ? text.indexOf(`"id":"${event.id}"`) : text.indexOf(`"id": "${event.id}"`);
          // A record is complete before the cut when its closing brace (the next record's start) is before it.
          const next = text.indexOf(`"e${Number(event.id.slice(1)) + 1}"`, end);
          return next !== -1 && next < cut;
        });
        const kept = ids(split(text.slice(0, cut), 777));
        for (const event of complete) expect(kept).toContain(event.id);
        expect(problems(split(text.slice(0, cut), 777)).length).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('deleting any one byte of a pretty-printed array costs at most two records, in bounded time', () => {
    const text = pretty(60);
    const next = random(10);
    const started = performance.now();
    for (let round = 0; round < 200; round++) {
      const at = Math.floor(next() * text.length);
      const kept = ids(split(text.slice(0, at) + text.slice(at + 1), 1 + Math.floor(next() * 5000)));
      expect(all(60).filter((id) => !kept.includes(id)).length, `byte ${at} deleted`).toBeLessThanOrEqual(2);
    }
    // 200 damaged 60-record documents: far under a second each even on a busy machine.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('reads the next array of a concatenation after damage in the one before', () => {
    const first = pretty(5).replace('"activityDisplayName": "Update user"', '"activityDisplayName": "Update user');
    const second = JSON.stringify(events(8).slice(5), null, 2);
    const kept = ids(split(`${first}\n${second}`, 500));
    for (const id of ['e5', 'e6', 'e7']) expect(kept).toContain(id);
  });

  it('skips a record larger than the cap without holding it, and keeps the ones around it', () => {
    const big = graphEvent({ id: 'big', additionalDetails: [{ key: 'blob', value: 'x'.repeat(200_000) }] });
    const text = JSON.stringify([events(1)[0], big, events(2)[1]]);
    const items = split(text, 8192, 50_000);
    expect(ids(items)).toEqual(['e0', 'e1']);
    expect(problems(items)).toEqual([expect.objectContaining({ reason: expect.stringContaining('record larger than') })]);
  });

  it('skips garbage in bounded memory, one problem for the whole run', () => {
    const items = split(`[${JSON.stringify(events(1)[0])},${'\u0000'.repeat(3_000_000)}${JSON.stringify(events(2)[1])}]`, 65536);
    expect(ids(items)).toEqual(['e0', 'e1']);
    expect(problems(items)).toHaveLength(1);
  });
});

describe('damage to the envelope around the records', () => {
  it('reads the records of a Graph page whose "value" name was damaged, saying so once', () => {
    const text = page(30).replace('"value":', '"valje":');
    const items = split(text, 512);
    expect(ids(items)).toEqual(all(30));
    expect(problems(items)).toEqual([expect.objectContaining({ reason: expect.stringContaining('envelope member "valje" is none of value, records, tables') })]);
  });

  it('still reads a single top-level record with arrays in it as one record', () => {
    const record = events(1)[0];
    const items = split(JSON.stringify(record, null, 2), 7);
    expect(ids(items)).toEqual(['e0']);
    expect(problems(items)).toEqual([]);
  });
});

describe('a damaged JSON Lines line that holds a batch', () => {
  it('keeps the records of a short batch line around the one damaged', () => {
    const records = events(8).map((e) => JSON.stringify(e));
    records[3] = records[3].replace('"id":', '"id"');
    const line = `{"records":[${records.join(',')}]}`;
    expect(line.length).toBeLessThan(64 * 1024);
    const items = decideJsonLine(line, 7);
    expect(ids(items)).toEqual(['e0', 'e1', 'e2', 'e4', 'e5', 'e6', 'e7']);
    expect(problems(items)).toEqual([expect.objectContaining({ line: 7 })]);
  });

  it('reports a damaged single-record line as one problem, reading nothing inside it', () => {
    const line = JSON.stringify(events(1)[0]).replace('"id":', '"id"');
    expect(decideJsonLine(line, 3)).toEqual([{ kind: 'problem', line: 3, reason: expect.stringContaining('invalid JSON') }]);
  });
});

describe('the layout learnt from a pretty-printed array', () => {
  it('is the same however the text is cut into chunks, so nested look-alikes are never taken for records', () => {
    // Records whose nested object begins with the records' own first two keys: only the
    // indentation tells them apart after damage.
    const records = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, kind: 'audit', child: { id: `c${i}`, kind: 'audit', note: 'x'.repeat(300) } }));
    const text = JSON.stringify(records, null, 2);
    const damaged = text.replace('"id": "r5"', '"id: "r5"');
    const whole = split(damaged, damaged.length);
    const chunked = split(damaged, 97);
    expect(ids(chunked)).toEqual(ids(whole));
    expect(ids(whole).filter((id) => id.startsWith('c'))).toEqual([]);
  });
});
