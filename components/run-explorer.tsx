import { render } from 'ink';
import type { LoadedEvent, LoadProblem } from '../src/model/loaded-event.js';
import { initialState, type ViewOptions } from '../src/tui/state.js';
import { CLEAR_SCREEN, enterFullScreen } from '../src/tui/terminal.js';
import { App } from './App.js';

export interface ExplorerInput {
  events: readonly LoadedEvent[];
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  options: ViewOptions;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** Full screen until the user quits; the screen is restored on every exit path. */
export async function runExplorer(input: ExplorerInput): Promise<void> {
  const { stdout } = input;
  const restore = enterFullScreen(stdout);
  try {
    const initial = initialState({
      events: input.events,
      problems: input.problems,
      problemCount: input.problemCount,
      sources: input.sources,
      size: { columns: stdout.columns || 80, rows: stdout.rows || 24 },
      options: input.options,
    });
    // A resize leaves the old frame's lines behind when the window shrinks; start clean.
    const clearOnResize = () => stdout.write(CLEAR_SCREEN);
    const instance = render(<App initial={initial} onResize={clearOnResize} />, {
      stdin: input.stdin,
      stdout,
      exitOnCtrlC: true,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } finally {
    restore();
  }
}
