/**
 * Two overlapping exports of the same period, as the built CLI reads them: every count is the
 * union (each record once), `summary` says how many repeats were dropped, stderr says so in one
 * line, and an export's receipt still hashes both sources.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const events = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) =>
    graphEvent({
      id: `Directory_${String(from + k).padStart(6, '0')}`,
      activityDateTime: new Date(Date.UTC(2026, 10, 20) + (from + k) * 60_000).toISOString(),
      ...((from + k) % 5 === 0 ? { category: 'AttributeManagement' } : {}),
    }),
  );

// A portal download (a bare array) of events 0–599 and a Graph pull as JSON Lines of 400–999:
// 200 records in both.
const portal = temp.write('portal-download.json', JSON.stringify(events(0, 600)));
const graph = temp.write('graph-pull.jsonl', events(400, 1000).map((e) => JSON.stringify(e)).join('\n') + '\n');

describe('overlapping exports', { timeout: 60_000 }, () => {
  it('counts each record once with query --count, and says on stderr how many repeats were dropped', async () => {
    const { code, stdout, stderr } = await runCli(['query', portal, graph, '--count']);
    expect(code).toBe(0);
    expect(stdout).toBe('1000\n');
    expect(stderr).toBe(`entra-audit: 200 duplicate records dropped (${graph} 200): the id and time of a record loaded before.\n`);
    const csa = await runCli(['query', portal, graph, '--pane', 'custom-security', '--count']);
    expect(csa.stdout).toBe('200\n');
    // One file alone: nothing dropped, nothing said.
    const alone = await runCli(['query', graph, '--count']);
    expect([alone.stdout, alone.stderr]).toEqual(['600\n', '']);
  });

  it('gives summary --format json a duplicates figure, and totals that count each record once', async () => {
    const { code, stdout } = await runCli(['summary', portal, graph, '--format', 'json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.duplicates).toBe(200);
    expect(summary.totals).toEqual({ loaded: 1000, directory: 800, customSecurity: 200, signIns: 0, provisioning: 0, inScope: 1000 });
    expect(summary.sources).toEqual([portal, graph]);
    const alone = JSON.parse((await runCli(['summary', portal, '--format', 'json'])).stdout);
    expect(alone.duplicates).toBe(0);
  });

  it('says how many were dropped in the text and markdown summaries', async () => {
    const text = await runCli(['summary', portal, graph]);
    expect(text.stdout).toContain('Events    1,000 events loaded (Directory 800, Custom Security 200)');
    expect(text.stdout).toContain('Dropped   200 duplicate records (the id and time of a record loaded before)');
    const markdown = await runCli(['summary', portal, graph, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| Duplicates | 200 records dropped (the id and time of a record loaded before) |');
  });

  it('drops a record repeated inside one gzip file, and the receipt of an export still hashes every source', async () => {
    const repeated = temp.write('storage-copy.json.gz', gzipSync(JSON.stringify([...events(900, 1000), ...events(950, 1000)])));
    const out = temp.path('export.ndjson');
    const { code, stderr } = await runCli(['query', portal, graph, repeated, '--format', 'ndjson', '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`entra-audit: 350 duplicate records dropped (${graph} 200, ${repeated} 150): the id and time of a record loaded before.\n`);
    const ids = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    // The receipt names all three sources with their hashes, the one that added nothing included.
    for (const source of [portal, graph, repeated]) expect(stderr).toMatch(new RegExp(`[0-9a-f]{64}\\s+${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('keeps the first-named file\'s copy when both files are parsed by workers at once, the smaller one finishing first', async () => {
    // Both above the 4 MB under which a file is parsed on the main thread; the second is half the
    // size of the first, so its worker is done long before: its copies must still not be the ones kept.
    const tagged = (from: number, to: number, tag: string) => events(from, to).map((e) => ({ ...e, resultReason: tag, additionalDetails: [{ key: 'padding', value: 'x'.repeat(400) }] }));
    const big = temp.write('big-portal.json', JSON.stringify(tagged(0, 12_000, 'first')));
    const small = temp.write('small-storage.json', JSON.stringify(tagged(6_000, 12_000, 'second')));
    for (const [order, kept] of [[[big, small], 'first'], [[small, big], 'second']] as const) {
      const { code, stdout, stderr } = await runCli(['query', ...order, '--format', 'ndjson']);
      expect(code).toBe(0);
      expect(stderr).toContain('entra-audit: 6,000 duplicate records dropped');
      const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; resultReason: string });
      expect(records).toHaveLength(12_000);
      const overlap = records.filter((r) => Number(r.id.slice('Directory_'.length)) >= 6_000);
      expect(new Set(overlap.map((r) => r.resultReason))).toEqual(new Set([kept]));
    }
  });
});
