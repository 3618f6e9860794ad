/**
 * Typing into `/` on a store past the frame budget: each key is on screen first and the filter
 * applied just after, so a burst of keys is one pass over the store, not one per key; the rows
 * still end up exactly those of the typed filter.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { MEASURED_FOR_A_FRAME_MOST } from '../../src/insights/frame-budget.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { renderExplorer } from '../helpers/ink.js';
import { manyEvents } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

afterEach(() => cleanup());

// One more than the budget; every 1,000th failed (e0, e1000, …: 51 of them).
const COUNT = MEASURED_FOR_A_FRAME_MOST + 1;
const events = manyEvents(COUNT, (i) => (i % 1000 === 0 ? { result: 'failure' } : {}));
const FAILURES = Math.ceil(COUNT / 1000);
const press = (state: AppState, ...names: string[]) => names.map((name): Action => ({ type: 'key', name, now: 0 })).reduce(reducer, state);

describe('typing into / on a large store', () => {
  it('echoes a key at once and applies the text on applySearch', () => {
    const start = initialState({ indexes: indexesOf(storeFromEvents(events)), size: { columns: 140, rows: 40 } });
    const typed = press(start, '/', ...'status:failure');
    expect(typed.search.editor.text).toBe('status:failure');
    expect(typed.search.applyLater).toBe(true);
    expect(typed.rows.directory).toHaveLength(COUNT);
    const applied = reducer(typed, { type: 'applySearch', now: 0 });
    expect(applied.rows.directory).toHaveLength(FAILURES);
    expect(applied.filter.text).toBe('status:failure');
    // Enter applies whatever was not yet.
    expect(press(press(start, '/', ...'status:failure'), 'enter').rows.directory).toHaveLength(FAILURES);
  }, 30_000);

  it('shows the filtered rows after a burst, without Enter', async () => {
    const app = renderExplorer(events, { columns: 140, rows: 30 });
    await app.press('/', 'status:failure');
    const screen = await app.waitFor(`${FAILURES} of ${COUNT.toLocaleString('en-US')} events`);
    expect(screen).toContain('/ status:failure');
    expect(screen).toContain('Failure');
    expect(screen).not.toContain('Success');
  }, 30_000);
});
