/**
 * A one-shot `query --filter` on a big file need not parse every record: `ip:203.0.113.66` can
 * only keep a record whose text holds `203.0.113.66`. This finds, for a query, values (and
 * markers) one of which every record it can keep holds in its raw JSON text, so the loader
 * parses only the lines holding one (load/line-prefilter.ts) and the count stays exact.
 *
 * Exact because:
 * - the values come from one positive field term ANDed at the top, so a kept record holds one
 *   of its values in one of the term's store strings (a case-insensitive substring, see compile.ts);
 * - only fields whose store strings are copied verbatim from a JSON string or number of the
 *   record (names, ids, addresses, codes; PREFILTER_FIELDS, checked over every fixture format
 *   by test/unit/text-prefilter.test.ts), never derived ones (`status:` from an error code,
 *   `location:` composed from city and country);
 * - only plain ASCII values without `"` or `\`, whose JSON text is themselves unless the writer
 *   used an escape: any line with `\u` or `\/` is always parsed;
 * - a store string lower-cased may gain an ASCII letter from two characters only (İ → i̇,
 *   Kelvin K → k): any line with either is always parsed;
 * - queries whose answer depends on the other events (`risk:`, fuzzy free words judged over the
 *   distinct values) get no pattern: they need the whole load.
 */
import { allTerms, type FieldName, type FieldTerm, type Query } from './ast.js';

/** Fields whose store strings are verbatim substrings of the record's JSON text. */
export const PREFILTER_FIELDS: readonly FieldName[] = ['actor', 'ip', 'app', 'corr', 'error', 'target'];

/** Lines with these bytes (as Latin-1) are parsed whatever the values: escapes (`\u0040`, `\/`), İ and the Kelvin sign in UTF-8. */
const ALWAYS_PARSED = ['\\u', '\\/', '\xC4\xB0', '\xE2\x84\xAA'];

export interface TextPrefilter {
  /** What the loader looks for in each line's bytes (load/line-prefilter.ts): the values in any ASCII letter case, and the markers exactly. */
  spec: { values: string[]; markers: string[] };
  /** The values looked for, as typed (for the note that says what was not read). */
  needles: string[];
}

const PLAIN_VALUE = /^[\x20-\x7e]+$/;
const usable = (value: string): boolean => PLAIN_VALUE.test(value) && !value.includes('"') && !value.includes('\\');

/** The pattern for `query`, or null when no term can narrow the records read before parsing. */
export function textPrefilterOf(query: Query): TextPrefilter | null {
  const everything = allTerms(query.terms);
  if (everything.some((term) => term.kind === 'fuzzy' || (term.kind === 'field' && term.field === 'risk'))) return null;
  const candidates = query.terms.filter(
    (term): term is FieldTerm => term.kind === 'field' && !term.negated && PREFILTER_FIELDS.includes(term.field) && term.values.length > 0 && term.values.every(usable),
  );
  if (candidates.length === 0) return null;
  // The most selective guess: the term whose shortest value is longest.
  const shortest = (term: FieldTerm) => Math.min(...term.values.map((value) => value.length));
  const chosen = candidates.reduce((best, term) => (shortest(term) > shortest(best) ? term : best));
  return { spec: { values: [...chosen.values], markers: ALWAYS_PARSED }, needles: [...chosen.rawValues] };
}
