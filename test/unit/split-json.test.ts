import { describe, expect, it } from 'vitest';
import type { SplitItem } from '../../src/ingest/json-lines.js';
import { JsonRecordSplitter } from '../../src/ingest/split-json.js';

/** Feed `text` in chunks of `size` characters, as a stream would deliver it. */
function split(text: string, size = text.length): SplitItem[] {
  const splitter = new JsonRecordSplitter();
  const items: SplitItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
  items.push(...splitter.finish());
  return items;
}

const values = (items: SplitItem[]) =>
  items.map((item) => (item.kind === 'parsed' ? item.value : { problem: item.reason }));

describe('JsonRecordSplitter', () => {
  const a = { activityDisplayName: 'Add user', n: 1 };
  const b = { activityDisplayName: 'Delete "user" \\ }]', n: 2 };

  it('splits a pretty-printed top-level array into its elements, whatever the chunk size', () => {
    const text = JSON.stringify([a, b], null, 2);
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      expect(values(split(text, size))).toEqual([a, b]);
    }
  });

  it('reads arrays written back to back, with and without a newline between them', () => {
    const text = `${JSON.stringify([a])}${JSON.stringify([b])}\n${JSON.stringify([a, b], null, 1)}`;
    expect(values(split(text, 5))).toEqual([a, b, a, b]);
  });

  it('unwraps value, records and tables envelopes and keeps their string members as metadata', () => {
    const page = { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/customSecurityAttributeAudits', value: [a, b], '@odata.nextLink': 'next' };
    const items = split(JSON.stringify(page, null, 2), 9);
    expect(values(items)).toEqual([a, b]);
    const first = items[0];
    expect(first.kind !== 'problem' && first.envelope?.meta['@odata.context']).toContain('customSecurityAttributeAudits');
    expect(values(split(JSON.stringify({ records: [a] }, null, 2)))).toEqual([a]);
  });

  it('reads JSON Lines, including a line that is itself a records batch', () => {
    const text = `${JSON.stringify(a)}\r\n${JSON.stringify({ records: [b, a] })}\n\n${JSON.stringify(b)}`;
    expect(values(split(text, 4))).toEqual([a, b, a, b]);
  });

  it('gives each record the line it starts on', () => {
    const text = `[\n  {"x": 1},\n  {"x": 2,\n   "y": 3}\n]`;
    expect(split(text, 3).map((item) => item.line)).toEqual([2, 3]);
  });

  it('reports a broken JSON Lines line and keeps the lines around it', () => {
    const text = `${JSON.stringify(a)}\n{"activityDisplayName": "cut off\n${JSON.stringify(b)}\n`;
    const items = split(text, 10);
    expect(values(items)).toEqual([a, { problem: expect.stringContaining('invalid JSON') }, b]);
    expect(items[1].line).toBe(2);
  });

  it('reports a truncated array element at the end of input', () => {
    const text = `[${JSON.stringify(a)},\n{"activityDisplayName": "Add`;
    const items = split(text, 6);
    expect(values(items)).toEqual([a, { problem: expect.stringContaining('truncated') }]);
    expect(items[1].line).toBe(2);
  });

  it('reports text that is not JSON between records, then carries on', () => {
    const text = `[${JSON.stringify(a)}]\nthis is not json\n[${JSON.stringify(b)}]`;
    expect(values(split(text, 8))).toEqual([a, { problem: expect.stringContaining('not JSON') }, b]);
  });

  it('returns a single non-envelope object as one record', () => {
    expect(values(split(JSON.stringify(a, null, 2), 3))).toEqual([a]);
  });
});
