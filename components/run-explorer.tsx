import { render } from 'ink';
import type { LoadSession } from '../src/ingest/load-session.js';
import type { AppState } from '../src/tui/state.js';
import { CLEAR_SCREEN } from '../src/tui/terminal.js';
import { App } from './App.js';
import { applyTheme } from './theme.js';
import { trace } from '../src/trace.js';

export interface ExplorerInput {
  /** The load, usually still under way: the explorer shows what has arrived and keeps up. */
  session: LoadSession;
  /** The state of the first frame (already painted as text by the caller, in the alternate screen). */
  initial: AppState;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Called once the first frame is on screen. */
  onFirstFrame?: () => void;
  /** The config file's style overrides. */
  theme?: Parameters<typeof applyTheme>[0];
}

/** Runs until the user quits. The caller owns the terminal (alternate screen, restoring it). */
export async function runExplorer(input: ExplorerInput): Promise<void> {
  const { stdout, session, initial } = input;
  applyTheme(input.theme);
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
  const instance = render(<App initial={initial} session={session} onResize={clearOnResize} />, {
    stdin: input.stdin,
    stdout,
    exitOnCtrlC: true,
    patchConsole: true,
  });
  // Ink draws the first frame during render(); let it reach the terminal before heavy work starts.
  setImmediate(() => input.onFirstFrame?.());
  await instance.waitUntilExit();
}
