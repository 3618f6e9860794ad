/**
 * The explorer with the real Ink renderer writing to an in-memory terminal, for timing key press →
 * next frame. Shared by the frame benchmark (moving through the table) and the search benchmark
 * (typing into the `/` bar).
 */
import { render } from 'ink';
import { PassThrough, Writable } from 'node:stream';
import { App } from '../components/App.js';
import type { StoreIndexes } from '../src/insights/store-indexes.js';
import { initialState } from '../src/tui/initial-state.js';

class FakeTerminal extends Writable {
  columns = 140;
  rows = 40;
  isTTY = true;
  lastWrite = 0;
  override _write(_chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
    this.lastWrite = performance.now();
    done();
  }
}

function fakeKeyboard(): NodeJS.ReadStream {
  const stream = new PassThrough() as unknown as NodeJS.ReadStream;
  stream.isTTY = true;
  stream.setRawMode = () => stream;
  // Ink refs/unrefs a real TTY's handle; a PassThrough has none.
  stream.ref = () => stream;
  stream.unref = () => stream;
  return stream;
}

export const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

export interface RenderedExplorer {
  /** Write `key` as the terminal would and wait for the next frame: milliseconds from key to frame. */
  press(key: string): Promise<number>;
  /**
   * The same, but a key that changes nothing on screen is null after `waitMs`: Ink writes no frame
   * when the text is unchanged (a trailing space in the `/` bar, where this colourless terminal
   * draws the cursor as a plain space).
   */
  pressMaybeUnchanged(key: string, waitMs: number): Promise<number | null>;
  unmount(): void;
}

/** Render the explorer (140×40) on a loaded store (its indexes) and let its first frame settle. */
export async function renderExplorer(indexes: StoreIndexes): Promise<RenderedExplorer> {
  const stdout = new FakeTerminal();
  const stdin = fakeKeyboard();
  const initial = initialState({ indexes, size: { columns: stdout.columns, rows: stdout.rows }, sources: ['bench'] });
  const instance = render(<App initial={initial} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: Number(process.env.BENCH_MAX_FPS ?? 30),
  });
  await sleep(200);
  const pressMaybeUnchanged = async (key: string, waitMs: number) => {
    const before = stdout.lastWrite;
    const start = performance.now();
    stdin.write(key);
    const deadline = start + waitMs;
    while (stdout.lastWrite === before && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    return stdout.lastWrite === before ? null : stdout.lastWrite - start;
  };
  return {
    pressMaybeUnchanged,
    async press(key) {
      const latency = await pressMaybeUnchanged(key, 5000);
      if (latency === null) throw new Error(`no frame after key ${JSON.stringify(key)}`);
      return latency;
    },
    unmount: () => instance.unmount(),
  };
}
