/**
 * Machine formats printed to a real terminal (tmux) are sanitised: a record cannot set the
 * window title (OSC 2), write the clipboard (OSC 52) or turn on mouse reporting, and what draws
 * nothing is shown. To a pipe or a file the same command keeps the exact bytes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { shellQuote } from '../../src/tui/clipboard.js';
import { CLI, runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const TITLE = '\u001b]2;pwned\u0007';
const CLIPBOARD = '\u001b]52;c;cHduZWQ=\u0007';
const MOUSE = '\u001b[?1000h';
const hostile = graphEvent({
  activityDisplayName: `Pwn${TITLE}ed`,
  resultReason: `clip${CLIPBOARD}board`,
  category: `Mouse${MOUSE}`,
  initiatedBy: { user: { id: 'u1', displayName: null, userPrincipalName: 'zero\u200bwidth@contoso.example', ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
});
const source = temp.write('hostile.jsonl', JSON.stringify(hostile) + '\n');

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** Run `args` in tmux once the clipboard is writable by programs (so a raw OSC 52 would land); all it printed. */
async function inTerminal(args: string[]): Promise<{ screen: string; session: TmuxSession }> {
  session = new TmuxSession();
  const go = temp.path(`go-${Math.random().toString(36).slice(2)}`);
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ');
  session.start(`while [ ! -e ${shellQuote(go)} ]; do sleep 0.05; done; NO_COLOR=1 ${command}; echo done; sleep 30`, 220, 30);
  session.setServerOption('set-clipboard', 'on');
  writeFileSync(go, '');
  await session.waitFor((s) => s.includes('\ndone'), 'the command to finish');
  // With what scrolled off the top: a summary is longer than the window.
  return { screen: session.screen(true), session };
}

describe.skipIf(!TmuxSession.available())('machine formats on a terminal', () => {
  it('query --format csv leaves the title, the clipboard and the mouse alone, and shows the escapes', { timeout: 30_000 }, async () => {
    const { screen, session } = await inTerminal(['query', source, '--format', 'csv']);
    expect(session.paneTitle()).not.toContain('pwned');
    expect(session.display('#{mouse_any_flag}')).toBe('0');
    expect(() => session.buffers()).not.toThrow();
    expect(session.buffers()).not.toContain('pwned');
    expect(screen).toContain('Pwn␛]2;pwned␇ed');
    expect(screen).toContain('clip␛]52;c;cHduZWQ=␇board');
    expect(screen).toContain('Mouse␛[?1000h');
    expect(screen).toContain('zero⟨U+200B⟩width@contoso.example');
  });

  it('query --format ndjson and summary --format json show what draws nothing', { timeout: 30_000 }, async () => {
    const ndjson = await inTerminal(['query', source, '--format', 'ndjson', '--ascii']);
    expect(ndjson.screen).toContain('zero<U+200B>width@contoso.example');
    session?.kill();
    const summary = await inTerminal(['summary', source, '--format', 'json']);
    expect(summary.screen).toContain('zero⟨U+200B⟩width@contoso.example');
  });
});

describe('machine formats to a pipe or a file', () => {
  it('keep the exact bytes', async () => {
    const csv = await runCli(['query', source, '--format', 'csv']);
    expect(csv.stdout).toContain(`Pwn${TITLE}ed`);
    expect(csv.stdout).toContain(`clip${CLIPBOARD}board`);
    expect(csv.stdout).toContain('zero\u200bwidth@contoso.example');
    const ndjson = await runCli(['query', source, '--format', 'ndjson']);
    expect(JSON.parse(ndjson.stdout).activityDisplayName).toBe(`Pwn${TITLE}ed`);
    expect(ndjson.stdout).toContain('zero\u200bwidth@contoso.example');
    const output = temp.path('out.csv');
    expect((await runCli(['query', source, '--output', output])).code).toBe(0);
    expect(existsSync(output)).toBe(true);
  });
});
