/**
 * `--filter` as every command takes it: a malformed query is a usage error (exit 2, message and
 * caret), caught before any loading; it compiles against the store once the data is in.
 */
import type { Query } from '../query/ast.js';
import { compileQuery, type EventTest } from '../query/compile.js';
import { describeFilterError } from '../query/filter.js';
import { parseQuery } from '../query/parse.js';
import type { QueryIndex } from '../query/query-index.js';
import { valueNotes } from '../query/value-notes.js';
import { zoneFreeText } from '../query/zoned-text.js';
import type { PaneChoice } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { CliError, EXIT } from './errors.js';

export interface CliFilter {
  /** As given, but with the offset of every time read in `--tz` (what the summary prints as its filter). */
  text: string;
  query: Query;
}

/**
 * Parse `--filter`, its dates and times without `Z` or an offset read in `timeZone` (the zone of
 * --tz); null when there is none (absent or blank). Throws a usage CliError when malformed.
 */
export function parseCliFilter(text: string | undefined, timeZone = 'UTC'): CliFilter | null {
  if (text === undefined || text.trim() === '') return null;
  const parsed = parseQuery(text, { now: Date.now(), timeZone });
  if (!parsed.ok) throw new CliError(describeFilterError(text, parsed.error), EXIT.usage);
  return { text: zoneFreeText(text, parsed.query), query: parsed.query };
}

/**
 * The filter's test on the index's store (undefined: keep everything). Throws a usage CliError
 * when it cannot compile. A field term that matches nothing in `scope` (the --pane) runs, and is
 * told on stderr with the value meant: `no status contains "failed" — did you mean "failure"?`.
 */
export function compileCliFilter(filter: CliFilter | null, index: QueryIndex, scope: PaneChoice): EventTest | undefined {
  if (!filter) return undefined;
  const compiled = compileQuery(filter.query, index);
  if (!compiled.ok) throw new CliError(describeFilterError(filter.text, compiled.error), EXIT.usage);
  // Values from the logs: sanitised as every other line this command writes to stderr.
  for (const note of valueNotes(filter.query, index, { scope, text: filter.text })) process.stderr.write(`entra-audit: ${sanitize(note, UNICODE_SYMBOLS)}\n`);
  return compiled.test;
}
