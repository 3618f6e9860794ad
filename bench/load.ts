/**
 * Loading at scale, on generated JSON Lines files of 100k and 1M events (made with
 * `entra-audit sample`, cached in the temp folder): the parse floor against the full load (both
 * as separate processes, medians of repeated runs, side by side), peak RSS against the file
 * size, and in a real terminal (tmux) the time to the first rows and key latency while loading.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, elasticFile, ROOT, sampleFile } from './sample-files.js';
import { median, ms, percentile, printTable } from './stats.js';
import { timedCount } from './timed-query.js';
import { capture, freshSocket, ROW, startSession, tmux, tmuxAvailable } from './tmux.js';

const FLOOR = join(ROOT, 'bench/parse-floor.mjs');
const SIZES = (process.env.BENCH_LOAD_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Run {
  ms: number;
  maxRssKb: number;
}

function parseFloor(path: string): Run {
  const result = spawnSync(process.execPath, [FLOOR, path], { encoding: 'utf8' });
  const parsed = JSON.parse(result.stdout) as { ms: number; maxRssKb: number };
  return { ms: parsed.ms, maxRssKb: parsed.maxRssKb };
}

function fullLoad(path: string, expected: number): Run {
  const { ms, maxRssKb, stdout } = timedCount(path);
  if (Number(stdout) !== expected) throw new Error(`query --count said ${stdout.trim()}, expected ${expected}`);
  return { ms, maxRssKb };
}

/** Start the explorer on `path` in tmux; time to first rows, then key latency while it loads. */
async function explorerRun(path: string, keys: boolean): Promise<{ firstRows: number; latencies: number[] }> {
  const socket = freshSocket();
  const started = performance.now();
  startSession(socket, `${process.execPath} ${CLI} ${path}`);
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

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export async function benchLoad(): Promise<void> {
  console.log(`\nLoading JSON Lines at scale (${RUNS} runs each, medians; load = \`entra-audit query FILE --count\`, whole process)`);
  const rows: string[][] = [];
  const files = SIZES.map((events) => ({ events, path: sampleFile(events), label: events.toLocaleString('en-US') }));
  // Our generator's figures have not always held on other data: Elastic's records as well.
  const elastic = await elasticFile(SIZES[0]);
  const measured = elastic ? [...files, { events: SIZES[0], path: elastic, label: `${SIZES[0].toLocaleString('en-US')} (Elastic's records)` }] : files;
  for (const { events, path, label } of measured) {
    const size = statSync(path).size;
    const floors: Run[] = [];
    const loads: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate, so drift in the machine's load hits both alike.
      floors.push(parseFloor(path));
      loads.push(fullLoad(path, events));
    }
    const floor = median(floors.map((r) => r.ms));
    const load = median(loads.map((r) => r.ms));
    const rss = median(loads.map((r) => r.maxRssKb));
    rows.push([
      label,
      mb(size / 1024),
      ms(floor),
      ms(load),
      `${(load / floor).toFixed(2)}×`,
      mb(rss),
      `${(rss / (size / 1024)).toFixed(2)}×`,
    ]);
  }
  printTable(['events', 'file', 'parse floor', 'full load', 'load/floor', 'peak RSS', 'RSS/file'], rows);

  if (!tmuxAvailable()) {
    console.log('(tmux not found: time to first rows and key latency while loading not measured)');
    return;
  }
  console.log('\nThe explorer in tmux (140×40): time from start to the first rows, key latency while loading');
  const explorerRows: string[][] = [];
  for (const { events, path } of files) {
    const firsts: number[] = [];
    let latencies: number[] = [];
    for (let run = 0; run < Math.max(RUNS, 5); run++) {
      const result = await explorerRun(path, run === 0);
      firsts.push(result.firstRows);
      if (run === 0) latencies = result.latencies;
    }
    explorerRows.push([
      events.toLocaleString('en-US'),
      ms(median(firsts)),
      latencies.length > 0 ? ms(median(latencies)) : 'n/a (loaded too fast)',
      latencies.length > 0 ? ms(percentile(latencies, 95)) : '',
      latencies.length > 0 ? ms(Math.max(...latencies)) : '',
      String(latencies.length),
    ]);
  }
  printTable(['events', 'first rows', 'key → frame while loading (median)', 'p95', 'max', 'keys'], explorerRows);
  console.log('(tmux polling adds ~10 ms to each figure; one key every 150 ms from the first rows until the load ends)');
}
