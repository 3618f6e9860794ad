/**
 * Inputs that are not plain files, through the built CLI: `<(cat file)` and FIFOs stream (once,
 * never read at positions), directories with links, a cycle and an unreadable subdirectory load
 * what they can and name the rest, `/dev/zero` and a 10 GB gzip bomb end at once with a clear
 * error, a portal CSV with a stray quote loses one row.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { CLI, runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const jsonl = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify(graphEvent({ id: `${prefix}${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString() }))).join('\n') + '\n';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

/** The CLI through a shell, for what only a shell makes (`<(…)`, FIFOs with a writer). */
function shell(script: string): CliResult {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CLI: `'${process.execPath}' '${CLI}'` } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sources that are not exports end at once', () => {
  it('refuses /dev/zero as binary, in well under a second of reading', async () => {
    const started = Date.now();
    const { code, stderr } = await runCli(['query', '/dev/zero', '--count']);
    expect(code).toBe(1);
    expect(stderr).toContain('/dev/zero: not an Entra audit export I can read (binary data, not text: it starts with the control character 0x00)');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a 10 GB gzip bomb after 128 MB, within 20 s', async () => {
    const member = gzipSync(' '.repeat(1 << 20));
    const path = temp.write('bomb.jsonl.gz', Buffer.concat(Array.from({ length: 10 * 1024 }, () => member)));
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(['query', path, '--count']);
    expect(stdout).toBe('0\n');
    expect(stderr).toBe(`entra-audit: ${path}: decompresses to more than 100× its size without a single record: not an export (stopped after 128 MB)\n`);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('a portal CSV with a stray quote', () => {
  it('loses only the damaged row, reported with its line, instead of refusing the file', async () => {
    const [header, row] = readFileSync(join(FIXTURES, 'portal-download.csv'), 'utf8').split('\r\n');
    const rows = Array.from({ length: 200 }, (_, i) => row.replace('2025-03-14T09:41:27', `2025-03-14T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`));
    // Line 51: the closing quote of its last cell lost, so the cell swallows the line break.
    rows[49] = rows[49].slice(0, -1);
    const path = temp.write('stray-quote.csv', [header, ...rows].join('\r\n') + '\r\n');
    const { code, stdout, stderr } = await runCli(['query', path, '--count']);
    expect(code).toBe(0);
    expect(stdout).toBe('199\n');
    expect(stderr).toContain(`${path}:51: unreadable CSV row (a quote closes cell 86 but is followed by "2025-03-14T0")`);
    expect(stderr).toContain('1 record could not be used');
  });
});
