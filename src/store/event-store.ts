/**
 * The compact event store: per event a few typed-array columns and interned string ids, plus
 * where to re-read the full record (an offset into its file, or JSON in an in-memory arena for
 * inputs that cannot be re-read: gzip, stdin, CSV rows). A million events take tens of MB instead
 * of the GBs a million parsed objects would; the details view re-reads one event on demand.
 *
 * The store knows no file and no format: a record at an offset is re-read by the function the
 * loader hands it (load/record-reader.ts), and what comes back is a value, never an exception,
 * so a file changed or gone since it was loaded is a message in the details, not a crash.
 */
import type { AuditEvent } from '../model/audit-event.js';
import type { SourceStamp } from '../model/sources.js';
import { PANES, perPane, type Pane } from '../model/pane.js';
import type { EventSummary } from '../model/event-summary.js';
import type { LoadedEvent, OwnRecord, RecordOrigin } from '../model/loaded-event.js';
import { projectionOf } from '../model/activity-projection.js';
import {
  FLAG,
  FREE_TEXT_FIELDS,
  INITIATOR_KINDS,
  STRING_FIELD_COUNT,
  STRING_FIELDS,
  stringFieldIndex,
  type EventBatch,
  type StringField,
} from './event-batch.js';

const FREE_TEXT_FIELD_INDEXES = FREE_TEXT_FIELDS.map(stringFieldIndex);
import { FieldRanks } from './field-ranks.js';
import { ensureCapacity, keptIndices } from './growable.js';
import { Vocabulary } from './vocabulary.js';
import { mergeNewestFirst } from './newest-first.js';
import { AddressPacker, type PackedAddresses } from './packed-addresses.js';
import type { LoaderVocabulary } from './loader-vocabulary.js';
import { RecordUnreadableError, type RawAddress, type RecordRead, type RecordReader } from './record-address.js';
import { columnLength, STORE_COLUMNS, type ColumnName, type StoreSnapshot } from './store-snapshot.js';

const NO_READER: RecordReader = (address) => ({ reason: `${address.source} cannot be re-read here` });

const DETAIL_CACHE = 64;

export class EventStore {
  count = 0;
  /** Events per pane, whether sorted yet or not. */
  readonly paneCounts: Record<Pane, number> = perPane(() => 0);
  readonly vocabulary = new Vocabulary();
  readonly sources: string[] = [];
  /** Each source file as the load found it (size, mtime, inode), for exports to check against. */
  private readonly stamps = new Map<string, SourceStamp>();
  private time = new Float64Array(0);
  private panes = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private initiatorKinds = new Uint8Array(0);
  private targetCounts = new Uint16Array(0);
  private strings = new Uint32Array(0);
  private formats = new Uint8Array(0);
  private lines = new Uint32Array(0);
  private rawOffsets = new Float64Array(0);
  private rawLengths = new Uint32Array(0);
  private rawHashes = new Uint32Array(0);
  private sourceIds = new Uint16Array(0);
  private arena = Buffer.alloc(0);
  private arenaUsed = 0;
  /**
   * Per pane, its events newest first, brought up to date whenever an order is asked for. Each
   * merge makes new arrays, so an array handed out is never changed under its holder.
   */
  private sorted: Record<Pane, Int32Array> = perPane(() => new Int32Array(0));
  private sortedCount = 0;
  /** Per vocabulary id: 1 when some event uses it in a field free-text search looks at. */
  private searchable = new Uint8Array(0);
  private readonly detailCache = new Map<number, RecordRead>();
  private readonly ranks = new FieldRanks();

  /** `reader` re-reads records kept by file offset; without one, only arena records can be read. */
  constructor(private readonly reader: RecordReader = NO_READER) {}

  noteSourceStamp(source: string, stamp: SourceStamp): void {
    this.stamps.set(source, stamp);
  }

  /** The source as loaded; undefined for standard input and stores built in memory. */
  sourceStamp(source: string): SourceStamp | undefined {
    return this.stamps.get(source);
  }

  sourceId(name: string): number {
    let id = this.sources.indexOf(name);
    if (id === -1) id = this.sources.push(name) - 1;
    return id;
  }

  /** Take a batch from a loader; `loader` translates its string ids. Returns the first new index. */
  append(batch: EventBatch, loader: LoaderVocabulary): number {
    const map = loader.reach(batch.firstNewString + batch.newStrings.length);
    for (let k = 0; k < batch.newStrings.length; k++) map[batch.firstNewString + k] = this.vocabulary.intern(batch.newStrings[k]);
    const start = this.count;
    const end = start + batch.count;
    this.grow(end, batch.arena.length);
    this.time.set(batch.time, start);
    this.panes.set(batch.pane, start);
    this.flags.set(batch.flags, start);
    this.initiatorKinds.set(batch.initiatorKind, start);
    this.targetCounts.set(batch.targetCount, start);
    this.formats.set(batch.format, start);
    this.lines.set(batch.line, start);
    this.rawLengths.set(batch.rawLength, start);
    this.rawHashes.set(batch.rawHash, start);
    const source = this.sourceId(batch.source);
    this.sourceIds.fill(source, start, end);
    const base = start * STRING_FIELD_COUNT;
    for (let k = 0; k < batch.strings.length; k++) this.strings[base + k] = map[batch.strings[k]];
    this.markSearchable(start, end);
    for (let i = 0; i < batch.count; i++) {
      this.paneCounts[PANES[batch.pane[i]]]++;
      const inArena = (batch.flags[i] & FLAG.inArena) !== 0;
      this.rawOffsets[start + i] = inArena ? this.arenaUsed + batch.rawOffset[i] : batch.rawOffset[i];
    }
    if (batch.arena.length > 0) {
      Buffer.from(batch.arena.buffer, batch.arena.byteOffset, batch.arena.length).copy(this.arena, this.arenaUsed);
      this.arenaUsed += batch.arena.length;
    }
    this.count = end;
    return start;
  }

  /**
   * Make room for `events` in all at once (the loader's estimate from the file's size): growing
   * by doubling leaves up to half of every column unused and, while a column is copied, holds
   * both copies (at 1M audits the string ids alone went 67 MB → 134 MB for 96 MB used).
   */
  reserve(events: number): void {
    if (events <= this.count) return;
    this.grow(events, 0, true);
    // A correlation id a record, about: packed GUIDs' table sized once, not rehashed as it fills.
    this.vocabulary.reserveGuids(events);
  }

  private grow(needed: number, arenaExtra: number, exact = false): void {
    this.time = ensureCapacity(this.time, needed, Float64Array, exact);
    this.panes = ensureCapacity(this.panes, needed, Uint8Array, exact);
    this.flags = ensureCapacity(this.flags, needed, Uint8Array, exact);
    this.initiatorKinds = ensureCapacity(this.initiatorKinds, needed, Uint8Array, exact);
    this.targetCounts = ensureCapacity(this.targetCounts, needed, Uint16Array, exact);
    this.strings = ensureCapacity(this.strings, needed * STRING_FIELD_COUNT, Uint32Array, exact);
    this.formats = ensureCapacity(this.formats, needed, Uint8Array, exact);
    this.lines = ensureCapacity(this.lines, needed, Uint32Array, exact);
    this.rawOffsets = ensureCapacity(this.rawOffsets, needed, Float64Array, exact);
    this.rawLengths = ensureCapacity(this.rawLengths, needed, Uint32Array, exact);
    this.rawHashes = ensureCapacity(this.rawHashes, needed, Uint32Array, exact);
    this.sourceIds = ensureCapacity(this.sourceIds, needed, Uint16Array, exact);
    if (this.arenaUsed + arenaExtra > this.arena.length) {
      const grown = Buffer.alloc(Math.max(this.arena.length * 2, this.arenaUsed + arenaExtra, 1 << 16));
      this.arena.copy(grown, 0, 0, this.arenaUsed);
      this.arena = grown;
    }
  }

  /**
   * The store as it is, for the persisted index: views of its columns trimmed to the events (not
   * copies: write them out before appending more), the strings, the sources.
   */
  snapshot(): StoreSnapshot {
    const n = this.count;
    this.sortNewEvents();
    const sorted = new Int32Array(n);
    let at = 0;
    for (const pane of PANES) {
      sorted.set(this.sorted[pane], at);
      at += this.sorted[pane].length;
    }
    return {
      count: n,
      paneCounts: { ...this.paneCounts },
      sources: [...this.sources],
      strings: this.vocabulary.strings(),
      columns: {
        time: this.time.subarray(0, n),
        panes: this.panes.subarray(0, n),
        flags: this.flags.subarray(0, n),
        initiatorKinds: this.initiatorKinds.subarray(0, n),
        targetCounts: this.targetCounts.subarray(0, n),
        strings: this.strings.subarray(0, n * STRING_FIELD_COUNT),
        formats: this.formats.subarray(0, n),
        lines: this.lines.subarray(0, n),
        rawOffsets: this.rawOffsets.subarray(0, n),
        rawLengths: this.rawLengths.subarray(0, n),
        rawHashes: this.rawHashes.subarray(0, n),
        sourceIds: this.sourceIds.subarray(0, n),
        arena: this.arena.subarray(0, this.arenaUsed),
        searchable: this.searchable.subarray(0, this.vocabulary.size),
        sorted,
      },
    };
  }

  /** Fill an empty store from a snapshot; a snapshot whose parts do not fit together throws, and the store stays empty. */
  restore(snapshot: StoreSnapshot): void {
    if (this.count !== 0 || this.sources.length !== 0) throw new Error('a store is restored only while empty');
    const { count, columns } = snapshot;
    for (const name of Object.keys(STORE_COLUMNS) as ColumnName[]) {
      const length = columnLength(name, count, STRING_FIELD_COUNT);
      if (length !== null && columns[name].length !== length) throw new Error(`snapshot column ${name}: ${columns[name].length} values, not ${length}`);
    }
    const paneTotal = PANES.reduce((sum, pane) => sum + snapshot.paneCounts[pane], 0);
    if (paneTotal !== count || snapshot.sources.length === 0) throw new Error('snapshot: its counts, strings or sources do not fit together');
    let at = 0;
    const sorted = perPane(() => new Int32Array(0));
    for (const pane of PANES) {
      sorted[pane] = columns.sorted.slice(at, at + snapshot.paneCounts[pane]);
      at += snapshot.paneCounts[pane];
    }
    this.vocabulary.restore(snapshot.strings);
    this.sources.push(...snapshot.sources);
    Object.assign(this.paneCounts, snapshot.paneCounts);
    ({ time: this.time, panes: this.panes, flags: this.flags, initiatorKinds: this.initiatorKinds, targetCounts: this.targetCounts, strings: this.strings } = columns);
    ({ formats: this.formats, lines: this.lines, rawOffsets: this.rawOffsets, rawLengths: this.rawLengths, rawHashes: this.rawHashes, sourceIds: this.sourceIds } = columns);
    this.arena = Buffer.from(columns.arena.buffer, columns.arena.byteOffset, columns.arena.length);
    this.arenaUsed = columns.arena.length;
    this.searchable = columns.searchable;
    this.sorted = sorted;
    this.sortedCount = count;
    this.count = count;
  }

  /** Ids of the distinct strings free-text search looks at (see FREE_TEXT_FIELDS). */
  searchableIds(): number[] {
    const ids: number[] = [];
    for (let id = 1; id < this.searchable.length; id++) if (this.searchable[id]) ids.push(id);
    return ids;
  }

  private markSearchable(start: number, end: number): void {
    this.searchable = ensureCapacity(this.searchable, this.vocabulary.size, Uint8Array);
    for (let i = start; i < end; i++) {
      const base = i * STRING_FIELD_COUNT;
      for (const f of FREE_TEXT_FIELD_INDEXES) this.searchable[this.strings[base + f]] = 1;
    }
  }

  /** Shift line numbers of events [start, end) once the lines before their part of the file are counted. */
  addLineBase(start: number, end: number, base: number): void {
    for (let i = start; i < end; i++) if (this.lines[i] > 0) this.lines[i] += base;
    // Events read before carry their part-relative line ("Loaded from file:123"): read them again.
    this.detailCache.clear();
  }

  /**
   * Fold events appended since the last sort into each pane's newest-first order: sort the new
   * ones, then merge. Linear in the pane's size, so it can run on every refresh while loading.
   */
  private sortNewEvents(): void {
    if (this.sortedCount === this.count) return;
    const time = this.time;
    const fresh = new Int32Array(this.count - this.sortedCount);
    for (let k = 0; k < fresh.length; k++) fresh[k] = this.sortedCount + k;
    fresh.sort((a, b) => time[b] - time[a] || a - b);
    PANES.forEach((pane, paneIndex) => {
      const mine = fresh.filter((i) => this.panes[i] === paneIndex);
      if (mine.length > 0) this.sorted[pane] = mergeNewestFirst(this.sorted[pane], mine, time);
    });
    this.sortedCount = this.count;
  }

  /** A pane's events newest first, every event appended so far included. Shared: do not modify. */
  paneOrder(pane: Pane): Int32Array {
    this.sortNewEvents();
    return this.sorted[pane];
  }

  /** Events of `pane` (or every pane) newest first, optionally only those that pass `keep`. */
  sortedIndices(pane: Pane | 'all' = 'all', keep?: (index: number) => boolean): Int32Array {
    this.sortNewEvents();
    const all = pane === 'all' ? PANES.map((p) => this.sorted[p]).reduce((merged, next) => mergeNewestFirst(merged, next, this.time)) : this.sorted[pane];
    return keep ? keptIndices(all, keep) : all;
  }

  /** True when event `a` comes before event `b` newest first (ties: load order). */
  before(a: number, b: number): boolean {
    return this.time[a] > this.time[b] || (this.time[a] === this.time[b] && a < b);
  }

  pane(index: number): Pane {
    return PANES[this.panes[index]];
  }

  isWriteBack(index: number): boolean {
    return (this.flags[index] & FLAG.writeBack) !== 0;
  }

  timeMs(index: number): number {
    return this.time[index];
  }

  /** Where the event's record was read: its source, and its 1-based line in line-oriented text (a pull keeps records by line). */
  origin(index: number): RecordOrigin {
    return { source: this.sources[this.sourceIds[index]], line: this.lines[index] || undefined };
  }

  string(index: number, field: StringField): string {
    return this.vocabulary.get(this.strings[index * STRING_FIELD_COUNT + stringFieldIndex(field)]);
  }

  /**
   * Every event's string ids, row by row (`index * STRING_FIELD_COUNT + field`), for scans over
   * many events. The array is replaced when the store grows: fetch it again for each scan.
   */
  stringIdRows(): Uint32Array {
    return this.strings;
  }

  /** The vocabulary id of an event's string field (filters test ids, not strings). */
  stringId(index: number, field: StringField): number {
    return this.strings[index * STRING_FIELD_COUNT + stringFieldIndex(field)];
  }

  /** Each of the field's strings ranked A→Z (by vocabulary id; 0 = empty), for sorting the table by a column. */
  fieldRanks(field: StringField): { rank: Uint32Array; distinct: number } {
    return this.ranks.ranks(field, this.strings, this.count, this.vocabulary);
  }

  summary(index: number): EventSummary {
    const base = index * STRING_FIELD_COUNT;
    const strings = {} as Record<StringField, string>;
    for (let f = 0; f < STRING_FIELD_COUNT; f++) strings[STRING_FIELDS[f]] = this.vocabulary.get(this.strings[base + f]);
    return {
      ...strings,
      timeMs: this.time[index],
      pane: this.pane(index),
      initiatorKind: INITIATOR_KINDS[this.initiatorKinds[index]],
      targetCount: this.targetCounts[index],
      writeBack: this.isWriteBack(index),
    };
  }

  /**
   * The full event, re-read from its file (or the arena) and normalised again, or why it can no
   * longer be read (the file changed, shrank or vanished since the load). The last few are kept.
   */
  readEvent(index: number): RecordRead {
    const cached = this.detailCache.get(index);
    if (cached) return cached;
    const origin = this.origin(index);
    const read = this.reread(index, origin);
    // A failure is not kept: the file may be back (or fixed) the next time the event is opened.
    if ('reason' in read) return { ok: false, reason: read.reason, origin };
    const loaded: LoadedEvent = { event: read.event, pane: this.pane(index), timeMs: this.time[index], origin };
    if (read.own) loaded.own = read.own;
    const result: RecordRead = { ok: true, loaded };
    if (this.detailCache.size >= DETAIL_CACHE) this.detailCache.delete(this.detailCache.keys().next().value as number);
    this.detailCache.set(index, result);
    return result;
  }

  /** The full event, for outputs that stop when a record cannot be read (export, printing). */
  loadedEvent(index: number): LoadedEvent {
    const read = this.readEvent(index);
    if (!read.ok) throw new RecordUnreadableError(read.reason);
    return read.loaded;
  }

  /** Where event `index`'s record is in its file, for a reader elsewhere (a worker printing output); null for one kept in the arena. */
  rawAddress(index: number, origin = this.origin(index)): RawAddress | null {
    if (this.flags[index] & FLAG.inArena) return null;
    return { source: origin.source, offset: this.rawOffsets[index], length: this.rawLengths[index], hash: this.rawHashes[index], format: this.formats[index], customSecuritySource: (this.flags[index] & FLAG.customSecuritySource) !== 0, origin, timeMs: this.time[index] };
  }

  /** rawAddress for many events at once, as one typed array for a print worker. */
  packAddresses(indices: Int32Array): PackedAddresses {
    const packer = new AddressPacker(indices.length);
    for (let at = 0; at < indices.length; at++) packer.set(at, this.rawAddress(indices[at]));
    return packer.packed;
  }

  private reread(index: number, origin: RecordOrigin): { event: AuditEvent; own?: OwnRecord } | { reason: string } {
    const address = this.rawAddress(index, origin);
    if (!address) {
      const offset = this.rawOffsets[index];
      // The batcher wrote an audit as its event, another kind as `{ own }` (load/event-batcher.ts).
      const kept = JSON.parse(this.arena.toString('utf8', offset, offset + this.rawLengths[index])) as AuditEvent | { own: OwnRecord };
      return 'own' in kept ? { event: projectionOf(kept.own), own: kept.own } : { event: kept };
    }
    return this.reader(address);
  }
}
