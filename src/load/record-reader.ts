/**
 * Re-reading one record from its file for the store (the details view, exports, `id:` and
 * `value:` terms): the bytes at the offset the loader noted, read as the format it was loaded as.
 * A file that changed, shrank or went away since the load gives a reason, never an exception.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { rereadRecord } from '../ingest/classify.js';
import type { RawAddress, RecordReader } from '../store/record-address.js';
import { hashBytes } from '../store/record-hash.js';
import { describeFsError } from '../text/fs-error.js';

export class FileRecordReader {
  /** One descriptor per source file, kept open: the details view re-reads often. */
  private readonly fds = new Map<string, number>();

  readonly read: RecordReader = (address: RawAddress) => {
    let bytes: Buffer;
    try {
      bytes = this.bytesAt(address.source, address.offset, address.length);
    } catch (error) {
      return { reason: `the file can no longer be read (${describeFsError(error)})` };
    }
    if (bytes.length < address.length) return { reason: 'the file is shorter than when it was loaded' };
    const reread = rereadRecord(bytes.toString('utf8'), address.format, address.customSecuritySource, address.origin);
    if ('reason' in reread) return { reason: `the file changed since it was loaded: ${reread.reason}` };
    // A same-length edit in place (a result turned from success to failure) parses fine: only the bytes tell.
    if (hashBytes(bytes) !== address.hash) return { reason: 'the file changed since it was loaded: the record there is no longer the one loaded (its bytes differ)' };
    if (reread.timeMs !== address.timeMs) return { reason: 'the file changed since it was loaded: the record there is no longer the one loaded' };
    return reread;
  };

  private bytesAt(path: string, offset: number, length: number): Buffer {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(path, fd);
    }
    const bytes = Buffer.alloc(length);
    const read = readSync(fd, bytes, 0, length, offset);
    return bytes.subarray(0, read);
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
