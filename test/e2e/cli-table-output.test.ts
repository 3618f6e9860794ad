/**
 * `query` output for the incident channel: a piped table is never cut (grep finds a whole UPN)
 * yet stays aligned, every row carries the risk marker, CSV carries the rule, `--excel` starts
 * CSV with a BOM, and a piped stderr gets no progress line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const jsonl = (...events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const user = (upn: string, ipAddress = '203.0.113.10') => ({ user: { id: `u-${upn}`, displayName: null, userPrincipalName: upn, ipAddress, userType: null, homeTenantId: null, homeTenantName: null }, app: null });

/** 60 characters, longer than any column's ideal width. */
const LONG_UPN = 'adelaide.featherstonehaugh.montgomery@verylongtenant.example';
const roleGrant = graphEvent({ id: 'grant', activityDateTime: '2026-11-20T10:03:00Z', category: 'RoleManagement', activityDisplayName: 'Add member to role', initiatedBy: user(LONG_UPN) });
const caUpdate = graphEvent({ id: 'ca', activityDateTime: '2026-11-20T10:02:00Z', category: 'Policy', loggedByService: 'Conditional Access', activityDisplayName: 'Update conditional access policy' });
const routine = graphEvent({ id: 'routine', activityDateTime: '2026-11-20T10:01:00Z', initiatedBy: user('Müller.Jürgen@contoso.example') });
const source = temp.write('three.jsonl', jsonl(roleGrant, caUpdate, routine));

/** Where each of `words` starts in `line`. */
const startsOf = (line: string, words: string[]) => words.map((w) => line.indexOf(w));

describe('query --format table, piped', () => {
  it('prints every value whole, each column padded to its widest value', async () => {
    expect(LONG_UPN).toHaveLength(60);
    const { code, stdout } = await runCli(['query', source, '--format', 'table']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(rows[0]).toContain(LONG_UPN);
    expect(stdout).not.toContain('…');
    // Aligned: every row's status and initiator start under their headings.
    const headings = startsOf(header, ['Status', 'Initiated by']);
    expect(startsOf(rows[0], ['Success', LONG_UPN])).toEqual(headings);
    expect(startsOf(rows[2], ['Success', 'Müller'])).toEqual(headings);
    // Lines longer than any terminal: nothing was fitted to a width.
    expect(rows[0].length).toBeGreaterThan(160);
  });

  it('marks each row as the explorer does: ! high, ~ medium, blank otherwise', async () => {
    const { stdout } = await runCli(['query', source, '--format', 'table']);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ {2}Date \(UTC\)/);
    expect(lines[1]).toMatch(/^! 2026-11-20 10:03:00 .*Add member to role/);
    expect(lines[2]).toMatch(/^~ 2026-11-20 10:02:00 .*Update conditional access policy/);
    expect(lines[3]).toMatch(/^ {2}2026-11-20 10:01:00 .*Update user/);
  });

  it('is what --wide prints without --format, and --wide with another format is refused (exit 2)', async () => {
    const wide = await runCli(['query', source, '--wide']);
    expect(wide.stdout).toBe((await runCli(['query', source, '--format', 'table'])).stdout);
    const csv = await runCli(['query', source, '--wide', '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--wide is for the table, not --format csv');
  });

  it('uses each pane\'s own columns, whole too', async () => {
    const { stdout } = await runCli(['query', '--pane', 'sign-ins', '--format', 'table', '--filter', 'ip:203.0.113.66 user:maren']);
    const [header, first] = stdout.split('\n');
    expect(header).toMatch(/^ {2}Date \(UTC\) +User +Application +IP address +Location +Status +CA +Type$/);
    expect(first).toContain('maren.bowditch@fabrikam-demo.example');
    expect(first.indexOf('203.0.113.66')).toBe(header.indexOf('IP address'));
  }, 30_000);
});

describe('query --format csv', () => {
  it('ends each row with the rule the event falls under, severity first', async () => {
    const { stdout } = await runCli(['query', source, '--format', 'csv']);
    const rows = stdout.split('\r\n');
    // Then the unusual values (none in a file this small: too few events to tell what is usual).
    expect(rows[0].split(',').slice(-2)).toEqual(['risk', 'unusual']);
    expect(rows[1]).toMatch(/^2026-11-20T10:03:00Z,.*,high:role-outside-pim,$/);
    expect(rows[2]).toMatch(/,medium:[a-z-]+,$/);
    expect(rows[3]).toMatch(/,"?\[\{.*\}\]"?,,$/);
  });

  it('starts with a UTF-8 byte order mark with --excel, on stdout and in a file, rows ending in CRLF', async () => {
    const plain = await runCli(['query', source, '--format', 'csv']);
    expect(plain.stdout.charCodeAt(0)).toBe('a'.charCodeAt(0));
    const excel = await runCli(['query', source, '--excel']);
    expect(excel.code).toBe(0);
    expect(Buffer.from(excel.stdout, 'utf8').subarray(0, 4)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(excel.stdout.slice(1)).toBe(plain.stdout);
    const path = temp.path('for-excel.csv');
    const written = await runCli(['query', source, '--excel', '-o', path]);
    expect(written.code).toBe(0);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8').slice(1);
    expect(text).toBe(plain.stdout);
    expect(text).toContain('Müller.Jürgen@contoso.example');
    expect(text.split('\r\n')).toHaveLength(5);
  });

  it('refuses --excel with another format (exit 2, before loading)', async () => {
    const json = await runCli(['query', source, '--excel', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--excel writes CSV, not --format json');
    const named = await runCli(['query', source, '--excel', '-o', temp.path('x.ndjson')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--excel writes CSV');
  });
});

describe('progress of a long load', () => {
  it('writes not a byte of it to a piped stderr', async () => {
    // The bundled sample takes seconds to load: long enough to draw progress, were stderr a terminal.
    const query = await runCli(['query', '--count']);
    expect(query.code).toBe(0);
    expect(query.stderr).toBe('');
    const summary = await runCli(['summary', '--filter', 'ip:203.0.113.66']);
    expect(summary.stderr).toBe('');
  }, 60_000);
});
