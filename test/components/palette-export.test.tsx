import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { tempDir } from '../helpers/temp.js';

afterEach(() => cleanup());
const temp = tempDir();

const events = loaded(
  graphEvent({ id: 'r1', activityDateTime: '2026-11-21T05:00:00Z', activityDisplayName: 'Reset password (by admin)', category: 'UserManagement' }),
  graphEvent({ id: 'c1', activityDateTime: '2026-11-21T04:00:00Z', activityDisplayName: 'Add service principal credentials', category: 'ApplicationManagement' }),
  graphEvent({ id: 'u1', activityDateTime: '2026-11-21T03:00:00Z', activityDisplayName: 'Update user', category: 'UserManagement' }),
);

describe('the questions palette and the export prompt', () => {
  it('lists the questions with live counts and applies one as the filter', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 40 });
    await app.press(':');
    const screen = await app.waitFor('Questions (counts in this pane');
    expect(screen).toMatch(/How many passwords were changed or reset\?.*\s1\s/);
    const lines = screen.split('\n');
    const passwords = lines.findIndex((line) => line.includes('passwords were changed'));
    const first = lines.findIndex((line) => line.startsWith('> '));
    await app.press(...Array(passwords - first).fill('j'), KEYS.enter);
    const table = await app.waitFor('1 of 3 events');
    expect(table).toContain('Reset password (by admin)');
    expect(table).not.toContain('Update user');
  });

  it('exports the view with a SHA-256 receipt, and refuses to overwrite until Enter is pressed again', async () => {
    const path = temp.write('view.csv', 'precious');
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('e', 'PAUSE', path, 'PAUSE', KEYS.enter);
    expect(await app.waitFor('already exists')).toContain('Enter again overwrites it');
    expect(readFileSync(path, 'utf8')).toBe('precious');
    await app.press(KEYS.enter);
    const screen = await app.waitFor('Written.');
    expect(screen).toMatch(/# wrote 3 events to .*view\.csv/);
    expect(screen).toMatch(/^[0-9a-f]{64}  .*view\.csv/m);
    expect(readFileSync(path, 'utf8')).toContain('Add service principal credentials');
  });
});

describe('questions about the other pane', () => {
  it('are counted in their pane, and Enter goes there', async () => {
    const csa = loaded(
      graphEvent({ id: 'u1', activityDateTime: '2026-11-21T03:00:00Z', activityDisplayName: 'Update user' }),
      graphEvent({ id: 'a1', activityDateTime: '2026-11-21T02:00:00Z', category: 'AttributeManagement', activityDisplayName: 'Add an attribute set' }),
    );
    const app = renderExplorer(csa, { columns: 140, rows: 40 });
    await app.press(':');
    const screen = await app.waitFor('attribute sets');
    expect(screen).toMatch(/What updates were made to attribute sets\? \(pane 2\)\s+1\s/);
    const lines = screen.split('\n');
    const target = lines.findIndex((line) => line.includes('attribute sets'));
    const first = lines.findIndex((line) => line.startsWith('> '));
    await app.press(...Array(target - first).fill('j'), KEYS.enter);
    const table = await app.waitFor('1 of 1 events');
    expect(table).toContain('Add an attribute set');
  });
});

describe('copy where OSC 52 cannot reach a clipboard', () => {
  it('shows the text to copy by hand, and why', async () => {
    // ink-testing-library's stdout is not a terminal: nothing to send OSC 52 to.
    const app = renderExplorer(events, { columns: 120, rows: 30 });
    await app.press('y');
    const screen = await app.waitFor('Not copied');
    expect(screen).toContain('not a terminal');
    expect(screen).toContain('"id": "r1"');
    expect(screen).toContain('"activityDisplayName": "Reset password (by admin)"');
    await app.press(KEYS.escape);
    expect(await app.waitFor('3 of 3 events')).toContain('Reset password (by admin)');
  });
});
