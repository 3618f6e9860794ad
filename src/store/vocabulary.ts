/**
 * String interning: activities, services, categories, actors and targets repeat constantly, so
 * each distinct string is kept once and events hold small integer ids. Id 0 is the empty string.
 */
export class Vocabulary {
  private ids = new Map<string, number>([['', 0]]);
  private values: string[] = [''];
  /**
   * Strings below this id are in `ids`. After `restore` only the empty string is: a Map of a
   * million strings takes ~1–2 s to build on the shared 2-core machine, so the load session adds
   * them in steps (mapSome) once the restored store is on screen, and a lookup before that adds
   * the rest at once.
   */
  private mapped = 1;

  private complete(): Map<string, number> {
    if (this.mapped < this.values.length) this.mapSome(Infinity);
    return this.ids;
  }

  /** Add up to `count` more restored strings to the Map; true once all are in. */
  mapSome(count: number): boolean {
    const end = Math.min(this.values.length, this.mapped + count);
    for (let id = this.mapped; id < end; id++) this.ids.set(this.values[id], id);
    this.mapped = end;
    return end === this.values.length;
  }

  /** Every string by id, as a snapshot keeps them (a copy: later interning does not change it). */
  strings(): string[] {
    return this.values.slice();
  }

  /** Take the strings of a snapshot, into an empty vocabulary (id 0 must be the empty string). */
  restore(values: string[]): void {
    if (this.values.length !== 1 || values[0] !== '') throw new Error('a vocabulary is restored empty, from strings that start with ""');
    this.values = values;
    this.ids = new Map<string, number>([['', 0]]);
    this.mapped = 1;
  }

  intern(value: string): number {
    let id = this.complete().get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.mapped = this.values.length;
    }
    return id;
  }

  /** The id of a string already interned, without adding it. */
  lookup(value: string): number | undefined {
    return this.complete().get(value);
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
