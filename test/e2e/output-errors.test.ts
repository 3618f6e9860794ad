/**
 * Standard output that cannot be written (`> /dev/full`, opened read-only) ends the command with
 * one line in words and exit 1, never a Node stack with minified source; a closed pipe (`| head`)
 * is not an error; a stderr that cannot be written changes nothing else.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const jsonl = (...events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI with stdout (or stderr) opened on `device` in `flags` mode; the other stream is captured. */
function runWith(args: string[], options: { stdout?: { path: string; flags: string }; stderr?: { path: string; flags: string } }): Promise<Run> {
  const out = options.stdout ? openSync(options.stdout.path, options.stdout.flags) : 'pipe';
  const err = options.stderr ? openSync(options.stderr.path, options.stderr.flags) : 'pipe';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', out, err], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (typeof out === 'number') closeSync(out);
      if (typeof err === 'number') closeSync(err);
      resolve({ code, stdout, stderr });
    });
  });
}

const FULL = { path: '/dev/full', flags: 'w' };

describe.skipIf(!existsSync('/dev/full'))('stdout that cannot be written', () => {
  const source = temp.write('events.jsonl', jsonl(...Array.from({ length: 50 }, (_, i) => graphEvent({ id: `e${i}` }))));

  it.each([
    ['query --format ndjson', ['query', source, '--format', 'ndjson']],
    ['query --format csv', ['query', source, '--format', 'csv']],
    ['query --count', ['query', source, '--count']],
    ['summary', ['summary', source]],
    ['the bundled sample as NDJSON', ['query', '--format', 'ndjson']],
  ])('%s > /dev/full says so in one line and exits 1', async (_name, args) => {
    const { code, stderr } = await runWith(args, { stdout: FULL });
    expect(stderr).toBe('entra-audit: cannot write to standard output: no space left on device\n');
    expect(code).toBe(1);
  });

  it('says when standard output is not open for writing', async () => {
    const { code, stderr } = await runWith(['query', source, '--format', 'ndjson'], { stdout: { path: '/dev/null', flags: 'r' } });
    expect(stderr).toBe('entra-audit: cannot write to standard output: it is not open for writing\n');
    expect(code).toBe(1);
  });

  it('never throws when stderr cannot be written either: exit 1, nothing else', async () => {
    const { code, stdout } = await runWith(['query', source, '--format', 'ndjson'], { stdout: FULL, stderr: FULL });
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });

  it('a stderr that cannot be written leaves stdout and the exit code as they were', async () => {
    // One record that cannot be used: its problem summary goes to the full stderr.
    const damaged = temp.write('damaged.jsonl', jsonl(graphEvent({ id: 'ok' })) + '{"broken": \n');
    const { code, stdout } = await runWith(['query', damaged, '--format', 'ndjson'], { stderr: FULL });
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['ok']);
    expect(code).toBe(0);
    expect((await runWith(['query', damaged, '--format', 'ndjson', '--strict'], { stderr: FULL })).code).toBe(1);
  });
});
