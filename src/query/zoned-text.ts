/**
 * A query's text with every date or time that was read in a zone (`since:2026-11-19T04:00` under
 * `--tz Europe/Paris`) rewritten with the offset it was read at (`since:2026-11-19T04:00+01:00`),
 * the rest left as typed. What the explorer keeps as its filter, so the chips, the history and
 * the command `Y` copies mean the same events whatever zone reads them later.
 */
import { allTerms, type Query, type TimeTerm } from './ast.js';
import { formatTerm } from './format.js';

/** The text unchanged when no term needed a zone. */
export function zoneFreeText(text: string, query: Query): string {
  const zoned = allTerms(query.terms).filter((term): term is TimeTerm => (term.kind === 'since' || term.kind === 'until') && term.zone !== undefined);
  let out = text;
  for (const term of zoned.sort((a, b) => b.start - a.start)) out = out.slice(0, term.start) + formatTerm(term) + out.slice(term.end);
  return out;
}
