import { render } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import type { ColumnSaver, EffectRuntime } from '../src/tui/effects.js';
import type { LiveLoad } from '../src/tui/live-load.js';
import { terminalControl } from '../src/tui/suspend.js';
import { CLEAR_SCREEN } from '../src/tui/terminal.js';
import { trace } from '../src/trace.js';
import { App } from './App.js';

export interface ExplorerInput {
  /** The load, usually still under way: the explorer shows what has arrived and keeps up. */
  load: LiveLoad;
  /** The state of the first frame (already painted as text by the caller, in the alternate screen). */
  initial: AppState;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Called once the first frame is on screen. */
  onFirstFrame?: () => void;
  /** Where exports note their temporary files, for the caller's signal clean-up. */
  temporaries?: EffectRuntime['temporaries'];
  /** Keeps the columns chosen with `C` in the config file. */
  saveColumns?: ColumnSaver;
}

/** Runs until the user quits. The caller owns the terminal (alternate screen, restoring it). */
export async function runExplorer(input: ExplorerInput): Promise<void> {
  const { stdout, load, initial } = input;
  if (process.env.ENTRA_AUDIT_TRACE) {
    const write = stdout.write.bind(stdout) as (chunk: string) => boolean;
    let writes = 0;
    stdout.write = ((chunk: string) => {
      if (writes++ < 3) trace(`explorer: frame written (${chunk.length} chars)`);
      return write(chunk);
    }) as typeof stdout.write;
  }
  // A resize leaves the old frame's lines behind when the window shrinks; start clean.
  const clearOnResize = () => stdout.write(CLEAR_SCREEN);
  // Ctrl-Z and the mouse: the terminal's modes, which only this run (a real terminal) may change.
  const control = terminalControl(stdout, input.stdin);
  const instance = render(<App initial={initial} load={load} onResize={clearOnResize} temporaries={input.temporaries} control={control} saveColumns={input.saveColumns} />, {
    stdin: input.stdin,
    stdout,
    exitOnCtrlC: true,
    patchConsole: true,
  });
  // Ink draws the first frame during render(); let it reach the terminal before heavy work starts.
  setImmediate(() => input.onFirstFrame?.());
  await instance.waitUntilExit();
}
