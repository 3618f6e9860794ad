/**
 * The explorer's plain text views as lines fitted to the screen: the copy fallback (text to select
 * by hand), the load problems, and the help. Log strings are sanitised here.
 */
import { formatProblemLocation, type LoadProblem } from '../model/loaded-event.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { displayWidth, fitToWidth, truncateToWidth, wrapToWidth } from '../text/width.js';

/** Where OSC 52 cannot copy: the text itself, sanitised and wrapped, to select with the mouse. */
export function copyLines(lines: readonly string[], width: number, symbols: Symbols): string[] {
  return lines.flatMap((line) => wrapToWidth(sanitize(line, symbols), width));
}

export const copyTitle = (reason: string, what: string, width: number, symbols: Symbols): string =>
  truncateToWidth(` Not copied (${sanitize(reason, symbols)}): here is ${what} to copy by hand `, width, symbols.ellipsis);

export interface ProblemLine {
  location: string;
  reason: string;
}

/** The problems list: inputs not read at all first (one line each), then each record's problem. */
export function problemsView(problems: readonly LoadProblem[], problemCount: number, errors: readonly string[], symbols: Symbols): { title: string; errors: string[]; problems: ProblemLine[]; empty: boolean } {
  const kept = problems.length < problemCount ? ` (first ${problems.length} kept)` : '';
  return {
    title: ` Load problems: ${problemCount}${kept} `,
    errors: errors.map((error) => sanitize(error.split('\n')[0], symbols)),
    problems: problems.map((problem) => ({ location: sanitize(formatProblemLocation(problem), symbols), reason: `  ${sanitize(problem.reason, symbols)}` })),
    empty: problems.length === 0 && errors.length === 0,
  };
}

/** Width of the help's first column (keys, query terms). */
const HELP_KEYS_WIDTH = 24;

/**
 * A help line: the keys in a column of their own, then what they do. A longer query example is
 * never cut (it is there to be retyped): it takes the room it needs and the meaning follows it.
 */
export const helpKeys = (keys: string, symbols: Symbols): string =>
  `  ${displayWidth(keys) < HELP_KEYS_WIDTH ? fitToWidth(keys, HELP_KEYS_WIDTH, symbols.ellipsis) : `${keys}  `}`;

/** The status bar's message after an action (it may carry a file name or a log value). */
export const messageLine = (text: string, width: number, symbols: Symbols): string => truncateToWidth(sanitize(text, symbols), width, symbols.ellipsis);
