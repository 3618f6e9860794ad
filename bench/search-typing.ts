/**
 * "One more character": a query typed into the `/` bar one key at a time, timed per key three
 * ways — through the reducer alone (what the app decides per key), with the real Ink renderer
 * into an in-memory terminal (key → frame), and in tmux running the built CLI (key → the screen
 * changed). Today a key only edits the bar's text; once the filter applies as you type, the
 * same figures include compiling the query and computing the rows.
 */
import { CLI } from './sample-files.js';
import type { StoreIndexes } from '../src/insights/store-indexes.js';
import type { AppState } from '../src/tui/app-state.js';
import { reducer } from '../src/tui/reducer.js';
import { renderExplorer, sleep } from './ink-harness.js';
import { capture, captureStyled, freshSocket, ROW, startSession, tmux } from './tmux.js';

/** Key names as the input router sends them (a space arrives as "space"). */
const keyName = (ch: string) => (ch === ' ' ? 'space' : ch);

/** Per key, in milliseconds: `openSearch` then one `key` action per character, from `initial` each run. */
export function typeThroughReducer(initial: AppState, text: string, runs: number, now: number): number[] {
  const latencies: number[] = [];
  for (let run = 0; run < runs; run++) {
    let state = reducer(initial, { type: 'openSearch', now });
    for (const ch of text) {
      const start = performance.now();
      state = reducer(state, { type: 'key', name: keyName(ch), now });
      latencies.push(performance.now() - start);
    }
    if (state.search.editor.text !== text) throw new Error(`the bar says ${JSON.stringify(state.search.editor.text)}, typed ${JSON.stringify(text)}`);
  }
  return latencies;
}

/** Wider than Ink's 30 fps throttle, so each key is drawn on its own. */
const INK_SPACING_MS = 40;

/**
 * Key → frame with the real renderer: `/`, then each character; a fresh explorer per run. Keys
 * that drew nothing (see pressMaybeUnchanged) are counted, not timed.
 */
export async function typeThroughInk(indexes: StoreIndexes, text: string, runs: number): Promise<{ latencies: number[]; unchanged: number }> {
  const latencies: number[] = [];
  let unchanged = 0;
  for (let run = 0; run < runs; run++) {
    const explorer = await renderExplorer(indexes);
    await explorer.press('/');
    for (const ch of text) {
      await sleep(INK_SPACING_MS);
      const latency = await explorer.pressMaybeUnchanged(ch, 1000);
      if (latency === null) unchanged++;
      else latencies.push(latency);
    }
    explorer.unmount();
  }
  return { latencies, unchanged };
}

/** A person typing briskly: a key every 150 ms. */
const TMUX_SPACING_MS = 150;

/**
 * The built CLI in tmux (140×40) on `path`: wait until it has loaded everything, open `/`, then
 * per character the time from send-keys until the screen differs (tmux polling adds ~10 ms).
 */
export async function typeThroughTmux(path: string, text: string): Promise<number[]> {
  const socket = freshSocket();
  startSession(socket, `${process.execPath} ${CLI} ${path}`);
  try {
    const started = performance.now();
    let screen = '';
    while (!ROW.test(screen) || screen.includes('Loading ')) {
      await sleep(100);
      screen = capture(socket);
      if (performance.now() - started > 180_000) throw new Error('the explorer did not finish loading');
    }
    tmux(socket, 'send-keys', '-t', 'b', '/');
    // The bar's own line: "/ " then the draft.
    while (!/^\/( |$)/m.test(capture(socket))) {
      if (performance.now() - started > 190_000) throw new Error('the / bar did not open');
    }
    const latencies: number[] = [];
    for (const ch of text) {
      await sleep(TMUX_SPACING_MS);
      const before = captureStyled(socket);
      const pressed = performance.now();
      tmux(socket, 'send-keys', '-t', 'b', '-l', ch);
      while (captureStyled(socket) === before) {
        if (performance.now() - pressed > 10_000) throw new Error(`no redraw after ${JSON.stringify(ch)}`);
      }
      latencies.push(performance.now() - pressed);
    }
    return latencies;
  } finally {
    tmux(socket, 'kill-server');
  }
}
