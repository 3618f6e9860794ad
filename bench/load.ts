/**
 * Loading at scale (issue 15's figures), every figure measured side by side in one run, nothing
 * asserted: our generated audits (`entra-audit sample`), the same as one JSON array (compact and
 * pretty-printed; the floor is then the parse of its records), Elastic's audit records, and sign-ins from
 * an independent generator (signin-generator.ts), held-out sign-ins in a diagnostic setting's
 * shape with .NET's escaping (held-out-signins.ts), each as JSON Lines cached in the temp folder.
 * Per file: the parse floor, the full load on two cores and on one, DuckDB reading the same file
 * into a table of the same columns, peak RSS against the file size; then growth per event,
 * `query --format ndjson`'s output rate, filtered counts against DuckDB's and the generator's,
 * the store's bytes per event, and in a real terminal (tmux) the time to the first rows and key
 * latency while loading.
 *
 * Knobs: BENCH_LOAD_SIZES (audits; default 100000,1000000), BENCH_SIGNIN_SIZES (default: the
 * same), BENCH_RUNS (3 below 1M events, 1 from 1M up), BENCH_DUCKDB=0 (no DuckDB), BENCH_ONE_CORE=0 (no taskset run),
 * BENCH_OUTPUT_SIZES / BENCH_FOOTPRINT_SIZES (default: the largest size up to 1M),
 * BENCH_COUNT_SIZES (default: every size up to 1M; above 100k only the user and IP filters unless
 * BENCH_COUNT_FILTERS=all), BENCH_HELD_OUT=0 (no held-out files), BENCH_TMUX=0 (no explorer runs).
 */
import { spawnSync } from 'node:child_process';
import { duckdbDir, type Kind } from './duckdb.js';
import { measureFile, type FileFigures } from './load-measure.js';
import { printGrowth, printLoadTable } from './load-tables.js';
import { printFilteredCounts, printNdjsonRates, type CountInput } from './load-outputs.js';
import { printFootprints } from './footprint.js';
import { arrayFile, CLI, elasticFile, sampleFile } from './sample-files.js';
import { heldOutAuditFile, heldOutFilters } from './held-out-audits.js';
import { heldOutSignInFile, heldOutSignInFilters } from './held-out-signins.js';
import { signInFile, type SignInTruth } from './signin-generator.js';
import { median, ms, percentile, printTable } from './stats.js';
import { tasksetAvailable } from './timed-query.js';
import { capture, freshSocket, ROW, startSession, tmux, tmuxAvailable } from './tmux.js';

const sizes = (value: string) => value.split(',').filter(Boolean).map(Number);
const SIZES = sizes(process.env.BENCH_LOAD_SIZES ?? '100000,1000000');
const SIGN_IN_SIZES = sizes(process.env.BENCH_SIGNIN_SIZES ?? SIZES.join(','));
/** A load of a million sign-ins takes minutes on the 2-core machine: one run from 1M up unless BENCH_RUNS says. */
const runsFor = (events: number) => Number(process.env.BENCH_RUNS ?? (events >= 1_000_000 ? 1 : 3));
/** The sizes the slower second-table figures are taken at: given, or the largest size up to 1M. */
function secondarySizes(name: string, all: number[], largestOnly = true): number[] {
  const given = process.env[name];
  if (given !== undefined) return sizes(given).filter((n) => all.includes(n));
  const upTo = all.filter((n) => n <= 1_000_000);
  if (upTo.length === 0) return [Math.min(...all)];
  return largestOnly ? [Math.max(...upTo)] : upTo;
}

interface Input {
  kind: Kind;
  events: number;
  path: string;
  label: string;
  truth: SignInTruth | null;
  /** DuckDB is given columns for our generators' shapes only (Elastic's records nest them under `properties`). */
  duckdb: boolean;
  /** For an array: the same records as JSON Lines, whose parse is the floor. */
  floorPath?: string;
  /** Sign-ins under `properties` (a diagnostic setting's): DuckDB reads its columns from there. */
  nested?: boolean;
}

/**
 * Start the explorer on `path` in tmux; time to first rows, then key latency while it loads.
 * `--no-cache` unless `cached`: a parse of the file, not the persisted index, is timed.
 */
async function explorerRun(path: string, keys: boolean, cached = false): Promise<{ firstRows: number; latencies: number[] }> {
  const socket = freshSocket();
  const started = performance.now();
  startSession(socket, `${process.execPath} ${CLI} ${path}${cached ? '' : ' --no-cache'}`);
  try {
    let screen = '';
    while (!ROW.test(screen)) {
      screen = capture(socket);
      if (performance.now() - started > 20_000) throw new Error('the explorer showed no rows');
    }
    const firstRows = performance.now() - started;
    const latencies: number[] = [];
    while (keys && screen.includes('Loading ')) {
      const row = /row ([\d,]+)/.exec(screen)?.[1];
      const pressed = performance.now();
      tmux(socket, 'send-keys', '-t', 'b', 'j');
      for (;;) {
        screen = capture(socket);
        const now = /row ([\d,]+)/.exec(screen)?.[1];
        if (now !== row || !screen.includes('Loading ')) break;
        if (performance.now() - pressed > 5000) throw new Error('no answer to a key');
      }
      if (screen.includes('Loading ')) latencies.push(performance.now() - pressed);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    if (process.env.BENCH_VERBOSE) console.log(latencies.map((l) => l.toFixed(0)).join(" "));
    return { firstRows, latencies };
  } finally {
    tmux(socket, 'kill-server');
  }
}

export async function benchLoad(): Promise<void> {
  const count = (n: number) => n.toLocaleString('en-US');
  const inputs: Input[] = SIZES.map((events) => ({ kind: 'audits', events, path: sampleFile(events), label: count(events), truth: null, duckdb: true }));
  // The same audits as one array (the portal download's shape): compact at the largest size, pretty-printed at the smallest.
  const largest = SIZES.filter((n) => n <= 1_000_000).at(-1) ?? SIZES[0];
  inputs.push({ kind: 'audits', events: largest, path: await arrayFile(sampleFile(largest), false), label: `${count(largest)} as one array`, truth: null, duckdb: true, floorPath: sampleFile(largest) });
  inputs.push({ kind: 'audits', events: SIZES[0], path: await arrayFile(sampleFile(SIZES[0]), true), label: `${count(SIZES[0])} as a pretty array`, truth: null, duckdb: true, floorPath: sampleFile(SIZES[0]) });
  // Our generator's figures have not always held on other data: Elastic's records as well.
  const elastic = await elasticFile(SIZES[0]);
  if (elastic) inputs.push({ kind: 'audits', events: SIZES[0], path: elastic, label: `${count(SIZES[0])} (Elastic's records)`, truth: null, duckdb: false });
  for (const events of SIGN_IN_SIZES) {
    const { path, truth } = await signInFile(events);
    inputs.push({ kind: 'sign-ins', events, path, label: count(events), truth, duckdb: true });
  }
  // Held-out sign-ins (a diagnostic setting's shape, .NET's escaping, pools unlike ours), at 500k or the largest sign-in size below it.
  const heldOutSignInEvents = Math.min(500_000, Math.max(...SIGN_IN_SIZES));
  const heldOutSignIns = process.env.BENCH_HELD_OUT === '0' ? null : await heldOutSignInFile(heldOutSignInEvents);
  if (heldOutSignIns) inputs.push({ kind: 'sign-ins', events: heldOutSignInEvents, path: heldOutSignIns.path, label: `${count(heldOutSignInEvents)} held-out`, truth: null, duckdb: true, nested: true });
  const duckdb = duckdbDir();
  const oneCore = process.env.BENCH_ONE_CORE !== '0' && tasksetAvailable();
  if (!oneCore) console.log('(one-core runs skipped: taskset not found or BENCH_ONE_CORE=0)');

  console.log(`\nLoading JSON Lines at scale (load = \`entra-audit query FILE --count\`, whole process)`);
  const figures: FileFigures[] = [];
  for (const input of inputs) {
    figures.push(measureFile(input.kind, input.events, input.path, input.label, { runs: runsFor(input.events), oneCore, duckdb: input.duckdb ? duckdb : null, ...(input.floorPath ? { floorPath: input.floorPath } : {}), nested: input.nested === true }));
  }
  printLoadTable(figures);
  printGrowth(figures);

  const generated = (name: string, largestOnly = true) => {
    const audits = secondarySizes(name, SIZES, largestOnly);
    const signIns = secondarySizes(name, SIGN_IN_SIZES, largestOnly);
    return inputs.filter((i) => i.label === count(i.events) && (i.kind === 'audits' ? audits : signIns).includes(i.events));
  };
  await printNdjsonRates(generated('BENCH_OUTPUT_SIZES'));
  // A held-out audit file (Elastic's records, values drawn from known pools) at the largest size up to 1M: every filter, against its truth and DuckDB.
  const heldOut = process.env.BENCH_HELD_OUT === '0' ? null : await heldOutAuditFile(largest);
  const heldOutCounts: CountInput[] = heldOut ? [{ kind: 'audits' as const, events: largest, path: heldOut.path, truth: null, filters: heldOutFilters(heldOut.truth), label: `${count(largest)} held-out` }] : [];
  if (heldOutSignIns) heldOutCounts.push({ kind: 'sign-ins' as const, events: heldOutSignInEvents, path: heldOutSignIns.path, truth: null, filters: heldOutSignInFilters(heldOutSignIns.truth), label: `${count(heldOutSignInEvents)} held-out` });
  printFilteredCounts([...generated('BENCH_COUNT_SIZES', false), ...heldOutCounts], duckdb);
  await printFootprints(generated('BENCH_FOOTPRINT_SIZES'));

  if (process.env.BENCH_TMUX === '0') return;
  const files = inputs.filter((i) => i.kind === 'audits' && i.label === count(i.events));
  if (!tmuxAvailable()) {
    console.log('(tmux not found: time to first rows and key latency while loading not measured)');
    return;
  }
  console.log('\nThe explorer in tmux (140×40): time from start to the first rows, key latency while loading');
  const explorerRows: string[][] = [];
  for (const { events, path } of files) {
    const firsts: number[] = [];
    let latencies: number[] = [];
    for (let run = 0; run < Math.max(runsFor(events), 5); run++) {
      const result = await explorerRun(path, run === 0);
      firsts.push(result.firstRows);
      if (run === 0) latencies = result.latencies;
    }
    // A second open: `query` writes the persisted index, then the explorer reads it back (fully loaded when its rows show).
    spawnSync(process.execPath, [CLI, 'query', path, '--count'], { stdio: 'ignore' });
    const again: number[] = [];
    for (let run = 0; run < 3; run++) again.push((await explorerRun(path, false, true)).firstRows);
    explorerRows.push([
      events.toLocaleString('en-US'),
      ms(median(firsts)),
      ms(median(again)),
      latencies.length > 0 ? ms(median(latencies)) : 'n/a (loaded too fast)',
      latencies.length > 0 ? ms(percentile(latencies, 95)) : '',
      latencies.length > 0 ? ms(Math.max(...latencies)) : '',
      String(latencies.length),
    ]);
  }
  printTable(['events', 'first rows', 'second open (cache)', 'key → frame while loading (median)', 'p95', 'max', 'keys'], explorerRows);
  console.log('(tmux polling adds ~10 ms to each figure; one key every 150 ms from the first rows until the load ends)');
}
