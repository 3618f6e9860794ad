/**
 * Folds the units' batches into the store input by input, whatever order the workers finish in,
 * and drops records loaded before (same kind and id: overlapping exports are normal in an
 * incident). The first copy is kept, and across inputs "first" is the order the inputs were
 * named, not the workers' timing: which export a record is credited to, and the store's order of
 * inputs, are the same on every run.
 *
 * So an input's batches go straight in only once every input before it has ended; until then they
 * wait here (compact typed arrays, the size they will have in the store anyway). Workers take
 * units in input order, so little waits: mostly the next input's first batches while the last
 * part of the one before finishes.
 *
 * The parts of one split file go in as they are parsed, not in offset order: holding a later part
 * back until the first is done would keep about half the file's rows waiting, and measured on a
 * million events (two parts) that cost ~85 MB more at the peak (~14%). The price: for a record
 * repeated inside one big file, which of its lines is the one kept can depend on timing (counts
 * never do; copies in one file are the same record, so only the line shown in details differs).
 */
import type { EventBatch } from '../store/event-batch.js';
import type { EventStore } from '../store/event-store.js';
import type { LoaderVocabulary } from '../store/loader-vocabulary.js';
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
  private readonly groupOf = new Map<U, number>();
  /** The input whose units' batches go straight in (those before it have all ended). */
  private current = 0;
  /** Records dropped as repeats, over every unit. */
  duplicates = 0;

  /**
   * `inputs`: each input's units, in the order copies are preferred. `released` is told of each
   * unit once it has ended and all its events are in the store.
   */
  constructor(
    private readonly store: EventStore,
    private readonly inputs: ReadonlyArray<readonly U[]>,
    private readonly released: (unit: U) => void,
  ) {
    inputs.forEach((units, group) => units.forEach((unit) => this.groupOf.set(unit, group)));
  }

  /** The load expects about `events` records: the table of their ids is sized once, not rehashed as it fills. */
  reserve(events: number): void {
    this.ids.reserve(events);
  }

  take(unit: U, batch: EventBatch): void {
    if (this.groupOf.get(unit) === this.current) this.append(unit, batch);
    else {
      const list = this.waiting.get(unit);
      if (list) list.push(batch);
      else this.waiting.set(unit, [batch]);
    }
  }

  /** The unit sent its last batch (or failed): its input may be done, and the next ones' turn begin. */
  end(unit: U): void {
    this.ended.add(unit);
    if (this.groupOf.get(unit) !== this.current) return;
    this.released(unit);
    while (this.current < this.inputs.length && this.inputs[this.current].every((u) => this.ended.has(u))) {
      this.current++;
      const units = this.inputs[this.current] ?? [];
      for (const next of units) {
        // One batch at a time, each let go once it is in: an input's worth of batches is tens of MB.
        const waiting = this.waiting.get(next) ?? [];
        this.waiting.delete(next);
        for (let batch = waiting.shift(); batch; batch = waiting.shift()) this.append(next, batch);
      }
      // Only once every part is in: a split file's line numbers are fixed up when its last part is released.
      for (const next of units) if (this.ended.has(next)) this.released(next);
    }
  }

  /** All of `unit`'s events are in the store (and no more will come). */
  isReleased(unit: U): boolean {
    const group = this.groupOf.get(unit);
    return group !== undefined && group <= this.current && this.ended.has(unit);
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
