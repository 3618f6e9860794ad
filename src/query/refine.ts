/**
 * When is a new query's result a subset of the old one's? When every old term is implied by a
 * new term: the same term, or (for substring terms, not negated, one value) a term whose value
 * contains the old value. Typing one more character into `/` is nearly always such a refinement,
 * so the new query only has to look at the events the old one kept.
 */
import type { Query, Term } from './ast.js';
import { formatTerm } from './format.js';

function implies(newer: Term, older: Term): boolean {
  if (newer.kind !== older.kind) return false;
  switch (older.kind) {
    case 'any':
      // Only the same alternatives (written the same way) are sure to keep no more.
      return newer.kind === 'any' && formatTerm(newer) === formatTerm(older);
    case 'since':
    case 'until':
      return newer.kind === older.kind && (newer as typeof older).ms === older.ms;
    case 'fuzzy':
      // Fuzzy matches are not monotone in the word ("pas" may miss what "pass" finds).
      return newer.kind === 'fuzzy' && newer.negated === older.negated && newer.text.toLowerCase() === older.text.toLowerCase();
    case 'phrase': {
      if (newer.kind !== 'phrase' || newer.negated !== older.negated) return false;
      const [a, b] = [newer.text.toLowerCase(), older.text.toLowerCase()];
      return a === b || (!older.negated && a.includes(b));
    }
    case 'field': {
      if (newer.kind !== 'field' || newer.field !== older.field || newer.negated !== older.negated) return false;
      if (newer.exact === older.exact && newer.values.join('|') === older.values.join('|')) return true;
      if (older.exact) return false;
      // Every new alternative must contain some old one (and `risk:` values are not substrings).
      return !older.negated && older.field !== 'risk' && newer.values.every((v) => older.values.some((o) => v.includes(o)));
    }
  }
}

/** True when every event matching `newer` is sure to match `older`. */
export function refines(newer: Query, older: Query): boolean {
  return older.terms.every((old) => newer.terms.some((term) => implies(term, old)));
}
