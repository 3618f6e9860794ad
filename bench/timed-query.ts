/** `entra-audit query FILE --count` as a whole process: its wall time, peak RSS (workers included) and output. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT } from './sample-files.js';

const RSS_HOOK = join(ROOT, 'bench/report-rss.mjs');

export function timedCount(path: string, cli = CLI): { ms: number; maxRssKb: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_HOOK, cli, 'query', path, '--count'], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr);
  return { ms, maxRssKb: rss ? Number(rss[1]) : Number.NaN, stdout: result.stdout };
}
