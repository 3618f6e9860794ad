/**
 * String interning: activities, services, categories, actors and targets repeat constantly, so
 * each distinct string is kept once and events hold small integer ids. Id 0 is the empty string.
 */
export class Vocabulary {
  /**
   * Built on first use after `restore`: a Map of a million strings takes ~1 s to build (3M: 4.4 s on
   * the shared 2-core machine), and a restored store is on screen before anything looks one up.
   */
  private idsBuilt: Map<string, number> | null = new Map<string, number>([['', 0]]);
  private values: string[] = [''];

  private get ids(): Map<string, number> {
    if (this.idsBuilt === null) {
      const ids = new Map<string, number>();
      for (let id = 0; id < this.values.length; id++) ids.set(this.values[id], id);
      this.idsBuilt = ids;
    }
    return this.idsBuilt;
  }

  /** Every string by id, as a snapshot keeps them (a copy: later interning does not change it). */
  strings(): string[] {
    return this.values.slice();
  }

  /** Take the strings of a snapshot, into an empty vocabulary (id 0 must be the empty string). */
  restore(values: string[]): void {
    if (this.values.length !== 1 || values[0] !== '') throw new Error('a vocabulary is restored empty, from strings that start with ""');
    this.values = values;
    this.idsBuilt = null;
  }

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a string already interned, without adding it. */
  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }

  get(id: number): string {
    return this.values[id] ?? '';
  }

  private readonly lowered: string[] = [''];

  /** The string lower-cased (computed once per string, for case-insensitive matching). */
  lower(id: number): string {
    let value = this.lowered[id];
    if (value === undefined) {
      value = this.get(id).toLowerCase();
      this.lowered[id] = value;
    }
    return value;
  }

  get size(): number {
    return this.values.length;
  }
}
