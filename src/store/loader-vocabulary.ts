/**
 * Maps one loader's string ids to the store's. A typed array, not a number[]: the copy of every
 * event's 24 string ids through it was ~30 ns an id through a JS array of millions.
 */
export class LoaderVocabulary {
  // Small at first: a load of thousands of small files has a loader each, and reach() doubles.
  toStore = new Uint32Array(256);

  /** Room for loader ids below `end`. */
  reach(end: number): Uint32Array {
    if (end > this.toStore.length) {
      const grown = new Uint32Array(Math.max(end, this.toStore.length * 2));
      grown.set(this.toStore);
      this.toStore = grown;
    }
    return this.toStore;
  }
}
