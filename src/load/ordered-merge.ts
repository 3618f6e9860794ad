/**
 * Folds the units' batches into the store in a fixed order, whatever order the workers finish
 * in, and drops records loaded before (same kind and id: overlapping exports are normal in an
 * incident). The first copy is kept, and "first" is the units' order (inputs as given, then file
 * offset), not the workers' timing: the copy kept, the source and line a record is shown from,
 * and the store's order are the same on every run.
 *
 * So a unit's batches go straight in only while every unit before it has ended; until then they
 * wait here (compact typed arrays, the size they will have in the store anyway). While one big
 * file loads part by part, the count on screen grows with the earliest unfinished part and jumps
 * as later parts, already parsed, follow it.
 */
import type { EventBatch } from '../store/event-batch.js';
import type { EventStore, LoaderVocabulary } from '../store/event-store.js';
import { dropRepeatedRecords, RecordIds } from '../store/record-ids.js';

export interface MergedUnit {
  readonly vocabulary: LoaderVocabulary;
  /** Store index ranges its events went to, in order. */
  readonly spans: Array<[number, number]>;
  /** Its records dropped as repeats of a record loaded before. */
  duplicates: number;
}

export class OrderedMerge<U extends MergedUnit> {
  private readonly ids = new RecordIds();
  private readonly waiting = new Map<U, EventBatch[]>();
  private readonly ended = new Set<U>();
  /** Position in `order` of the unit whose batches go straight in. */
  private next = 0;
  /** Records dropped as repeats, over every unit. */
  duplicates = 0;

  /** `released` is told of each unit once all its events are in the store, in `order`. */
  constructor(
    private readonly store: EventStore,
    private readonly order: readonly U[],
    private readonly released: (unit: U) => void,
  ) {}

  take(unit: U, batch: EventBatch): void {
    if (this.order[this.next] === unit) this.append(unit, batch);
    else {
      const list = this.waiting.get(unit);
      if (list) list.push(batch);
      else this.waiting.set(unit, [batch]);
    }
  }

  /** The unit sent its last batch (or failed): its turn may end, and the next units' begin. */
  end(unit: U): void {
    this.ended.add(unit);
    while (this.next < this.order.length) {
      const current = this.order[this.next];
      // One at a time, each let go once it is in: a part's worth of batches is tens of MB.
      const waiting = this.waiting.get(current) ?? [];
      this.waiting.delete(current);
      for (let batch = waiting.shift(); batch; batch = waiting.shift()) this.append(current, batch);
      if (!this.ended.has(current)) return;
      this.next++;
      this.released(current);
    }
  }

  /** All of `unit`'s events are in the store (and no more will come). */
  isReleased(unit: U): boolean {
    const position = this.order.indexOf(unit);
    return position !== -1 && position < this.next;
  }

  private append(unit: U, batch: EventBatch): void {
    const dropped = dropRepeatedRecords(batch, this.ids);
    unit.duplicates += dropped;
    this.duplicates += dropped;
    // Even a batch left empty goes in: the store then knows its source (a file of nothing but repeats).
    const start = this.store.append(batch, unit.vocabulary);
    unit.spans.push([start, this.store.count]);
  }
}
