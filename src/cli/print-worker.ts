/**
 * Worker-thread entry for printing a big `query --format ndjson|json`: each event re-read from
 * its file and written as text here, so the main thread only writes (on two cores the output
 * goes at about twice the pace). A record it cannot re-read as loaded is left to the main
 * thread (null), which reads it once more and stops with the reason, as printing always has.
 */
import { parentPort } from 'node:worker_threads';
import { FileRecordReader } from '../load/record-reader.js';
import type { RawAddress } from '../store/record-address.js';
import { eventJsonText, type JsonFormat } from '../export/event-text.js';
import { isPlainJsonSource } from '../export/safe-json.js';

export interface PrintRequest {
  id: number;
  format: JsonFormat;
  /** Each event's address (null: kept in the store's arena). */
  events: Array<RawAddress | null>;
}

export interface PrintResult {
  id: number;
  texts: Array<string | null>;
}

const port = parentPort;
if (port) {
  const reader = new FileRecordReader();
  port.on('message', ({ id, format, events }: PrintRequest) => {
    const addresses = events.filter((address): address is RawAddress => address !== null);
    const reads = reader.readMany(addresses);
    let next = 0;
    const texts = events.map((address) => {
      if (!address) return null;
      const { result, bytes } = reads[next++];
      return 'reason' in result ? null : eventJsonText(format, result, bytes !== null && isPlainJsonSource(bytes));
    });
    port.postMessage({ id, texts } satisfies PrintResult);
  });
}
