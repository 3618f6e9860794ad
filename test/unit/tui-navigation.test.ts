/**
 * Moving about without losing one's place: `]` / `[` from event to event in the details, the
 * mouse wheel, the rows the window hides said in the status line, and Ctrl-Z asked for as data.
 */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { rawKeyNames } from '../../src/tui/early-keys.js';
import { statusInput } from '../../src/tui/frame-parts.js';
import { initialState } from '../../src/tui/initial-state.js';
import { keyNames, type InkKey } from '../../src/tui/key-names.js';
import { reducer } from '../../src/tui/reducer.js';
import { selectedEvent } from '../../src/tui/rows.js';
import { ASCII_SYMBOLS, UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { statusParts } from '../../src/view/chrome.js';
import { manyEvents } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

const size = { columns: 120, rows: 21 }; // 14 table rows
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const press = (state: AppState, ...names: string[]) => run(state, ...names.map((name): Action => ({ type: 'key', name, now: 0 })));
const selectedId = (state: AppState) => selectedEvent(state)?.event.id;
const status = (state: AppState, symbols = UNICODE_SYMBOLS) => statusParts(statusInput(state), symbols).summary;
const start = initialState({ indexes: indexesOf(storeFromEvents(manyEvents(40))), size });
const noKey: InkKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false };

describe('] and [ in the details', () => {
  it('open the next and previous event of the view on the same tab, from its top', () => {
    const open = press(start, 'j', 'enter', 'l', 'l', 'j');
    expect(open.mode).toBe('details');
    const tab = open.detailTab;
    const next = press(open, ']');
    expect(next.mode).toBe('details');
    expect(selectedId(next)).toBe('e2');
    expect(next.detailTab).toBe(tab);
    expect(next.scroll.details).toBe(0);
    expect(selectedId(press(next, 'J', 'J'))).toBe('e4');
    expect(selectedId(press(next, '[', 'K'))).toBe('e0');
  });

  it('say so at either end of the view instead of leaving it', () => {
    const first = press(start, 'enter', '[');
    expect(first.mode).toBe('details');
    expect(selectedId(first)).toBe('e0');
    expect(first.message?.text).toMatch(/first \(newest\) event/);
    const last = press(start, 'G', 'enter', ']');
    expect(selectedId(last)).toBe('e39');
    expect(last.message?.text).toMatch(/last \(oldest\) event/);
  });

  it('follow the filter: the next event is the next row of the view', () => {
    const filtered = run(start, { type: 'applyFilter', text: 'activity:"user 1"', now: 0 });
    const next = press(filtered, 'enter', ']', ']');
    expect(selectedId(next)).toBe('e11');
  });
});

describe('the mouse wheel', () => {
  it('is read from SGR mouse reports, and clicks are no keys at all', () => {
    expect(keyNames('[<65;12;7M', noKey)).toEqual(['wheeldown']);
    expect(keyNames('[<64;12;7M', noKey)).toEqual(['wheelup']);
    // With Ctrl held (16) it is still the wheel; a click, its release and the horizontal wheel are nothing.
    expect(keyNames('[<81;1;1M', noKey)).toEqual(['wheeldown']);
    expect(keyNames('[<0;12;7M', noKey)).toEqual([]);
    expect(keyNames('[<0;12;7m', noKey)).toEqual([]);
    expect(keyNames('[<66;12;7M', noKey)).toEqual([]);
    // Before Ink is loaded too, with keys around the reports.
    expect(rawKeyNames('j\u001b[<65;140;40M\u001b[<2;3;4Mk')).toEqual(['j', 'wheeldown', 'k']);
  });

  it('moves three rows a notch in the table; in the details it scrolls and never changes the event', () => {
    const down = press(start, 'wheeldown', 'wheeldown');
    expect(selectedId(down)).toBe('e6');
    expect(selectedId(press(down, 'wheelup'))).toBe('e3');
    const details = press(start, 'enter', 'l', 'l', 'l', 'l', 'wheeldown');
    expect(details.mode).toBe('details');
    expect(selectedId(details)).toBe('e0');
  });

  it('is ignored by a prompt', () => {
    const bar = press(start, '/', 'a', 'wheeldown', 'b');
    expect(bar.search.editor.text).toBe('ab');
  });
});

describe('the status line', () => {
  it('says how many rows the window hides above and below it, once scrolled', () => {
    expect(status(start)).toBe('40 of 40 events · row 1 · ↓ 26 older');
    const scrolled = press(start, 'pagedown', 'pagedown');
    expect(status(scrolled)).toBe('40 of 40 events · row 27 · ↑ 13 newer ↓ 13 older');
    expect(status(press(start, 'G'))).toBe('40 of 40 events · row 40 · ↑ 26 newer');
    expect(status(scrolled, ASCII_SYMBOLS)).toBe('40 of 40 events | row 27 | ^ 13 newer v 13 older');
    // In the details no table is shown: nothing hidden to count.
    expect(status(press(scrolled, 'enter'))).toBe('40 of 40 events · row 27');
  });

  it('says a count taken during a load is what has arrived so far', () => {
    const loading = { ...start, loading: { bytesRead: 10, bytesTotal: 100, events: 40, problemCount: 0, done: false, startedAt: 0, finishedAt: null } };
    expect(status(loading)).toMatch(/^40 of 40 events so far \(loading\) · row 1/);
  });
});

describe('Ctrl-Z', () => {
  it('asks the app to suspend, from the list and from a prompt alike, and leaves the state as it was', () => {
    const asked = press(start, 'j', 'ctrl+z');
    expect(asked.effects.at(-1)).toMatchObject({ kind: 'suspend' });
    expect(selectedId(asked)).toBe('e1');
    const typing = press(start, '/', 'a', 'ctrl+z');
    expect(typing.mode).toBe('search');
    expect(typing.search.editor.text).toBe('a');
    expect(typing.effects.at(-1)).toMatchObject({ kind: 'suspend' });
  });

  it('back on screen, draws one blank frame and then the whole frame again', () => {
    const resumed = run(start, { type: 'resumed', message: null });
    expect(resumed.repaint).toBe(true);
    expect(run(resumed, { type: 'repainted' }).repaint).toBe(false);
  });
});
