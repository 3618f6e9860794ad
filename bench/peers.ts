/**
 * The peers the search benchmark is printed beside: fzf over the flattened lines and jq over the
 * JSON Lines file, each timed as a whole process (spawn to exit), so their figures include
 * reading and parsing the file, which ours (a query over the loaded store) does not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import type { FzfEquivalent } from './search-queries.js';

export type Peer = 'fzf' | 'jq';

/** Which peers to run: all by default, `BENCH_SEARCH_PEERS=fzf` or `=none` to choose. */
const WANTED = (process.env.BENCH_SEARCH_PEERS ?? 'fzf,jq').split(',');

/** Installed and wanted; a missing peer is reported, never a failure. */
export function peerAvailable(peer: Peer): boolean {
  if (!WANTED.includes(peer)) return false;
  const found = spawnSync(peer, ['--version']).status === 0;
  if (!found) console.log(`${peer} not found — skipped`);
  return found;
}

export interface PeerRun {
  ms: number;
  /** How many events it matched. */
  matches: number;
}

/** Run `command`, feeding `stdinPath`; time spawn to exit and count the lines it prints. */
function timeProcess(command: string, args: string[], stdinPath: string | null): Promise<PeerRun & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const input = stdinPath === null ? 'ignore' : openSync(stdinPath, 'r');
    const started = performance.now();
    const child = spawn(command, args, { stdio: [input, 'pipe', 'inherit'] });
    if (typeof input === 'number') closeSync(input);
    let lines = 0;
    // Keep only the start of the output (jq prints one number); fzf's lines are only counted.
    let head = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (head.length < 64) head += chunk.toString('utf8', 0, Math.min(chunk.length, 64));
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      // fzf exits 1 when nothing matched: still an answer.
      if (code !== 0 && !(command === 'fzf' && code === 1)) reject(new Error(`${command} exited ${code}`));
      else resolve({ ms, matches: lines, stdout: head });
    });
  });
}

export function fzfArgs(query: FzfEquivalent): string[] {
  return ['--filter', query.query, ...(query.exact ? ['--exact'] : []), '--delimiter', '\t', '--nth', query.nth];
}

export async function runFzf(query: FzfEquivalent, flatFile: string): Promise<PeerRun> {
  const run = await timeProcess('fzf', fzfArgs(query), flatFile);
  return { ms: run.ms, matches: run.matches };
}

/** Count only: jq prints one number, so its output costs nothing. */
export function jqProgram(condition: string): string {
  return `reduce (inputs | select(${condition})) as $_ (0; . + 1)`;
}

export async function runJq(condition: string, jsonl: string): Promise<PeerRun> {
  const run = await timeProcess('jq', ['-n', jqProgram(condition), jsonl], null);
  return { ms: run.ms, matches: Number(run.stdout.trim()) };
}
