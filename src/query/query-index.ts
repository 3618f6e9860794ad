/**
 * What queries over one store need besides the store, built once and kept by whoever owns the
 * store (the load session, through insights/store-indexes.ts), never in module-level caches:
 *
 *  - the fuzzy index: fuse.js over the distinct searchable strings (~0.1 s to build at a million
 *    events; rebuilt only when the store has new strings), with each word's hits remembered,
 *    because typing re-asks the same words;
 *  - every distinct joined target-keys string split into string ids (~0.4 s at a million events
 *    the first time), for target counts that agree with `target:=`;
 *  - how to ask the sensitive-operation rules for `risk:` (rules are queries themselves, so the
 *    query layer cannot own them: the owner plugs them in).
 */
import { ensureCapacity } from '../store/growable.js';
import Fuse from 'fuse.js';
import { TargetLines } from './target-lines.js';
import type { EventStore } from '../store/event-store.js';
import { STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';

/** An event's sensitive-operation severity, if it is one. */
export type RiskLookup = (index: number) => string | undefined;

type FuzzyIndex = Fuse<{ id: number; text: string }>;

// Unsorted: only which strings match matters (rows stay in time order), and sorting costs most of a search.
const FUSE_OPTIONS = { keys: ['text'], threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2, shouldSort: false };

/** Word hits kept per index: typing a query re-asks its words, but a long session must not grow without end. */
const KEPT_WORDS = 200;

export class QueryIndex {
  private fuzzy: { size: number; index: FuzzyIndex; hits: Map<string, Set<number>> } | null = null;
  /** Split target-keys strings, for the Target list (target-labels.ts). */
  readonly targetLines: TargetLines;
  private oneEvent = new Uint8Array(0);

  /**
   * `risk`: the rules' verdict per event, `unusual`: the unusual measures' (insights/unusual.ts);
   * without them, `risk:` is refused with a message.
   */
  constructor(
    readonly store: EventStore,
    readonly risk: RiskLookup | null = null,
    readonly unusual: ((index: number) => boolean) | null = null,
  ) {
    this.targetLines = new TargetLines(store.vocabulary);
  }

  /**
   * A mask long enough to hold event `index`, shared by every one-event verdict on this store
   * (compile.ts's peek): terms narrow by absolute position, and one array per rule would cost a
   * megabyte each at a million events.
   */
  oneEventMask(index: number): Uint8Array {
    return (this.oneEvent = ensureCapacity(this.oneEvent, index + 1, Uint8Array));
  }

  /** The distinct searchable strings fuse.js finds for a lower-cased word. */
  fuzzyHits(word: string): Set<number> {
    const { store } = this;
    if (!this.fuzzy || this.fuzzy.size !== store.vocabulary.size) {
      const items = store.searchableIds().map((id) => ({ id, text: store.vocabulary.get(id) }));
      this.fuzzy = { size: store.vocabulary.size, index: new Fuse(items, FUSE_OPTIONS), hits: new Map() };
    }
    let hits = this.fuzzy.hits.get(word);
    if (!hits) {
      hits = new Set(this.fuzzy.index.search(word).map((result) => result.item.id));
      if (this.fuzzy.hits.size > KEPT_WORDS) this.fuzzy.hits.clear();
      this.fuzzy.hits.set(word, hits);
    }
    return hits;
  }

  /** Fuzzy hits among the searchable strings with ids from `from` on (a small, throwaway index). */
  newFuzzyHits(word: string, from: number): number[] {
    return this.fuzzyHitsAmong(word, this.store.searchableIds().filter((id) => id >= from));
  }

  /** Fuzzy hits among the strings `ids` (a throwaway index: fuse.js scores each string on its own). */
  fuzzyHitsAmong(word: string, ids: readonly number[]): number[] {
    const { store } = this;
    const items = ids.filter((id) => id !== 0).map((id) => ({ id, text: store.vocabulary.get(id) }));
    if (items.length === 0) return [];
    return new Fuse(items, FUSE_OPTIONS).search(word).map((result) => result.item.id);
  }

  /** Build the fuzzy index ahead of the first search (after a load, not on the first keystroke). */
  prepareFuzzy(): void {
    this.fuzzyHits('warm-up');
  }

  /** Split every distinct target-keys string ahead of the first Target list, a slice at a time; `schedule` runs the next slice later. */
  warmTargetLines(schedule: (step: () => void) => void, slice = 20_000): void {
    const { store } = this;
    const rows = store.stringIdRows();
    const keysColumn = stringFieldIndex('targetKeys');
    const count = store.count;
    let next = 0;
    const step = () => {
      const end = Math.min(count, next + slice);
      for (let index = next; index < end; index++) this.targetLines.split(rows[index * STRING_FIELD_COUNT + keysColumn]);
      next = end;
      if (next < count) schedule(step);
    };
    schedule(step);
  }
}
