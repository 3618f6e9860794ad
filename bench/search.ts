/**
 * Search at scale: "query change to rows ready" on the generated 100k and 1M event files loaded
 * into the store as the explorer loads them, for a fixed list of realistic queries; "one more
 * character" typed into the `/` bar; and, in the same run on the same data, fzf and jq as whole
 * processes, with ratios. Targets (read by a person, never asserted): rows ready ≤ 50 ms at 100k
 * and ≤ 150 ms at 1M; at 1M one more character redrawn within 150 ms.
 */
import { loadCatalog } from '../src/insights/catalog.js';
import { LoadSession } from '../src/load/load-session.js';
import type { EventStore } from '../src/store/event-store.js';
import type { AppState } from '../src/tui/app-state.js';
import { initialState } from '../src/tui/initial-state.js';
import { reducer } from '../src/tui/reducer.js';
import { flatLinesFile } from './flat-lines.js';
import { fzfArgs, jqProgram, peerAvailable, runFzf, runJq, type PeerRun } from './peers.js';
import { DATA_END_MS, searchQueries, TYPED_QUERY, type SearchQuery } from './search-queries.js';
import { typeThroughInk, typeThroughReducer, typeThroughTmux } from './search-typing.js';
import { sampleFile } from './sample-files.js';
import { median, ms, percentile, printTable } from './stats.js';
import { tmuxAvailable } from './tmux.js';

const sizes = (value: string) => value.split(',').filter(Boolean).map(Number);
const SIZES = sizes(process.env.BENCH_SEARCH_SIZES ?? '100000,1000000');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** jq takes ~30 s a run over the 1M file: one run each there unless asked for more. */
const peerRuns = (events: number) => Number(process.env.BENCH_PEER_RUNS ?? (events >= 1_000_000 ? 1 : 3));
const TMUX_SIZES = sizes(process.env.BENCH_SEARCH_TMUX_SIZES ?? '1000000');
/** Only the queries whose text contains this (for profiling one query). */
const ONLY = process.env.BENCH_SEARCH_ONLY;

const targetMs = (events: number) => (events <= 100_000 ? 50 : 150);
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}×`;
const count = (n: number) => n.toLocaleString('en-US');

interface QueryFigures {
  query: SearchQuery;
  rows: number;
  /** The first run on this store: builds what the query language caches (lower-cased strings, the fuzzy index). */
  first: number;
  runs: number[];
  fzf: PeerRun[];
  jq: PeerRun[];
}

/** What the explorer does when a filter is applied: compile it and compute both panes' rows. */
function rowsReady(initial: AppState, text: string): { ms: number; rows: number } {
  const start = performance.now();
  const next = reducer(initial, { type: 'applyFilter', text, now: DATA_END_MS });
  const elapsed = performance.now() - start;
  if (next.search.error) throw new Error(`${text}: ${next.search.error.message}`);
  return { ms: elapsed, rows: next.rows.directory.length + next.rows['custom-security'].length };
}

/** The incident's first correlation id (the first event from its address), so `corr:` is a real one. */
function incidentCorrelation(store: EventStore): string {
  for (let i = 0; i < store.count; i++) if (store.string(i, 'ip') === '203.0.113.66') return store.string(i, 'correlation');
  return store.string(0, 'correlation');
}

async function loadStore(path: string): Promise<{ session: LoadSession; store: EventStore; ms: number }> {
  const started = performance.now();
  const session = new LoadSession([{ kind: 'file', path }], { catalog: loadCatalog() });
  await session.done;
  return { session, store: session.store, ms: performance.now() - started };
}

function measureQueries(initial: AppState, queries: SearchQuery[]): QueryFigures[] {
  const figures = queries.map((query) => ({ query, rows: 0, first: 0, runs: [] as number[], fzf: [], jq: [] }));
  // In order, once: the first run of each pays for what later runs find cached.
  for (const f of figures) {
    const run = rowsReady(initial, f.query.text);
    f.first = run.ms;
    f.rows = run.rows;
  }
  // Then round-robin, so drift in the machine's load hits every query alike.
  for (let run = 0; run < RUNS; run++) for (const f of figures) f.runs.push(rowsReady(initial, f.query.text).ms);
  return figures;
}

async function measurePeers(figures: QueryFigures[], events: number, jsonl: string, store: EventStore): Promise<{ fzf: boolean; jq: boolean }> {
  const has = { fzf: peerAvailable('fzf'), jq: peerAvailable('jq') };
  if (!has.fzf && !has.jq) return has;
  const flat = has.fzf ? flatLinesFile(store, events, jsonl) : '';
  for (let run = 0; run < peerRuns(events); run++) {
    for (const f of figures) {
      if (has.fzf && f.query.fzf) f.fzf.push(await runFzf(f.query.fzf, flat));
      if (has.jq && f.query.jq) f.jq.push(await runJq(f.query.jq, jsonl));
    }
  }
  return has;
}

function printQueries(events: number, figures: QueryFigures[]): void {
  const target = targetMs(events);
  console.log(`\n${count(events)} events: query change to rows ready (reducer applyFilter; first run, then median of ${RUNS}; target ≤ ${target} ms)`);
  printTable(
    ['query', 'kind', 'rows', 'first run', 'median', 'vs target'],
    figures.map((f) => {
      const m = median(f.runs);
      return [f.query.text, f.query.kind, count(f.rows), ms(f.first), ms(m), `${(m / target).toFixed(2)}×${m > target ? ' OVER' : ''}`];
    }),
  );
  const fuzzy = figures.find((f) => f.query.kind.startsWith('fuzzy'));
  if (fuzzy) console.log(`(the first run of "${fuzzy.query.text}" builds the fuzzy index: ${ms(fuzzy.first)})`);
}

function printPeers(events: number, figures: QueryFigures[], has: { fzf: boolean; jq: boolean }): void {
  if (!has.fzf && !has.jq) return;
  console.log(
    `\n${count(events)} events: beside fzf and jq (whole processes, spawn to exit, median of ${peerRuns(events)}; they read the file each time, ours queries the loaded store)`,
  );
  const peerMs = (runs: PeerRun[]) => (runs.length > 0 ? median(runs.map((r) => r.ms)) : Number.NaN);
  const rows = figures
    .filter((f) => f.fzf.length > 0 || f.jq.length > 0)
    .map((f) => {
      const ours = median(f.runs);
      const fzf = peerMs(f.fzf);
      const jq = peerMs(f.jq);
      const matches = [count(f.rows), f.fzf[0] ? count(f.fzf[0].matches) : '—', f.jq[0] ? count(f.jq[0].matches) : '—'].join(' / ');
      return [
        f.query.text.length > 44 ? `${f.query.text.slice(0, 43)}…` : f.query.text,
        ms(ours),
        Number.isNaN(fzf) ? '—' : ms(fzf),
        Number.isNaN(jq) ? '—' : ms(jq),
        Number.isNaN(fzf) ? '—' : ratio(fzf, ours),
        Number.isNaN(jq) ? '—' : ratio(jq, ours),
        matches,
      ];
    });
  printTable(['query', 'ours', 'fzf', 'jq', 'fzf / ours', 'jq / ours', 'matches ours / fzf / jq'], rows);
  if (process.env.BENCH_VERBOSE) {
    for (const f of figures) {
      if (f.query.fzf) console.log(`  fzf ${fzfArgs(f.query.fzf).map((a) => JSON.stringify(a)).join(' ')} < flat-${events}.tsv`);
      if (f.query.jq) console.log(`  jq -n '${jqProgram(f.query.jq)}' sample-${events}.jsonl`);
    }
  }
}

interface SizeSummary {
  events: number;
  load: number;
  overall: number;
  worst: QueryFigures;
  fuzzyIndex: number;
  reducerKey: number[];
  inkKey: number[];
  tmuxKey: number[] | null;
}

async function benchSize(events: number): Promise<SizeSummary> {
  const path = sampleFile(events);
  const { session, store, ms: load } = await loadStore(path);
  try {
    const initial = initialState({ indexes: session.indexes, size: { columns: 140, rows: 40 }, sources: ['bench'] });
    const queries = searchQueries(incidentCorrelation(store)).filter((q) => !ONLY || q.text.includes(ONLY));
    const figures = measureQueries(initial, queries);
    printQueries(events, figures);
    const reducerKey = typeThroughReducer(initial, TYPED_QUERY, RUNS, DATA_END_MS);
    const { latencies: inkKey, unchanged } = await typeThroughInk(session.indexes, TYPED_QUERY, Math.min(RUNS, 3));
    if (unchanged > 0) console.log(`(key → frame: ${unchanged} key presses drew nothing — a trailing space, invisible in a colourless terminal — and are not timed)`);
    printPeers(events, figures, await measurePeers(figures, events, path, store));
    const tmuxKey = TMUX_SIZES.includes(events) && tmuxAvailable() ? await typeThroughTmux(path, TYPED_QUERY) : null;
    const medians = figures.map((f) => median(f.runs));
    const worst = figures.reduce((a, b) => (median(b.runs) > median(a.runs) ? b : a));
    const fuzzy = figures.find((f) => f.query.kind.startsWith('fuzzy'));
    return { events, load, overall: median(medians), worst, fuzzyIndex: fuzzy?.first ?? Number.NaN, reducerKey, inkKey, tmuxKey };
  } finally {
    session.close();
  }
}

export async function benchSearch(): Promise<void> {
  console.log(`\nSearch: ${RUNS} runs per query (BENCH_RUNS), sizes ${SIZES.map(count).join(', ')} (BENCH_SEARCH_SIZES)`);
  const summaries: SizeSummary[] = [];
  for (const events of SIZES) summaries.push(await benchSize(events));

  console.log(`\nSearch summary (medians; "one more character" types ${JSON.stringify(TYPED_QUERY)} into /, one key at a time)`);
  const keyFigures = (latencies: number[] | null) => (latencies && latencies.length > 0 ? `${ms(median(latencies))} (p95 ${ms(percentile(latencies, 95))})` : '—');
  printTable(
    ['events', 'store loaded in', 'rows ready (all queries)', 'target', 'slowest query', 'fuzzy index', 'key: reducer', 'key → frame (Ink)', 'key → screen (tmux)'],
    summaries.map((s) => [
      count(s.events),
      ms(s.load),
      ms(s.overall),
      `≤ ${targetMs(s.events)} ms`,
      `${s.worst.query.text.length > 24 ? `${s.worst.query.text.slice(0, 23)}…` : s.worst.query.text} ${ms(median(s.worst.runs))}`,
      ms(s.fuzzyIndex),
      keyFigures(s.reducerKey),
      keyFigures(s.inkKey),
      keyFigures(s.tmuxKey),
    ]),
  );
  console.log('(key → frame: real Ink renderer into a 140×40 in-memory terminal; key → screen: the built CLI in tmux, which adds ~10 ms of polling)');
}
