/**
 * The second table of the load benchmark: how fast `query --format ndjson` writes (bytes counted
 * from a pipe), and filtered counts over a cold file (a fresh process with no store: it parses the
 * lines that hold the filter's value, query/text-prefilter.ts) beside DuckDB's count of the same over the same file, and, for the
 * generated sign-ins, beside the count the generator knows it wrote. Counts must be equal: a
 * mismatch is printed loudly, never hidden in a ratio.
 */
import { appFilter, duckCount, errorFilter, ipFilter, userFilter, type CountFilter, type Kind } from './duckdb.js';
import { mb, secs, times } from './load-tables.js';
import type { SignInTruth } from './signin-generator.js';
import { printTable } from './stats.js';
import { timedCount, timedNdjson } from './timed-query.js';

export interface OutputInput {
  kind: Kind;
  events: number;
  path: string;
}

export async function printNdjsonRates(inputs: OutputInput[]): Promise<void> {
  const rows: string[][] = [];
  for (const { kind, events, path } of inputs) {
    const run = await timedNdjson(path);
    if (run.lines !== events) console.log(`!! query --format ndjson wrote ${run.lines} lines for ${events} events`);
    rows.push([kind, events.toLocaleString('en-US'), mb(run.bytes), secs(run.ms), `${(run.bytes / 1048576 / (run.ms / 1000)).toFixed(1)} MB/s`, `${((events / run.ms) * 1000).toFixed(0)}/s`, mb(run.maxRssKb * 1024)]);
  }
  console.log('\n`entra-audit query FILE --format ndjson` (whole process, output counted from a pipe; each event re-read from its file to be printed)');
  printTable(['kind', 'events', 'output', 'wall', 'output rate', 'events', 'peak RSS'], rows);
}

/** The filters counted for each kind: a user and an IP for audits; for sign-ins also an app and an error code, each with what the generator wrote. */
export function countFilters(kind: Kind, truth: SignInTruth | null): { filter: CountFilter; expected: number | null }[] {
  if (kind === 'audits') {
    // Our sample generator's busiest user and one of its addresses.
    return [{ filter: userFilter('audits', 'priya.raman@fabrikam-demo.example'), expected: null }, { filter: ipFilter('audits', '192.0.2.13'), expected: null }];
  }
  if (!truth) return [];
  return [
    { filter: userFilter('sign-ins', truth.user.value), expected: truth.user.count },
    { filter: ipFilter('sign-ins', truth.ip.value), expected: truth.ip.count },
    { filter: appFilter(truth.app.value), expected: truth.app.count },
    { filter: errorFilter(truth.errorCode.value), expected: truth.errorCode.count },
  ];
}

export interface CountInput extends OutputInput {
  truth: SignInTruth | null;
  /** Filters of its own, each with what its generator wrote (a held-out file); else countFilters. */
  filters?: Array<{ filter: CountFilter; expected: number | null }>;
  label?: string;
}

export function printFilteredCounts(inputs: CountInput[], duckdb: string | null): void {
  const rows: string[][] = [];
  const mismatches: string[] = [];
  for (const { kind, events, path, truth, filters, label } of inputs) {
    // Each of ours is a whole cold load: above 100k events, the user and the IP only unless asked for all (a held-out file: all).
    const all = events <= 100_000 || process.env.BENCH_COUNT_FILTERS === 'all' || filters !== undefined;
    for (const { filter, expected } of (filters ?? countFilters(kind, truth)).filter((c) => all || c.filter.label === 'user' || c.filter.label === 'IP')) {
      const ours = timedCount(path, undefined, { args: ['--filter', filter.query] });
      const count = Number(ours.stdout.trim());
      const duck = duckdb ? duckCount(duckdb, path, filter) : null;
      const agree = [count, duck?.value, expected ?? undefined].filter((n): n is number => n !== undefined);
      const equal = agree.every((n) => n === agree[0]);
      if (!equal) mismatches.push(`${kind} ${events}: ${filter.query}: generator ${expected ?? '—'}, ours ${count}, DuckDB ${duck?.value ?? '—'}`);
      rows.push([
        kind,
        label ?? events.toLocaleString('en-US'),
        filter.query.length > 48 ? `${filter.query.slice(0, 47)}…` : filter.query,
        expected === null ? '—' : expected.toLocaleString('en-US'),
        count.toLocaleString('en-US'),
        duck ? duck.value.toLocaleString('en-US') : '—',
        equal ? 'yes' : 'NO',
        secs(ours.ms),
        duck ? secs(duck.ms) : '—',
        duck ? times(ours.ms / duck.ms) : '—',
      ]);
    }
  }
  console.log('\n`entra-audit query FILE --filter … --count` on a cold file (a fresh process, no store) beside DuckDB counting the same over the file (only the columns its condition needs)');
  printTable(['kind', 'events', 'filter', 'generator', 'ours', 'DuckDB', 'equal', 'ours', 'DuckDB', 'ours/DuckDB'], rows);
  for (const line of mismatches) console.log(`!!!! COUNTS DIFFER: ${line}`);
}
