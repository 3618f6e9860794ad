/**
 * Each joined target-keys string split into its parts' string ids, once per distinct string, in
 * typed arrays. The Target list reads every event's parts twice: a JS array indexed by string id
 * goes sparse past a few thousand ids (V8 keeps it as a hash table), which made the Target facet
 * at 1M events ~300 ms; flat arrays read the same parts in a fraction of it.
 */
import { splitKeys } from '../model/event-summary.js';
import { ensureCapacity } from '../store/growable.js';
import type { Vocabulary } from '../store/vocabulary.js';

/** For hot loops: string `id`'s parts are `parts[starts[id] - 1 …]`, `lengths[id]` of them; `starts[id]` is 0 until split. */
export interface TargetLineTable {
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  readonly parts: Int32Array;
}

export class TargetLines {
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  private parts = new Int32Array(1024);
  private used = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  /**
   * Split string `keysId` unless it is already. Its parts are interned, not looked up: a target
   * that is never any event's first (a role granted as the second target) has no string of its
   * own yet, and would drop out of every Target list.
   */
  split(keysId: number): void {
    if (keysId < this.starts.length && this.starts[keysId] !== 0) return;
    const { vocabulary } = this;
    const keys = splitKeys(vocabulary.get(keysId));
    this.parts = ensureCapacity(this.parts, this.used + keys.length, Int32Array);
    for (let k = 0; k < keys.length; k++) this.parts[this.used + k] = vocabulary.intern(keys[k]);
    // Sized after interning: the parts may have grown the vocabulary, and the table covers it all.
    this.starts = ensureCapacity(this.starts, vocabulary.size, Int32Array);
    this.lengths = ensureCapacity(this.lengths, vocabulary.size, Int32Array);
    this.starts[keysId] = this.used + 1;
    this.lengths[keysId] = keys.length;
    this.used += keys.length;
  }

  /** The arrays as they are now, covering every string id: valid until the next split. */
  table(): TargetLineTable {
    this.starts = ensureCapacity(this.starts, this.vocabulary.size, Int32Array);
    this.lengths = ensureCapacity(this.lengths, this.vocabulary.size, Int32Array);
    return { starts: this.starts, lengths: this.lengths, parts: this.parts };
  }
}
