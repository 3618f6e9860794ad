/**
 * String interning: activities, services, categories, actors and targets repeat constantly, so
 * each distinct string is kept once and events hold small integer ids. Id 0 is the empty string.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>([['', 0]]);
  readonly values: string[] = [''];

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
