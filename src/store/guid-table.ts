/**
 * The vocabulary's GUID-shaped strings as 16 bytes each instead of JS strings. Correlation ids
 * are about one a record, ~80% of a million-event store's distinct strings; as strings in a Map
 * each costs ~100 bytes (its header, 36 characters, the Map's entry and slack), packed ~25 (16
 * bytes, a slot of the open-addressing table at half load, a flag). Only the canonical lower-case
 * form is packed (`0f1e2d3c-…`), so a string read back is exactly the string interned; any other
 * spelling stays a string.
 */
import { ensureCapacity, halfLoadLength } from './growable.js';

const GUID_LENGTH = 36;
const EMPTY = -1;

/** The hex digit of a lower-case character code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The character codes of the hex digits. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

export class GuidTable {
  /** 16 bytes per vocabulary id (unused for ids that are not GUIDs). */
  private bytes = new Uint8Array(0);
  /** Per vocabulary id: 1 when its string is packed here. */
  private packed = new Uint8Array(0);
  /** Open addressing: vocabulary ids, EMPTY where free; its length is a power of two. */
  private slots = new Int32Array(1024).fill(EMPTY);
  private count = 0;
  /** Scratch for the string being looked up. */
  private readonly probe = new Uint8Array(16);
  /** Scratch for a string being made. */
  private readonly scratch = Buffer.alloc(GUID_LENGTH);

  /** `value`'s 16 bytes (a copy), or null when it is not a canonical lower-case GUID. */
  bytesOf(value: string): Uint8Array | null {
    return this.parse(value) ? this.probe.slice() : null;
  }

  /** Are packed id `id`'s bytes `bytes` (from bytesOf)? Its string need not be made. */
  holds(id: number, bytes: Uint8Array): boolean {
    const at = id * 16;
    for (let k = 0; k < 16; k++) if (this.bytes[at + k] !== bytes[k]) return false;
    return true;
  }

  /** Write `value`'s 16 bytes into the scratch; false when it is not a canonical lower-case GUID. */
  private parse(value: string): boolean {
    if (value.length !== GUID_LENGTH) return false;
    let byte = 0;
    for (let i = 0; i < GUID_LENGTH; ) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (value.charCodeAt(i) !== 45) return false;
        i++;
        continue;
      }
      const high = hexValue(value.charCodeAt(i));
      const low = hexValue(value.charCodeAt(i + 1));
      if (high < 0 || low < 0) return false;
      this.probe[byte++] = (high << 4) | low;
      i += 2;
    }
    return true;
  }

  private hash(bytes: Uint8Array, at: number): number {
    // FNV-1a over the 16 bytes: ids made by counters (`…-000000000001`) spread as well as random ones.
    let h = 0x811c9dc5;
    for (let k = 0; k < 16; k++) h = Math.imul(h ^ bytes[at + k], 0x01000193);
    return h >>> 0;
  }

  private sameAsProbe(id: number): boolean {
    return this.holds(id, this.probe);
  }

  /** The slot `value` is in, or the free one it would take; null when it is not a packable GUID. */
  private slotOf(value: string): number | null {
    return this.parse(value) ? this.slotOfProbe() : null;
  }

  /** slotOf for the GUID already parsed into the probe. */
  private slotOfProbe(): number {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(this.probe, 0) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === EMPTY || this.sameAsProbe(id)) return slot;
    }
  }

  /**
   * find, then add under `id` when it is a GUID not packed yet, parsing and probing once: the
   * store interns about a million new GUIDs at 1M events, each parsed and probed twice before.
   * The id it is packed under (`id` when new), or null when it is no GUID this table packs.
   */
  findOrAdd(value: string, id: number): number | null {
    if (!this.parse(value)) return null;
    let slot = this.slotOfProbe();
    const found = this.slots[slot];
    if (found !== EMPTY) return found;
    if ((this.count + 1) * 2 > this.slots.length) {
      this.grow();
      slot = this.slotOfProbe();
    }
    this.put(slot, id);
    return id;
  }

  /** The id `value` was packed under; undefined when it is a GUID not packed yet; null when it is no GUID this table packs. */
  find(value: string): number | undefined | null {
    const slot = this.slotOf(value);
    if (slot === null) return null;
    const id = this.slots[slot];
    return id === EMPTY ? undefined : id;
  }

  /** The probe's GUID into free `slot`, under `id`. */
  private put(slot: number, id: number): void {
    this.bytes = ensureCapacity(this.bytes, (id + 1) * 16, Uint8Array);
    this.packed = ensureCapacity(this.packed, id + 1, Uint8Array);
    this.bytes.set(this.probe, id * 16);
    this.packed[id] = 1;
    this.slots[slot] = id;
    this.count++;
  }

  /**
   * Room for `count` GUIDs at half load, made once (the load's estimate of its events): growing
   * rehashes every GUID packed so far on the main thread, which at 3M events held keys for 1.1 s.
   */
  reserve(count: number): void {
    const length = halfLoadLength(this.slots.length, count);
    if (length > this.slots.length) this.rehash(length);
  }

  private grow(): void {
    this.rehash(this.slots.length * 2);
  }

  private rehash(length: number): void {
    const old = this.slots;
    this.slots = new Int32Array(length).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (const id of old) {
      if (id === EMPTY) continue;
      let slot = this.hash(this.bytes, id * 16) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }

  has(id: number): boolean {
    return this.packed[id] === 1;
  }

  /**
   * The string of a packed id, made anew each time (callers that keep it hold it): written as
   * character codes into a scratch buffer and decoded in one call, so it is one flat string of
   * 36 bytes, not a rope of 20 pieces (~600 bytes until flattened: a snapshot of a million
   * made 370 MB of them).
   */
  text(id: number): string {
    const at = id * 16;
    const out = this.scratch;
    let c = 0;
    for (let k = 0; k < 16; k++) {
      if (k === 4 || k === 6 || k === 8 || k === 10) out[c++] = 45;
      const byte = this.bytes[at + k];
      out[c++] = HEX_CODES[byte >> 4];
      out[c++] = HEX_CODES[byte & 15];
    }
    return out.toString('latin1', 0, GUID_LENGTH);
  }

  /** Bytes held, for the store's footprint. */
  get byteLength(): number {
    return this.bytes.byteLength + this.packed.byteLength + this.slots.byteLength;
  }

  get size(): number {
    return this.count;
  }
}
