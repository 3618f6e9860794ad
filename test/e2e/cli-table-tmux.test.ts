/**
 * `query --format table` on a real terminal (tmux): fitted to its width, a long value cut with
 * the ellipsis (`...` with --ascii); with --wide every value whole, as when piped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/tui/clipboard.js';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const LONG_UPN = 'adelaide.featherstonehaugh.montgomery@verylongtenant.example';
const grant = graphEvent({
  category: 'RoleManagement',
  activityDisplayName: 'Add member to role',
  initiatedBy: { user: { id: 'u1', displayName: null, userPrincipalName: LONG_UPN, ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
});
const source = temp.write('grant.jsonl', JSON.stringify(grant) + '\n');

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** The screen after `query` ran in a terminal `columns` wide. */
async function tableOnTerminal(columns: number, ...flags: string[]): Promise<string[]> {
  session = new TmuxSession();
  const command = [process.execPath, CLI, 'query', source, '--format', 'table', '--ascii', ...flags].map(shellQuote).join(' ');
  session.start(`NO_COLOR=1 ${command}; echo done; sleep 30`, columns, 10);
  const screen = await session.waitFor((s) => s.includes('\ndone'), 'the table');
  session.kill();
  return screen.split('\n').filter((line) => line.includes('Date (UTC)') || line.includes('2026-11-20'));
}

describe.skipIf(!TmuxSession.available())('query --format table on a terminal', () => {
  it('fits the terminal\'s width, cutting long values with an ellipsis', async () => {
    const [header, row] = await tableOnTerminal(80);
    // Service and Category give way at 80 columns, as in the explorer: the room goes to Activity.
    expect(header).toMatch(/^ {2}Date \(UTC\) +Activity +Status +Target\(s\) +Initiated by$/);
    expect(row).toMatch(/^! 2026-11-20 10:00:00 Add member to role +Success bo\.user@\S* +adelaide\.\S*\.\.\.$/);
    expect(row.length).toBeLessThanOrEqual(80);
    expect(row).not.toContain(LONG_UPN);
  });

  it('prints every value whole with --wide', async () => {
    const [header, row] = await tableOnTerminal(200, '--wide');
    expect(row).toContain(LONG_UPN);
    expect(row).not.toContain('...');
    expect(row.indexOf(LONG_UPN)).toBe(header.indexOf('Initiated by'));
  });
});
