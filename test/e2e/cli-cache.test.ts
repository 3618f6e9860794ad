/**
 * The persisted index (issue 15) through the built CLI: a second load of unchanged files is read
 * back and gives the same answers (counts, filters, re-read records, the summary); a changed file,
 * a corrupt cache file and --no-cache are never served from it; files are private; the folder
 * stays under its bound; `cache clear` empties it. Each test has its own XDG_CACHE_HOME.
 */
import { appendFileSync, copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('entra-audit-cache-');
let runs = 0;

/** A fresh cache home and trace file per call site. */
function home(name: string): { env: Record<string, string>; dir: string; trace: () => string } {
  const root = temp.path(`home-${name}-${runs}`);
  const trace = temp.path(`trace-${name}-${runs++}.log`);
  return {
    env: { XDG_CACHE_HOME: root, ENTRA_AUDIT_TRACE: trace },
    dir: join(root, 'entra-audit'),
    trace: () => {
      try {
        return readFileSync(trace, 'utf8');
      } catch {
        return '';
      }
    },
  };
}

const cacheFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.cache'));
  } catch {
    return [];
  }
};

let lines: string;

beforeAll(async () => {
  lines = temp.path('events.jsonl');
  const made = await runCli(['sample', '--events', '3000', '--out', lines]);
  expect(made.code).toBe(0);
});

describe('the persisted index', () => {
  it('answers a second query of the same file from the cache, with the same count', async () => {
    const h = home('count');
    const first = await runCli(['query', lines, '--count'], { env: h.env });
    expect(first.code).toBe(0);
    expect(h.trace()).toContain('load: cached');
    const files = cacheFiles(h.dir);
    expect(files).toHaveLength(1);
    expect(statSync(join(h.dir, files[0])).mode & 0o777).toBe(0o600);
    expect(statSync(h.dir).mode & 0o777).toBe(0o700);
    const second = await runCli(['query', lines, '--count'], { env: h.env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(h.trace()).toMatch(/load: from cache \(3000 events/);
  });

  it.each([
    ['a JSON Lines file', () => [lines]],
    ['the bundled sample (gzip: records kept in the arena)', () => []],
  ])('gives the same filtered records, re-read, and the same summary, from %s', async (_what, files) => {
    const h = home('same');
    const args = (extra: string[]) => ['query', ...files(), '--format', 'ndjson', ...extra];
    const fresh = await runCli(args(['--no-cache', '--filter', 'status:failure']), { env: h.env });
    expect(cacheFiles(h.dir)).toHaveLength(0);
    await runCli(args([]), { env: h.env });
    expect(cacheFiles(h.dir)).toHaveLength(1);
    const cached = await runCli(args(['--filter', 'status:failure']), { env: h.env });
    expect(h.trace()).toContain('load: from cache');
    expect(cached.stdout.length).toBeGreaterThan(0);
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stderr).toBe(fresh.stderr);
    const summaryFresh = await runCli(['summary', ...files(), '--format', 'json', '--no-cache'], { env: h.env });
    const summaryCached = await runCli(['summary', ...files(), '--format', 'json'], { env: h.env });
    expect(summaryCached.stdout).toBe(summaryFresh.stdout);
  });

  it('names the sources as this run names them, however the earlier run named the same file', async () => {
    const h = home('names');
    await runCli(['query', lines, '--count'], { env: h.env });
    const other = await runCli(['query', join(lines, '..', '.', 'events.jsonl'), '--format', 'csv', '--filter', 'status:failure'], { env: h.env });
    expect(h.trace()).toContain('load: from cache');
    const fresh = await runCli(['query', join(lines, '..', '.', 'events.jsonl'), '--format', 'csv', '--filter', 'status:failure', '--no-cache'], { env: h.env });
    expect(other.stdout).toBe(fresh.stdout);
  });

  it('reads a file again when it changed: touched, same size; or its tail rewritten, same size and time', async () => {
    const h = home('changed');
    const path = temp.path('changing.jsonl');
    copyFileSync(lines, path);
    await runCli(['query', path, '--count'], { env: h.env });
    const later = new Date(statSync(path).mtimeMs + 5000);
    utimesSync(path, later, later);
    const touched = await runCli(['query', path, '--count'], { env: h.env });
    expect(touched.stdout.trim()).toBe('3000');
    expect(h.trace()).not.toContain('load: from cache');
    // The last record's id changed in place (same length), the time put back: only the tail hash tells.
    const text = readFileSync(path, 'utf8');
    const at = text.lastIndexOf('"id":"') + 6;
    const edited = text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
    const { mtime } = statSync(path);
    writeFileSync(path, edited);
    utimesSync(path, mtime, mtime);
    expect(statSync(path).size).toBe(Buffer.byteLength(text));
    const beforeTrace = h.trace().split('\n').length;
    await runCli(['query', path, '--count'], { env: h.env });
    expect(h.trace().split('\n').slice(beforeTrace - 1).join('\n')).not.toContain('load: from cache');
  });

  it('ignores and removes a corrupt or cut-short cache file, and counts right', async () => {
    const h = home('corrupt');
    await runCli(['query', lines, '--count'], { env: h.env });
    const [name] = cacheFiles(h.dir);
    const file = join(h.dir, name);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(file, bytes);
    const flipped = await runCli(['query', lines, '--count'], { env: h.env });
    expect(flipped.stdout.trim()).toBe('3000');
    expect(h.trace()).toContain('fails its checksum');
    // Written again by that load; now cut short.
    writeFileSync(file, readFileSync(file).subarray(0, 5000));
    const cut = await runCli(['query', lines, '--count'], { env: h.env });
    expect(cut.stdout.trim()).toBe('3000');
    expect(h.trace()).toContain('cut short');
    writeFileSync(file, 'not a cache file');
    expect((await runCli(['query', lines, '--count'], { env: h.env })).stdout.trim()).toBe('3000');
    expect(h.trace()).toContain('not an entra-audit cache file');
    // The header's counts are checked too: one bit of its JSON flipped.
    const again = readFileSync(file);
    again[40] ^= 0x01;
    writeFileSync(file, again);
    expect((await runCli(['query', lines, '--count'], { env: h.env })).stdout.trim()).toBe('3000');
    expect(h.trace()).toContain('its header fails its checksum');
  });

  it('writes nothing with --no-cache, nor with the config turning it off', async () => {
    const h = home('off');
    await runCli(['query', lines, '--count', '--no-cache'], { env: h.env });
    await runCli(['summary', lines, '--no-cache'], { env: h.env });
    const config = temp.write('off.json', JSON.stringify({ cache: { enabled: false } }));
    await runCli(['query', lines, '--count', '--config', config], { env: h.env });
    expect(cacheFiles(h.dir)).toHaveLength(0);
    expect(h.trace()).not.toContain('load: cached');
  });

  it('keeps the folder under its bound, least recently used out first; cache list and clear', async () => {
    const h = home('bound');
    const inputs = [0, 1, 2].map((k) => {
      const path = temp.path(`bound-${k}.jsonl`);
      copyFileSync(lines, path);
      appendFileSync(path, '\n'.repeat(k + 1));
      return path;
    });
    await runCli(['query', inputs[0], '--count'], { env: h.env });
    const one = statSync(join(h.dir, cacheFiles(h.dir)[0])).size;
    // Room for two entries, not three.
    const config = temp.write('bound.json', JSON.stringify({ cache: { maxMB: (2.5 * one) / 1024 / 1024 } }));
    await runCli(['query', inputs[1], '--count', '--config', config], { env: h.env });
    // The first is used again: the second is now the least recently used.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runCli(['query', inputs[0], '--count', '--config', config], { env: h.env });
    await runCli(['query', inputs[2], '--count', '--config', config], { env: h.env });
    const left = cacheFiles(h.dir);
    expect(left).toHaveLength(2);
    expect(left.reduce((sum, name) => sum + statSync(join(h.dir, name)).size, 0)).toBeLessThanOrEqual(2.5 * one);
    const list = await runCli(['cache', 'list', '--config', config], { env: h.env });
    expect(list.stdout).toContain(inputs[0]);
    expect(list.stdout).toContain(inputs[2]);
    expect(list.stdout).not.toContain(inputs[1]);
    expect(list.stdout).toMatch(/total [\d.]+ MB of [\d.]+ MB in 2 entries/);
    const info = await runCli(['cache', '--config', config], { env: h.env });
    expect(info.stdout).toContain('2 entries');
    const cleared = await runCli(['cache', 'clear'], { env: h.env });
    expect(cleared.stdout).toMatch(/^removed 2 cache files/);
    expect(cacheFiles(h.dir)).toHaveLength(0);
  });

  it('never caches standard input', async () => {
    const h = home('stdin');
    const piped = await runCli(['query', '-', '--count'], { env: h.env, input: readFileSync(lines) });
    expect(piped.stdout.trim()).toBe('3000');
    expect(cacheFiles(h.dir)).toHaveLength(0);
  });
});

describe.skipIf(!TmuxSession.available())('the explorer and the cache (tmux)', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it('says "from cache" beside the sources on a second open, and opens an event\'s details re-read from the file', { timeout: 60_000 }, async () => {
    const h = home('explorer');
    await runCli(['query', lines, '--count'], { env: h.env });
    session = new TmuxSession();
    session.start(`XDG_CACHE_HOME='${h.env.XDG_CACHE_HOME}' NO_COLOR=1 node ${CLI} '${lines}'`, 140, 40);
    await session.waitFor((s) => s.includes('· from cache') && /2,916 of 2,916 events/.test(s), 'the explorer, from the cache');
    session.keys('Enter');
    const details = await session.waitFor((s) => /Loaded from .*events\.jsonl:\d+/.test(s), 'the details, re-read');
    expect(details).not.toContain('can no longer be read');
  });
});

