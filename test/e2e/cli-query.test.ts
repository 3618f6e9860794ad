import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const older = graphEvent({ id: 'older', activityDateTime: '2026-11-20T08:00:00.5+01:00' });
const newer = graphEvent({ id: 'newer', activityDateTime: '2026-11-21T08:00:00Z' });
const csa = graphEvent({ id: 'csa', category: 'AttributeManagement', activityDisplayName: 'Update attribute values assigned to a user' });
const jsonl = (...events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

describe('entra-audit query', () => {
  it('prints normalised events newest first as NDJSON with UTC times ending in Z', async () => {
    const path = temp.write('two.jsonl', jsonl(older, newer));
    const { code, stdout, stderr } = await runCli(['query', path, '--format', 'ndjson']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const events = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => [e.id, e.activityDateTime])).toEqual([
      ['newer', '2026-11-21T08:00:00Z'],
      ['older', '2026-11-20T07:00:00.5Z'],
    ]);
    expect(events[0]).toEqual({ ...newer });
  });

  it('prints a JSON array with --format json', async () => {
    const path = temp.write('json.jsonl', jsonl(older, newer));
    const { stdout } = await runCli(['query', path, '--format', 'json']);
    expect(JSON.parse(stdout).map((e: { id: string }) => e.id)).toEqual(['newer', 'older']);
  });

  it('counts events per pane with --count', async () => {
    const path = temp.write('panes.jsonl', jsonl(older, newer, csa));
    expect((await runCli(['query', path, '--count'])).stdout).toBe('3\n');
    expect((await runCli(['query', path, '--count', '--pane', 'directory'])).stdout).toBe('2\n');
    expect((await runCli(['query', path, '--count', '--pane', 'custom-security'])).stdout).toBe('1\n');
  });

  it('reads standard input given as - or piped through a shell pipe', async () => {
    const path = temp.write('stdin.jsonl', jsonl(older, newer));
    expect((await runCli(['query', '-', '--count'], { input: jsonl(older, newer) })).stdout).toBe('2\n');
    const piped = spawnSync('sh', ['-c', `cat '${path}' | '${process.execPath}' '${CLI}' query --count`], { encoding: 'utf8' });
    expect(piped.stdout).toBe('2\n');
  });

  it('summarises problems on stderr, exits 0, and exits 1 with --strict', async () => {
    const path = temp.write('bad.jsonl', jsonl(older) + '{"oops": \n' + jsonl(newer));
    const loose = await runCli(['query', path, '--count']);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toBe('2\n');
    expect(loose.stderr).toContain('1 record could not be used');
    expect(loose.stderr).toContain(`${path}:2: invalid JSON`);
    const strict = await runCli(['query', path, '--count', '--strict']);
    expect(strict.code).toBe(1);
  });

  it('refuses a file in no known format with the supported formats and no stack trace', async () => {
    const path = temp.write('photo.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 1, 2]));
    const { code, stderr } = await runCli(['query', path, '--count']);
    expect(code).toBe(1);
    expect(stderr).toContain('not an Entra audit export');
    expect(stderr).toContain('Supported formats');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors', async () => {
    const { code, stderr } = await runCli(['query', '--format', 'yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid values');
    expect((await runCli(['frobnicate', '--nope'])).code).toBe(2);
  });

  it('writes spreadsheet-safe CSV', async () => {
    const hostile = graphEvent({ activityDisplayName: '=HYPERLINK("http://evil.example")', resultReason: '-12', category: '+cmd' });
    const path = temp.write('hostile.jsonl', jsonl(hostile));
    const { stdout } = await runCli(['query', path, '--format', 'csv']);
    const [header, row] = stdout.split('\r\n');
    expect(header.split(',')[0]).toBe('activityDateTime');
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(row).toContain(',-12,');
    expect(row).toContain(",'+cmd,");
  });

  it('prints a table whose cells cannot drive the terminal', async () => {
    const hostile = graphEvent({ activityDisplayName: 'Evil\u001b]0;pwned\u0007\u001b[2J name\u202e' });
    const path = temp.write('escape.jsonl', jsonl(hostile));
    const { stdout } = await runCli(['query', path, '--format', 'table']);
    expect(stdout.split('\n')[0]).toMatch(/^ {2}Date \(UTC\)\s+Service\s+Category\s+Activity\s+Status\s+Target\(s\)\s+Initiated by$/);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(stdout).toContain('Evil␛]0;pwned␇␛[2J name⟨U+202E⟩');
  });

  it('shows characters that draw nothing, so a look-alike name reads differently from the real one', async () => {
    const lookAlike = graphEvent({ activityDisplayName: 'Re\u200bset\u2060\ufeffx' });
    const path = temp.write('invisible.jsonl', jsonl(lookAlike));
    const { stdout } = await runCli(['query', path, '--format', 'table']);
    expect(stdout).toContain('Re⟨U+200B⟩set⟨U+2060⟩⟨U+FEFF⟩x');
    expect((await runCli(['query', path, '--format', 'table', '--ascii'])).stdout).toContain('Re<U+200B>set<U+2060><U+FEFF>x');
  });

  it('finds an actor whose name has a line break with an exact term, written with \\n', async () => {
    const user = (upn: string) => ({ user: { id: `u-${upn}`, displayName: null, userPrincipalName: upn, ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null }, app: null });
    const path = temp.write('line-break.jsonl', jsonl(graphEvent({ id: 'nl', initiatedBy: user('Bob\nAdmin') }), graphEvent({ id: 'sp', initiatedBy: user('Bob Admin') })));
    expect((await runCli(['query', path, '--count', '--filter', 'actor:="Bob\\nAdmin"'])).stdout).toBe('1\n');
    const { stdout } = await runCli(['query', path, '--format', 'ndjson', '--filter', 'actor:="bob\\nadmin"']);
    expect(JSON.parse(stdout).id).toBe('nl');
  });

  it('filters with --filter, and answers a malformed query with exit 2 and where it is wrong', async () => {
    const path = temp.write('filter.jsonl', jsonl(older, newer, csa));
    expect((await runCli(['query', path, '--count', '--filter', 'category:attribute'])).stdout).toBe('1\n');
    // A query that starts with '-' must be attached with '=' (yargs would read it as an option).
    expect((await runCli(['query', path, '--count', '--filter=-category:attribute since:2026-11-21'])).stdout).toBe('1\n');
    const { stdout } = await runCli(['query', path, '--format', 'ndjson', '--filter', 'id:older|csa']);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).id).sort()).toEqual(['csa', 'older']);
    const bad = await runCli(['query', path, '--count', '--filter', 'status:ok actvity:x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('entra-audit: invalid --filter: unknown field "actvity" — did you mean "activity"?\n  status:ok actvity:x\n            ^\n');
  });

  it('shows times in another zone with --tz, and refuses an unknown zone', async () => {
    const path = temp.write('tz.jsonl', jsonl(newer));
    const { stdout } = await runCli(['query', path, '--format', 'table', '--tz', 'Asia/Tokyo']);
    expect(stdout.split('\n')[0]).toMatch(/^ {2}Date \(Asia\/Tokyo\)/);
    expect(stdout.split('\n')[1]).toMatch(/^ {2}2026-11-21 17:00:00 /);
    const bad = await runCli(['query', path, '--tz', 'Mars/Olympus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown time zone "Mars/Olympus"');
  });

  it('uses only ASCII with --ascii', async () => {
    const app = graphEvent({
      activityDisplayName: 'Add service principal credentials for a rather long application name\u001b[2J',
      initiatedBy: { user: null, app: { appId: 'a', displayName: 'Payroll Sync', servicePrincipalId: 's', servicePrincipalName: null } },
    });
    const path = temp.write('ascii.jsonl', jsonl(app));
    const { stdout } = await runCli(['query', path, '--format', 'table', '--ascii']);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(stdout).toContain('app:Payroll Sync');
    // Piped, nothing is cut (so no ellipsis to draw); the ASCII ellipsis of a terminal's table is in test/e2e/cli-table-tmux.test.ts.
    expect(stdout).toContain('Add service principal credentials for a rather long application name^[[2J');
  });

  it('keeps JSON output free of raw C1 controls and bidi overrides', async () => {
    const hostile = graphEvent({ activityDisplayName: 'a\u009b31mb\u202ec' });
    const path = temp.write('c1.jsonl', jsonl(hostile));
    const { stdout } = await runCli(['query', path, '--format', 'ndjson']);
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(stdout).activityDisplayName).toBe('a\u009b31mb\u202ec');
  });
});

describe('--version', () => {
  it("prints the package's version from any working directory", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, stdout } = await runCli(['--version'], { cwd: tmpdir() });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });
});

describe('the bundled sample', () => {
  it('is what `entra-audit` opens with no file argument', async () => {
    const { code, stdout } = await runCli(['query', '--count', '--pane', 'directory']);
    expect(code).toBe(0);
    expect(Number(stdout)).toBeGreaterThanOrEqual(5000);
    expect(Number((await runCli(['query', '--count', '--pane', 'custom-security'])).stdout)).toBeGreaterThanOrEqual(100);
  });

});

describe('entra-audit sample', () => {
  it('is deterministic for a seed', async () => {
    const a = await runCli(['sample', '--events', '40', '--seed', '7']);
    const b = await runCli(['sample', '--events', '40', '--seed', '7']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.trim().split('\n')).toHaveLength(40);
    expect((await runCli(['sample', '--events', '40', '--seed', '8'])).stdout).not.toBe(a.stdout);
  });

  it('never overwrites a file without --force', async () => {
    const path = temp.write('keep.jsonl', 'precious\n');
    const refused = await runCli(['sample', '--events', '5', '--out', path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(readFileSync(path, 'utf8')).toBe('precious\n');
    const forced = await runCli(['sample', '--events', '5', '--out', path, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('rejects nonsense options as usage errors', async () => {
    expect((await runCli(['sample', '--events', '-3'])).code).toBe(2);
  });
});
