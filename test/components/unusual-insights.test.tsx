/**
 * The rare first, on screen: `i` on the bundled sample opens on the Unusual list with the
 * incident's IP on its first line and the cursor on it, so `i` Enter narrows to the attacker in
 * two keys; `u` shows only events with an unusual value, marked `?` where no rule marks them.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { LoadedEvent } from '../../src/model/loaded-event.js';
import { LoadSession } from '../../src/load/load-session.js';
import { bundledSamplePath } from '../../src/paths.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { bundledCatalog } from '../helpers/state.js';

afterEach(() => cleanup());

let sample: LoadedEvent[] = [];
beforeAll(async () => {
  const session = new LoadSession([{ kind: 'file', path: bundledSamplePath() }], { workers: 0, catalog: bundledCatalog });
  await session.done;
  sample = Array.from({ length: session.store.count }, (_, i) => session.store.loadedEvent(i));
}, 60_000);

const squeezed = (frame: string) => frame.replace(/\s+/g, ' ');

describe('the Unusual list and lens on screen', () => {
  it('opens insights on the incident IP and narrows to it with Enter (140×40)', async () => {
    const app = renderExplorer(sample, { columns: 140, rows: 40 });
    await app.press('i');
    const insights = await app.waitFor('Unusual, strongest first');
    expect(insights).toContain('Unusual, strongest first');
    const lines = insights.split('\n');
    const first = lines.findIndex((line) => line.includes('Unusual, strongest first')) + 1;
    expect(lines[first]).toMatch(/^> IP 203\.0\.113\.66: 9 events, all on 2026-11-19 02:47–03:20, first seen that night/);
    // Above the timeline and the frequency lists.
    expect(insights.indexOf('Unusual, strongest first')).toBeLessThan(insights.indexOf('Top activities'));

    await app.press(KEYS.enter);
    const narrowed = squeezed(await app.waitFor('9 of 5,154 events'));
    expect(narrowed).toContain('ip:=203.0.113.66');
    expect(narrowed).toContain('9 of 5,154 events');
  });

  it('fits 80×24 with the Unusual block and the lists', async () => {
    const app = renderExplorer(sample, { columns: 80, rows: 24 });
    await app.press('i');
    const frame = app.frame();
    expect(frame).toMatch(/> IP 203\.0\.113\.66: 9 events/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('u keeps only events with an unusual value, marked ? unless a rule marks them', async () => {
    const app = renderExplorer(sample, { columns: 140, rows: 40 });
    await app.press('u');
    const frame = app.frame();
    expect(squeezed(frame)).toMatch(/91 of 5,154 events · row 1 · ↓ 58 older · unusual only \(u\)/);
    const rows = frame.split('\n').filter((line) => /^ [ !~?]\d{4}-/.test(line));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row[1]).not.toBe(' ');
    expect(rows.some((row) => row[1] === '?')).toBe(true);
    await app.press('u');
    expect(squeezed(app.frame())).toContain('5,154 of 5,154 events');
  });
});
