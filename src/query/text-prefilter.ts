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
 *   escaped one of their characters: a line with `\/` is always parsed when a value holds `/`,
 *   and one with a `\uXXXX` escape of a character a value holds, in either letter case (the
 *   loader reads each escape's code). Other escapes cannot hide a match: they stand for `"`, `\`,
 *   control characters or characters outside ASCII, none of which a value holds. Escapes are
 *   common in real exports (.NET writes `&` as `\u0026`, PowerShell `<`, `>` and `'`), so a line
 *   is not parsed for holding one;
 * - a store string lower-cased may gain an ASCII letter from two characters only (İ → i̇,
 *   Kelvin K → k): a line with either (as UTF-8 or escaped) is always parsed when a value holds
 *   that letter;
 * - queries whose answer depends on the other events (`risk:`, fuzzy free words judged over the
 *   distinct values) get no pattern: they need the whole load.
 */
import { allTerms, type FieldName, type FieldTerm, type Query } from './ast.js';

/** Fields whose store strings are verbatim substrings of the record's JSON text. */
export const PREFILTER_FIELDS: readonly FieldName[] = ['actor', 'ip', 'app', 'corr', 'error', 'target'];

/** Letters a store string gains by lower-casing (İ → i̇, Kelvin K → k), each with its UTF-8 bytes as Latin-1. */
const GAINS_LETTER: ReadonlyArray<{ letter: string; character: string; utf8: string }> = [
  { letter: 'i', character: '\u0130', utf8: '\xC4\xB0' },
  { letter: 'k', character: '\u212A', utf8: '\xE2\x84\xAA' },
];

/** The markers and escaped characters that let a line through for these values (see the header). */
function hidingPlaces(values: readonly string[]): { markers: string[]; escapes: string } {
  const characters = new Set<string>();
  for (const value of values) for (const character of value) characters.add(character.toLowerCase()).add(character.toUpperCase());
  const markers = characters.has('/') ? ['\\/'] : [];
  for (const { letter, character, utf8 } of GAINS_LETTER) {
    if (!characters.has(letter)) continue;
    markers.push(utf8);
    characters.add(character);
  }
  // A backslash escaped (`\u005c`) may start an escape of the value's characters once JSON text
  // held in a string is decoded again (Log Analytics' dynamic columns): always let it through.
  characters.add('\\');
  return { markers, escapes: [...characters].sort().join('') };
}

export interface TextPrefilter {
  /** What the loader looks for in each line's bytes (load/line-prefilter.ts): the values in any ASCII letter case, the markers exactly, and `\u` escapes of these characters. */
  spec: { values: string[]; markers: string[]; escapes: string };
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
  return { spec: { values: [...chosen.values], ...hidingPlaces(chosen.values) }, needles: [...chosen.rawValues] };
}
