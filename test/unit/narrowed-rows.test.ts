/**
 * One more character typed into `/` narrows the rows shown instead of passing over the whole
 * store again: the rows must be exactly those a fresh filter gives, in the same order.
 */
import { describe, expect, it, vi } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import { PANES } from '../../src/model/pane.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';
import { applyFilter } from '../../src/tui/apply-filter.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { narrowedRows } from '../../src/tui/rows.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const size = { columns: 140, rows: 40 };
const store = storeFromEvents(loaded(...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)));
const start = initialState({ indexes: indexesOf(store), size });
const press = (state: AppState, ...names: string[]) => names.map((name): Action => ({ type: 'key', name, now: 0 })).reduce(reducer, state);
const typeInto = (state: AppState, text: string) => press(state, ...[...text].map((c) => (c === ' ' ? 'space' : c)));
const rowsOf = (state: AppState) => Object.fromEntries(PANES.map((pane) => [pane, [...state.rows[pane]]]));

describe('typing a narrower filter', () => {
  it('shows exactly the rows a fresh filter gives, key by key, without a pass over the store', () => {
    // Oldest first on Directory: the narrowed rows must keep the order the pane is sorted in.
    const sorted = press(start, 'R');
    expect(sorted.sort.directory.descending).not.toBe(start.sort.directory.descending);
    let state = typeInto(press(sorted, '/'), 'status:succ');
    const passes = vi.spyOn(store, 'sortedIndices');
    let typedPasses = 0;
    for (const ch of 'ess category:group') {
      const before = passes.mock.calls.length;
      state = typeInto(state, ch);
      typedPasses += passes.mock.calls.length - before;
      expect(rowsOf(state), state.filter.text).toEqual(rowsOf(applyFilter(sorted, state.filter.text, 0)));
    }
    // Each key of `ess` and of `:group` kept a subset of the rows shown: only the fuzzy words
    // `c` … `category` (not monotone) and the term replacing them passed over the store.
    expect(typedPasses).toBeLessThanOrEqual(PANES.length * 9);
    passes.mockRestore();
    expect(state.rows.directory.length).toBeGreaterThan(0);
    expect(state.rows.directory.length).toBeLessThan(store.paneOrder('directory').length / 2);
  });

  it('is not used on grouped rows or once the store has grown', () => {
    const filtered = applyFilter(start, 'status:success', 0);
    const test = filtered.filter.test!;
    expect(narrowedRows(filtered, test)).not.toBeNull();
    expect(narrowedRows({ ...filtered, totals: { ...filtered.totals, directory: filtered.totals.directory - 1 } }, test)).toBeNull();
    expect(narrowedRows(press(filtered, 'o'), test)).toBeNull();
  });
});
