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

describe('pipes and FIFOs stream', () => {
  it('reads `query <(cat file)`, plain and gzipped, without ESPIPE', () => {
    const path = temp.write('sub.jsonl', jsonl('p', 40));
    const plain = shell(`eval "$CLI query <(cat '${path}') --count"`);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toBe('40\n');
    const zipped = shell(`eval "$CLI query <(gzip -c '${path}') --format ndjson"`);
    expect(zipped.stderr).toBe('');
    expect(zipped.stdout.trim().split('\n').map((l) => JSON.parse(l).id).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `p${i}`).sort());
  });

  it('reads a named FIFO once, as a stream', async () => {
    const path = temp.write('fifo-source.jsonl', jsonl('f', 25));
    const fifo = temp.path('audit.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `cat '${path}' > '${fifo}'`]);
    const { code, stdout, stderr } = await runCli(['query', fifo, '--count']);
    writer.kill();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('25\n');
  });
});

describe('directories', () => {
  it('follows links to files and directories, walks a link cycle once, and lists a file reached twice once', async () => {
    const root = temp.path('linked');
    const outside = temp.path('outside');
    mkdirSync(join(root, 'hour-1'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(root, 'hour-1', 'PT1H.jsonl'), jsonl('h', 30));
    writeFileSync(join(root, 'elsewhere', 'more.jsonl'), jsonl('m', 20));
    writeFileSync(join(outside, 'only-linked.jsonl'), jsonl('o', 15));
    symlinkSync(outside, join(root, 'hour-1', 'linked-dir')); // reachable only through the link
    symlinkSync('hour-1/PT1H.jsonl', join(root, 'current.jsonl')); // the same file again
    symlinkSync(root, join(outside, 'back')); // a cycle
    const { code, stdout, stderr } = await runCli(['query', root, '--count']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('65\n');
  });

  it('loads the rest of a directory past an unreadable subdirectory and a dangling link, naming both', async () => {
    const root = temp.path('partly');
    for (let d = 0; d < 4; d++) {
      mkdirSync(join(root, `d${d}`), { recursive: true });
      writeFileSync(join(root, `d${d}`, 'x.jsonl'), jsonl(`d${d}-`, 100));
    }
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked', 'hidden.jsonl'), jsonl('l', 5));
    chmodSync(join(root, 'locked'), 0o000);
    symlinkSync('gone.jsonl', join(root, 'dangling.jsonl'));
    // Root reads any directory: run as nobody then, so the permission is real.
    chmodSync(dirname(root), 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = await new Promise<CliResult>((resolve) => {
      // (and with a home of its own: root's config folder is not nobody's to read)
      const env = { ...process.env, NO_COLOR: '1', HOME: dirname(root), XDG_CONFIG_HOME: '' };
      const child = spawn(process.execPath, [CLI, 'query', root, '--count'], { ...asNobody, stdio: ['ignore', 'pipe', 'pipe'], env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    chmodSync(join(root, 'locked'), 0o755);
    expect(result.stdout).toBe('400\n');
    expect(result.stderr).toBe(`entra-audit: ${join(root, 'dangling.jsonl')}: a symbolic link to nothing\nentra-audit: ${join(root, 'locked')}: permission denied\n`);
    expect(result.code).toBe(1);
  });
});

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

describe('a JSON export no record of which parses', () => {
  // Hand-edited: a trailing comma after the last member of every record.
  const broken = () => JSON.stringify(Array.from({ length: 41 }, (_, i) => graphEvent({ id: `b${i}` })), null, 2).replace(/("userAgent": null)\n/g, '$1,\n');

  it('is one problem at the parser’s position, and the summary says nothing loaded instead of "the rest loaded"', async () => {
    const text = broken();
    const path = temp.write('trailing-commas.json', text);
    // The parser stops at the `}` after the first record's trailing comma, on the next line.
    const stop = text.slice(0, text.indexOf('"userAgent": null,')).split('\n').length + 1;
    const { code, stdout, stderr } = await runCli(['query', path, '--count']);
    expect(stdout).toBe('0\n');
    expect(stderr).toBe(
      'entra-audit: 1 record could not be used (1 source); nothing loaded.\n' +
        `  ${path}:${stop}:3: not valid JSON (Expected double-quoted property name): no record in it could be read (the first of 41 problems)\n`,
    );
    expect(code).toBe(0);
    expect((await runCli(['query', path, '--count', '--strict'])).code).toBe(1);
  });

  it('is named beside a file that loaded', async () => {
    const path = temp.write('trailing-commas-2.json', broken());
    const good = temp.write('good.jsonl', jsonl('g', 3));
    const { stdout, stderr } = await runCli(['query', path, good, '--count']);
    expect(stdout).toBe('3\n');
    expect(stderr.split('\n')[0]).toBe(`entra-audit: 1 record could not be used (1 source); nothing loaded from ${path}; the rest loaded.`);
  });
});
