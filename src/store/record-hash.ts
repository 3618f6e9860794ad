/** MurmurHash3 (x86 32-bit), the pieces: one 4-byte block mixed in (record-ids.ts hashes ids with them too). */
export function murmurBlock(h: number, block: number): number {
  return (Math.imul(rotateLeft(h ^ murmurScramble(block), 13), 5) + 0xe6546b64) | 0;
}

/** The last 1–3 bytes, packed into one number. */
export const murmurTail = (h: number, tail: number): number => h ^ murmurScramble(tail);

/** The finish, with the length hashed in: the hash as an unsigned 32-bit number. */
export function murmurFinish(h: number, length: number): number {
  let x = h ^ length;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export const MURMUR_SEED = 0x9747b28c;

const rotateLeft = (x: number, by: number): number => (x << by) | (x >>> (32 - by));
const murmurScramble = (k: number): number => Math.imul(rotateLeft(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);

/**
 * A 32-bit hash of a record's bytes (MurmurHash3, x86 32-bit), kept at load for every record
 * re-read from its file: a re-read whose bytes hash differently is not the record that was loaded
 * (a same-length edit in place), and an export refuses it instead of writing what was never shown.
 * 32 bits cost 4 bytes an event and about 1.5 ms a MB of hashing; a collision needs a change
 * that keeps the record's time and length and also its hash (one in four billion).
 */
export function hashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = MURMUR_SEED;
  let i = start;
  const blocks = start + ((end - start) & ~3);
  for (; i < blocks; i += 4) h = murmurBlock(h, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  const tail = end - i;
  if (tail > 0) h = murmurTail(h, bytes[i] | (tail >= 2 ? bytes[i + 1] << 8 : 0) | (tail === 3 ? bytes[i + 2] << 16 : 0));
  return murmurFinish(h, end - start);
}
