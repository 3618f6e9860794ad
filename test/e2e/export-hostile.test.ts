/**
 * `query --format csv --output` of hostile strings opens safely in a spreadsheet: every cell a
 * spreadsheet would run as a formula gets a leading `'` (plain numbers stay numbers), no cell can
 * break its row so that a formula starts a line of its own, the modified-property values inside
 * the targetResources JSON are kept exactly, and a second export to the same path without
 * `--force` is refused with the first file's bytes unchanged.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv.js';
import type { AuditEvent, TargetResource } from '../../src/model/audit-event.js';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

const target = (displayName: string, modifiedProperties: TargetResource['modifiedProperties'] = []): TargetResource => ({
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  displayName,
  type: 'User',
  userPrincipalName: null,
  groupType: null,
  modifiedProperties,
});
const user = (userPrincipalName: string) => ({
  user: { id: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: null, userPrincipalName, ipAddress: '203.0.113.10', userType: null, homeTenantId: null, homeTenantName: null },
  app: null,
});
const app = (displayName: string) => ({
  user: null,
  app: { appId: 'cccccccc-0000-4000-8000-000000000003', displayName, servicePrincipalId: 'dddddddd-0000-4000-8000-000000000004', servicePrincipalName: null },
});

/** Modified-property values a spreadsheet would run if they were cells of their own. */
const HOSTILE_PROPERTIES = [
  { displayName: '=Department', oldValue: '["=HYPERLINK(\\"http://evil\\",\\"x\\")"]', newValue: '["+1+1"]' },
  { displayName: 'Mobile', oldValue: '["-2+3"]', newValue: '["@SUM(A1)"]' },
  { displayName: 'Notes', oldValue: '"\\t=1+1"', newValue: '"line one\\r\\n=cmd|\' /C calc\'!A0"' },
];

/** Each event: its id, and per CSV column the hostile value it carries there. */
const cases: Array<{ event: AuditEvent; cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>> }> = [
  {
    event: graphEvent({
      id: 'hostile-equals',
      activityDateTime: '2026-11-20T10:00:00Z',
      activityDisplayName: '=HYPERLINK("http://evil","x")',
      initiatedBy: user('@SUM(A1)'),
      targetResources: [target('+1+1', HOSTILE_PROPERTIES)],
      additionalDetails: [{ key: 'User-Agent', value: '=1+1' }],
    }),
    cells: { activityDisplayName: '=HYPERLINK("http://evil","x")', initiatedBy: '@SUM(A1)', firstTarget: '+1+1', userAgent: '=1+1' },
  },
  {
    event: graphEvent({
      id: 'hostile-minus',
      activityDateTime: '2026-11-20T11:00:00Z',
      activityDisplayName: '-2+3',
      resultReason: '+33 1 23 45 67 89',
      initiatedBy: user('\t=1+1'),
      targetResources: [target('@SUM(A1)')],
    }),
    cells: { activityDisplayName: '-2+3', resultReason: '+33 1 23 45 67 89', initiatedBy: '\t=1+1', firstTarget: '@SUM(A1)' },
  },
  {
    event: graphEvent({
      id: 'hostile-cr',
      activityDateTime: '2026-11-20T12:00:00Z',
      activityDisplayName: '\r=1+1',
      initiatedBy: app('=2+2'),
      targetResources: [target('\t@SUM(A1)')],
    }),
    cells: { activityDisplayName: '\r=1+1', initiatedBy: '=2+2', firstTarget: '\t@SUM(A1)' },
  },
  {
    // A formula after a line break: harmless only if the cell is quoted, so the break stays inside it.
    event: graphEvent({
      id: 'hostile-line-break',
      activityDateTime: '2026-11-20T13:00:00Z',
      activityDisplayName: 'Update user\r=1+1',
      resultReason: 'Insufficient privileges\r\n@SUM(A1)',
      initiatedBy: app('Build Pipeline\n=HYPERLINK("http://evil","x")'),
      targetResources: [target('Bob\n=1+1')],
    }),
    cells: {},
  },
  {
    // Plain numbers are numbers, not formulas: they stay as they are.
    event: graphEvent({ id: 'plain-numbers', activityDateTime: '2026-11-20T14:00:00Z', activityDisplayName: '+3.5', initiatedBy: app('-7'), targetResources: [target('-42')] }),
    cells: {},
  },
];

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Read the CSV as a spreadsheet does: outside quotes, CR, LF and CRLF each end a row (Excel,
 * LibreOffice and Python's csv module all split on a bare LF or CR), so a line break left
 * unquoted shows up as a short row, or as a row of its own.
 */
const readAsSpreadsheet = (text: string): Array<Record<string, string>> =>
  parse(text, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as Array<Record<string, string>>;

describe('CSV export of hostile strings', () => {
  const dir = temp.path('exports');
  mkdirSync(dir);
  const source = temp.write('hostile.jsonl', cases.map((c) => JSON.stringify(c.event)).join('\n') + '\n');
  const output = `${dir}/hostile.csv`;

  it('neutralises formula cells, keeps plain numbers and the property values exact', async () => {
    const { code, stderr } = await runCli(['query', source, '--format', 'csv', '--output', output]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`# wrote ${cases.length} events to ${output}`);
    const text = readFileSync(output, 'utf8');

    const rows = readAsSpreadsheet(text);
    expect(rows.map((row) => row.id)).toEqual(cases.map((c) => c.event.id).reverse());
    const byId = new Map(rows.map((row) => [row.id!, row]));

    for (const { event, cells } of cases) {
      const row = byId.get(event.id)!;
      // Each hostile value is there, with exactly one `'` in front.
      for (const [column, value] of Object.entries(cells)) expect(row[column], `${event.id} ${column}`).toBe(`'${value}`);
      // The modified-property values (and every other field of the targets) are intact in their JSON.
      expect(JSON.parse(row.targetResources!), event.id).toEqual(event.targetResources);
      expect(JSON.parse(row.additionalDetails!), event.id).toEqual(event.additionalDetails);
    }
    // Line breaks stay inside their cells, so nothing after one starts a row.
    const broken = byId.get('hostile-line-break')!;
    expect(broken.activityDisplayName).toBe('Update user\r=1+1');
    expect(broken.resultReason).toBe('Insufficient privileges\r\n@SUM(A1)');
    expect(broken.initiatedBy).toBe('Build Pipeline\n=HYPERLINK("http://evil","x")');
    expect(broken.firstTarget).toBe('Bob\n=1+1');
    // Plain numbers stay numbers.
    const numbers = byId.get('plain-numbers')!;
    expect([numbers.activityDisplayName, numbers.initiatedBy, numbers.firstTarget]).toEqual(['+3.5', '-7', '-42']);
    expect(JSON.parse(byId.get('hostile-equals')!.targetResources!)[0].modifiedProperties).toEqual(HOSTILE_PROPERTIES);

    // And no cell anywhere in the file would run: whatever starts like a formula is a plain number.
    const cellsRun = rows.flatMap((row) => Object.entries(row)).filter(([, cell]) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell));
    expect(cellsRun).toEqual([]);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS, 'risk', 'unusual']);
  });

  it('refuses a second export to the same path without --force, leaving the first file as it was', async () => {
    const first = readFileSync(output);
    const again = await runCli(['query', source, '--format', 'csv', '--output', output, '--filter', 'id:plain']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`entra-audit: ${output} already exists; pass --force to overwrite it\n`);
    expect(again.stdout).toBe('');
    expect(readFileSync(output).equals(first)).toBe(true);
    // No temporary file left beside it either.
    expect(readdirSync(dir)).toEqual(['hostile.csv']);
  });
});
