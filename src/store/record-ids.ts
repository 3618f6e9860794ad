/**
 * Records already loaded, by (kind, id, time), so a record seen again (overlapping exports of the
 * same period, or the same record twice in one file) is dropped before it reaches the store.
 *
 * Ids are not kept as strings: a million GUID-sized ids would cost ~100 MB as a Set (string,
 * entry and header each), more than the whole store's columns. Each id is hashed to 64 bits by
 * the loader (in its worker) instead, and only the hashes are kept, in open-addressed typed
 * arrays: 8 bytes a slot, at most half full, so a million ids take 16 MB (24 MB while doubling).
 * Two different ids share a hash with odds of about n²/2⁶⁵: one in 37 million loads of a
 * million distinct ids, and then a record is dropped that should not have been.
 */
import { FLAG, STRING_FIELD_COUNT, type EventBatch } from './event-batch.js';
import { halfLoadLength } from './growable.js';

/** (0, 0) marks "no id" in a batch: such a record is always kept (and an empty slot in a table). */
export const NO_ID = 0;

/**
 * A 64-bit hash of an id as two 32-bit halves, written at `out[at]`, `out[at + 1]`: MurmurHash3
 * (x86 32-bit) and FNV-1a over the UTF-16 code units, two different functions so that a
 * collision in one is no more likely to be one in the other.
 */
export function hashId(id: string, out: Uint32Array, at: number): void {
  let h = 0x9747b28c;
  let fnv = 0x811c9dc5;
  const n = id.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a = id.charCodeAt(i);
    const b = id.charCodeAt(i + 1);
    fnv = Math.imul(fnv ^ a, 0x01000193);
    fnv = Math.imul(fnv ^ b, 0x01000193);
    let k = a | (b << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    const a = id.charCodeAt(i);
    fnv = Math.imul(fnv ^ a, 0x01000193);
    let k = Math.imul(a, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  out[at] = h >>> 0;
  // An id hashing to (0, 0) would read as "no id" and be kept: the safe side, and 1 in 2⁶⁴.
  out[at + 1] = fnv >>> 0;
}

/**
 * The key a record is dropped on as a repeat: its id's hash (hashId) with its time folded in.
 * The time because an id alone was trusted too far: a file whose records reuse an id (a
 * generator's template, a tool that numbers per batch) lost all but one of them, a count off by
 * nearly the whole file, while the same record in two exports (a Graph pull and a portal
 * download, however either is shaped) carries the same time to the millisecond.
 */
export function hashRecordKey(id: string, timeMs: number, out: Uint32Array, at: number): void {
  hashId(id, out, at);
  // The time's two 32-bit halves (milliseconds reach past 2^32), each mixed into one half of the hash.
  const low = timeMs >>> 0;
  const high = Math.floor(timeMs / 0x1_0000_0000) >>> 0;
  let h = out[at] ^ Math.imul(low, 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  let l = Math.imul(out[at + 1] ^ high, 0x01000193) ^ Math.imul(low, 0x27d4eb2f);
  l = Math.imul(l ^ (l >>> 16), 0xc2b2ae35);
  l ^= l >>> 16;
  out[at] = h >>> 0;
  // (0, 0) would read as "no id": kept, the safe side.
  out[at + 1] = l >>> 0;
}

/** One kind's ids: linear probing over two Uint32 columns; an empty slot is (0, 0). */
class IdHashes {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private used = 0;

  /** Adds the id; false when it was there already. */
  add(high: number, low: number): boolean {
    const mask = this.high.length - 1;
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const h = this.high[slot];
      const l = this.low[slot];
      if (h === high && l === low) return false;
      if (h === NO_ID && l === NO_ID) {
        this.high[slot] = high;
        this.low[slot] = low;
        if (++this.used * 2 > this.high.length) this.grow();
        return true;
      }
    }
  }

  /** Room for `count` ids at half load, made once: growing later rehashes them all on the main thread. */
  reserve(count: number): void {
    const length = halfLoadLength(this.high.length, count);
    if (length > this.high.length) this.rehash(length);
  }

  private grow(): void {
    this.rehash(this.high.length * 2);
  }

  private rehash(length: number): void {
    const [oldHigh, oldLow] = [this.high, this.low];
    this.high = new Uint32Array(length);
    this.low = new Uint32Array(length);
    this.used = 0;
    for (let slot = 0; slot < oldHigh.length; slot++) if (oldHigh[slot] !== NO_ID || oldLow[slot] !== NO_ID) this.add(oldHigh[slot], oldLow[slot]);
  }
}

/** The ids loaded so far, one id space per record kind (an audit and a sign-in may share an id). */
export class RecordIds {
  private readonly kinds: IdHashes[] = [];
  private expected = 0;

  /** True for the first record with this (kind, id), and for every record without an id. */
  firstCopy(kind: number, high: number, low: number): boolean {
    if (high === NO_ID && low === NO_ID) return true;
    let ids = this.kinds[kind];
    if (!ids) {
      ids = this.kinds[kind] = new IdHashes();
      ids.reserve(this.expected);
    }
    return ids.add(high, low);
  }

  /** The load expects about `count` records: each kind's table is made that large once (a load is mostly one kind). */
  reserve(count: number): void {
    this.expected = Math.max(this.expected, count);
    for (const ids of this.kinds) ids?.reserve(count);
  }
}

/**
 * Drop from `batch` (in place) every record whose (kind, id) was loaded before, in this batch or
 * an earlier one, keeping the others in their order; returns how many were dropped. Arena bytes
 * of dropped records are dropped too, so a repeated gzip or CSV input costs no memory.
 */
export function dropRepeatedRecords(batch: EventBatch, ids: RecordIds): number {
  let kept = 0;
  let arenaKept = 0;
  for (let i = 0; i < batch.count; i++) {
    if (!ids.firstCopy(batch.recordKind[i], batch.idHash[2 * i], batch.idHash[2 * i + 1])) continue;
    if ((batch.flags[i] & FLAG.inArena) !== 0) {
      // The batcher writes arena records in row order, so a kept record only ever moves left.
      const offset = batch.rawOffset[i];
      const length = batch.rawLength[i];
      if (offset !== arenaKept) batch.arena.copyWithin(arenaKept, offset, offset + length);
      batch.rawOffset[i] = arenaKept;
      arenaKept += length;
    }
    if (kept !== i) moveRow(batch, i, kept);
    kept++;
  }
  const dropped = batch.count - kept;
  if (dropped > 0) trimRows(batch, kept, arenaKept);
  return dropped;
}

function moveRow(b: EventBatch, from: number, to: number): void {
  b.time[to] = b.time[from];
  b.pane[to] = b.pane[from];
  b.flags[to] = b.flags[from];
  b.initiatorKind[to] = b.initiatorKind[from];
  b.targetCount[to] = b.targetCount[from];
  b.strings.copyWithin(to * STRING_FIELD_COUNT, from * STRING_FIELD_COUNT, (from + 1) * STRING_FIELD_COUNT);
  b.format[to] = b.format[from];
  b.line[to] = b.line[from];
  b.rawOffset[to] = b.rawOffset[from];
  b.rawLength[to] = b.rawLength[from];
  b.rawHash[to] = b.rawHash[from];
  b.recordKind[to] = b.recordKind[from];
  b.idHash[2 * to] = b.idHash[2 * from];
  b.idHash[2 * to + 1] = b.idHash[2 * from + 1];
}

function trimRows(b: EventBatch, count: number, arenaBytes: number): void {
  b.count = count;
  b.time = b.time.subarray(0, count);
  b.pane = b.pane.subarray(0, count);
  b.flags = b.flags.subarray(0, count);
  b.initiatorKind = b.initiatorKind.subarray(0, count);
  b.targetCount = b.targetCount.subarray(0, count);
  b.strings = b.strings.subarray(0, count * STRING_FIELD_COUNT);
  b.format = b.format.subarray(0, count);
  b.line = b.line.subarray(0, count);
  b.rawOffset = b.rawOffset.subarray(0, count);
  b.rawLength = b.rawLength.subarray(0, count);
  b.rawHash = b.rawHash.subarray(0, count);
  b.recordKind = b.recordKind.subarray(0, count);
  b.idHash = b.idHash.subarray(0, 2 * count);
  b.arena = b.arena.subarray(0, arenaBytes);
}
