/**
 * String interning: activities, services, categories, actors and targets repeat constantly, so
 * each distinct string is kept once and events hold small integer ids. Id 0 is the empty string.
 * GUIDs (correlation ids: about one a record) are kept as 16 bytes, not strings (guid-table.ts).
 */
import { GuidTable } from './guid-table.js';
import type { PackedStrings } from './store-snapshot.js';

export class Vocabulary {
  /** Every string but the packed GUIDs. */
  private ids = new Map<string, number>([['', 0]]);
  private guids = new GuidTable();
  /** By id; undefined for a packed GUID, and after a restore from packed strings until each string is first asked for. */
  private values: Array<string | undefined> = [''];
  private packed: PackedStrings | null = null;
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
    for (let id = this.mapped; id < end; id++) {
      const value = this.get(id);
      if (this.guids.findOrAdd(value, id) === id) this.values[id] = undefined; // now read from its bytes
      else this.ids.set(value, id);
    }
    this.mapped = end;
    return end === this.values.length;
  }

  /** Every string by id, as a snapshot keeps them (a copy: later interning does not change it). */
  strings(): string[] {
    return Array.from({ length: this.values.length }, (_, id) => this.get(id));
  }

  /** Take the strings of a snapshot, into an empty vocabulary (id 0 must be the empty string). */
  restore(strings: string[] | PackedStrings): void {
    if (this.values.length !== 1) throw new Error('a vocabulary is restored only while empty');
    if (Array.isArray(strings)) {
      if (strings[0] !== '') throw new Error('restored strings start with the empty string');
      this.values = strings.slice();
    } else {
      const { ends, text, odd } = strings;
      if (ends.length === 0 || ends[0] !== 0 || ends[ends.length - 1] !== text.length) throw new Error('packed strings do not fit their text');
      this.values = new Array<string>(ends.length);
      this.values[0] = '';
      for (const [id, value] of odd) if (id > 0 && id < ends.length) this.values[id] = value;
      this.packed = strings;
    }
    this.ids = new Map<string, number>([['', 0]]);
    this.guids = new GuidTable();
    this.mapped = 1;
  }

  intern(value: string): number {
    const map = this.complete();
    const next = this.values.length;
    const packed = this.guids.findOrAdd(value, next);
    if (packed !== null) {
      if (packed === next) {
        this.values.push(undefined);
        this.mapped = this.values.length;
      }
      return packed;
    }
    let id = map.get(value);
    if (id === undefined) {
      id = next;
      map.set(value, id);
      this.values.push(value);
      this.mapped = this.values.length;
    }
    return id;
  }

  /** The id of a string already interned, without adding it. */
  /** About `count` GUIDs are coming (one a record, the load's estimate): their table is sized once. */
  reserveGuids(count: number): void {
    this.guids.reserve(count);
  }

  lookup(value: string): number | undefined {
    const map = this.complete();
    return this.guids.find(value) ?? map.get(value);
  }

  get(id: number): string {
    const value = this.values[id];
    if (value !== undefined) return value;
    return this.guids.has(id) ? this.guids.text(id) : this.unpack(id);
  }

  private unpack(id: number): string {
    const packed = this.packed;
    if (packed === null || !(id > 0 && id < packed.ends.length)) return '';
    const value = packed.text.slice(packed.ends[id - 1] + 1, packed.ends[id]);
    this.values[id] = value;
    return value;
  }

  private readonly lowered: string[] = [''];

  /** The string lower-cased (computed once per string, for case-insensitive matching). */
  lower(id: number): string {
    // A packed GUID is lower case already; kept lowered, a million of them would be strings again.
    if (this.guids.has(id)) return this.guids.text(id);
    let value = this.lowered[id];
    if (value === undefined) {
      value = this.get(id).toLowerCase();
      this.lowered[id] = value;
    }
    return value;
  }

  /**
   * Whether packed GUID `id` contains (or, `exact`, equals) one of the lower-case `needles`,
   * decided from its 16 bytes: making the strings of a million correlation ids again cost
   * ~200 ms for each `corr:` keystroke. Null when some needle needs the strings (a part of a
   * GUID, `corr:3f2a`); a needle with anything but hex digits and dashes matches no GUID.
   */
  packedGuidTest(needles: readonly string[], exact: boolean): ((id: number) => boolean) | null {
    const whole: Uint8Array[] = [];
    for (const needle of needles) {
      const bytes = this.guids.bytesOf(needle);
      if (bytes) whole.push(bytes);
      else if (!exact && needle.length < 36 && /^[0-9a-f-]*$/.test(needle)) return null;
    }
    return (id) => whole.some((bytes) => this.guids.holds(id, bytes));
  }

  get size(): number {
    return this.values.length;
  }

  /** Is string `id` a packed GUID (for the store's footprint)? */
  isPackedGuid(id: number): boolean {
    return this.guids.has(id);
  }

  /** How many strings are packed GUIDs, and the bytes that holds them (for the store's footprint). */
  packedGuids(): { count: number; bytes: number } {
    return { count: this.guids.size, bytes: this.guids.byteLength };
  }
}
