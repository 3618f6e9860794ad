/**
 * Damaged inputs cost only what was damaged (issue 11, "Input"): gzip trailers and garbage,
 * bombs and blank text, leading whitespace of any length, split files judged whole, stray CSV
 * quotes, BOMs where lines start, records with 200,000 targets. Each test says what was loaded
 * (counts, ids) and which problems were reported, with their lines or byte offsets.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import { LoadSession } from '../../src/load/load-session.js';
import { planUnits } from '../../src/load/plan-units.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');
const load = (path: string) => loadAll([{ kind: 'file', path }]);
const at = (i: number) => new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString();
const line = (id: string, i = 0) => JSON.stringify(graphEvent({ id, activityDateTime: at(i) }));
const lines = (prefix: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => line(`${prefix}${i}`, from + i)).join('\n') + '\n';
const ids = (set: { events: Array<{ event: { id: string } }> }) => set.events.map((e) => e.event.id).sort();
const range = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`).sort();

async function sessionIds(path: string) {
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0 });
  await session.done;
  const { store } = session;
  return { session, ids: Array.from(store.sortedIndices(), (i) => store.loadedEvent(i).event.id).sort() };
}

describe('gzip: what decoded is kept, what was ignored is said', () => {
  const members = [gzipSync(lines('a', 17)), gzipSync(lines('b', 10, 100))];
  const [first] = members;

  it('keeps all 17 events when the trailer CRC is damaged, and says where', async () => {
    const damaged = Buffer.from(first);
    damaged[damaged.length - 8] ^= 0xff;
    const path = temp.write('crc.jsonl.gz', damaged);
    const loaded = await load(path);
    expect(ids(loaded)).toEqual(range('a', 17));
    const trailerAt = first.length - 8;
    expect(loaded.problems).toEqual([{ source: path, offset: trailerAt, reason: `gzip trailer damaged at byte ${trailerAt}: the data before it was kept` }]);
    expect(loaded.reports[0].error).toBeUndefined();
  });

  it('keeps them when the trailer size is wrong, or the trailer is cut off', async () => {
    const wrongSize = Buffer.from(first);
    wrongSize[wrongSize.length - 1] ^= 1;
    const sized = await load(temp.write('size.jsonl.gz', wrongSize));
    expect(ids(sized)).toEqual(range('a', 17));
    expect(sized.problems.map((p) => p.reason)).toEqual([`gzip trailer damaged at byte ${first.length - 8}: the data before it was kept`]);
    const cut = await load(temp.write('no-trailer.jsonl.gz', first.subarray(0, first.length - 3)));
    expect(ids(cut)).toEqual(range('a', 17));
    expect(cut.problems.map((p) => p.reason)).toEqual([`gzip trailer missing at byte ${first.length - 8} (the file was cut short): the data before it was kept`]);
  });

  it('reads every member of a multi-member file, and skips garbage between members with its offset', async () => {
    expect(ids(await load(temp.write('multi.jsonl.gz', Buffer.concat(members))))).toEqual([...range('a', 17), ...range('b', 10)].sort());
    const garbage = Buffer.from('not gzip at all\n'.repeat(3));
    const between = await load(temp.write('between.jsonl.gz', Buffer.concat([first, garbage, members[1]])));
    expect(ids(between)).toEqual([...range('a', 17), ...range('b', 10)].sort());
    expect(between.problems).toEqual([
      { source: expect.any(String), offset: first.length, reason: `${garbage.length} bytes at byte ${first.length} before the next gzip member (at byte ${first.length + garbage.length}) were skipped` },
    ]);
  });

  it('ignores garbage after the last member with a problem, and zero padding silently', async () => {
    const after = await load(temp.write('after.jsonl.gz', Buffer.concat([first, Buffer.from('GARBAGE!'.repeat(4))])));
    expect(ids(after)).toEqual(range('a', 17));
    expect(after.problems.map((p) => [p.offset, p.reason])).toEqual([[first.length, `32 bytes at byte ${first.length} after the last gzip member were ignored`]]);
    const padded = await load(temp.write('padded.jsonl.gz', Buffer.concat([first, Buffer.alloc(4096)])));
    expect(ids(padded)).toEqual(range('a', 17));
    expect(padded.problems).toEqual([]);
  });

  it('keeps the records completed before a cut, and says where the data ended', async () => {
    const big = gzipSync(lines('c', 400));
    const path = temp.write('cut.jsonl.gz', big.subarray(0, Math.floor(big.length / 2)));
    const loaded = await load(path);
    expect(loaded.events.length).toBeGreaterThan(100);
    expect(ids(loaded)).toEqual(range('c', 400).filter((id) => ids(loaded).includes(id)));
    expect(loaded.problems[0]).toEqual({ source: path, offset: Math.floor(big.length / 2), reason: expect.stringMatching(/^gzip data cut short at byte \d+ \(unexpected end of file\): the data before it was kept$/) });
    expect(loaded.reports[0].error).toBeUndefined();
  });
});

describe('bounded cost for sources that are not exports', () => {
  /** `members` copies of one member inflating to 1 MiB of `fill`: a bomb, built in a millisecond. */
  const bomb = (fill: string, members: number, before = '') => {
    const member = gzipSync(fill.repeat(1 << 20));
    return Buffer.concat([...(before ? [gzipSync(before)] : []), ...Array.from({ length: members }, () => member)]);
  };

  it('refuses a 1 GB gzip bomb of spaces after the sniff, naming what it saw', async () => {
    const path = temp.write('bomb.json.gz', bomb(' ', 1024));
    const started = Date.now();
    const loaded = await load(path);
    expect(loaded.events).toEqual([]);
    expect(loaded.reports[0].error).toBe(`${path}: decompresses to more than 100× its size without a single record: not an export (stopped after 128 MB)`);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('stops a bomb appended to an export, keeping the records before it', async () => {
    const path = temp.write('appended.jsonl.gz', bomb('\n', 200, lines('k', 5)));
    const loaded = await load(path);
    expect(ids(loaded)).toEqual(range('k', 5));
    expect(loaded.problems).toEqual([{ source: path, offset: expect.any(Number), reason: expect.stringMatching(/^128 MB after the last record decompress to more than 100× their size without a record: the rest was ignored/) }]);
  }, 30_000);

  it('refuses NUL bytes at once as binary, and blank text with no record as empty', async () => {
    const nul = await load(temp.write('zeros.bin', Buffer.concat([Buffer.alloc(1000, 0x20), Buffer.alloc(1 << 20)])));
    expect(nul.reports[0].error).toMatch(/not an Entra audit export I can read \(binary data, not text: it starts with the control character 0x00\)/);
    const blank = await load(temp.write('blank.json', ' \n'.repeat(3 << 20)));
    expect(blank.problems.map((p) => p.reason)).toEqual(['empty input: no records']);
  });
});

describe('leading whitespace of any length', () => {
  it('loads all 200 records after 6 MB of blank lines (several read chunks), on every path, with their lines', async () => {
    const blank = '   \r\n'.repeat(1_200_000);
    const path = temp.write('padded.jsonl', blank + lines('w', 200));
    const streamed = await load(path);
    expect(ids(streamed)).toEqual(range('w', 200));
    expect(streamed.events.find((e) => e.event.id === 'w0')!.origin.line).toBe(1_200_001);
    expect((await sessionIds(path)).ids).toEqual(range('w', 200));
    expect(ids(await load(temp.write('padded.jsonl.gz', gzipSync(blank + lines('w', 200)))))).toEqual(range('w', 200));
    const array = await load(temp.write('padded.json', blank + JSON.stringify({ value: [graphEvent({ id: 'in-array' })] })));
    expect(ids(array)).toEqual(['in-array']);
  });
});

describe('a split JSON Lines file is judged whole', () => {
  // Known records of ~1.2 KB: 99 of them fill most of the 128 KB head.
  const pad = 'r'.repeat(Math.floor(120_000 / 99) - JSON.stringify(graphEvent({ id: 'h00', activityDateTime: at(0) })).length);
  const padded = (prefix: string, count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => JSON.stringify(graphEvent({ id: `${prefix}${i}`, activityDateTime: at(from + i), resultReason: pad }))).join('\n') + '\n';
  const others = (count: number, size = 600) => Array.from({ length: count }, (_, i) => JSON.stringify({ name: `other${i}`, padding: 'p'.repeat(size) })).join('\n') + '\n';

  it('loads 299 of 299 when a run of 200 unknown lines follows the head (the issue: 99 of 299)', async () => {
    // Over 256 KB: the planner cuts a 128 KB head (the 99 known records and a few others) and the
    // rest, which starts with over 100 unknown lines: what a part used to be refused for.
    const text = padded('h', 99) + others(200) + padded('t', 100, 1000);
    const path = temp.write('mixed.jsonl', text);
    const units = planUnits([{ kind: 'file', path }], 2);
    expect(units.map((u) => u.kind === 'lines' && u.head)).toEqual([true, false]);
    const rest = Buffer.from(text).subarray(units[1].kind === 'lines' ? units[1].start : 0).toString();
    expect(rest.startsWith('{"name"')).toBe(true);
    expect(rest.split('\n').findIndex((l) => l.includes('"t0"'))).toBeGreaterThan(100);
    const { session, ids: loaded } = await sessionIds(path);
    expect(session.store.count).toBe(199);
    expect(loaded).toEqual([...range('h', 99), ...range('t', 100)].sort());
    expect(session.errors).toEqual([]);
    expect(session.problemCount).toBe(200);
    expect(session.problems.map((p) => p.line!).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => 100 + i));
    expect(session.problems[0].reason).toBe('record matches no known audit format (keys: name, padding)');
    expect(session.reports()).toEqual([expect.objectContaining({ events: 199, problems: 200 })]);
    expect(session.reports()[0].error).toBeUndefined();
    // The same bytes gzipped stream through one classifier: the same outcome.
    const gz = await sessionIds(temp.write('mixed.jsonl.gz', gzipSync(text)));
    expect(gz.ids).toEqual(loaded);
    expect(gz.session.problemCount).toBe(200);
  });

  it('turns a part that recognised nothing into problems at absolute lines when another part did', async () => {
    const good = padded('h', 99);
    const text = good + others(150) + padded('t', 100, 1000);
    const path = temp.write('pure-part.jsonl', text);
    // The head ends exactly after the 99 known records; the middle part holds only unknown lines.
    const plan = { splitFromBytes: 1, headBytes: Buffer.byteLength(good) - 10 };
    const units = planUnits([{ kind: 'file', path }], 2, plan);
    expect(units).toHaveLength(3);
    const middle = units[1].kind === 'lines' ? Buffer.from(text).subarray(units[1].start, units[1].end).toString() : '';
    expect(middle.trim().split('\n').every((l) => l.startsWith('{"name"'))).toBe(true);
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan });
    await session.done;
    expect(session.store.count).toBe(199);
    expect(session.errors).toEqual([]);
    const reference = await load(path);
    expect(reference.problems).toHaveLength(150);
    expect(session.problems.map((p) => `${p.line}: ${p.reason}`).sort()).toEqual(reference.problems.map((p) => `${p.line}: ${p.reason}`).sort());
    expect(session.reports()).toEqual([expect.objectContaining({ events: 199, problems: 150 })]);
    expect(session.reports()[0].error).toBeUndefined();
  });

  it('still refuses it, once and without problems, when no part recognises anything', async () => {
    const path = temp.write('all-other.jsonl', others(400));
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: { splitFromBytes: 1, headBytes: 20_000 } });
    await session.done;
    expect(session.store.count).toBe(0);
    expect(session.errors).toHaveLength(1);
    expect(session.errors[0]).toMatch(/not an Entra audit export I can read \(record matches no known audit format \(keys: name, padding\)\)/);
    expect(session.problemCount).toBe(0);
  });

  it('loads known records after a run of 1,100 unknown ones on the streaming path too (those past 1,000 counted)', async () => {
    const loaded = await load(temp.write('late.jsonl', others(1100, 10) + lines('late', 3)));
    expect(ids(loaded)).toEqual(range('late', 3));
    expect(loaded.problems).toHaveLength(1001);
    expect(loaded.problems[999]).toEqual({ source: expect.any(String), line: 1000, reason: 'record matches no known audit format (keys: name, padding)' });
    expect(loaded.problems[1000]).toEqual({ source: expect.any(String), line: 1001, reason: '100 more records, the first here, match no known audit format' });
  });
});

describe('a record with 200,000 targets', () => {
  const targets = Array.from({ length: 200_000 }, (_, i) => ({ id: `t${i}`, displayName: `T${i}`, type: 'User', userPrincipalName: null, groupType: null, modifiedProperties: [] }));
  const huge = { ...graphEvent({ id: 'huge', activityDateTime: at(5) }), targetResources: targets };

  it('loads (every target) with the records after it, from JSON Lines and from an array', async () => {
    const text = [line('before', 1), JSON.stringify(huge), line('after', 9), line('later', 10)].join('\n') + '\n';
    const { session, ids: loaded } = await sessionIds(temp.write('huge.jsonl', text));
    expect(loaded).toEqual(['after', 'before', 'huge', 'later']);
    expect(session.errors).toEqual([]);
    const { store } = session;
    const index = Array.from(store.sortedIndices()).find((i) => store.loadedEvent(i).event.id === 'huge')!;
    expect(store.loadedEvent(index).event.targetResources).toHaveLength(200_000);
    expect(store.summary(index).targetKeys.split('\n')).toHaveLength(400_000);
    const array = await sessionIds(temp.write('huge.json', JSON.stringify({ value: [graphEvent({ id: 'first' }), huge, graphEvent({ id: 'last' })] })));
    expect(array.ids).toEqual(['first', 'huge', 'last']);
  }, 60_000);
});

describe('a BOM where a line starts (exports pasted together)', () => {
  it('costs no record, on the streaming and the split path, and the records re-read', async () => {
    const text = lines('a', 3) + '\uFEFF' + lines('b', 3, 10);
    const path = temp.write('pasted.jsonl', text);
    expect(ids(await load(path))).toEqual([...range('a', 3), ...range('b', 3)]);
    const { session, ids: loaded } = await sessionIds(path);
    expect(loaded).toEqual([...range('a', 3), ...range('b', 3)]);
    expect(session.problemCount).toBe(0);
    const { store } = session;
    const b0 = Array.from(store.sortedIndices()).find((i) => store.loadedEvent(i).event.id === 'b0')!;
    expect(store.readEvent(b0)).toMatchObject({ ok: true, loaded: { event: { id: 'b0' } } });
  });
});

describe('CSV: a good header means an export; damage costs the damaged row', () => {
  const [header, row] = readFileSync(join(FIXTURES, 'portal-download.csv'), 'utf8').split('\r\n');
  const rows = Array.from({ length: 200 }, (_, i) => row.replace('2025-03-14T09:41:27', `2025-03-14T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`));
  const csv = (edit: (rows: string[]) => void, name: string) => {
    const copy = [...rows];
    edit(copy);
    return temp.write(name, [header, ...copy].join('\r\n') + '\r\n');
  };
  const summary = (loaded: Awaited<ReturnType<typeof load>>) => ({ events: loaded.events.length, problems: loaded.problems.map((p) => `${p.line}: ${p.reason}`), error: loaded.reports[0].error });

  it('loses one row to a quote inside a quoted cell, one to a lost closing quote (the line it swallowed comes back)', async () => {
    const inner = csv((r) => (r[49] = r[49].replace('"User Administrator"', '"User "Administrator"')), 'inner.csv');
    expect(summary(await load(inner))).toEqual({ events: 199, problems: ['51: unreadable CSV row (a quote closes cell 27 but is followed by "Administrato")'], error: undefined });
    const swallowing = csv((r) => (r[49] = r[49].slice(0, -1)), 'swallowing.csv');
    expect(summary(await load(swallowing))).toEqual({ events: 199, problems: ['51: unreadable CSV row (a quote closes cell 86 but is followed by "2025-03-14T0")'], error: undefined });
  });

  it('reads a quote inside an unquoted cell as a character, as spreadsheets do', async () => {
    const path = csv((r) => (r[0] = r[0].replace('"Ines Okafor"', 'Ines "the admin" Okafor')), 'literal.csv');
    const loaded = await load(path);
    expect(summary(loaded)).toEqual({ events: 200, problems: [], error: undefined });
    expect(loaded.events.some((e) => e.event.initiatedBy.user?.displayName === 'Ines "the admin" Okafor')).toBe(true);
  });

  it('gets back every row after a quote that never closes, one line each', async () => {
    // From line 101 on the rows are written without quotes (as some tools write CSV), and line 101
    // opens a quote that nothing closes: the cell swallows the other 100 lines up to the end.
    const path = csv((r) => {
      // Unquoted, a cell holding a comma would split: those commas become semicolons.
      for (let i = 99; i < r.length; i++) r[i] = r[i].replace(/"((?:[^"]|"")*)"/g, (_, inner: string) => inner.replace(/,/g, ';').replace(/""/g, "'"));
      r[99] = r[99].replace(',Ines Okafor,', ',"Ines Okafor,');
    }, 'unclosed.csv');
    const loaded = await load(path);
    expect(summary(loaded)).toEqual({ events: 199, problems: ['101: unreadable CSV row (a quoted cell never closes)'], error: undefined });
    expect(loaded.events.filter((e) => e.origin.line! > 101)).toHaveLength(100);
  });

  it('skips a BOM where a row starts and the header repeated (downloads pasted together)', async () => {
    const one = [header, ...rows.slice(0, 50)].join('\r\n') + '\r\n';
    const path = temp.write('pasted.csv', '\uFEFF' + one + '\uFEFF' + one);
    expect(summary(await load(path))).toEqual({ events: 100, problems: [], error: undefined });
  });

  it('reads a header a stray quote made unreadable without its quotes, saying so', async () => {
    const path = temp.write('bad-header.csv', header.replace('"CorrelationId"', '"Correlation"Id"') + '\r\n' + rows[0] + '\r\n');
    const loaded = await load(path);
    expect(summary(loaded)).toEqual({ events: 1, problems: [expect.stringMatching(/^1: the CSV header is damaged: unreadable CSV row \(a quote closes cell 2 .*\), read without its quotes$/)], error: undefined });
  });

  it('finds a header moved below a row, and reads a header that lost a separator by position', async () => {
    const swapped = temp.write('swapped.csv', [rows[0], header, ...rows.slice(1, 10)].join('\r\n') + '\r\n');
    expect(summary(await load(swapped))).toEqual({ events: 9, problems: ['1: a row above the CSV header (line 2): lines out of order?'], error: undefined });
    const merged = temp.write('merged.csv', [header.replace('","Service"', 'Service"'), ...rows.slice(0, 10)].join('\r\n') + '\r\n');
    expect(summary(await load(merged))).toEqual({ events: 10, problems: ['1: the CSV header is damaged: the header has 85 cells where the download has 86: its rows are read by position'], error: undefined });
  });

  it('reports a row cut short at the end of the file instead of loading half of it', async () => {
    const text = [header, ...rows.slice(0, 5)].join('\r\n');
    const path = temp.write('cut.csv', text.slice(0, text.length - 200));
    expect(summary(await load(path))).toEqual({ events: 4, problems: [expect.stringMatching(/^6: CSV row with \d+ cells where the export has 86: damaged or cut short$/)], error: undefined });
  });

  it('still refuses a CSV whose header is no export at all, with the reason', async () => {
    const path = temp.write('other.csv', 'name,size\r\na,1\r\nb,2\r\n');
    expect((await load(path)).reports[0].error).toMatch(/CSV header "name,size" is not one I know/);
  });
});
