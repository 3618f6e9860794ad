/**
 * Worker-thread entry for printing a big `query --format ndjson|json`: each event re-read from
 * its file and written as text here, UTF-8 encoded into one buffer per chunk that moves to the
 * main thread as a transfer, so the main thread only writes bytes (posting strings cost it a
 * copy to receive, one to join and one to encode: about a core's third while printing). A record
 * it cannot re-read as loaded is left to the main thread (`made` 0), which reads it once more
 * and stops with the reason, as printing always has.
 */
import { parentPort } from 'node:worker_threads';
import { FileRecordReader } from '../load/record-reader.js';
import { packedCount, unpackAddress, type PackedAddresses } from '../store/packed-addresses.js';
import type { RawAddress } from '../store/record-address.js';
import { workerJsonText, type JsonFormat } from '../export/event-text.js';
import { isPlainJsonSource } from '../export/safe-json.js';

export interface PrintRequest {
  id: number;
  format: JsonFormat;
  addresses: PackedAddresses;
}

export interface PrintResult {
  id: number;
  /** The events' text, back to back; `used` bytes of it are the text. */
  bytes: ArrayBuffer;
  used: number;
  /** Where each event's text ends in `bytes` (an event not made ends where the one before it did). */
  ends: Uint32Array;
  /** 1 for an event written here, 0 for one the main thread is to make (kept in the arena, or not readable as loaded). */
  made: Uint8Array;
}

/** Text made from a chunk's events, in one growing buffer. */
class ChunkText {
  private buffer: Buffer;
  used = 0;

  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(expected, 4096));
  }

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = this.used + text.length * 3;
    if (room > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(room, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** The whole allocation (not pooled: allocUnsafeSlow), to transfer. */
  arrayBuffer(): ArrayBuffer {
    return this.buffer.buffer as ArrayBuffer;
  }
}

const port = parentPort;
if (port) {
  const reader = new FileRecordReader();
  port.on('message', ({ id, format, addresses }: PrintRequest) => {
    const count = packedCount(addresses);
    const inFiles: RawAddress[] = [];
    const at: number[] = [];
    let bytesIn = 0;
    for (let j = 0; j < count; j++) {
      const address = unpackAddress(addresses, j);
      if (!address) continue;
      inFiles.push(address);
      at.push(j);
      bytesIn += address.length;
    }
    const reads = reader.readMany(inFiles);
    const ends = new Uint32Array(count);
    const made = new Uint8Array(count);
    // Indented JSON is about half as long again as the compact record.
    const text = new ChunkText(format === 'json' ? bytesIn * 2 : bytesIn + count * 8);
    let next = 0;
    for (let j = 0; j < count; j++) {
      if (next < at.length && at[next] === j) {
        const { result, bytes } = reads[next++];
        if (!('reason' in result)) {
          text.append(workerJsonText(format, result, bytes !== null && isPlainJsonSource(bytes)));
          made[j] = 1;
        }
      }
      ends[j] = text.used;
    }
    const bytes = text.arrayBuffer();
    port.postMessage({ id, bytes, used: text.used, ends, made } satisfies PrintResult, [bytes, ends.buffer, made.buffer]);
  });
}
