/**
 * The built explorer in a real terminal (tmux), driven as a person would: open the sample,
 * move, open details, switch panes, read help, resize, quit, and check the screen is restored.
 */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const eventRows = (screen: string) => screen.split('\n').filter((line) => /^[ *][ !~?]\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(line));
let session: TmuxSession | undefined;

afterEach(() => session?.kill());

describe.skipIf(!TmuxSession.available())('the explorer in a real terminal', () => {
  it('opens the sample, moves, shows details, switches panes, helps, resizes and quits cleanly', { timeout: 60_000 }, async () => {
    session = new TmuxSession();
    session.start(`printf 'shell before\\n'; NO_COLOR=1 node ${CLI}; echo "exit code $?"`, 140, 40);

    // The status line is drawn last: once it is there, the whole first frame is.
    // The first paint may hold only the first events read; the table fills as the load goes on.
    // Navigation below assumes every event is in (the sources line replaces the progress line then):
    // while a load streams, an open event stays open but other events move around it.
    let screen = await session.waitFor((s) => /of [\d,]+ events · row 1\b/.test(s) && eventRows(s).length >= 20 && s.includes('Sources:'), 'the explorer, fully loaded');
    expect(screen).toMatch(/1 Directory \([\d,]+\)\s+2 Custom Security \([\d,]+\)/);
    expect(eventRows(screen).length).toBeGreaterThanOrEqual(20);

    session.keys('j', 'j', 'Down');
    await session.waitFor((s) => s.includes('· row 4'), 'the selection to move');

    session.keys('G');
    await session.waitFor((s) => /row ([\d,]+)/.exec(s)?.[1] === /of ([\d,]+) events/.exec(s)?.[1], 'the last row');
    session.keys('g', 'Enter');
    screen = await session.waitFor((s) => s.includes('Modified properties') && s.includes('Correlation ID'), 'the details view');
    expect(screen).toMatch(/Activity\s+\S/);

    session.keys('l', 'l');
    screen = await session.waitFor((s) => /old: |new: |fields? changed|no modified properties/.test(s), 'modified properties');

    session.keys('Escape');
    await session.waitFor((s) => s.includes('Date (UTC)'), 'the table again');

    session.keys('2');
    screen = await session.waitFor((s) => eventRows(s).some((row) => row.includes('AttributeMan')), 'the Custom Security pane');

    session.keys('?');
    await session.waitFor((s) => s.includes('Keys (Esc, q or ? to close)'), 'help');
    session.keys('q');
    await session.waitFor((s) => s.includes('Date (UTC)'), 'help to close');

    session.resize(80, 24);
    screen = await session.waitFor((s) => s.split('\n').length <= 25 && s.includes('Date (UTC)') && s.includes('j/k move'), 'the 80×24 redraw');
    // Display width, not UTF-16 length: Devanagari names carry combining marks that take no column.
    expect(screen.split('\n').filter((line) => stringWidth(line) > 80)).toEqual([]);
    expect(eventRows(screen).length).toBeGreaterThanOrEqual(10);

    session.keys('q');
    await session.waitFor((s) => s.includes('exit code 0'), 'the program to exit');
    // The main screen is back as it was: the shell's line is there and nothing of the explorer is.
    screen = session.screen(true);
    expect(screen).toContain('shell before');
    expect(screen).not.toContain('Date (UTC)');
  });

  it('shows a file of hostile strings without letting it retitle or clear the terminal', { timeout: 30_000 }, async () => {
    const hostile = graphEvent({
      activityDisplayName: 'Evil\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[3J\u001b[H\u001b]2;PWNED2\u001b\\ done',
      targetResources: [{ id: 'x', displayName: '\u009b2J\u202eevil', type: 'User', userPrincipalName: null, groupType: null, modifiedProperties: [] }],
    });
    const path = temp.write('hostile.jsonl', JSON.stringify(hostile) + '\n');
    session = new TmuxSession();
    session.start(`node ${CLI} ${path}`, 140, 40);
    const titleBefore = session.paneTitle();
    let screen = await session.waitFor((s) => s.includes('1 of 1 events'), 'the explorer');
    expect(screen).toContain('Evil␛]0;PWNED-TITLE␇');
    session.keys('Enter');
    screen = await session.waitFor((s) => s.includes('Correlation ID'), 'the details');
    expect(screen).toContain('␛]2;PWNED2␛\\ done');
    expect(screen).toContain('Directory (1)');
    expect(session.paneTitle()).toBe(titleBefore);
    expect(session.paneTitle()).not.toContain('PWNED');
  });
});

describe.skipIf(!TmuxSession.available())('the explorer on a file still loading', () => {
  it('shows rows and progress at once, answers keys while loading, and quits cleanly on Ctrl-C', { timeout: 90_000 }, async () => {
    // ~60 MB: split across worker threads, and long enough to still be loading when we look.
    const path = temp.path('big.jsonl');
    const { createWriteStream } = await import('node:fs');
    const { once } = await import('node:events');
    const stream = createWriteStream(path);
    for (let i = 0; i < 90_000; i++) {
      const line = JSON.stringify(graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString() })) + '\n';
      if (!stream.write(line)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');

    session = new TmuxSession();
    session.start(`printf 'shell before\\n'; NO_COLOR=1 node ${CLI} ${path}; echo "exit code $?"`, 140, 40);
    const screen = await session.waitFor((s) => eventRows(s).length >= 20, 'the first rows');
    if (screen.includes('Loading ')) {
      session.keys('j');
      await session.waitFor((s) => s.includes('· row 2'), 'a key answered during the load');
      session.keys('C-c');
    } else {
      session.keys('C-c'); // a fast machine finished first; Ctrl-C must still quit
    }
    await session.waitFor((s) => s.includes('exit code'), 'the program to exit', 20_000);
    const after = session.screen(true);
    expect(after).toContain('shell before');
    expect(after).not.toContain('Date (UTC)');
    expect(after).toMatch(/exit code (0|130)/);
  });
});

describe('without a terminal', () => {
  it('prints a one-line hint to use query and exits 2', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'entra-audit: the explorer needs a terminal; to print or pipe events use: entra-audit query [files..] --format table|json|ndjson|csv',
    ]);
  });
});
