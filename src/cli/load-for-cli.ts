/**
 * The loading every command shares: which inputs (files, directories, `-`, piped stdin, or the
 * bundled sample), and how problems are told on stderr. Exit codes follow the contract:
 * problems alone exit 0 (1 with --strict); unreadable or unknown inputs exit 1.
 */
import { fstatSync } from 'node:fs';
import { resolveInputs, type InputSpec } from '../ingest/inputs.js';
import type { LoadSink, SourceReport } from '../ingest/load.js';
import { loadInput } from '../ingest/load.js';
import { formatProblemLocation, type LoadProblem } from '../model/loaded-event.js';
import { bundledSamplePath } from '../paths.js';
import { sanitize } from '../text/sanitize.js';
import { EXIT } from './errors.js';

/** Standard input counts as input only when something is piped or redirected into it. */
function stdinIsPiped(): boolean {
  try {
    const info = fstatSync(0);
    return info.isFIFO() || info.isFile();
  } catch {
    return false;
  }
}

export async function inputsFor(files: readonly string[]): Promise<{ inputs: InputSpec[]; errors: string[] }> {
  if (files.length > 0) return resolveInputs(files);
  if (stdinIsPiped()) return { inputs: [{ kind: 'stdin' }], errors: [] };
  return resolveInputs([bundledSamplePath()]);
}

export interface LoadOutcome {
  reports: SourceReport[];
  problems: LoadProblem[];
  problemCount: number;
  errors: string[];
}

const PROBLEMS_KEPT = 1000;
const PROBLEMS_SHOWN = 5;

/** Load every input through `sink`, keeping the first problems for the summary. */
export async function loadWithProblems(files: readonly string[], onEvent: LoadSink['event']): Promise<LoadOutcome> {
  const { inputs, errors } = await inputsFor(files);
  const outcome: LoadOutcome = { reports: [], problems: [], problemCount: 0, errors: [...errors] };
  const sink: LoadSink = {
    event: onEvent,
    problem(problem) {
      outcome.problemCount++;
      if (outcome.problems.length < PROBLEMS_KEPT) outcome.problems.push(problem);
    },
  };
  for (const input of inputs) {
    const report = await loadInput(input, sink);
    outcome.reports.push(report);
    if (report.error) outcome.errors.push(report.error);
  }
  return outcome;
}

/** Tell stderr what went wrong, briefly, and choose the exit code. */
export function reportOutcome(outcome: LoadOutcome, strict: boolean): number {
  for (const error of outcome.errors) process.stderr.write(`entra-audit: ${sanitize(error.split('\n')[0])}\n${restLines(error)}`);
  if (outcome.problemCount > 0) {
    const sources = new Set(outcome.problems.map((p) => p.source)).size;
    process.stderr.write(
      `entra-audit: ${outcome.problemCount} record${outcome.problemCount === 1 ? '' : 's'} could not be used` +
        ` (${sources} source${sources === 1 ? '' : 's'}); the rest loaded.\n`,
    );
    for (const problem of outcome.problems.slice(0, PROBLEMS_SHOWN)) {
      process.stderr.write(`  ${sanitize(formatProblemLocation(problem))}: ${sanitize(problem.reason)}\n`);
    }
    if (outcome.problemCount > PROBLEMS_SHOWN) process.stderr.write(`  … and ${outcome.problemCount - PROBLEMS_SHOWN} more\n`);
  }
  if (outcome.errors.length > 0) return EXIT.dataError;
  if (strict && outcome.problemCount > 0) return EXIT.dataError;
  return EXIT.ok;
}

function restLines(message: string): string {
  const rest = message.split('\n').slice(1);
  return rest.length > 0 ? rest.map((line) => sanitize(line)).join('\n') + '\n' : '';
}
