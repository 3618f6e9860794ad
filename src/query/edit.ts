/**
 * Editing a filter's text by terms, for the filter menu and the chips: replace the terms on a
 * field with a new one, or remove one term, leaving the rest of the text as the user wrote it.
 */
import type { FieldName, Query, Term } from './ast.js';
import { quote } from './format.js';

/** `text` without the spans of `drop`, spaces tidied. */
function withoutTerms(text: string, drop: readonly Term[]): string {
  let out = text;
  for (const term of [...drop].sort((a, b) => b.start - a.start)) out = out.slice(0, term.start) + out.slice(term.end);
  return out.replace(/\s+/g, ' ').trim();
}

const join = (...parts: string[]) => parts.filter((part) => part !== '').join(' ');

/** Whether a term is about `field` (a field term on it, or for 'time', since:/until:). */
export const termIsOn = (term: Term, field: FieldName | 'time'): boolean =>
  field === 'time' ? term.kind === 'since' || term.kind === 'until' : term.kind === 'field' && term.field === field;

/** The text with every term on `field` replaced by `replacement` (nothing: just removed). */
export function replaceTerms(text: string, query: Query, field: FieldName | 'time', replacement: string): string {
  return join(withoutTerms(text, query.terms.filter((term) => termIsOn(term, field))), replacement);
}

export function removeTerm(text: string, term: Term): string {
  return withoutTerms(text, [term]);
}

/** `field:="a"|"b"` (or `-field:=…`): the term a facet choice becomes. */
export function exactTerm(field: FieldName, values: readonly string[], exclude: boolean): string {
  return `${exclude ? '-' : ''}${field}:=${values.map(quote).join('|')}`;
}
