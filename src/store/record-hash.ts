/**
 * A 32-bit hash of a record's bytes (MurmurHash3, x86 32-bit), kept at load for every record
 * re-read from its file: a re-read whose bytes hash differently is not the record that was loaded
 * (a same-length edit in place), and an export refuses it instead of writing what was never shown.
 * 32 bits cost 4 bytes an event and about 1.5 ms a MB of hashing; a collision needs a change
 * that keeps the record's time and length and also its hash (one in four billion).
 */
export function hashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x9747b28c;
  let i = start;
  const blocks = start + ((end - start) & ~3);
  for (; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = end - i;
  if (tail === 3) k ^= bytes[i + 2] << 16;
  if (tail >= 2) k ^= bytes[i + 1] << 8;
  if (tail >= 1) {
    k ^= bytes[i];
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= end - start;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
