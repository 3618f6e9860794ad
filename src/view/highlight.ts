/**
 * Which parts of a table row to highlight for the active filter: the text of its positive terms
 * (field values, phrases, free words) wherever it appears in the row, case-insensitively. A fuzzy
 * word that matched a value only approximately (`pasword` → "password") has no exact text to mark;
 * those rows are shown unmarked rather than with a guessed mark.
 */
import type { Query, Term } from '../query/ast.js';

/** The terms an event shown may have matched: those of `a OR b` too, never under a negation. */
const positiveTerms = (terms: readonly Term[]): Term[] =>
  terms.flatMap((term) => (term.kind === 'any' ? (term.negated ? [] : term.branches.flatMap(positiveTerms)) : [term]));

/** Field terms whose values are shown in the table's columns. */
const SHOWN_FIELDS = new Set(['activity', 'category', 'service', 'status', 'target', 'actor', 'type']);

/** The needles of every query given (the filter, and the `F` find when there is one). */
export function highlightNeedles(...queries: Array<Query | null | undefined>): string[] {
  const needles = new Set<string>();
  for (const term of queries.flatMap((query) => positiveTerms(query?.terms ?? []))) {
    if ('negated' in term && term.negated) continue;
    if (term.kind === 'field' && SHOWN_FIELDS.has(term.field)) term.values.forEach((value) => needles.add(value));
    if (term.kind === 'phrase' || term.kind === 'fuzzy') needles.add(term.text.toLowerCase());
  }
  // Longest first, so "reset password" wins over "reset" where both match.
  return [...needles].filter((needle) => needle.length >= 2).sort((a, b) => b.length - a.length);
}

export interface Segment {
  text: string;
  match: boolean;
}

/** `text` cut into plain and matching runs (in order; concatenated they give `text` back). */
export function splitMatches(text: string, needles: readonly string[]): Segment[] {
  if (needles.length === 0) return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Lower-casing can change lengths (rare, e.g. "İ"); then positions would not line up: no marks.
  if (lower.length !== text.length) return [{ text, match: false }];
  const marked = new Uint8Array(text.length);
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) marked.fill(1, at, at + needle.length);
  }
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      segments.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return segments.length > 0 ? segments : [{ text, match: false }];
}
