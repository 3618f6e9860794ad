/**
 * `Query` → canonical query text: canonical field names, single spaces, quotes only where a
 * value needs them. The result parses back to an equal query (positions aside), so the explorer
 * can show the active filter and `--filter` can be copied from it.
 */
import type { Query, Term } from './ast.js';

export function formatQuery(query: Query): string {
  // One OR at the top needs no parentheses: `a OR b`, as typed.
  const [only] = query.terms;
  if (query.terms.length === 1 && only.kind === 'any' && !only.negated) return formatBranches(only.branches);
  return query.terms.map(formatTerm).join(' ');
}

const formatBranches = (branches: Term[][]): string => branches.map((branch) => branch.map(formatTerm).join(' ')).join(' OR ');

export function formatTerm(term: Term): string {
  switch (term.kind) {
    case 'any':
      return `${term.negated ? '-' : ''}(${formatBranches(term.branches)})`;
    case 'field':
      return `${term.negated ? '-' : ''}${term.field}:${term.exact ? '=' : ''}${term.rawValues.map(formatValue).join('|')}`;
    case 'since':
    case 'until':
      // Keep what the user wrote (`7d` stays `7d`); a built term without text gets exact ISO.
      return `${term.kind}:${formatValue(term.text ?? new Date(term.ms).toISOString())}`;
    case 'fuzzy':
      // Parsed words are always safe bare (no whitespace, quote or "|", no leading "-").
      return `${term.negated ? '-' : ''}${term.text}`;
    case 'phrase':
      return `${term.negated ? '-' : ''}${quote(term.text)}`;
  }
}

/** A field value, quoted when bare text would not read back as the same single value. */
export function formatValue(value: string): string {
  return value === '' || /[\s|"]/.test(value) || value.startsWith('-') || value.startsWith('=') ? quote(value) : value;
}

/** Double-quoted with `\` and `"` escaped, LF and CR as `\n` and `\r` (a term stays one line): the inverse of the parser's quoted strings. */
export function quote(text: string): string {
  return `"${text.replace(/[\\"\n\r]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\${ch}`))}"`;
}
