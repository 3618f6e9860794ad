/**
 * Navigation on screen, at 80×24 as on a jump host: the F find bar and its hits, ]/[ from event
 * to event in the details, the rows the window hides, the query reference in the help, and the
 * insights view saying it was taken during a load.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';

afterEach(() => cleanup());

const small = { columns: 80, rows: 24 };
// 30 events a minute apart, newest first; every tenth (users 0, 10, 20) reset a password.
const events = loaded(
  ...Array.from({ length: 30 }, (_, i) =>
    graphEvent({
      id: `e${i}`,
      activityDateTime: new Date(Date.parse('2026-11-19T03:00:00Z') - i * 60_000).toISOString(),
      activityDisplayName: i % 10 === 0 ? 'Reset password' : `Update user ${i}`,
    }),
  ),
);
const lines = (frame: string) => frame.split('\n');

describe('finding and stepping on screen', () => {
  it('F opens a find bar; Enter keeps every row and says which hit of how many; n steps on', async () => {
    const app = renderExplorer(events, small);
    await app.press('F');
    expect(lines(await app.waitFor('Find:')).at(-1)).toBe('Find:');
    await app.press('reset', 'PAUSE');
    expect(await app.waitFor('Find: reset')).toContain('every row stays');
    await app.press(KEYS.enter);
    // The first hit *after* the cursor: row 1 is a reset too, but the cursor was on it.
    let screen = await app.waitFor('hit 2 of 3');
    expect(screen).toContain('30 of 30 events · row 11 · ↓ 13 older · hit 2 of 3');
    expect(screen).toContain('No filter');
    await app.press('n');
    screen = await app.waitFor('hit 3 of 3');
    expect(screen).toContain('row 21');
    // Off screen, the hit came to the middle: 17 rows shown, 12 above it and 1 below.
    expect(screen).toContain('↑ 12 newer ↓ 1 older');
  });

  it('] in the details opens the next event of the view, on the same tab', async () => {
    const app = renderExplorer(events, small);
    await app.press(KEYS.enter);
    expect(await app.waitFor(/Activity\s+Reset password/)).toContain('Correlation ID');
    await app.press(']');
    let screen = await app.waitFor('Update user 1');
    expect(screen).toMatch(/Activity\s+Update user 1\b/);
    await app.press('J', 'J');
    screen = await app.waitFor('Update user 3');
    expect(screen).toMatch(/Activity\s+Update user 3\b/);
    await app.press('[');
    expect(await app.waitFor(/Activity\s+Update user 2\b/)).toMatch(/Activity\s+Update user 2\b/);
  });
});

describe('the help at 80×24', () => {
  it('ends with the query language: fields with their aliases, time bounds and examples', async () => {
    const app = renderExplorer(events, small);
    await app.press('?', 'G');
    const screen = await app.waitFor('Examples');
    expect(screen).toContain('ip:203.0.113.66');
    expect(screen).toContain('actor:maren OR ip:203.0.113.66');
    // A long example is shown whole, never cut to the keys column.
    expect(screen).toContain('activity:="Add member to role" -actor:MS-PIM');
    for (const line of lines(screen)) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('during a load', () => {
  it('insights say their counts are partial', async () => {
    const loading = { bytesRead: 1024, bytesTotal: 4096, events: 30, problemCount: 0, done: false, startedAt: Date.now(), finishedAt: null };
    const app = renderExplorer(events, { columns: 140, rows: 30 }, { loading });
    expect(await app.waitFor('so far (loading)')).toContain('30 of 30 events so far (loading)');
    await app.press('i');
    expect(await app.waitFor('Insights')).toContain('PARTIAL, the load was still running (i recomputes)');
  });
});
