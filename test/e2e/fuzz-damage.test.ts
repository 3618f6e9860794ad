/**
 * Seeded damage of every export shape, each case run by the built CLI in its own process within
 * a time and memory budget: no stack trace, exit 0 or 1, and every record the damage did not
 * touch still loaded (within one neighbour); a file cut short keeps every record before the cut.
 * FUZZ_CASES (default 88: every shape with every kind of damage once) and FUZZ_SEED run more or
 * other cases; FUZZ_REPORT prints each one; FUZZ_KEEP=dir keeps the files of failing cases.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { shapes, type Shape } from '../helpers/fuzz-shapes.js';
import { MUTATION_KINDS, mutate, random, type Mutation } from '../helpers/mutations.js';
import { tempDir } from '../helpers/temp.js';

const CASES = Number(process.env.FUZZ_CASES ?? 88);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const TIME_BUDGET_MS = 20_000;
const MEMORY_BUDGET_MB = 400;
const PARALLEL = 2;

const temp = tempDir('entra-audit-fuzz-');

interface Run {
  code: number | null;
  signal: string | null;
  ids: string[];
  stderr: string;
  ms: number;
  peakMb: number;
}

/** Peak resident memory of a running process (VmHWM), in MB; 0 once it is gone. */
function peakOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function runQuery(path: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'query', path, '--format', 'ndjson'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let peakMb = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => (peakMb = Math.max(peakMb, peakOf(child.pid!))), 20);
    const kill = setTimeout(() => child.kill('SIGKILL'), TIME_BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(kill);
      const ids = stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const event = JSON.parse(line) as { id?: string; correlationId?: string };
          return event.id || event.correlationId || '';
        });
      resolve({ code, signal, ids, stderr, ms: Date.now() - started, peakMb });
    });
  });
}

/** Records the mutation may cost: those it touched (each with the text up to the next record), and their neighbours. */
function mayLose(shape: Shape, mutation: Mutation): Set<number> {
  const { records } = shape;
  const touched = new Set<number>();
  records.forEach((record, i) => {
    const from = i === 0 ? 0 : record.start;
    const to = i + 1 < records.length ? records[i + 1].start : shape.bytes.length;
    if (mutation.touched.some(([a, b]) => a < to && Math.max(b, a + 1) > from)) touched.add(i);
  });
  const allowed = new Set<number>();
  for (const i of touched) for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < records.length) allowed.add(j);
  return allowed;
}

interface Case {
  shape: Shape;
  mutation: Mutation;
  seed: number;
}

function cases(): Case[] {
  const all = shapes();
  return Array.from({ length: CASES }, (_, k) => {
    const seed = SEED + k;
    const next = random(seed);
    const shape = all[k % all.length];
    const kind = MUTATION_KINDS[Math.floor(k / all.length) % MUTATION_KINDS.length];
    return { shape, mutation: mutate(shape.bytes, kind, next), seed };
  });
}

/** What went wrong with one case, in words (empty: it held). */
function failures(testCase: Case, run: Run): string[] {
  const { shape, mutation } = testCase;
  const out: string[] = [];
  if (run.signal) out.push(`ended by ${run.signal}${run.ms >= TIME_BUDGET_MS ? ` after the ${TIME_BUDGET_MS / 1000} s budget` : ''}`);
  else if (run.code !== 0 && run.code !== 1) out.push(`exit ${run.code}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr) || /node:internal|FATAL ERROR|Assertion failed/.test(run.stderr)) out.push(`a stack on stderr: ${run.stderr.slice(0, 400)}`);
  if (run.peakMb > MEMORY_BUDGET_MB) out.push(`peak memory ${run.peakMb.toFixed(0)} MB`);
  // Compressed bytes cannot be mapped to records: a damaged gzip is held to the budgets only.
  if (shape.opaque) return out;
  const loaded = new Set(run.ids);
  const inHeader = shape.headerEnd !== undefined && mutation.touched.some(([start]) => start < shape.headerEnd!);
  const allowed = inHeader ? new Set(shape.records.map((_, i) => i)) : mutation.cutAt !== undefined ? new Set<number>() : mayLose(shape, mutation);
  const missing = shape.records.flatMap((record, i) => {
    if (mutation.cutAt !== undefined && record.end > mutation.cutAt) return [];
    return loaded.has(record.id) || allowed.has(i) ? [] : [record.id];
  });
  if (missing.length > 0) out.push(`lost ${missing.length} untouched record(s): ${missing.slice(0, 3).join(', ')}`);
  if (mutation.cutAt !== undefined) {
    const past = shape.records.filter((record) => record.end > mutation.cutAt! && loaded.has(record.id));
    if (past.length > 0) out.push(`loaded ${past.length} record(s) the cut ended inside or before: ${past[0].id}`);
  }
  return out;
}

async function pool<T, R>(items: T[], parallel: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (nextIndex < items.length) {
        const index = nextIndex++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

describe('seeded damage of every export shape', () => {
  it('loads every undamaged shape whole (the generator itself is right)', async () => {
    const runs = await pool(shapes(), PARALLEL, async (shape, k) => {
      const path = temp.write(`whole-${k}`, shape.bytes);
      return { shape, run: await runQuery(path) };
    });
    for (const { shape, run } of runs) {
      expect({ shape: shape.name, code: run.code, ids: [...run.ids].sort() }).toEqual({ shape: shape.name, code: 0, ids: shape.records.map((r) => r.id).sort() });
    }
  }, 120_000);

  it(`${CASES} mutations (seed ${SEED}): no stack, exit 0 or 1, within ${TIME_BUDGET_MS / 1000} s and ${MEMORY_BUDGET_MB} MB, untouched records kept`, async () => {
    const all = cases();
    const results = await pool(all, PARALLEL, async (testCase, k) => {
      const path = temp.write(`case-${k}`, testCase.mutation.bytes);
      const run = await runQuery(path);
      return { testCase, run, problems: failures(testCase, run) };
    });
    const worst = results.reduce((w, r) => ({ ms: Math.max(w.ms, r.run.ms), mb: Math.max(w.mb, r.run.peakMb) }), { ms: 0, mb: 0 });
    console.log(`fuzz: ${results.length} cases, worst ${worst.ms} ms, peak ${worst.mb.toFixed(0)} MB`);
    if (process.env.FUZZ_REPORT) for (const r of results) console.log(`${r.testCase.seed} ${r.testCase.shape.name}: ${r.testCase.mutation.description} → ${r.run.ids.length}/${r.testCase.shape.records.length} in ${r.run.ms} ms`);
    // FUZZ_KEEP=dir keeps each failing case's file there, named by its seed, to replay by hand.
    if (process.env.FUZZ_KEEP) for (const r of results.filter((x) => x.problems.length > 0)) writeFileSync(join(process.env.FUZZ_KEEP, `case-${r.testCase.seed}`), r.testCase.mutation.bytes);
    const failed = results.filter((r) => r.problems.length > 0).map((r) => `seed ${r.testCase.seed}, ${r.testCase.shape.name}, ${r.testCase.mutation.description}: ${r.problems.join('; ')}`);
    expect(failed).toEqual([]);
  }, 600_000);
});
