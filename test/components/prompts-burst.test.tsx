/**
 * Every prompt takes keys that arrive in one read (a paste, a fast typist over SSH, tmux
 * send-keys): the export path, the custom date range and the `/` bar are edited by the one line
 * editor through the app's router, so a burst is applied key by key, in order.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { tempDir } from '../helpers/temp.js';

afterEach(() => cleanup());
const temp = tempDir();

const events = loaded(
  graphEvent({ id: 'r1', activityDateTime: '2026-11-19T05:00:00Z', activityDisplayName: 'Reset password (by admin)' }),
  graphEvent({ id: 'c1', activityDateTime: '2026-11-20T04:00:00Z', activityDisplayName: 'Add service principal credentials', category: 'ApplicationManagement' }),
  graphEvent({ id: 'u1', activityDateTime: '2026-11-21T03:00:00Z', activityDisplayName: 'Update user' }),
);

describe('the export prompt, typed in one burst', () => {
  it('writes the pasted path when Enter comes in the same read', async () => {
    const path = temp.path('pasted.csv');
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('e', `${path}\r`);
    const screen = await app.waitFor('Written.');
    expect(screen).toMatch(/# wrote 3 events to .*pasted\.csv/);
    expect(readFileSync(path, 'utf8')).toContain('Add service principal credentials');
  });

  it('deletes with Backspaces in the burst instead of writing them into the name', async () => {
    const dir = temp.path('backspaces');
    mkdirSync(dir);
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('e', `${dir}/abcX\u007f\u007fd.json\r`);
    await app.waitFor('Written.');
    expect(readdirSync(dir)).toEqual(['abd.json']);
  });

  it('writes the default file name inside a directory given as the path, and says a missing one in words', async () => {
    const dir = temp.path('folder');
    mkdirSync(dir);
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('e', `${dir}\r`);
    await app.waitFor('Written.');
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^entra-audit-\d{8}T\d{6}Z\.csv$/);
    expect(readFileSync(join(dir, name), 'utf8')).toContain('Update user');

    await app.press(KEYS.enter, 'e', `${temp.path('missing')}/x.csv\r`);
    const screen = await app.waitFor('does not exist');
    expect(screen).toMatch(/cannot write .*missing\/x\.csv: directory .*missing does not exist/);
    expect(screen).not.toMatch(/\.tmp|overwrite/);
    expect(existsSync(temp.path('missing'))).toBe(false);
  });
});

describe('the custom date range, typed in one burst', () => {
  it('applies since and until when the dates, a Tab and Enter arrive together', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    // f, Date range, down to "Custom range…", Enter: then the two dates and Enter in one read.
    await app.press('f', KEYS.enter, 'jjjjj', KEYS.enter);
    await app.waitFor('Custom range:');
    await app.press('2026-11-19\t2026-11-20\r');
    const screen = await app.waitFor('2 of 3 events');
    expect(screen).toContain('since:2026-11-19');
    expect(screen).toContain('until:2026-11-20');
  });
});

describe('the / bar, edited in the middle of the line', () => {
  it('moves the cursor with Home and inserts there, in a burst with Enter', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('/', 'ctivity:reset', KEYS.home, 'a\r');
    const screen = await app.waitFor('1 of 3 events');
    expect(screen).toContain('activity:reset');
    expect(screen).toContain('Reset password (by admin)');
  });
});
