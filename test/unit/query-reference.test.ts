/** The `?` help's query reference: built from the parser's own names, and its examples are queries that parse. */
import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES, FIELD_NAMES, TIME_KINDS } from '../../src/query/ast.js';
import { parseQuery } from '../../src/query/parse.js';
import { FIELD_MEANINGS, queryReference } from '../../src/query/reference.js';
import { helpLines } from '../../src/tui/help.js';
import { DEFAULT_KEYMAP } from '../../src/tui/keymap.js';

describe('the query reference in the help', () => {
  const lines = helpLines(DEFAULT_KEYMAP);
  const reference = queryReference();

  it('lists every field, with what it means and its other spellings', () => {
    for (const field of FIELD_NAMES) {
      expect(FIELD_MEANINGS[field], `a meaning for ${field}:`).toBeTruthy();
      expect(lines).toContainEqual(expect.objectContaining({ keys: `${field}:` }));
    }
    for (const [alias, field] of Object.entries(FIELD_ALIASES)) {
      const line = lines.find((l) => l.keys === `${field}:`);
      expect(line?.help).toContain(`${alias}:`);
    }
    expect(lines.find((l) => l.keys === 'status:')?.help).toMatch(/also result:/);
  });

  it('comes after the keys, with the operators and both time bounds', () => {
    const firstReference = lines.findIndex((l) => l.heading && l.help.startsWith('Query language'));
    expect(firstReference).toBeGreaterThan(lines.findIndex((l) => l.keys === 'F'));
    const terms = reference.map((l) => l.term).join('\n');
    for (const operator of ['AND', 'OR', 'NOT', '-term', '(', 'field:=value', 'field:a|b']) expect(terms).toContain(operator);
    for (const kind of TIME_KINDS) expect(terms).toContain(`${kind}:7d`);
  });

  it('gives examples that are queries the parser takes', () => {
    const examples = reference.slice(reference.findIndex((l) => l.heading && l.meaning === 'Examples') + 1);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect(parseQuery(example.term, { now: Date.parse('2026-11-25T00:00:00Z') }).ok, example.term).toBe(true);
  });
});
