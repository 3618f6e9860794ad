/**
 * Notes on field terms that match nothing at all: `status:failed` runs (and finds nothing), but
 * says `no status contains "failed" — did you mean "failure"?`, so an empty result is not read
 * as "there were no failures". A term is looked at only when it is not excluded (`-status:x`,
 * `NOT (…)` exclude nothing when they match nothing, which is no surprise), and only fields the
 * store keeps (`id:`, `value:` re-read events; `risk:` takes fixed values).
 *
 * "Matches nothing" is decided by the term's own compiled test over the events in scope (the
 * pane), never by a second reading of the language; the suggestion comes from the values the
 * field has in scope: the closest by edits, else the one that starts most like it.
 */
import { splitKeys } from '../model/event-summary.js';
import { paneMatches, type PaneChoice } from '../model/pane.js';
import { MULTI_VALUED_FIELDS, STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';
import { closestByPrefix, closestName } from '../text/closest-name.js';
import type { FieldTerm, Query, Term } from './ast.js';
import { compileQuery, FIELD_STRINGS } from './compile.js';
import type { QueryIndex } from './query-index.js';

export interface ValueNoteOptions {
  /** The events the terms are judged on: the pane shown (the CLI's --pane). */
  scope: PaneChoice;
  /** The query's text, so a note names the field as typed (`user:` in Sign-ins, not `actor:`). */
  text?: string;
  /**
   * True when the whole query matched some event in scope: then every term ANDed at the top
   * matched it too, and only terms inside OR groups need a look (saves a pass per keystroke).
   */
  matchedSome?: boolean;
}

/**
 * Distinct strings a field has in scope beyond which no suggestion is looked for: correlation
 * ids are as many as the events, and a did-you-mean over a million ids would cost seconds.
 */
const MAX_DISTINCT = 20_000;

/** One line per value of a term that matches nothing in scope, in the order of the query. */
export function valueNotes(query: Query, index: QueryIndex, options: ValueNoteOptions): string[] {
  const notes: string[] = [];
  for (const { term, topLevel } of includedFieldTerms(query.terms, true)) {
    if (topLevel && options.matchedSome) continue;
    if (!FIELD_STRINGS[term.field] || matchesSome(term, index, options.scope)) continue;
    const name = typedName(term, options.text);
    const values = distinctValues(term, index, options.scope);
    term.rawValues.forEach((raw) => {
      const suggestion = values && suggest(raw, values, term.exact);
      const what = `no ${name} ${term.exact ? 'is' : 'contains'} ${JSON.stringify(raw)}`;
      notes.push(suggestion === undefined ? what : `${what} — did you mean ${JSON.stringify(suggestion)}?`);
    });
  }
  return notes;
}

/** Field terms that keep events (not excluded, not inside an excluded group), and whether they are ANDed at the top. */
function* includedFieldTerms(terms: readonly Term[], topLevel: boolean): Generator<{ term: FieldTerm; topLevel: boolean }> {
  for (const term of terms) {
    if (term.kind === 'field' && !term.negated) yield { term, topLevel };
    if (term.kind === 'any' && !term.negated) for (const branch of term.branches) yield* includedFieldTerms(branch, topLevel && term.branches.length === 1);
  }
}

/** The term's own test over the events in scope: does any pass? */
function matchesSome(term: FieldTerm, index: QueryIndex, scope: PaneChoice): boolean {
  const { store } = index;
  const compiled = compileQuery({ terms: [term] }, index);
  // A term that cannot be compiled is reported as the query's error, not here.
  if (!compiled.ok) return true;
  const alive = new Uint8Array(store.count);
  for (let i = 0; i < store.count; i++) alive[i] = paneMatches(scope, store.pane(i)) ? 1 : 0;
  for (const one of compiled.terms) one.narrow(alive, 0, store.count);
  return alive.includes(1);
}

/** `user` for `user:maren` (the alias typed), else the canonical name. */
function typedName(term: FieldTerm, text: string | undefined): string {
  const typed = text?.slice(term.start).match(/^[A-Za-z]+(?=:)/)?.[0];
  return typed?.toLowerCase() ?? term.field;
}

/** The distinct values of the term's fields in scope (each value of a multi-valued field on its own), or null when too many. */
function distinctValues(term: FieldTerm, index: QueryIndex, scope: PaneChoice): Set<string> | null {
  const { store } = index;
  const rows = store.stringIdRows();
  const seen = new Set<number>();
  const values = new Set<string>();
  for (const field of FIELD_STRINGS[term.field] ?? []) {
    const column = stringFieldIndex(field);
    const multi = MULTI_VALUED_FIELDS.has(field);
    for (let i = 0; i < store.count; i++) {
      if (!paneMatches(scope, store.pane(i))) continue;
      const id = rows[i * STRING_FIELD_COUNT + column];
      if (id === 0 || seen.has(id)) continue;
      seen.add(id);
      if (seen.size > MAX_DISTINCT) return null;
      const text = store.vocabulary.get(id);
      for (const value of multi ? splitKeys(text) : [text]) if (value !== '') values.add(value);
    }
  }
  return values;
}

/** Words of a value, for a substring term: `passwrd` is close to the `password` in "Reset user password". */
const WORD_BREAK = /[^\p{L}\p{N}@._-]+/u;

/**
 * The value to suggest: one the field has, so the suggestion finds something. An exact term
 * suggests whole values; a substring term also a word of one.
 */
function suggest(typed: string, values: ReadonlySet<string>, exact: boolean): string | undefined {
  const words = exact ? [] : [...new Set([...values].flatMap((value) => value.split(WORD_BREAK)).filter((word) => word.length > 1))];
  return closestName(typed, values) ?? (words.length > 0 ? closestName(typed, words) : undefined) ?? closestByPrefix(typed, exact ? values : [...values, ...words]);
}
