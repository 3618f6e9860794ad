import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { dayOfActivity } from '../helpers/insights-view.js';

afterEach(() => cleanup());

const widest = (frame: string) => Math.max(...frame.split('\n').map((line) => stringWidth(line)));

describe.each([
  { columns: 80, rows: 24 },
  { columns: 140, rows: 40 },
])('the insights timeline zoom at $columns×$rows', ({ columns, rows }) => {
  it('+ makes the selected hour minutes, the title and the bars say so, and Enter narrows to that one minute', async () => {
    const app = renderExplorer(dayOfActivity(), { columns, rows });
    await app.waitFor('Update user');
    // The twelfth hour bucket: 09:00, its 20 updates in one bar.
    await app.press('i', ...Array(11).fill('j'));
    let frame = await app.waitFor(/> 2026-11-20 09:00 +20 │/);
    expect(frame).toContain('1h buckets');
    await app.press('+');
    frame = await app.waitFor('15m buckets');
    expect(frame).toMatch(/> 2026-11-20 09:00 +8 │█+/);
    expect(frame).toMatch(/ {2}2026-11-20 09:15 +7 │/);
    await app.press('+', '+');
    frame = await app.waitFor('1m buckets');
    expect(frame).toMatch(/> 2026-11-20 09:00 +1 │█+/);
    // The minute after is empty: the updates came every two minutes.
    expect(frame).toMatch(/ {2}2026-11-20 09:01 +0 │(?![█▏▎▍▌▋▊▉])/);
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
    await app.press('j', 'j', KEYS.enter);
    frame = await app.waitFor('1 of 40 events');
    expect(frame).toContain('since:2026-11-20T09:02:00.000Z');
    expect(frame).toContain('until:2026-11-20T09:02:59.999Z');
    app.unmount();
  });

  it('- makes them larger again, around the same time', async () => {
    const app = renderExplorer(dayOfActivity(), { columns, rows });
    await app.waitFor('Update user');
    await app.press('i', ...Array(11).fill('j'), '-');
    let frame = await app.waitFor('3h buckets');
    expect(frame).toMatch(/> 2026-11-20 09:00 +20 │/);
    await app.press('-', '-', '-');
    frame = await app.waitFor('1d buckets');
    // 2026-11-20: the updates, the deletes and the resets (32 of the 40).
    expect(frame).toMatch(/> 2026-11-20 +32 │/);
    app.unmount();
  });
});
