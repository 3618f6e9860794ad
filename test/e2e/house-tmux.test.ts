/**
 * The built explorer in a real terminal, as a new user meets it: a path pasted into the export
 * prompt with Enter in the same burst writes that path, and a source file rewritten under the
 * explorer turns into a message in the details while the explorer keeps running.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const jsonLines = (count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify(graphEvent({ id: `e${i}`, activityDisplayName: `Update user ${i}`, activityDateTime: `2026-11-20T10:${String(i).padStart(2, '0')}:00Z` }))).join('\n') + '\n';

describe.skipIf(!TmuxSession.available())('the explorer as a new user meets it (tmux)', () => {
  it('writes the path pasted into the export prompt with its Enter, and keeps running when a source changes under it', { timeout: 60_000 }, async () => {
    const source = temp.write('live.jsonl', jsonLines(5));
    const exported = temp.path('pasted export.csv');
    session = new TmuxSession();
    session.start(`NO_COLOR=1 node ${CLI} '${source}'`, 120, 30);
    await session.waitFor((s) => s.includes('5 of 5 events') && s.includes('Sources:'), 'the explorer, loaded');

    // The path and Enter in one send-keys: what a paste or a slow SSH link delivers.
    session.keys('e');
    await session.waitFor((s) => s.includes('Export 5 events of this view'), 'the export prompt');
    session.keys(`${exported}\r`);
    const receipt = await session.waitFor((s) => s.includes('Written.'), 'the receipt');
    expect(receipt).toMatch(/# wrote 5 events to .*pasted export\.csv/);
    expect(readFileSync(exported, 'utf8')).toContain('Update user 4');
    expect(existsSync(temp.path('pasted export.csv\r'))).toBe(false);
    session.keys('Enter', 'q');
    await session.waitFor((s) => !s.includes('Date (UTC)'), 'the explorer to quit');
    session.kill();

    // A fresh explorer, its file rewritten under it: opening an event says so instead of crashing.
    session = new TmuxSession();
    session.start(`NO_COLOR=1 node ${CLI} '${source}'`, 120, 30);
    await session.waitFor((s) => s.includes('5 of 5 events') && s.includes('Sources:'), 'the explorer, loaded again');
    writeFileSync(source, 'replaced\n');
    session.keys('Enter');
    const details = await session.waitFor((s) => s.includes('can no longer be read'), 'the message in the details');
    expect(details).toContain(`This record can no longer be read from ${source}:5`);
    expect(details).toContain('shorter than when it was loaded');
    // Still alive: back to the list, move, open the next one.
    session.keys('Escape', 'j', 'Enter');
    await session.waitFor((s) => s.includes(`${source}:4`), 'the next event, also unreadable');
    session.keys('Escape', 'q');
    await session.waitFor((s) => !s.includes('Date (UTC)'), 'the explorer to quit');
  });
});
