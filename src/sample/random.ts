/**
 * A small seeded pseudo-random generator for the sample tenant. The sample must be byte-for-byte
 * reproducible from its seed (tests and the bundled data file depend on it), so nothing here
 * touches Math.random or the clock.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** FNV-1a over the label, folded with the seed: independent streams for independent purposes. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface Weighted {
  weight: number;
}

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast, and good enough for synthetic data. Returns [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Distinct items, in random order; fewer when the list is shorter than `count`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0) {
      const index = Math.floor(this.next() * pool.length);
      taken.push(pool[index]);
      pool[index] = pool[pool.length - 1];
      pool.pop();
    }
    return taken;
  }

  weighted<T extends Weighted>(items: readonly T[]): T {
    let total = 0;
    for (const item of items) total += item.weight;
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1];
  }

  /** A version-4-shaped GUID, lower case, as Graph writes them. */
  guid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const b4 = ((b >>> 16) & 0x0fff) | 0x4000;
    const c8 = ((c >>> 24) & 0x3f) | 0x80;
    return (
      HEX[a >>> 24] + HEX[(a >>> 16) & 255] + HEX[(a >>> 8) & 255] + HEX[a & 255] + '-' +
      HEX[(b >>> 8) & 255] + HEX[b & 255] + '-' +
      HEX[b4 >>> 8] + HEX[b4 & 255] + '-' +
      HEX[c8] + HEX[(c >>> 16) & 255] + '-' +
      HEX[(c >>> 8) & 255] + HEX[c & 255] +
      HEX[d >>> 24] + HEX[(d >>> 16) & 255] + HEX[(d >>> 8) & 255] + HEX[d & 255]
    );
  }

  /** Upper-case letters and digits, like the middle part of a Core Directory event id. */
  code(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += ID_ALPHABET[Math.floor(this.next() * ID_ALPHABET.length)];
    return text;
  }
}

/**
 * A GUID that depends only on the seed and a name, so a tenant object keeps its id however many
 * other objects are added before it.
 */
export function stableGuid(seed: number, label: string): string {
  return new SeededRandom(deriveSeed(seed, label)).guid();
}
