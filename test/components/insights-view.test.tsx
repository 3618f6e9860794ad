import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { dayOfActivity } from '../helpers/insights-view.js';
import { resolveTimeZone } from '../../src/text/time-zone.js';

afterEach(() => cleanup());

const widest = (frame: string) => Math.max(...frame.split('\n').map((line) => stringWidth(line)));

describe.each([
  { columns: 80, rows: 24, perList: 5 },
  { columns: 140, rows: 40, perList: 10 },
])('insights view at $columns×$rows', ({ columns, rows }) => {
  it('shows the timeline bars with hour labels and the four top lists, no line wider than the terminal', async () => {
    const app = renderExplorer(dayOfActivity(), { columns, rows });
    await app.waitFor('Update user');
    await app.press('i');
    const frame = await app.waitFor('Top activities');
    expect(frame).toContain('Insights: Directory');
    expect(frame).toContain('40 events');
    expect(frame).toContain('1h buckets');
    // The first bucket, selected, with its count and a bar.
    expect(frame).toMatch(/> 2026-11-19 22:00 +8 │█+/);
    expect(frame).toContain('Top initiators');
    expect(frame).toContain('Top targets');
    expect(frame).toContain('Top IP addresses');
    expect(frame).toMatch(/20 {2}Update user/);
    expect(frame).toMatch(/20 {2}bob@contoso\.example/);
    expect(frame).toMatch(/20 {2}198\.51\.100\.2/);
    expect(frame).toContain('Enter filter to it');
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
    app.unmount();
  });

  it('scrolls the timeline to the selected bucket and Enter filters the table to it', async () => {
    const app = renderExplorer(dayOfActivity(), { columns, rows });
    await app.waitFor('Update user');
    await app.press('i', ...Array(11).fill('j'));
    const frame = await app.waitFor(/> 2026-11-20 09:00 +20 │/);
    expect(frame).toMatch(/> 2026-11-20 09:00 +20 │█+/);
    await app.press(KEYS.enter);
    const table = await app.waitFor('20 of 40 events');
    expect(table).toContain('20 of 40 events');
    expect(table).toContain('since:2026-11-20T09:00:00.000Z');
    expect(table).not.toContain('Delete user');
    app.unmount();
  });

  it('Enter on a top initiator filters by it', async () => {
    const app = renderExplorer(dayOfActivity(), { columns, rows });
    await app.waitFor('Update user');
    await app.press('i', KEYS.tab, KEYS.tab, 'j', 'j');
    const frame = await app.waitFor(/> +10 {2}carol@contoso\.example/);
    expect(frame).toMatch(/> +10 {2}carol@contoso\.example/);
    await app.press(KEYS.enter);
    const table = await app.waitFor('10 of 40 events');
    expect(table).toContain('actor:=carol@contoso.example');
    app.unmount();
  });
});

describe('insights view labels', () => {
  it('labels buckets in the view time zone', async () => {
    const app = renderExplorer(dayOfActivity(), { columns: 80, rows: 24 }, { options: { timeZone: resolveTimeZone('Asia/Tokyo')! } });
    await app.waitFor('Update user');
    await app.press('i');
    // 2026-11-19 22:00 UTC is 07:00 the next morning in Tokyo.
    const frame = await app.waitFor('2026-11-20 07:00');
    expect(frame).toMatch(/> 2026-11-20 07:00 +8 │/);
    app.unmount();
  });
});
