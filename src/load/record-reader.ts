/**
 * Re-reading one record from its file for the store (the details view, exports, `id:` and
 * `value:` terms): the bytes at the offset the loader noted, read as the format it was loaded as.
 * A file that changed, shrank or went away since the load gives a reason, never an exception.
 */
import { closeSync, openSync } from 'node:fs';
import { rereadRecord } from '../ingest/classify.js';
import type { RawAddress, RecordReader } from '../store/record-address.js';
import { hashBytes } from '../store/record-hash.js';
import { describeFsError } from '../text/fs-error.js';
import { readFully } from './read-fully.js';

/** Records closer than this in a file are read in one call (the bytes between are read and dropped). */
const SPAN_GAP = 64 * 1024;
/** At most this many bytes a call. */
const SPAN_LIMIT = 8 * 1024 * 1024;

export class FileRecordReader {
  /** One descriptor per source file, kept open: the details view re-reads often. */
  private readonly fds = new Map<string, number>();
  /** readMany's reads land here: a new megabyte buffer for each chunk printed kept the collector busy. */
  private span = Buffer.allocUnsafe(0);

  readonly read: RecordReader = (address: RawAddress) => {
    let bytes: Buffer;
    try {
      bytes = this.bytesAt(address.source, address.offset, address.length);
    } catch (error) {
      return { reason: `the file can no longer be read (${describeFsError(error)})` };
    }
    return this.fromBytes(address, bytes);
  };

  /**
   * Many records, each as `read` gives it, with its bytes as read (null when the read failed;
   * valid until the next readMany, which reads into the same buffer).
   * Neighbours in a file are read in one call: printing a million events made a million reads,
   * ~5 µs each, a tenth of a print worker's time.
   */
  readMany(addresses: readonly RawAddress[]): Array<{ result: ReturnType<RecordReader>; bytes: Buffer | null }> {
    const out = new Array<{ result: ReturnType<RecordReader>; bytes: Buffer | null }>(addresses.length);
    const order = Array.from(addresses.keys()).sort((a, b) => {
      const x = addresses[a];
      const y = addresses[b];
      return x.source === y.source ? x.offset - y.offset : x.source < y.source ? -1 : 1;
    });
    for (let k = 0; k < order.length; ) {
      const first = addresses[order[k]];
      let end = first.offset + first.length;
      let next = k + 1;
      for (; next < order.length; next++) {
        const address = addresses[order[next]];
        const reach = Math.max(end, address.offset + address.length);
        if (address.source !== first.source || address.offset - end > SPAN_GAP || reach - first.offset > SPAN_LIMIT) break;
        end = reach;
      }
      let span: Buffer | null = null;
      let reason = '';
      try {
        span = this.bytesAt(first.source, first.offset, end - first.offset, true);
      } catch (error) {
        reason = `the file can no longer be read (${describeFsError(error)})`;
      }
      for (; k < next; k++) {
        const address = addresses[order[k]];
        const at = address.offset - first.offset;
        const bytes = span ? span.subarray(at, at + address.length) : null;
        out[order[k]] = { result: bytes ? this.fromBytes(address, bytes) : { reason }, bytes };
      }
    }
    return out;
  }

  private fromBytes(address: RawAddress, bytes: Buffer): ReturnType<RecordReader> {
    if (bytes.length < address.length) return { reason: 'the file is shorter than when it was loaded' };
    const reread = rereadRecord(bytes.toString('utf8'), address.format, address.customSecuritySource, address.origin);
    if ('reason' in reread) return { reason: `the file changed since it was loaded: ${reread.reason}` };
    // A same-length edit in place (a result turned from success to failure) parses fine: only the bytes tell.
    if (hashBytes(bytes) !== address.hash) return { reason: 'the file changed since it was loaded: the record there is no longer the one loaded (its bytes differ)' };
    if (reread.timeMs !== address.timeMs) return { reason: 'the file changed since it was loaded: the record there is no longer the one loaded' };
    return reread;
  }

  /** `scratch`: into the reused span buffer (valid until the next read into it), not a new one. */
  private bytesAt(path: string, offset: number, length: number, scratch = false): Buffer {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(path, fd);
    }
    if (scratch && this.span.length < length) this.span = Buffer.allocUnsafe(Math.max(length, this.span.length * 2));
    const bytes = scratch ? this.span : Buffer.allocUnsafe(length);
    return bytes.subarray(0, readFully(fd, bytes, length, offset));
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
