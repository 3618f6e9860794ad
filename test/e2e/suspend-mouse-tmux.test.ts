/**
 * Ctrl-Z and the mouse wheel in a real terminal (tmux), under a job-control shell as a person
 * runs it: Ctrl-Z gives the shell back with the screen, the mouse and the keyboard as they were,
 * `fg` brings the same view back whole; the wheel moves through the table, clicks do nothing,
 * and mouse reporting is off again once the explorer is suspended or gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const PROMPT = 'shell$ ';
const loaded = (s: string) => /of [\d,]+ events · row \d+/.test(s) && s.includes('Sources:');
const row = (s: string) => Number(/· row ([\d,]+)/.exec(s)?.[1].replace(/,/g, '') ?? NaN);

/** An interactive bash (job control on, no rc files) running the explorer on the bundled sample. */
async function explorerUnderShell(columns: number, rows: number): Promise<TmuxSession> {
  const tmux = new TmuxSession();
  tmux.start('env -i PATH="$PATH" HOME="$HOME" TERM=xterm-256color bash --norc --noprofile -i', columns, rows);
  tmux.literal(`PS1='${PROMPT}'; echo shell ready\n`);
  await tmux.waitFor((s) => s.includes('shell ready'), 'the shell');
  tmux.literal(`NO_COLOR=1 node ${CLI}\n`);
  await tmux.waitFor(loaded, 'the explorer, fully loaded');
  return tmux;
}

describe.skipIf(!TmuxSession.available())('suspending and the mouse in a real terminal', () => {
  it('Ctrl-Z stops the job and gives the screen back; fg redraws the same view and the keys work', { timeout: 60_000 }, async () => {
    session = await explorerUnderShell(140, 40);
    expect(session.display('#{alternate_on} #{mouse_any_flag}')).toBe('1 1');
    session.keys('j', 'j', 'j');
    await session.waitFor((s) => row(s) === 4, 'row 4');

    session.keys('C-z');
    let screen = await session.waitFor((s) => /Stopped\s+NO_COLOR=1 node/.test(s), 'the shell saying the job stopped');
    // The shell's screen as it was, the terminal's modes given back: main screen, no mouse, a cursor.
    expect(screen).toContain('shell ready');
    expect(screen).not.toContain('Date (UTC)');
    expect(session.display('#{alternate_on} #{mouse_any_flag} #{cursor_flag}')).toBe('0 0 1');
    // Cooked mode: what is typed is echoed and run by the shell.
    session.literal('echo typed-at-the-shell\n');
    screen = await session.waitFor((s) => /^typed-at-the-shell$/m.test(s), 'the shell to run a command');

    session.literal('fg\n');
    screen = await session.waitFor((s) => loaded(s) && row(s) === 4, 'the explorer back on row 4');
    expect(screen).toContain('Date (UTC)');
    expect(screen).not.toContain('typed-at-the-shell');
    expect(session.display('#{alternate_on} #{mouse_any_flag} #{cursor_flag}')).toBe('1 1 0');
    // Raw mode again: a key moves at once, without Enter.
    session.keys('j');
    await session.waitFor((s) => row(s) === 5, 'j to move after fg');

    session.keys('q');
    screen = await session.waitFor((s) => s.trimEnd().endsWith(PROMPT.trimEnd()) && !s.includes('Date (UTC)'), 'the shell after q');
    expect(session.display('#{alternate_on} #{mouse_any_flag}')).toBe('0 0');
  });

  it('the wheel moves three rows a notch, a click does nothing, at 80x24 as at 140x40', { timeout: 60_000 }, async () => {
    session = await explorerUnderShell(80, 24);
    const wheel = (button: number) => session!.literal(`\u001b[<${button};20;10M`);
    wheel(65);
    wheel(65);
    await session.waitFor((s) => row(s) === 7, 'two notches down');
    wheel(64);
    let screen = await session.waitFor((s) => row(s) === 4, 'a notch up');
    // A click and its release: no key (not "[", "<", digits: 1 and 2 would switch panes).
    session.literal('\u001b[<0;20;10M\u001b[<0;20;10m');
    session.keys('j');
    screen = await session.waitFor((s) => row(s) === 5, 'the next key after the click');
    expect(screen).toMatch(/1 Directory/);
    expect(screen.split('\n').filter((line) => line.length > 80)).toEqual([]);
    session.keys('q');
    await session.waitFor((s) => s.trimEnd().endsWith(PROMPT.trimEnd()), 'the shell after q');
    expect(session.display('#{alternate_on} #{mouse_any_flag}')).toBe('0 0');
  });
});
