/**
 * The text pre-filter of one-shot filtered queries (query/text-prefilter.ts, load/line-prefilter.ts):
 * which queries get one, and that a count with it equals the count of the whole load, for every
 * value of every pre-filtered field in every JSON format we read (each fixture's records written
 * as JSON Lines), and in the real records of ../shared/samples.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LoadSession } from '../../src/load/load-session.js';
import { LinePrefilter, type LinePrefilterSpec } from '../../src/load/line-prefilter.js';
import { splitKeys } from '../../src/model/event-summary.js';
import { compileQuery, FIELD_STRINGS } from '../../src/query/compile.js';
import { parseQuery } from '../../src/query/parse.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { PREFILTER_FIELDS, textPrefilterOf } from '../../src/query/text-prefilter.js';
import { MULTI_VALUED_FIELDS, STRING_FIELD_COUNT, stringFieldIndex } from '../../src/store/event-batch.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/elastic-azure-auditlogs/', import.meta.url));
/** Every line but the first goes through the pre-filter (the head is always parsed). */
const PREFILTER_EVERYTHING = { prefilterFromBytes: 0, headBytes: 16 };

const query = (text: string) => {
  const parsed = parseQuery(text, { now: Date.UTC(2026, 11, 1) });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
};

describe('which queries get a pre-filter', () => {
  it('takes the positive value term, the most selective one, with every alternative', () => {
    expect(textPrefilterOf(query('ip:10.0.0.1'))?.needles).toEqual(['10.0.0.1']);
    expect(textPrefilterOf(query('status:failure user:Adele.Vance@contoso.com'))?.needles).toEqual(['Adele.Vance@contoso.com']);
    expect(textPrefilterOf(query('app:ab|"Graph Explorer" since:7d'))?.needles).toEqual(['ab', 'Graph Explorer']);
    expect(textPrefilterOf(query('ip:1.2.3.4 user:kwame.kowalska'))?.needles).toEqual(['kwame.kowalska']);
  });

  it('gives none when the answer needs every record or the value is not plain text in the JSON', () => {
    for (const text of ['status:failure', '-ip:10.0.0.1', 'ip:10.0.0.1 risk:high', 'ip:10.0.0.1 reset', 'ip:1 OR ip:2', 'user:"o\\"brien"', 'user:jürgen', 'location:paris']) {
      expect(textPrefilterOf(query(text)), text).toBeNull();
    }
  });

  it('lets through the lines where an escape, İ or the Kelvin sign could hide a character of the value', () => {
    const keeps = (text: string) => {
      const prefilter = new LinePrefilter(textPrefilterOf(query(text))!.spec);
      return (line: string) => prefilter.matchesIn(Buffer.from(line), 0, Buffer.byteLength(line)).length > 0;
    };
    const kim = keeps('user:kim');
    expect(kim('{"u":"KIM@x"}')).toBe(true);
    expect(kim('{"u":"kIm@x"}')).toBe(true);
    expect(kim('{"u":"\\u004bim@x"}')).toBe(true);
    expect(kim('{"u":"\\u004Bim@x"}')).toBe(true);
    expect(kim('{"u":"k\\u0069m@x"}')).toBe(true);
    expect(kim('{"u":"k\\u0049m@x"}')).toBe(true);
    expect(kim('{"u":"\\u212aim@x"}')).toBe(true);
    expect(kim('{"u":"\\u0130x"}')).toBe(true);
    expect(kim('{"u":"\u212Aim@x"}')).toBe(true);
    expect(kim('{"u":"\u0130x"}')).toBe(true);
    expect(kim('{"u":"bob@x"}')).toBe(false);
    expect(kim('{"u":"ki m@x"}')).toBe(false);
    // Escapes of characters the value does not hold hide nothing (.NET writes & as \u0026, PowerShell < as \u003c).
    expect(kim('{"u":"bob@x","p":"iOS \\u0026 Android \\u003c\\u2013 \\u00e9","q":"a\\/b \\n \\" \\\\"}')).toBe(false);
    // `/` only matters to a value that holds one; digits have one case.
    const path = keeps('app:"a/b"');
    expect(path('{"u":"a\\/b"}')).toBe(true);
    expect(path('{"u":"A\\u002fB"}')).toBe(true);
    expect(path('{"u":"a\\u002Fb"}')).toBe(true);
    const ip = keeps('ip:10.0.0.1');
    expect(ip('{"ip":"10.0.0\\u002e1"}')).toBe(true);
    expect(ip('{"ip":"10.0.0.2","u":"\\u0130\\u212a\\u0041 \u0130 a\\/b"}')).toBe(false);
    // JSON text inside a string is decoded again (dynamic columns): an escaped backslash may start an escape there.
    expect(kim('{"u":"{\\"u\\":\\"k\\u005cu0069m\\"}"}')).toBe(true);
    // A line's second escape is looked at when its first hides nothing.
    expect(kim('{"p":"\\u0026","u":"\\u004bim"}\n{"u":"bob"}')).toBe(true);
  });
});

describe('the lines a pre-filter finds in a chunk', () => {
  /** What the pre-filter must find: each line holding a value (any ASCII case) or a marker, by its first match. */
  function expected(text: string, values: string[], markers: string[]): number[] {
    const firsts: number[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      const folded = line.replace(/[A-Z]/g, (c) => c.toLowerCase());
      const at = Math.min(...values.map((v) => folded.indexOf(v.toLowerCase())).filter((k) => k >= 0), ...markers.map((m) => line.indexOf(m)).filter((k) => k >= 0));
      if (Number.isFinite(at)) firsts.push(offset + at);
      offset += line.length + 1;
    }
    return firsts;
  }

  it('gives the first match on every line that has one, for one value or several with markers', () => {
    // Latin-1 text, one byte a character, with near misses, matches at line starts and ends, repeats and case changes.
    const pieces = ['kwame.k', 'KWAME.K', 'kwame', 'wame.k', 'xkwame.kx', 'Kwame.K@', '10.0.0.1', '10.0.0.', '\\u00e9', '\\/', '\xC4\xB0', 'é', '"', ' ', 'k'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const lines = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 9) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    const text = lines.join('\n') + '\n';
    const data = Buffer.from(text, 'latin1');
    const cases: Array<{ values: string[]; markers: string[] }> = [
      { values: ['kwame.k'], markers: [] },
      { values: ['10.0.0.1'], markers: [] }, // no letters: found by Buffer.indexOf
      { values: ['k'], markers: [] },
      { values: ['kwame.k@'], markers: ['\\u', '\\/', '\xC4\xB0'] },
      { values: ['10.0.0.1', 'wame'], markers: ['\\u'] },
    ];
    for (const spec of cases) {
      const found = new LinePrefilter(spec).matchesIn(data, 0, data.length);
      expect(found, JSON.stringify(spec)).toEqual(expected(text, spec.values, spec.markers));
    }
    // A window of the chunk: only its lines, offsets still in the whole buffer.
    const from = text.indexOf('\n', 5000) + 1;
    const to = text.indexOf('\n', 20_000) + 1;
    const windowed = new LinePrefilter(cases[0]).matchesIn(data, from, to);
    expect(windowed).toEqual(expected(text, cases[0].values, []).filter((at) => at >= from && at < to));
  });
});

interface QueryApiTable {
  columns: Array<{ name: string }>;
  rows: unknown[][];
}

/**
 * The records of a JSON fixture (an array, an envelope's `value` or `records`, or a query API
 * table's rows as objects, as a Log Analytics export writes them), or null for other shapes.
 */
function recordsOf(path: string): unknown[] | null {
  const bytes = readFileSync(path);
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le', 2) : bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object') {
    const envelope = parsed as Record<string, unknown>;
    for (const key of ['value', 'records']) if (Array.isArray(envelope[key])) return envelope[key] as unknown[];
    const tables = envelope.tables as QueryApiTable[] | undefined;
    if (Array.isArray(tables)) return tables.flatMap((table) => table.rows.map((row) => Object.fromEntries(table.columns.map((column, k) => [column.name, row[k]]))));
  }
  return null;
}

async function loaded(path: string, prefilter?: LinePrefilterSpec): Promise<LoadSession> {
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: PREFILTER_EVERYTHING, prefilter });
  await session.done;
  return session;
}

const countOf = (session: LoadSession, text: string): number => {
  const compiled = compileQuery(query(text), new QueryIndex(session.store));
  if (!compiled.ok) throw new Error(compiled.error.message);
  let count = 0;
  for (let i = 0; i < session.store.count; i++) if (compiled.test(i)) count++;
  return count;
};

/** Each pre-filtered field's distinct values in the store, and a piece from inside each (a substring term). */
function valuesToTry(session: LoadSession): Array<[string, string]> {
  const { store } = session;
  const rows = store.stringIdRows();
  const tries = new Set<string>();
  for (const field of PREFILTER_FIELDS) {
    for (const stringField of FIELD_STRINGS[field] ?? []) {
      const column = stringFieldIndex(stringField);
      for (let i = 0; i < store.count; i++) {
        const text = store.vocabulary.get(rows[i * STRING_FIELD_COUNT + column]);
        for (const value of MULTI_VALUED_FIELDS.has(stringField) ? splitKeys(text) : [text]) {
          if (value === '') continue;
          tries.add(JSON.stringify([field, value]));
          if (value.length > 4) tries.add(JSON.stringify([field, value.slice(1, -1)]));
        }
      }
    }
  }
  return [...tries].map((entry) => JSON.parse(entry) as [string, string]);
}

async function expectSameCounts(path: string): Promise<number> {
  const whole = await loaded(path);
  let checked = 0;
  for (const [field, value] of valuesToTry(whole)) {
    const text = `${field}:"${value.replace(/["\\]/g, '\\$&')}"`;
    const prefilter = textPrefilterOf(query(text));
    if (!prefilter) continue;
    const narrowed = await loaded(path, prefilter.spec);
    expect(countOf(narrowed, text), `${path}: ${text}`).toBe(countOf(whole, text));
    narrowed.close();
    checked++;
  }
  whole.close();
  return checked;
}

describe('a pre-filtered count is the whole load\'s count', () => {
  const jsonFixtures = ['graph-page.json', 'graph-beta-odata-typed.json', 'graph-csa-page.json', 'portal-download.json', 'powershell-5.json', 'powershell-7.json', 'eventhub-batch.json', 'log-analytics-rows.json', 'provisioning-graph-page.json', 'signins-diagnostic-all-categories.json', 'signins-graph-beta-page.json', 'signins-log-analytics-rows.json', 'signins-log-analytics-union.json', 'log-analytics-api.json', 'signins-portal-download.json', 'signins-powershell.json', 'ual-auditdata.json'];

  it.each(jsonFixtures)('for every value in %s, its records written as JSON Lines', async (name) => {
    const records = recordsOf(join(FIXTURES, name));
    expect(records, name).not.toBeNull();
    const path = temp.write(`${name}.jsonl`, records!.map((record) => JSON.stringify(record)).join('\n') + '\n');
    expect(await expectSameCounts(path)).toBeGreaterThan(0);
  });

  it.each(['graph-lines.jsonl', 'signins-graph-v1.jsonl'])('for every value in %s as it is', async (name) => {
    expect(await expectSameCounts(join(FIXTURES, name))).toBeGreaterThan(0);
  });

  it.each(['graph-page.json', 'signins-diagnostic-all-categories.json', 'signins-graph-beta-page.json'])('for every value in %s, written with a third of its string characters escaped', async (name) => {
    const records = recordsOf(join(FIXTURES, name))!;
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const hex = (code: number) => code.toString(16).padStart(4, '0');
    // JSON.stringify, then every third character of a string (as a writer that escapes freely would) as \uXXXX in either case, `/` as `\/`.
    const escaped = (text: string) =>
      text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
        literal.replace(/(?<=[^\\]|^)[^"\\]/g, (character) => {
          if (random() > 1 / 3) return character;
          if (character === '/' && random() < 0.5) return '\\/';
          const code = hex(character.charCodeAt(0));
          return `\\u${random() < 0.5 ? code : code.toUpperCase()}`;
        }),
      );
    const lines = records.map((record) => escaped(JSON.stringify(record)));
    expect(lines.map((line) => JSON.parse(line))).toEqual(records);
    const path = temp.write(`${name}.escaped.jsonl`, lines.join('\n') + '\n');
    expect(await expectSameCounts(path)).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(SAMPLES))('for every value in Elastic\'s real audit records', async () => {
    expect(await expectSameCounts(join(SAMPLES, 'test-audit-logs-sample.log'))).toBeGreaterThan(0);
  });
});

describe('what the pre-filter passes over', () => {
  it('is counted as unread, and the store is never written to the persisted index', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, 'graph-lines.jsonl'), 'utf8').split('\n')[0]))
      .replace(/"id":"[^"]*"/, `"id":"prefilter-${i}"`));
    const path = temp.write('unread.jsonl', lines.join('\n') + '\n');
    const session = await loaded(path, textPrefilterOf(query('ip:203.0.113.250'))!.spec);
    expect(session.reports()[0].unread).toBe(49);
    expect(session.prefiltered).toBe(true);
    expect(session.store.count).toBe(1); // the head line
    session.close();
  });
});
