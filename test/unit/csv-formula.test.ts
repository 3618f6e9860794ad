/**
 * What a spreadsheet would run as a formula, beyond the ASCII prefixes: the full-width and small
 * forms (`＝ ＋ － ＠ ﹦`), which some spreadsheets fold to ASCII, and a prefix after leading
 * spaces, which they trim on import. Plain numbers stay numbers.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/export/csv.js';
import { exportEvents } from '../../src/export/export-events.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

const FORMULAS = ['＝1+1', '＋cmd|/c calc', '－2+3', '＠SUM(A1:A9)', '﹦HYPERLINK("http://x.example")', '﹢1', '﹣1', '﹫SUM(A1)', ' =1+1', '   +cmd', '\u00a0=1', '\u3000＝1', ' \t@SUM(A1)', '\n=1+1'];
const NUMBERS = ['-42', '+3.5', '1e5', ' -42', '42 ', '.5'];
const TEXT = ['Update user', 'a=b', 'x+y', 'bob@contoso.example', '42-7 is not a formula start', ' plain'];

describe('CSV formula neutralisation', () => {
  it('neutralises full-width and small formula prefixes, and prefixes after leading spaces', () => {
    for (const cell of FORMULAS) expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
  });

  it('keeps plain numbers (spaces around them too) and ordinary text as they are', () => {
    for (const cell of [...NUMBERS, ...TEXT]) expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(cell);
  });

  it('writes those cells with their leading quote in an export', async () => {
    const events = [...FORMULAS, ...NUMBERS].map((text, i) =>
      graphEvent({ id: `c${i}`, activityDateTime: new Date(Date.parse('2026-11-20T10:00:00Z') - i * 1000).toISOString(), activityDisplayName: text }),
    );
    const store = storeFromEvents(loaded(...events));
    const path = temp.path('formulas.csv');
    await exportEvents({ store, indices: store.sortedIndices('all'), format: 'csv', path, force: false, sources: [] });
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.activityDisplayName)).toEqual([...FORMULAS.map((f) => `'${f}`), ...NUMBERS]);
  });
});
