/**
 * The loading every command shares: which inputs (files, directories, `-`, piped stdin, or the
 * bundled sample), and how problems are told on stderr. Exit codes follow the contract:
 * problems alone exit 0 (1 with --strict); unreadable or unknown inputs exit 1.
 */
import { fstatSync } from 'node:fs';
import { resolveInputs, type InputSpec, type ResolvedInputs } from '../ingest/inputs.js';
import { LoadSession, type LoadOptions } from '../load/load-session.js';
import { formatProblemLocation } from '../model/loaded-event.js';
import { bundledSamplePath } from '../paths.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS, type Symbols } from '../text/symbols.js';
import { plural } from '../view/summary-parts.js';
import { EXIT } from './errors.js';
import { showLoadProgress } from './stderr-progress.js';

/** Standard input counts as input only when something is piped or redirected into it. */
function stdinIsPiped(): boolean {
  try {
    const info = fstatSync(0);
    return info.isFIFO() || info.isFile();
  } catch {
    return false;
  }
}

export async function inputsFor(files: readonly string[]): Promise<ResolvedInputs> {
  if (files.length > 0) return resolveInputs(files);
  if (stdinIsPiped()) return { inputs: [{ kind: 'stdin' }], errors: [] };
  return resolveInputs([bundledSamplePath()]);
}

/** A load under way, plus the arguments that named nothing readable. */
export interface CliLoad {
  session: LoadSession;
  /** What is being loaded: an export's receipt hashes these. */
  inputs: InputSpec[];
  inputErrors: string[];
}

export async function startCliLoad(files: readonly string[], options: LoadOptions = {}): Promise<CliLoad> {
  return startResolvedLoad(await inputsFor(files), options);
}

/** Start loading inputs already resolved: the explorer checks them before its screen opens. */
export function startResolvedLoad({ inputs, errors }: ResolvedInputs, options: LoadOptions = {}): CliLoad {
  return { session: new LoadSession(inputs, options), inputs, inputErrors: errors };
}

/** Wait for `load` to finish, its progress line on stderr meanwhile. */
export async function finishLoad(load: CliLoad, symbols: Symbols): Promise<CliLoad> {
  const stopProgress = showLoadProgress(() => load.session.progress(), symbols);
  try {
    await load.session.done;
  } finally {
    stopProgress();
  }
  return load;
}

const PROBLEMS_SHOWN = 5;
const DUPLICATE_SOURCES_SHOWN = 3;

/** One line: how many repeats were dropped, and from which inputs (expected with overlapping exports, so not a problem). */
function duplicatesLine(session: LoadSession): string {
  const n = session.duplicates;
  const bySource = session.duplicatesBySource();
  const shown = bySource.slice(0, DUPLICATE_SOURCES_SHOWN).map(({ source, duplicates }) => `${sanitize(source, UNICODE_SYMBOLS)} ${duplicates.toLocaleString('en-US')}`);
  if (bySource.length > DUPLICATE_SOURCES_SHOWN) shown.push(`${UNICODE_SYMBOLS.ellipsis} ${bySource.length - DUPLICATE_SOURCES_SHOWN} more`);
  return `entra-audit: ${plural(n, 'duplicate record')} dropped (${shown.join(', ')}): the id and time of a record loaded before.
`;
}

const EMPTY_SOURCES_NAMED = 3;

/**
 * "the rest loaded" only where something did: a source with problems and no event (a JSON file
 * no record of which parses) is named, and a load with no event at all says so.
 */
function whatLoaded(session: LoadSession): string {
  const reports = session.reports();
  if (reports.every((r) => r.events === 0)) return 'nothing loaded';
  const empty = reports.filter((r) => r.events === 0 && r.problems > 0 && !r.error).map((r) => r.source);
  if (empty.length === 0) return 'the rest loaded';
  const named = empty.slice(0, EMPTY_SOURCES_NAMED).join(', ') + (empty.length > EMPTY_SOURCES_NAMED ? ` and ${empty.length - EMPTY_SOURCES_NAMED} more` : '');
  return `nothing loaded from ${named}; the rest loaded`;
}

/** Tell stderr what went wrong, briefly, and choose the exit code. */
export function reportOutcome(load: CliLoad, strict: boolean): number {
  const { session } = load;
  const errors = [...load.inputErrors, ...session.errors];
  for (const error of errors) {
    const [first, ...rest] = error.split('\n');
    process.stderr.write(`entra-audit: ${sanitize(first, UNICODE_SYMBOLS)}\n${rest.map((line) => sanitize(line, UNICODE_SYMBOLS) + '\n').join('')}`);
  }
  for (const note of session.notes()) process.stderr.write(`entra-audit: note: ${sanitize(note, UNICODE_SYMBOLS)}\n`);
  // On a terminal only (a script's stderr stays as it was): why this was quick, and how to read the files instead.
  if (session.fromCache && process.stderr.isTTY) process.stderr.write('entra-audit: note: read from the cache of an earlier load of the same files (--no-cache reads them again)\n');
  if (session.duplicates > 0) process.stderr.write(duplicatesLine(session));
  if (session.problemCount > 0) {
    const count = session.problemCount;
    const sources = new Set(session.problems.map((p) => p.source)).size;
    process.stderr.write(
      `entra-audit: ${plural(count, 'record')} could not be used (${plural(sources, 'source')}); ${sanitize(whatLoaded(session), UNICODE_SYMBOLS)}.\n`,
    );
    for (const problem of session.problems.slice(0, PROBLEMS_SHOWN)) {
      process.stderr.write(`  ${sanitize(formatProblemLocation(problem), UNICODE_SYMBOLS)}: ${sanitize(problem.reason, UNICODE_SYMBOLS)}\n`);
    }
    if (count > PROBLEMS_SHOWN) process.stderr.write(`  … and ${count - PROBLEMS_SHOWN} more\n`);
  }
  if (errors.length > 0) return EXIT.dataError;
  if (strict && session.problemCount > 0) return EXIT.dataError;
  return EXIT.ok;
}
