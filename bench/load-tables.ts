/** The load benchmark's tables (issue 15's figures): load against the floor and DuckDB, memory against the file, growth. */
import type { FileFigures } from './load-measure.js';
import { printTable } from './stats.js';

export const mb = (bytes: number): string => `${(bytes / 1048576).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;
export const secs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
export const times = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');
const events = (n: number) => n.toLocaleString('en-US');

/** Per kind and size: file, parse floor, full load (ratio), one core (ratio to floor), DuckDB (ratio), peak RSS (ratio to file). */
export function printLoadTable(figures: FileFigures[]): void {
  const rows = figures.map((f) => {
    const rss = f.loadRssKb * 1024;
    return [
      f.kind,
      f.label,
      mb(f.bytes),
      secs(f.floor),
      secs(f.load),
      times(f.load / f.floor),
      f.oneCore ? secs(f.oneCore.ms) : '—',
      f.oneCore ? times(f.oneCore.ms / f.floor) : '—',
      f.duck ? secs(f.duck.ms) : '—',
      f.duck ? times(f.load / f.duck.ms) : '—',
      f.duck ? `${(f.duck.cpuMs / 1000).toFixed(1)} s` : '—',
      mb(rss),
      times(rss / f.bytes),
      f.duck ? mb(f.duck.maxRssKb * 1024) : '—',
    ];
  });
  printTable(['kind', 'events', 'file', 'parse floor', 'full load', 'load/floor', 'one core', '1 core/floor', 'DuckDB', 'load/DuckDB', 'DuckDB CPU', 'peak RSS', 'RSS/file', 'DuckDB RSS'], rows);
  const runs = [...new Set(figures.map((f) => f.runs))].join('/');
  console.log(
    `(medians of ${runs} run(s), alternating; one core = one run under \`taskset -c 0\`; DuckDB = a process running` +
      ' `CREATE TABLE t AS SELECT <the store\'s columns> FROM read_json(…)` with 2 threads, spawn to exit; its CPU is user + system of all its threads)',
  );
}

/** Load time and RSS as the file grows: per-event cost, and its ratio to the size before. */
export function printGrowth(figures: FileFigures[]): void {
  const rows: string[][] = [];
  for (const kind of ['audits', 'sign-ins'] as const) {
    const mine = figures.filter((f) => f.kind === kind && f.label === events(f.events)).sort((a, b) => a.events - b.events);
    mine.forEach((f, i) => {
      const perEvent = f.load / f.events;
      const rssPerEvent = (f.loadRssKb * 1024) / f.events;
      const before = mine[i - 1];
      rows.push([
        kind,
        events(f.events),
        secs(f.load),
        `${(perEvent * 1000).toFixed(1)} µs`,
        before ? times(perEvent / (before.load / before.events)) : '',
        mb(f.loadRssKb * 1024),
        `${rssPerEvent.toFixed(0)} B`,
        before ? times(rssPerEvent / ((before.loadRssKb * 1024) / before.events)) : '',
      ]);
    });
  }
  if (rows.length === 0) return;
  console.log('\nGrowth: full load and peak RSS per event as the file grows (ratio to the size before; 1.00× is linear)');
  printTable(['kind', 'events', 'full load', 'per event', 'vs before', 'peak RSS', 'RSS per event', 'vs before'], rows);
}
