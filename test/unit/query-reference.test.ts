/** The `?` help's query reference: built from the parser's own names, and its examples are queries that parse. */
import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES, FIELD_NAMES, TIME_KINDS } from '../../src/query/ast.js';
import { parseQuery } from '../../src/query/parse.js';
import { FIELD_MEANINGS, queryReference } from '../../src/query/reference.js';
import { helpLines } from '../../src/tui/help.js';
import { DEFAULT_KEYMAP } from '../../src/tui/keymap.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { displayWidth } from '../../src/text/width.js';
import { helpKeys } from '../../src/view/text-views.js';

describe('the query reference in the help', () => {
  const lines = helpLines(DEFAULT_KEYMAP);
  const reference = queryReference();

  it('lists every field, with what it means and its other spellings', () => {
    const lineOf = (field: string) => lines.find((l) => l.keys.split(' ')[0] === `${field}:`);
    for (const field of FIELD_NAMES) {
      expect(FIELD_MEANINGS[field], `a meaning for ${field}:`).toBeTruthy();
      expect(lineOf(field)?.help).toBe(FIELD_MEANINGS[field]);
    }
    for (const [alias, field] of Object.entries(FIELD_ALIASES)) expect(lineOf(field)?.keys.split(' ')).toContain(`${alias}:`);
    expect(lineOf('actor')?.keys).toBe('actor: user: source:');
  });

  it('comes after the keys, with the operators and both time bounds', () => {
    const firstReference = lines.findIndex((l) => l.heading && l.help.startsWith('Query language'));
    expect(firstReference).toBeGreaterThan(lines.findIndex((l) => l.keys === 'F'));
    const terms = reference.map((l) => l.term).join('\n');
    for (const operator of ['AND', 'OR', 'NOT', '-term', '(', 'field:=value', 'field:a|b']) expect(terms).toContain(operator);
    for (const kind of TIME_KINDS) expect(terms).toMatch(new RegExp(`${kind}:\\d+[dh]\\b`));
    for (const kind of TIME_KINDS) expect(terms).toContain(`${kind}:2026-11-19`);
  });

  it('fits 80 columns as the help draws it, so nothing of it is cut on a jump host', () => {
    const cut = reference.filter((line) => displayWidth(line.heading ? line.meaning : helpKeys(line.term, UNICODE_SYMBOLS) + line.meaning) > 80);
    expect(cut).toEqual([]);
  });

  it('gives examples that are queries the parser takes', () => {
    const examples = reference.slice(reference.findIndex((l) => l.heading && l.meaning === 'Examples') + 1);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect(parseQuery(example.term, { now: Date.parse('2026-11-25T00:00:00Z') }).ok, example.term).toBe(true);
  });
});
