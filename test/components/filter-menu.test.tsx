import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

const at = (hour: number) => `2026-11-21T${String(hour).padStart(2, '0')}:00:00Z`;
const events = loaded(
  graphEvent({ id: 'a1', activityDateTime: at(1), activityDisplayName: 'Add user', loggedByService: 'Core Directory' }),
  graphEvent({ id: 'a2', activityDateTime: at(2), activityDisplayName: 'Add user', loggedByService: 'Core Directory' }),
  graphEvent({ id: 'a3', activityDateTime: at(3), activityDisplayName: 'Add user', loggedByService: 'Core Directory', result: 'failure' }),
  graphEvent({ id: 'd1', activityDateTime: at(4), activityDisplayName: 'Delete user', loggedByService: 'Core Directory' }),
  graphEvent({ id: 'r1', activityDateTime: at(5), activityDisplayName: 'Reset password (by admin)', loggedByService: 'Self-service Password Management' }),
  graphEvent({ id: 'r2', activityDateTime: at(6), activityDisplayName: 'Reset password (by admin)', loggedByService: 'Self-service Password Management', result: 'failure' }),
);

describe('the f filter menu', () => {
  it('lists the portal filters, shows values with counts, and applies one value as a chip', async () => {
    const app = renderExplorer(events, { columns: 120, rows: 30 });
    await app.press('f');
    let screen = await app.waitFor('Correlation ID');
    for (const label of ['Date range', 'Service', 'Category', 'Activity', 'Status', 'Target', 'Initiated by', 'IP address', 'Correlation ID']) expect(screen).toContain(label);
    // Date range, Service, Category, Activity.
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    screen = await app.waitFor(/\[ \] Add user\s+3/);
    expect(screen).toMatch(/\[ \] Add user\s+3/);
    expect(screen).toMatch(/\[ \] Reset password \(by admin\)\s+2/);
    expect(screen).toMatch(/\[ \] Delete user\s+1/);
    await app.press(KEYS.enter);
    screen = await app.waitFor('activity:="Add user"');
    expect(screen).toContain('activity:="Add user"');
    expect(screen).toContain('3 of 6 events');
  });

  it('counts each facet under the other filters, takes several values, and excludes', async () => {
    const app = renderExplorer(events, { columns: 120, rows: 30 });
    await app.press('/', 'status:failure', KEYS.enter);
    expect(await app.waitFor('2 of 6 events')).toContain('2 of 6 events');
    await app.press('f', KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    let screen = await app.waitFor(/Add user\s+1/);
    // Only the failures are counted: one "Add user", one "Reset password".
    expect(screen).toMatch(/Add user\s+1/);
    expect(screen).toMatch(/Reset password \(by admin\)\s+1/);
    expect(screen).not.toContain('Delete user');
    await app.press(KEYS.escape, KEYS.escape);
    await app.press('x', 'f', KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    // Mark "Add user" and "Delete user", then exclude them.
    await app.press(' ', KEYS.down, KEYS.down, ' ', '-');
    screen = await app.waitFor('EXCLUDE, 2 marked');
    expect(screen).toContain('EXCLUDE, 2 marked');
    await app.press(KEYS.enter);
    screen = await app.waitFor('-activity:="Add user"|"Delete user"');
    expect(screen).toContain('-activity:="Add user"|"Delete user"');
    expect(screen).toContain('2 of 6 events');
  });

  it('offers date ranges relative to the export, and removes one filter from the first list', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('f', KEYS.enter);
    let screen = await app.waitFor(/The export's last 24 hours \(from 2026-11-20T06:00:00Z\)\s+6/);
    expect(screen).toMatch(/The export's last 24 hours \(from 2026-11-20T06:00:00Z\)\s+6/);
    // Last 24 h, 7 d, 30 d, then the export's last 24 hours.
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    screen = await app.waitFor('since:2026-11-20T06:00:00Z');
    expect(screen).toContain('since:2026-11-20T06:00:00Z');
    await app.press('/', ' status:failure', KEYS.enter);
    expect(await app.waitFor('2 of 6 events')).toContain('2 of 6 events');
    await app.press('f');
    screen = await app.waitFor('Remove  status:failure');
    expect(screen).toContain('Remove  status:failure');
    // Nine filters, then "Remove since:…", then "Remove status:failure".
    await app.press(...Array(10).fill(KEYS.down), KEYS.enter);
    screen = await app.waitFor('6 of 6 events');
    expect(screen).toContain('6 of 6 events');
    expect(screen).not.toContain('status:failure');
    expect(screen).toContain('since:2026-11-20T06:00:00Z');
  });

  it('takes a custom range typed into text fields', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('f', KEYS.enter, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter, 'PAUSE');
    expect(await app.waitFor('Custom range')).toContain('Custom range');
    await app.press('2026-11-21T03:00:00Z', 'PAUSE', KEYS.tab, 'PAUSE', '2026-11-21T05:00:00Z', 'PAUSE', KEYS.enter);
    const screen = await app.waitFor('since:2026-11-21T03:00:00Z');
    expect(screen).toContain('since:2026-11-21T03:00:00Z');
    expect(screen).toContain('until:2026-11-21T05:00:00Z');
    expect(screen).toContain('3 of 6 events');
  });
});
