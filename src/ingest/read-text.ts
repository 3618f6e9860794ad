/**
 * Bytes in, text out, in chunks: gzip is unwrapped when the data says so (magic bytes, not the
 * file name), and the encoding is taken from the byte-order mark (UTF-8, UTF-16LE as Windows
 * PowerShell 5.1 writes, UTF-16BE), or guessed from NUL bytes when a UTF-16 file lost its BOM.
 * Nothing here holds more than one chunk, so any file size streams.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { gunzipMembers, isGzip, type GzipDamage } from './gunzip.js';

export const CHUNK_BYTES = 1 << 20;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export function openBytes(path: string | null): AsyncIterable<Buffer> {
  return path === null ? (process.stdin as AsyncIterable<Buffer>) : createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/** Wait until at least `min` bytes (or the end) so sniffing never looks at a two-byte chunk. */
async function* withHead(
  source: AsyncIterable<Buffer>,
  min: number,
  onHead: (head: Buffer) => void,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  while (size < min) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(parts);
  onHead(head);
  if (head.length > 0) yield head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

export interface ByteCounter {
  /**
   * How far into the source the load is, in its bytes. For gzip, the compressed bytes the
   * inflater has taken, not those read: the file is read a megabyte ahead, so on the 1.5 MB sample
   * the bytes read said 100% from the first second of a several-second load. At the end, every
   * byte read.
   */
  read: number;
  /** Set once the first bytes are seen: whether the source is gzip. */
  gzip?: boolean;
}

export { isGzip, type GzipDamage } from './gunzip.js';

/**
 * Decompress when the stream starts with the gzip magic number (every member; damage is told to
 * `onDamage` with its byte offset and what decoded before it is kept: see gunzip.ts).
 */
export async function* gunzipIfNeeded(
  source: AsyncIterable<Buffer>,
  counter: ByteCounter,
  onDamage: (damage: GzipDamage) => void = () => {},
): AsyncGenerator<Buffer> {
  let pulled = 0;
  let gzipped = false;
  const counted = (async function* () {
    for await (const chunk of source) {
      pulled += chunk.length;
      if (!gzipped) counter.read = pulled;
      yield chunk;
    }
  })();
  const headed = withHead(counted, 2, (head) => {
    gzipped = isGzip(head);
    counter.gzip = gzipped;
  });
  const first = await headed.next();
  if (first.done) return;
  const rest = (async function* () {
    yield first.value;
    yield* headed;
  })();
  if (!gzipped) yield* rest;
  else {
    counter.read = 0;
    yield* gunzipMembers(rest, onDamage, (consumed) => (counter.read = consumed));
    counter.read = pulled;
  }
}

export function detectEncoding(head: Buffer): { encoding: Encoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // No BOM: UTF-16 text of ASCII-range JSON or CSV has a NUL in every other byte.
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return { encoding: 'utf-16le', bomBytes: 0 };
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return { encoding: 'utf-16be', bomBytes: 0 };
  return { encoding: 'utf-8', bomBytes: 0 };
}

/** Decoded text chunks; multi-byte characters split across chunks are joined correctly. */
export async function* decodeText(source: AsyncIterable<Buffer>, onEncoding?: (e: Encoding) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let skip = 0;
  const headed = withHead(source, 4, (head) => {
    const detected = detectEncoding(head);
    skip = detected.bomBytes;
    onEncoding?.(detected.encoding);
    // fatal: false — invalid bytes become U+FFFD and the record is judged by its parser, not here.
    decoder = new TextDecoder(detected.encoding, { fatal: false, ignoreBOM: true });
  });
  for await (const chunk of headed) {
    const body = skip > 0 ? chunk.subarray(skip) : chunk;
    skip = 0;
    const text = decoder!.decode(body, { stream: true });
    if (text) yield text;
  }
  if (decoder) {
    const tail = (decoder as TextDecoder).decode();
    if (tail) yield tail;
  }
}
