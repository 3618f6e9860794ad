/**
 * A storage copy of a diagnostic setting that sends every category: `query` counts the audits and
 * the sign-ins (each in its pane), names the record of no Entra log on stderr for what it is, and
 * `--strict` makes it an exit 1.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const line = (category: string, properties: object) => JSON.stringify({ time: '2026-11-19T02:50:00Z', resourceId: '/tenants/t/providers/Microsoft.aadiam', operationName: 'x', category, properties });
const path = temp.write(
  'PT1H.json',
  [
    line('AuditLogs', graphEvent({ id: 'a1', activityDateTime: '2026-11-19T02:50:00Z' })),
    line('SignInLogs', { id: 's1', createdDateTime: '2026-11-19T02:47:12Z', userPrincipalName: 'maren.bowditch@contoso.example', ipAddress: '203.0.113.66', status: { errorCode: 0 } }),
    line('Administrative', { eventCategory: 'Administrative' }),
    line('AuditLogs', graphEvent({ id: 'a2', activityDateTime: '2026-11-19T02:51:00Z' })),
  ].join('\n') + '\n',
);

describe('a diagnostic stream mixing categories', () => {
  it('counts the audits and the sign-in, and says what the Azure Activity record is', async () => {
    const { code, stdout, stderr } = await runCli(['query', path, '--count']);
    expect({ code, count: stdout.trim() }).toEqual({ code: 0, count: '3' });
    expect(stderr).toContain('PT1H.json:3: diagnostic category "Administrative" is not an Entra activity log');
    expect(stderr).not.toContain('PT1H.json:2');
    const signIns = await runCli(['query', path, '--count', '--pane', 'sign-ins']);
    expect({ code: signIns.code, count: signIns.stdout.trim() }).toEqual({ code: 0, count: '1' });
    const directory = await runCli(['query', path, '--count', '--pane', 'directory']);
    expect(directory.stdout.trim()).toBe('2');
  });

  it('--strict exits 1 on them', async () => {
    const { code } = await runCli(['query', path, '--count', '--strict']);
    expect(code).toBe(1);
  });
});
