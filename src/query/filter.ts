/** A query string to an event test, or the first error with its position: what every face uses. */
import type { Query } from './ast.js';
import { compileQuery, type CompiledTerm, type EventTest, type MaskUpTo } from './compile.js';
import { parseQuery } from './parse.js';
import type { QueryIndex } from './query-index.js';
import { refines } from './refine.js';
import { zoneFreeText } from './zoned-text.js';

/** An applied filter: what the text meant, and the test built from it. */
export interface ActiveFilter {
  query: Query;
  test: EventTest;
  /** The test's mask, for a narrower query typed next to start from. */
  upTo: MaskUpTo;
  terms: CompiledTerm[];
}

/**
 * `text`: the query as it should be kept and shown (see zoned-text.ts); positions in `filter` index
 * it. `narrower`: every event the filter keeps, the previous one kept (its rows can be narrowed).
 */
export type FilterResult =
  | { ok: true; text: string; test: EventTest | null; filter: ActiveFilter | null; narrower: boolean }
  | { ok: false; error: { message: string; position: number } };

/**
 * An empty (or blank) query is no filter at all. `previous`, the filter shown until now, lets a
 * narrower query (one more character typed) look only at the events the previous one kept.
 * `timeZone`: the IANA zone dates and times without `Z` or an offset are read in.
 */
export function filterFromText(text: string, index: QueryIndex, now: number, previous?: ActiveFilter | null, timeZone = 'UTC'): FilterResult {
  if (text.trim() === '') return { ok: true, text: '', test: null, filter: null, narrower: false };
  const typed = parseQuery(text, { now, timeZone });
  if (!typed.ok) return typed;
  // Kept with the offsets it was read at; parsed again so term positions index the kept text.
  const kept = zoneFreeText(text, typed.query);
  const parsed = kept === text ? typed : parseQuery(kept, { now, timeZone });
  if (!parsed.ok) return parsed;
  const within = previous && refines(parsed.query, previous.query) ? previous.upTo : undefined;
  const compiled = compileQuery(parsed.query, index, within);
  if (!compiled.ok) return compiled;
  return { ok: true, text: kept, test: compiled.test, filter: { query: parsed.query, test: compiled.test, upTo: compiled.upTo, terms: compiled.terms }, narrower: within !== undefined };
}

/** `message` and a caret under the offending character, for the CLI's stderr. */
export function describeFilterError(text: string, error: { message: string; position: number }): string {
  return `invalid --filter: ${error.message}\n  ${text}\n  ${' '.repeat(Math.max(0, error.position))}^`;
}
