/**
 * The "reproduce this view" command, pasted into a shell, reopens the explorer on the same
 * files, pane and filter, even with quotes, spaces and a leading '-' in them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reproduceCommand } from '../../src/tui/clipboard.js';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!TmuxSession.available())('reproduceCommand in a real shell and terminal (skipped: tmux is not installed)', () => {
  it('opens the explorer on the same pane and filter', { timeout: 30_000 }, async () => {
    const events = [
      graphEvent({ id: 'd1' }),
      graphEvent({ id: 'c1', category: 'AttributeManagement', activityDisplayName: "Update attribute values assigned to O'Brien" }),
      graphEvent({ id: 'c2', category: 'AttributeManagement', activityDisplayName: 'Add custom security attribute definition' }),
    ];
    const source = temp.write("it's a log.jsonl", events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const filter = `-activity:"definition" activity:"O'Brien"`;
    const command = reproduceCommand({ sources: [source], pane: 'custom-security', filter, program: CLI });
    session = new TmuxSession();
    session.start(`NO_COLOR=1 ${command}`, 120, 30);
    // The sources line replaces the progress line once loading is done.
    const screen = await session.waitFor((s) => s.includes('Sources:') && /of \d+ events · row/.test(s), 'the explorer, loaded');
    // The chips say it in the query language's own spelling (quotes only where needed).
    expect(screen).toContain(`Filter:  -activity:definition   activity:O'Brien`);
    // One of the two Custom Security events passes the filter; the Directory pane would show 0.
    expect(screen).toMatch(/\b1 of 2 events · row 1/);
    expect(screen).toContain("Update attribute values assigned to O'Brien".slice(0, 20));
  });
});
