/**
 * `query --filter` on a big JSON Lines file parses only the lines holding the filter's value
 * (query/text-prefilter.ts), through the built CLI and its worker threads: the same counts and
 * the same events as reading every record (`--strict` does), problems only where a record is
 * read, the did-you-mean of a term matching nothing judged over everything, and no cache written.
 */
import { createWriteStream, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('entra-audit-prefilter-');
const EVENTS = 50_000; // ~36 MB: above the 32 MB pre-filter threshold
const USERS = ['ada.admin', 'bo.ops', 'cy.sec', 'dee.dev', 'ed.eng', 'fay.fin', 'gus.guest'];
let path = '';

const userOf = (i: number) => `${USERS[i % USERS.length]}@contoso.example`;
const ipOf = (i: number) => `203.0.113.${i % 250}`;

beforeAll(async () => {
  path = temp.path('big.jsonl');
  const stream = createWriteStream(path);
  for (let i = 0; i < EVENTS; i++) {
    const base = graphEvent();
    const event = graphEvent({
      id: `e${i}`,
      activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      result: i % 9 === 0 ? 'failure' : 'success',
      initiatedBy: { user: { ...base.initiatedBy.user!, userPrincipalName: userOf(i), ipAddress: ipOf(i) }, app: null },
    });
    if (!stream.write(JSON.stringify(event) + '\n')) await once(stream, 'drain');
    // Two damaged lines: one holding cy.sec's name, one holding nobody's.
    if (i === 30_000) stream.write('{"initiatedBy": {"user": {"userPrincipalName": "cy.sec@contoso.example"\n');
    if (i === 40_000) stream.write('{"activityDisplayName": "cut off\n');
  }
  stream.end();
  await once(stream, 'finish');
}, 60_000);

const expected = (keep: (i: number) => boolean): number => {
  let count = 0;
  for (let i = 0; i < EVENTS; i++) if (keep(i)) count++;
  return count;
};

describe('a filtered query on a big file', () => {
  it('counts exactly what reading every record counts', { timeout: 120_000 }, async () => {
    const cases: Array<[string, (i: number) => boolean]> = [
      ['user:cy.sec', (i) => i % USERS.length === 2],
      ['ip:203.0.113.17 status:failure', (i) => ipOf(i).includes('203.0.113.17') && i % 9 === 0],
      ['user:=ada.admin@contoso.example|fay.fin@contoso.example -ip:203.0.113.1', (i) => (i % USERS.length === 0 || i % USERS.length === 5) && !ipOf(i).includes('203.0.113.1')],
    ];
    for (const [filter, keep] of cases) {
      const narrowed = await runCli(['query', path, '--no-cache', '--filter', filter, '--count']);
      const whole = await runCli(['query', path, '--no-cache', '--filter', filter, '--count', '--strict']);
      expect(narrowed.stdout, filter).toBe(`${expected(keep)}\n`);
      expect(whole.stdout, filter).toBe(narrowed.stdout);
    }
  });

  it('prints the same events, and tells only the problems of records it read', { timeout: 60_000 }, async () => {
    const narrowed = await runCli(['query', path, '--no-cache', '--filter', 'user:cy.sec', '--format', 'ndjson']);
    const whole = await runCli(['query', path, '--no-cache', '--filter', 'user:cy.sec', '--format', 'ndjson', '--strict']);
    expect(narrowed.stdout).toBe(whole.stdout);
    expect(narrowed.stdout.split('\n')).toHaveLength(expected((i) => i % USERS.length === 2) + 1);
    // The damaged line that holds the name is read, and told; the other is not (it cannot match).
    expect(narrowed.stderr).toContain(`${path}:30002: invalid JSON`);
    expect(narrowed.stderr).not.toContain(`${path}:40003:`);
    expect(whole.stderr).toContain(`${path}:40003: invalid JSON`);
    expect(whole.code).toBe(1); // --strict: a record could not be used
  });

  it('says did-you-mean from every record when a term matches nothing', { timeout: 60_000 }, async () => {
    const { stdout, stderr } = await runCli(['query', path, '--no-cache', '--filter', 'user:cy.sec status:failed', '--count']);
    expect(stdout).toBe('0\n');
    expect(stderr).toContain('no status contains "failed" — did you mean "failure"?');
  });

  it('leaves the persisted index unwritten (the store holds only what can match)', { timeout: 60_000 }, async () => {
    const cacheHome = temp.path('cache-home');
    const { stdout } = await runCli(['query', path, '--filter', 'ip:203.0.113.42', '--count'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(stdout).toBe(`${expected((i) => ipOf(i).includes('203.0.113.42'))}\n`);
    let files: string[] = [];
    try {
      files = readdirSync(`${cacheHome}/entra-audit`).filter((name) => name.endsWith('.cache'));
    } catch {
      // no folder: nothing written
    }
    expect(files).toEqual([]);
  });
});
