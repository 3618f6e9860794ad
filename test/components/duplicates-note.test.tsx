/**
 * The explorer tells how many repeated records (same id as one loaded before) it dropped, on the
 * sources line, as it folds a real load in: overlapping exports are expected, but a count that is
 * smaller than the files' line counts must be explained on screen.
 */
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App.js';
import { LoadSession } from '../../src/load/load-session.js';
import { initialState } from '../../src/tui/initial-state.js';
import { graphEvent } from '../helpers/events.js';
import { bundledCatalog } from '../helpers/state.js';
import { tempDir } from '../helpers/temp.js';

afterEach(() => cleanup());

const temp = tempDir();
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const events = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => graphEvent({ id: `e${from + k}`, activityDateTime: new Date(Date.UTC(2026, 10, 20, 9) + (from + k) * 60_000).toISOString() }));

async function explorerOver(paths: string[], size: { columns: number; rows: number }) {
  const session = new LoadSession(
    paths.map((path) => ({ kind: 'file' as const, path })),
    { workers: 0, catalog: bundledCatalog },
  );
  const initial = initialState({ indexes: session.indexes, sources: session.sourceNames(), loading: session.progress(), size, options: { color: false } });
  const app = render(createElement(App, { initial, load: session }));
  await session.done;
  const frame = async (expected: string) => {
    for (let waited = 0; waited < 2000 && !plain(app.lastFrame() ?? '').includes(expected); waited += 10) await tick(10);
    return plain(app.lastFrame() ?? '');
  };
  return { app, frame, session };
}

describe('duplicates on the sources line', () => {
  it('says how many repeated records were dropped beside the sources, and counts each event once', async () => {
    const a = temp.write('a.json', JSON.stringify(events(0, 20)));
    const b = temp.write('b.jsonl', events(8, 30).map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { frame } = await explorerOver([a, b], { columns: 160, rows: 30 });
    const screen = await frame('duplicates dropped');
    const lines = screen.split('\n');
    expect(lines[1]).toBe(`Sources: ${a}, ${b} · 12 duplicates dropped`);
    expect(screen).toContain(' 1 Directory (30) ');
    expect(screen).toContain('30 of 30 events');
  });

  it('says nothing of duplicates when there were none', async () => {
    const a = temp.write('only.json', JSON.stringify(events(0, 5)));
    const { frame } = await explorerOver([a], { columns: 120, rows: 20 });
    const screen = await frame('Sources:');
    expect(screen.split('\n')[1]).toBe(`Sources: ${a}`);
  });
});
