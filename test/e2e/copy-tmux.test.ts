/**
 * `y` / `Y` in the built explorer, in tmux with `set-clipboard on` (what the explorer's hint tells
 * tmux users to set): the OSC 52 sequence the explorer writes lands in tmux's paste buffer, which
 * is also what tmux forwards to the outer terminal's clipboard. `y` copies the selected event as
 * JSON; `Y` a command line that reopens the view.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/tui/clipboard.js';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
// A private server of our own (not TmuxSession: the clipboard option is a server setting to set).
const socket = `entra-audit-copy-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const screen = () => tmux('capture-pane', '-p', '-t', 'explorer');

afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
});

/** Poll until `test` passes; the last value is in the error otherwise. */
async function until<T>(read: () => T, test: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let failure: unknown;
  while (Date.now() < deadline) {
    try {
      last = read();
      if (test(last)) return last;
    } catch (error) {
      failure = error; // "no buffers" until something is copied
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; last: ${last === undefined ? String(failure) : String(last)}`);
}

// Three events, in the file in neither time order: the table (newest first) shows newest, middle,
// oldest, so the second row is `middle`, which is neither the file's second record nor its first.
const oldest = graphEvent({ id: 'evt-oldest', activityDateTime: '2026-11-20T09:00:00Z', activityDisplayName: 'Add user' });
const middle = graphEvent({
  id: 'evt-middle',
  activityDateTime: '2026-11-20T10:00:00Z',
  activityDisplayName: 'Reset user password',
  targetResources: [{ id: 'cccccccc-0000-4000-8000-000000000003', displayName: 'Zoë Martin', type: 'User', userPrincipalName: 'zoe.martin@contoso.example', groupType: null, modifiedProperties: [] }],
});
const newest = graphEvent({ id: 'evt-newest', activityDateTime: '2026-11-20T11:00:00Z', activityDisplayName: 'Delete user' });

describe.skipIf(!TmuxSession.available())('y and Y copy over OSC 52 into tmux (skipped: tmux is not installed)', () => {
  it('y puts the selected event as JSON in the paste buffer; Y the command that reopens the view', { timeout: 60_000 }, async () => {
    // A space in the name, so the command must quote it.
    const source = temp.write('three events.jsonl', [middle, oldest, newest].map((e) => JSON.stringify(e)).join('\n') + '\n');
    tmux('new-session', '-d', '-s', 'explorer', '-x', '140', '-y', '30', `NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(CLI)} ${shellQuote(source)}`);
    tmux('set', '-g', 'set-clipboard', 'on');
    await until(screen, (s) => s.includes('Sources:') && /\b3 of 3 events · row 1\b/.test(s), 'the explorer, loaded');
    // Nothing has been copied yet.
    expect(() => tmux('show-buffer')).toThrow();

    tmux('send-keys', '-t', 'explorer', 'j');
    await until(screen, (s) => /· row 2\b/.test(s), 'the second row selected');
    tmux('send-keys', '-t', 'explorer', 'y');
    const eventJson = await until(() => tmux('show-buffer'), (b) => b.trim().endsWith('}'), 'the event in the paste buffer');
    const copied = JSON.parse(eventJson) as { id: string; activityDisplayName: string; activityDateTime: string; targetResources: Array<{ displayName: string }> };
    expect(copied.id).toBe('evt-middle');
    expect(copied.activityDisplayName).toBe('Reset user password');
    expect(copied.activityDateTime).toBe('2026-11-20T10:00:00Z');
    // UTF-8 survives base64 and tmux.
    expect(copied.targetResources[0]!.displayName).toBe('Zoë Martin');
    // The whole event, indented for a ticket, not just a row of the table.
    expect(copied).toMatchObject({ correlationId: middle.correlationId, initiatedBy: middle.initiatedBy });
    expect(eventJson).toContain('\n  "id": "evt-middle"');
    const copiedMessage = await until(screen, (s) => s.includes('Copied the selected event as JSON'), 'the status message');
    // The message's character count is what was put in the buffer.
    const characters = /Copied the selected event as JSON, ([\d,]+) characters/.exec(copiedMessage)?.[1];
    expect(Number(characters?.replace(/,/g, ''))).toBe(eventJson.length);

    tmux('send-keys', '-t', 'explorer', 'Y');
    const command = await until(() => tmux('show-buffer'), (b) => b.includes('--pane'), 'the command in the paste buffer');
    // The file as opened, quoted for a POSIX shell (its name has a space), and the pane.
    expect(command).toBe(`entra-audit '${source}' --pane directory`);
    await until(screen, (s) => s.includes('Copied a command line that reopens this view'), 'the status message for Y');
    // Both copies are kept as tmux buffers, newest first.
    expect(tmux('list-buffers', '-F', '#{buffer_name}').trim().split('\n')).toHaveLength(2);
  });
});
