/**
 * `query --output` given a path that is not a plain new file, as an admin types it: a folder
 * gets a time-stamped file inside it (named in the receipt), and every refusal says why in
 * words, names only the path asked for (never the temporary file the atomic write uses), and
 * comes before loading.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const source = temp.write(
  'in.jsonl',
  [graphEvent({ id: 'a', activityDateTime: '2026-11-20T10:00:00Z' }), graphEvent({ id: 'b', activityDateTime: '2026-11-21T10:00:00Z' })].map((e) => JSON.stringify(e)).join('\n') + '\n',
);
const folder = (name: string): string => {
  const path = temp.path(name);
  mkdirSync(path);
  return path;
};
/** `20261201T235959Z` for a time, to compare stamps with the clock. */
const stampOf = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;

describe('query --output DIRECTORY', { timeout: 30_000 }, () => {
  it('writes entra-audit-<UTC stamp>.ndjson inside it, and the receipt names that file', async () => {
    const dir = folder('evidence');
    const before = stampOf(Date.now() - 1000);
    const { code, stdout, stderr } = await runCli(['query', source, '--output', dir]);
    const after = stampOf(Date.now() + 1000);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const [name, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(name).toMatch(/^entra-audit-\d{8}T\d{6}Z\.ndjson$/);
    const stamp = name.slice('entra-audit-'.length, -'.ndjson'.length);
    expect(stamp >= before && stamp <= after).toBe(true);
    const written = join(dir, name);
    expect(readFileSync(written, 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['b', 'a']);
    expect(stderr).toMatch(new RegExp(`^# wrote 2 events to ${written} \\(${statSync(written).size} bytes\\)\\n[0-9a-f]{64}  ${written}\\n`));
    if (hasSha256sum) {
      const checked = spawnSync('sha256sum', ['--strict', '-c', temp.write('evidence.sha256', stderr)], { encoding: 'utf8' });
      expect(checked.stdout).toBe(`${written}: OK\n${source}: OK\n`);
    }
  });

  it('takes the extension from --format (csv, json), with or without a trailing slash', async () => {
    const csvDir = folder('as-csv');
    const csv = await runCli(['query', source, '--output', csvDir, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const [csvName] = readdirSync(csvDir);
    expect(csvName).toMatch(/^entra-audit-\d{8}T\d{6}Z\.csv$/);
    expect(readFileSync(join(csvDir, csvName), 'utf8')).toMatch(/^activityDateTime,/);
    expect(csv.stderr).toContain(`# wrote 2 events to ${join(csvDir, csvName)} (`);

    const jsonDir = folder('as-json');
    const json = await runCli(['query', source, '-o', `${jsonDir}/`, '--format', 'json']);
    expect(json.code).toBe(0);
    const [jsonName] = readdirSync(jsonDir);
    expect(jsonName).toMatch(/^entra-audit-\d{8}T\d{6}Z\.json$/);
    expect(JSON.parse(readFileSync(join(jsonDir, jsonName), 'utf8'))).toHaveLength(2);
    expect(json.stderr).toContain(`# wrote 2 events to ${join(jsonDir, jsonName)} (`);
  });

  it('is never "already exists; pass --force": a directory is written into, not over, --force or not', async () => {
    const dir = folder('not-overwritten');
    const plain = await runCli(['query', source, '-o', dir]);
    expect(plain.stderr).not.toContain('already exists');
    expect(plain.code).toBe(0);
    const forced = await runCli(['query', source, '-o', dir, '--force', '--format', 'csv']);
    expect(forced.code).toBe(0);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir).map((name) => name.replace(/\d{8}T\d{6}Z/, 'STAMP')).sort()).toEqual(['entra-audit-STAMP.csv', 'entra-audit-STAMP.ndjson']);
  });
});

describe('query --output where nothing can be written', { timeout: 30_000 }, () => {
  it('a missing directory: exit 1, said in words, before loading', async () => {
    const { code, stdout, stderr } = await runCli(['query', source, '-o', '/nonexistent/x.csv']);
    expect(stderr).toBe('entra-audit: cannot write /nonexistent/x.csv: directory /nonexistent does not exist\n');
    expect(stderr).not.toMatch(/\.tmp|ENOENT/);
    expect(stdout).toBe('');
    expect(code).toBe(1);
    // Before loading: a missing input is not even reached.
    const early = await runCli(['query', 'nope.json', '-o', '/nonexistent/x.csv']);
    expect(early.stderr).toBe('entra-audit: cannot write /nonexistent/x.csv: directory /nonexistent does not exist\n');
  });

  it('a directory path ending in "/" that does not exist: the directory is named', async () => {
    const missing = temp.path('never-made');
    const { code, stderr } = await runCli(['query', source, '-o', `${missing}/`]);
    expect(stderr).toMatch(new RegExp(`^entra-audit: cannot write ${missing}/entra-audit-\\d{8}T\\d{6}Z\\.ndjson: directory ${missing} does not exist\\n$`));
    expect(code).toBe(1);
  });

  it('a parent that is a file: exit 1, said in words', async () => {
    const file = temp.write('a-file.csv', 'x');
    const { code, stderr } = await runCli(['query', source, '-o', join(file, 'x.csv')]);
    expect(stderr).toBe(`entra-audit: cannot write ${file}/x.csv: ${file} is not a directory\n`);
    expect(code).toBe(1);
  });

  it('a device is not a file to replace: no offer to --force', async () => {
    const { code, stderr } = await runCli(['query', source, '-o', '/dev/null']);
    expect(stderr).toBe('entra-audit: cannot write /dev/null: it is not a regular file\n');
    expect(code).toBe(1);
  });

  it.each([['/dev/null'], ['a FIFO']])('%s given with --force stays what it was: refused, never renamed over', async (which) => {
    let target = '/dev/null';
    if (which === 'a FIFO') {
      target = temp.path('out.fifo');
      expect(spawnSync('mkfifo', [target]).status).toBe(0);
    }
    const before = statSync(target);
    const { code, stderr } = await runCli(['query', source, '-o', target, '--force']);
    expect(stderr).toBe(`entra-audit: cannot write ${target}: it is not a regular file\n`);
    expect(code).toBe(1);
    const after = statSync(target);
    expect({ fifo: after.isFIFO(), device: after.isCharacterDevice(), ino: after.ino }).toEqual({ fifo: before.isFIFO(), device: before.isCharacterDevice(), ino: before.ino });
    // Nothing left beside it either.
    if (which === 'a FIFO') expect(readdirSync(temp.path('.')).filter((name) => name.startsWith('.out.fifo'))).toEqual([]);
  });
});
