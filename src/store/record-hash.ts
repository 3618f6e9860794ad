/**
 * A 32-bit hash of a record's bytes, kept at load for every record re-read from its file: a re-read
 * whose bytes hash differently is not the record that was loaded (a same-length edit in place),
 * and an export refuses it instead of writing what was never shown. CRC-32 by zlib, native: it
 * was MurmurHash3 in JavaScript, ~2 ms a MB and 5% of a worker's load time. 32 bits cost 4 bytes
 * an event; a collision needs a change that keeps the record's time and length and also its CRC
 * (one in four billion; CRC-32 catches every change of up to 32 adjacent bits outright).
 */
import { crc32 } from 'node:zlib';

export function hashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return crc32(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
}
