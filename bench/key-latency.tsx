/**
 * Key press → next frame, with the real Ink renderer writing to an in-memory terminal, on 1k,
 * 100k and 1M events. The frame must cost the same whatever the event count (only visible rows
 * are built), so the medians should be flat.
 */
import { loadCatalog } from '../src/insights/catalog.js';
import { LoadSession } from '../src/load/load-session.js';
import { renderExplorer, sleep } from './ink-harness.js';
import { sampleFile } from './sample-files.js';
import { median, ms, percentile, printTable } from './stats.js';

const SIZES = (process.env.BENCH_SIZES ?? "1000,100000,1000000").split(",").map(Number);
const PRESSES = 120;
/** Keys are spaced wider than Ink's 30 fps render throttle, so each press is drawn on its own. */
const SPACING_MS = 40;

async function measure(count: number): Promise<number[]> {
  // The store as the explorer has it: the generated file loaded by the real loader.
  const session = new LoadSession([{ kind: 'file', path: sampleFile(count) }], { catalog: loadCatalog() });
  await session.done;
  const explorer = await renderExplorer(session.indexes);
  const latencies: number[] = [];
  const keys = ['j', 'j', 'k', '\u001B[6~', 'j', '\u001B[5~'];
  for (let i = 0; i < PRESSES; i++) {
    latencies.push(await explorer.press(keys[i % keys.length]));
    await sleep(SPACING_MS);
  }
  explorer.unmount();
  session.close();
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
