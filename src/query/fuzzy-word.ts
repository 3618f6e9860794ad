/**
 * Which searchable strings one fuzzy word hits (fuse.js), decided for as few strings as will do.
 * fuse.js scores each string on its own (no statistics over the others), so the hits among some
 * strings are the hits of a search over all of them, kept to those strings. A word typed after a
 * narrow filter (`user:kwame error`: the word `e`, then `er`, …) only needs the strings of the few
 * events still alive: searching those, not the whole vocabulary (~0.1 s at a million sign-ins),
 * keeps each key quick. Strings asked about later that were not searched (the store grew, or a
 * wider pass) bring the search over everything, once.
 */
import { STRING_FIELD_COUNT, stringFieldIndex, type StringField } from '../store/event-batch.js';
import type { QueryIndex } from './query-index.js';

/** Past this many distinct strings among the alive events, the whole vocabulary is searched instead. */
const FEW_STRINGS = 5000;
/** Past this many alive events, too (collecting their strings would cost more than it saves). */
const FEW_EVENTS = 20_000;

export class FuzzyWordHits {
  private hits = new Set<number>();
  /** The string ids searched, when only some were; null: every id below `covered`. */
  private among: Set<number> | null = null;
  private covered = -1;

  constructor(
    private readonly index: QueryIndex,
    private readonly word: string,
    private readonly fields: readonly StringField[],
  ) {}

  /** Before the first narrow of [from, to): search the strings of the events alive in it, if few. */
  prepare(alive: Uint8Array | null, from = 0, to = 0): void {
    if (this.covered >= 0) return;
    this.covered = this.index.store.vocabulary.size;
    const among = alive ? this.stringsOfAlive(alive, from, to) : null;
    if (among) {
      this.among = among;
      this.hits = new Set(this.index.fuzzyHitsAmong(this.word, [...among]));
    } else this.hits = new Set(this.index.fuzzyHits(this.word));
  }

  /** The distinct strings of the word's fields in the alive events, or null when there are many. */
  private stringsOfAlive(alive: Uint8Array, from: number, to: number): Set<number> | null {
    let aliveCount = 0;
    for (let i = from; i < to; i++) aliveCount += alive[i];
    if (aliveCount > FEW_EVENTS) return null;
    const rows = this.index.store.stringIdRows();
    const columns = this.fields.map(stringFieldIndex);
    const ids = new Set<number>();
    for (let i = from; i < to; i++) {
      if (alive[i] === 0) continue;
      const base = i * STRING_FIELD_COUNT;
      for (const column of columns) ids.add(rows[base + column]);
      if (ids.size > FEW_STRINGS) return null;
    }
    return ids;
  }

  has(id: number): boolean {
    // Asked before any narrow (no alive events to go by): the whole search.
    if (this.covered < 0) this.prepare(null);
    const { store } = this.index;
    // Strings that arrived after the first search (a load still streaming in): fuse.js over just the new ones.
    if (id >= this.covered) {
      for (const hit of this.index.newFuzzyHits(this.word, this.covered)) this.hits.add(hit);
      this.covered = store.vocabulary.size;
    }
    if (this.among && id < this.covered && !this.among.has(id)) {
      for (const hit of this.index.fuzzyHits(this.word)) this.hits.add(hit);
      this.among = null;
    }
    return this.hits.has(id);
  }
}
