/**
 * The persisted index's file layout, generic over named typed arrays: a magic line, a JSON header
 * (format, package version, key, each section's name, type, length and CRC-32, and whatever JSON
 * the caller keeps beside them), then each section's raw bytes at an 8-byte boundary. Reading it
 * back checks all of that before anything is used: a file that is truncated, corrupt, of another
 * layout or another build is refused with a reason, never half-read.
 *
 * Sections are written as they are in memory (little-endian, as every platform Node runs on here
 * is), straight from the store's arrays: no second copy of a million events while writing.
 */
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { COLUMN_TYPES, type ColumnArray, type ColumnType } from '../store/store-snapshot.js';

const MAGIC = Buffer.from('EACACHE\n', 'latin1');
/** Bump when the layout or the meaning of any section changes: an old file is then refused. */
export const CACHE_FORMAT = 2;
const ALIGN = 8;
/** The magic, the header's length and the header's CRC-32, before the header. */
export const CACHE_PREFIX_BYTES = MAGIC.length + 8;
const PREFIX = CACHE_PREFIX_BYTES;
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

export interface SectionInfo {
  name: string;
  type: ColumnType;
  /** Elements, not bytes. */
  length: number;
  crc: number;
}

export interface CacheHeader<Meta> {
  format: number;
  version: string;
  key: string;
  createdAt: number;
  sections: SectionInfo[];
  meta: Meta;
}

export interface Section {
  name: string;
  array: ColumnArray;
}

function typeOf(array: ColumnArray): ColumnType {
  const entry = (Object.entries(COLUMN_TYPES) as Array<[ColumnType, (typeof COLUMN_TYPES)[ColumnType]]>).find(([, make]) => array instanceof make);
  if (!entry) throw new Error('a cache section must be a plain typed array');
  return entry[0];
}

const bytesOf = (array: ColumnArray): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
const padding = (length: number): number => (ALIGN - (length % ALIGN)) % ALIGN;

/** Write the file to `handle` (opened by the caller, who renames it into place once this resolves). Returns its size. */
export async function writeCacheFile<Meta>(handle: FileHandle, fields: { version: string; key: string; meta: Meta }, sections: readonly Section[]): Promise<number> {
  const infos = sections.map(({ name, array }) => ({ name, type: typeOf(array), length: array.length, crc: crc32(bytesOf(array)) }));
  const header: CacheHeader<Meta> = { format: CACHE_FORMAT, version: fields.version, key: fields.key, createdAt: Date.now(), sections: infos, meta: fields.meta };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // The header's length, then its CRC-32: the counts it carries are checked like the sections.
  const length = Buffer.alloc(PREFIX - MAGIC.length);
  length.writeUInt32LE(json.length, 0);
  length.writeUInt32LE(crc32(json), 4);
  const zeros = Buffer.alloc(ALIGN);
  const start = PREFIX + json.length;
  let written = 0;
  const write = async (bytes: Buffer) => {
    // A large write may be partial: write until every byte is out.
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
      at += bytesWritten;
    }
    written += bytes.length;
  };
  await write(Buffer.concat([MAGIC, length, json, zeros.subarray(0, padding(start))]));
  for (const { array } of sections) {
    await write(bytesOf(array));
    await write(zeros.subarray(0, padding(array.byteLength)));
  }
  return written;
}

/** The header alone (for `cache list`), or why the file is not one of ours. */
export function readCacheHeader<Meta>(head: Buffer): { header: CacheHeader<Meta>; dataStart: number } | { reason: string } {
  if (head.length < PREFIX || !head.subarray(0, MAGIC.length).equals(MAGIC)) return { reason: 'not an entra-audit cache file' };
  const length = head.readUInt32LE(MAGIC.length);
  const end = PREFIX + length;
  if (length > MAX_HEADER_BYTES || end > head.length) return { reason: 'its header is cut short' };
  if (crc32(head.subarray(PREFIX, end)) !== head.readUInt32LE(MAGIC.length + 4)) return { reason: 'its header fails its checksum' };
  let header: CacheHeader<Meta>;
  try {
    header = JSON.parse(head.toString('utf8', PREFIX, end)) as CacheHeader<Meta>;
  } catch {
    return { reason: 'its header is not valid JSON' };
  }
  if (typeof header !== 'object' || header === null || header.format !== CACHE_FORMAT) return { reason: `another cache layout (${String(header?.format)}, this build reads ${CACHE_FORMAT})` };
  if (!Array.isArray(header.sections)) return { reason: 'its header lists no sections' };
  return { header, dataStart: end + padding(end) };
}

/**
 * The header and each section as a typed array (views into `file`: the store then keeps the
 * file's buffer, the strings' bytes included, ~30% of it at a million events), or why the file
 * cannot be used: any section missing bytes or failing its CRC refuses the whole.
 */
export function readCacheFile<Meta>(file: Buffer): { header: CacheHeader<Meta>; sections: Map<string, ColumnArray> } | { reason: string } {
  const read = readCacheHeader<Meta>(file);
  if ('reason' in read) return read;
  const sections = new Map<string, ColumnArray>();
  let at = read.dataStart;
  for (const info of read.header.sections) {
    const make = Object.hasOwn(COLUMN_TYPES, info.type) ? COLUMN_TYPES[info.type] : undefined;
    if (!make || !Number.isSafeInteger(info.length) || info.length < 0) return { reason: `section ${String(info.name)} has an unknown type or length` };
    const bytes = info.length * make.BYTES_PER_ELEMENT;
    if (at + bytes > file.length) return { reason: `the file is cut short (section ${info.name})` };
    const view = file.subarray(at, at + bytes);
    if (crc32(view) !== info.crc) return { reason: `section ${info.name} fails its checksum` };
    // A view into the file's buffer, not a copy (a million events: ~130 MB less at the peak and
    // ~0.1 s sooner); copied only where the buffer does not start at an 8-byte boundary.
    const aligned = (file.byteOffset + at) % make.BYTES_PER_ELEMENT === 0;
    const array = aligned ? new make(file.buffer as ArrayBuffer, file.byteOffset + at, info.length) : new make(info.length);
    if (!aligned) bytesOf(array).set(view);
    sections.set(info.name, array);
    at += bytes + padding(bytes);
  }
  if (at !== file.length) return { reason: 'the file is longer than its sections' };
  return { header: read.header, sections };
}
