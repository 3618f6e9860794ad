/**
 * One record past the cap costs that record only, in every reading path, without holding it:
 * the byte-range reader big JSON Lines files take skips the rest of the line, and a long line
 * that is a whole document (a Graph page on one line) keeps the records in it that parse.
 */
import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter } from '../../src/ingest/split-json.js';
import { LoadSession } from '../../src/load/load-session.js';
import { runUnit } from '../../src/load/load-unit.js';
import type { EventBatch } from '../../src/store/event-batch.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
let files = 0;
const line = (id: string, at = 0) => JSON.stringify(graphEvent({ id, activityDateTime: new Date(Date.UTC(2026, 10, 20) + at * 1000).toISOString() }));

async function readLines(text: string, maxRecordBytes?: number) {
  const path = temp.write(`f${files++}.jsonl`, text);
  const batches: EventBatch[] = [];
  const size = Buffer.byteLength(text);
  await runUnit({ kind: 'lines', path, start: 0, end: size, part: 0, parts: 1, maxRecordBytes }, (batch) => batches.push(batch));
  return { events: batches.reduce((sum, batch) => sum + batch.count, 0), problems: batches.flatMap((batch) => batch.problems) };
}

async function loadIds(text: string) {
  const path = temp.write(`f${files++}.jsonl`, text);
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0 });
  await session.done;
  const { store } = session;
  return { ids: Array.from(store.sortedIndices(), (i) => store.loadedEvent(i).event.id).reverse(), problems: session.problems };
}

describe('the record cap in the JSON Lines byte-range reader', () => {
  it('skips a line past the cap as one problem and keeps the lines around it', async () => {
    const huge = `{"id":"huge","pad":"${'x'.repeat(300_000)}"}`;
    const { events, problems } = await readLines([line('a'), huge, line('b'), ''].join('\n'), 100_000);
    expect(events).toBe(2);
    expect(problems).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('record larger than') })]);
  });

  it('drops a line longer than a read chunk as it reads it, and reads on after it', async () => {
    const huge = `{"id":"huge","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    const { events, problems } = await readLines([line('a'), huge, line('b'), line('c')].join('\n'), 1024 * 1024);
    expect(events).toBe(3);
    expect(problems).toEqual([expect.objectContaining({ line: 2, reason: 'record larger than 1 MB: skipped (--max-record-mb raises the cap)' })]);
  });

  it('keeps the records of a long damaged line that is a whole Graph page', async () => {
    const records = Array.from({ length: 400 }, (_, i) => JSON.parse(line(`p${i}`, i + 1)) as { id: string });
    const pageLine = JSON.stringify({ value: records });
    // Cut the page short: the line no longer parses, but the records before the cut do.
    const cut = pageLine.slice(0, Math.floor(pageLine.length * 0.5));
    const { ids, problems } = await loadIds([line('a', 0), cut, line('b', 1000), ''].join('\n'));
    expect(ids[0]).toBe('a');
    expect(ids[ids.length - 1]).toBe('b');
    const kept = ids.filter((id) => id.startsWith('p'));
    expect(kept.length).toBeGreaterThan(180);
    expect(kept).toEqual(records.slice(0, kept.length).map((r) => r.id));
    expect(problems).toHaveLength(1);
  });

  it('re-reads the records salvaged from a short damaged batch line by value, not from the line', async () => {
    const records = Array.from({ length: 6 }, (_, i) => line(`b${i}`, i + 1));
    records[2] = records[2].replace('"id":', '"id"');
    const { ids, problems } = await loadIds([line('a', 0), `{"value":[${records.join(',')}]}`, line('z', 100), ''].join('\n'));
    expect(ids).toEqual(['a', 'b0', 'b1', 'b3', 'b4', 'b5', 'z']);
    expect(problems).toHaveLength(1);
  });
});

describe('the record cap in the streaming splitter', () => {
  /** Feed `text` to a splitter in 64 KB chunks, as a file stream delivers it. */
  function split(text: string, maxRecordChars: number) {
    const splitter = new JsonRecordSplitter({ maxRecordChars });
    const items = [];
    for (let at = 0; at < text.length; at += 65_536) items.push(...splitter.push(text.slice(at, at + 65_536)));
    items.push(...splitter.finish());
    return { records: items.filter((item) => item.kind === 'parsed').length, problems: items.filter((item) => item.kind === 'problem').map((item) => (item as { reason: string }).reason) };
  }
  const element = (id: string) => JSON.stringify(graphEvent({ id }));

  it('skips an element past the cap as one problem and reads the elements after it', () => {
    const huge = `{"id":"huge","pad":"${'x'.repeat(8_000_000)}"}`;
    expect(split(`[${element('a')},${huge},${element('b')}]`, 1_000_000)).toEqual({ records: 2, problems: [expect.stringMatching(/^record larger than 0\.95 MB: skipped/)] });
  });

  it('a value that never ends is one problem, not also "input ends inside a record"', () => {
    expect(split(`[${element('a')},{"id":"open","pad":"${'x'.repeat(8_000_000)}`, 1_000_000)).toEqual({ records: 1, problems: [expect.stringMatching(/^record larger than/)] });
  });

  it('a value under the cap that grows over many chunks is still read whole', () => {
    const big = `{"id":"big","pad":"${'x'.repeat(3_000_000)}"}`;
    expect(split(`[${element('a')},${big},${element('b')}]`, 8_000_000)).toEqual({ records: 3, problems: [] });
  });
});
