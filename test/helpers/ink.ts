import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { App } from '../../components/App.js';
import type { LoadedEvent, LoadProblem } from '../../src/model/loaded-event.js';
import type { ViewOptions } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { indexesOf } from './state.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { LoadProgress } from '../../src/model/load-progress.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
} as const;

/** Let React commit and Ink write the next frame. */
export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** The explorer at an explicit terminal size (ink-testing-library's stdout has no rows). */
export function renderExplorer(
  events: readonly LoadedEvent[],
  size = { columns: 140, rows: 40 },
  extra: { problems?: LoadProblem[]; options?: Partial<ViewOptions>; sources?: string[]; loading?: LoadProgress } = {},
) {
  const initial = initialState({
    indexes: indexesOf(storeFromEvents(events)),
    size,
    problems: extra.problems,
    sources: extra.sources ?? ['fixture.jsonl'],
    loading: extra.loading ?? null,
    options: { color: false, ...extra.options },
  });
  const instance = render(createElement(App, { initial }));
  /** Press keys; a 'PAUSE' argument waits as a person would between keys (for text inputs). */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      if (key === 'PAUSE') {
        await tick(25);
        continue;
      }
      instance.stdin.write(key);
      // A bare Esc is held by Ink for 20 ms to tell it from an escape sequence.
      await tick(key === KEYS.escape ? 40 : 5);
      await settled();
    }
  };
  /**
   * Until the frame has stopped changing for 20 ms (at most a second): on a busy machine a render
   * can come later than a tick, and a test reading the frame in between sees the one before.
   */
  const settled = async () => {
    let last = instance.lastFrame();
    for (let stable = 0, waited = 0; stable < 2 && waited < 1000; waited += 10) {
      await tick(10);
      const now = instance.lastFrame();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  };
  const frame = () => instance.lastFrame() ?? '';
  /**
   * The frame once it shows `expected` (a busy machine can take longer than a tick to render);
   * after two seconds, the frame as it is, for the assertion to report.
   */
  const waitFor = async (expected: string | RegExp): Promise<string> => {
    // eslint-disable-next-line no-control-regex
    const plain = () => frame().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    for (let waited = 0; waited < 2000; waited += 10) {
      const text = plain();
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      await tick(10);
    }
    return plain();
  };
  return { ...instance, press, frame, waitFor };
}
