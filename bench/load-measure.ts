/**
 * One input file measured side by side: the parse floor (bench/parse-floor.mjs), our full load
 * (`query FILE --count`, two workers on the two cores), the same pinned to one core
 * (`taskset -c 0`), and DuckDB reading the file into a table of the same columns — each a whole
 * process, alternated run by run so drift in the machine's load hits them alike.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { duckLoad, type DuckRun, type Kind } from './duckdb.js';
import { ROOT } from './sample-files.js';
import { median } from './stats.js';
import { timedCount } from './timed-query.js';

const FLOOR = join(ROOT, 'bench/parse-floor.mjs');

export interface Run {
  ms: number;
  maxRssKb: number;
}

export interface FileFigures {
  kind: Kind;
  events: number;
  label: string;
  path: string;
  bytes: number;
  runs: number;
  floor: number;
  load: number;
  loadRssKb: number;
  oneCore: Run | null;
  duck: { ms: number; queryMs: number; cpuMs: number; maxRssKb: number } | null;
}

function parseFloor(path: string): Run {
  const result = spawnSync(process.execPath, [FLOOR, path], { encoding: 'utf8' });
  const parsed = JSON.parse(result.stdout) as { ms: number; maxRssKb: number };
  return { ms: parsed.ms, maxRssKb: parsed.maxRssKb };
}

function fullLoad(path: string, expected: number, oneCore = false): Run {
  const { ms, maxRssKb, stdout, stderr } = timedCount(path, undefined, { oneCore });
  // Every record must load: a count short of the file, or a problem reported, is said loudly (the
  // run goes on: an hour's pass is not thrown away for one figure).
  if (Number(stdout) !== expected || stderr.trim() !== '') console.log(`!!!! query --count said ${stdout.trim()}, expected ${expected}${stderr.trim() ? `; stderr: ${stderr.trim().slice(0, 300)}` : ''}`);
  return { ms, maxRssKb };
}

export interface MeasureOptions {
  runs: number;
  oneCore: boolean;
  /** The DuckDB folder, or null to leave it out (skipped, failed to install, or a shape it is not given columns for). */
  duckdb: string | null;
  /** The parse floor's input when not the file itself: the same records as JSON Lines (an array's floor is the parse of its records). */
  floorPath?: string;
  /** Sign-ins as a diagnostic setting writes them, under `properties` (DuckDB reads them from there). */
  nested?: boolean;
}

export function measureFile(kind: Kind, events: number, path: string, label: string, options: MeasureOptions): FileFigures {
  const floors: Run[] = [];
  const loads: Run[] = [];
  const ducks: DuckRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    floors.push(parseFloor(options.floorPath ?? path));
    loads.push(fullLoad(path, events));
    if (options.duckdb) {
      const duck = duckLoad(options.duckdb, kind, path, options.nested);
      if (duck.value !== events) console.log(`!! DuckDB's table has ${duck.value} rows, the file ${events} events`);
      ducks.push(duck);
    }
  }
  // One run pinned to a core: the floor is single-threaded already, so the ratio says what the workers buy.
  const oneCore = options.oneCore ? fullLoad(path, events, true) : null;
  const duck = ducks.length > 0 ? { ms: median(ducks.map((d) => d.ms)), queryMs: median(ducks.map((d) => d.queryMs)), cpuMs: median(ducks.map((d) => d.cpuMs)), maxRssKb: median(ducks.map((d) => d.maxRssKb)) } : null;
  return {
    kind,
    events,
    label,
    path,
    bytes: statSync(path).size,
    runs: options.runs,
    floor: median(floors.map((r) => r.ms)),
    load: median(loads.map((r) => r.ms)),
    loadRssKb: median(loads.map((r) => r.maxRssKb)),
    oneCore,
    duck,
  };
}
