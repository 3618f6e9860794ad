/** `entra-audit query FILE --count` as a whole process: its wall time, peak RSS (workers included) and output. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT } from './sample-files.js';

const RSS_HOOK = join(ROOT, 'bench/report-rss.mjs');

export interface TimedOptions {
  /** More arguments after `query FILE` (`--filter …`); `--count` is always added. */
  args?: string[];
  /** Pinned to one core with `taskset -c 0` (the workers share it with the main thread). */
  oneCore?: boolean;
}

/**
 * Every timed run reads its file: without this, the second run of a file would be answered from
 * the persisted index (src/load/load-cache.ts) and time the cache, not the load.
 */
const NO_CACHE = '--no-cache';

export function timedCount(path: string, cli = CLI, options: TimedOptions = {}): { ms: number; maxRssKb: number; stdout: string; stderr: string } {
  const command = [process.execPath, '--import', RSS_HOOK, cli, 'query', path, NO_CACHE, ...(options.args ?? []), '--count'];
  const [file, ...args] = options.oneCore ? ['taskset', '-c', '0', ...command] : command;
  const started = performance.now();
  const result = spawnSync(file, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr);
  return { ms, maxRssKb: rss ? Number(rss[1]) : Number.NaN, stdout: result.stdout, stderr: result.stderr.replace(/BENCH_MAX_RSS_KB=\d+\n?/, '') };
}

/** `taskset` is util-linux's; absent on some systems (and on macOS). */
export const tasksetAvailable = (): boolean => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/**
 * `entra-audit query FILE --format ndjson` as a whole process, its output read from a pipe and
 * counted (not kept): bytes written, wall time and peak RSS.
 */
export function timedNdjson(path: string, cli = CLI): Promise<{ ms: number; bytes: number; lines: number; maxRssKb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, cli, 'query', path, NO_CACHE, '--format', 'ndjson'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`query --format ndjson exited ${code}: ${stderr.trim().slice(-300)}`));
      const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      resolve({ ms, bytes, lines, maxRssKb: rss ? Number(rss[1]) : Number.NaN });
    });
  });
}
