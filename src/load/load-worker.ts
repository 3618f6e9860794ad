/**
 * Worker-thread entry: runs load units sent by the main thread and posts back event batches
 * (their buffers transferred, not copied), then the unit's result. Parsing a big export here
 * keeps the main thread free to draw frames and answer keys.
 */
import { parentPort } from 'node:worker_threads';
import { transferablesOf } from '../store/event-batch.js';
import { runUnit, type LoadUnit } from './load-unit.js';

export type WorkerRequest = { unit: LoadUnit; id: number };
export type WorkerMessage =
  | { type: 'batch'; id: number; batch: import('../store/event-batch.js').EventBatch }
  | { type: 'done'; id: number; result: import('./load-unit.js').UnitResult }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  port.on('message', async ({ unit, id }: WorkerRequest) => {
    try {
      const result = await runUnit(unit, (batch) => port.postMessage({ type: 'batch', id, batch } satisfies WorkerMessage, transferablesOf(batch)));
      port.postMessage({ type: 'done', id, result } satisfies WorkerMessage);
    } catch (error) {
      port.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
    }
  });
}
