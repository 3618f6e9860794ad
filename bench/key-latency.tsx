/**
 * Key press → next frame, with the real Ink renderer writing to an in-memory terminal, on 1k,
 * 100k and 1M events. The frame must cost the same whatever the event count (only visible rows
 * are built), so the medians should be flat.
 */
import { render } from 'ink';
import { PassThrough, Writable } from 'node:stream';
import { App } from '../components/App.js';
import { LoadSession } from '../src/ingest/load-session.js';
import { sampleFile } from './sample-files.js';
import { initialState } from '../src/tui/state.js';
import { median, ms, percentile, printTable } from './stats.js';

const SIZES = (process.env.BENCH_SIZES ?? "1000,100000,1000000").split(",").map(Number);
const PRESSES = 120;
/** Keys are spaced wider than Ink's 30 fps render throttle, so each press is drawn on its own. */
const SPACING_MS = 40;

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

const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

async function measure(count: number): Promise<number[]> {
  const stdout = new FakeTerminal();
  const stdin = fakeKeyboard();
  // The store as the explorer has it: the generated file loaded by the real loader.
  const session = new LoadSession([{ kind: 'file', path: sampleFile(count) }]);
  await session.done;
  session.store.sortNewEvents();
  const initial = initialState({ store: session.store, size: { columns: stdout.columns, rows: stdout.rows }, sources: ['bench'] });
  const instance = render(<App initial={initial} />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: Number(process.env.BENCH_MAX_FPS ?? 30) });
  await sleep(200);
  const latencies: number[] = [];
  const keys = ['j', 'j', 'k', '\u001B[6~', 'j', '\u001B[5~'];
  for (let i = 0; i < PRESSES; i++) {
    const before = stdout.lastWrite;
    const start = performance.now();
    stdin.write(keys[i % keys.length]);
    const deadline = start + 2000;
    while (stdout.lastWrite === before && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    if (stdout.lastWrite === before) throw new Error(`no frame after key ${JSON.stringify(keys[i % keys.length])}`);
    latencies.push(stdout.lastWrite - start);
    await sleep(SPACING_MS);
  }
  instance.unmount();
  session.store.close();
  return latencies;
}

export async function benchKeyLatency(): Promise<void> {
  console.log(`\nKey press → next frame (real Ink renderer, 140×40, ${PRESSES} presses each; target: flat, < 30 ms)`);
  const rows: string[][] = [];
  let first = 0;
  for (const size of SIZES) {
    const latencies = await measure(size);
    const m = median(latencies);
    if (first === 0) first = m;
    rows.push([size.toLocaleString('en-US'), ms(m), ms(percentile(latencies, 95)), `${(m / first).toFixed(2)}×`]);
  }
  printTable(['events', 'median', 'p95', 'vs 1k'], rows);
}
