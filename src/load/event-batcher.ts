/**
 * The loader's side of the store: turns normalised events into EventBatches of a few thousand,
 * interning strings in a vocabulary local to this loader (a worker's strings cross to the main
 * thread once, as new strings of a batch).
 */
import type { LoadedEvent, LoadProblem } from '../model/loaded-event.js';
import { summarize } from '../model/summarize.js';
import { paneIndex } from '../model/pane.js';
import { recordIdOf, recordKindIndex, recordKindOf } from '../model/record-kind.js';
import { FLAG, INITIATOR_KINDS, STRING_FIELD_COUNT, STRING_FIELDS, type EventBatch } from '../store/event-batch.js';
import { hashRecordKey, NO_ID } from '../store/record-ids.js';

export interface RawAddress {
  offset: number;
  length: number;
  format: number;
  /** hashBytes of the record's bytes as loaded. */
  hash: number;
}

const BATCH_EVENTS = 4096;
/** Values remembered per field ahead of its Map (a power of two). */
const RECENT = 4;
/** Distinct values one field's table keeps before starting over (see intern). */
const FIELD_VOCABULARY_CAP = 1 << 15;

export class EventBatcher {
  /**
   * One map per field, not one for all: most fields have a handful of values (service, result,
   * category) and their lookups stay in a tiny table, while the near-unique ones (correlation ids)
   * grow their own. A string used in two fields gets two loader ids; the store interns both to
   * one (EventStore.append). Measured on 100k audits: interning went from ~21% to ~16% of a worker.
   */
  private readonly vocabularies: Array<Map<string, number>> = STRING_FIELDS.map(() => new Map<string, number>());
  private nextStringId = 1;
  /** Per field, since its table last started over: lookups, and how many found their value. */
  private readonly lookups = new Uint32Array(STRING_FIELD_COUNT);
  private readonly hits = new Uint32Array(STRING_FIELD_COUNT);
  /** Per field: 1 once it proved nearly unique (see intern). */
  private readonly unique = new Uint8Array(STRING_FIELD_COUNT);
  /** Per field, RECENT values last looked up and their ids (see intern). */
  private readonly recentValues: string[] = new Array<string>(STRING_FIELD_COUNT * RECENT).fill('');
  private readonly recentIds = new Uint32Array(STRING_FIELD_COUNT * RECENT);
  private readonly recentNext = new Uint8Array(STRING_FIELD_COUNT);
  private batch: EventBatch;
  private arenaChunks: Buffer[] = [];
  private arenaBytes = 0;
  bytesRead = 0;

  constructor(
    private readonly source: string,
    private readonly emit: (batch: EventBatch) => void,
  ) {
    this.batch = this.fresh();
  }

  private fresh(): EventBatch {
    return {
      source: this.source,
      count: 0,
      time: new Float64Array(BATCH_EVENTS),
      pane: new Uint8Array(BATCH_EVENTS),
      flags: new Uint8Array(BATCH_EVENTS),
      initiatorKind: new Uint8Array(BATCH_EVENTS),
      targetCount: new Uint16Array(BATCH_EVENTS),
      strings: new Uint32Array(BATCH_EVENTS * STRING_FIELD_COUNT),
      newStrings: [],
      firstNewString: this.nextStringId,
      format: new Uint8Array(BATCH_EVENTS),
      line: new Uint32Array(BATCH_EVENTS),
      rawOffset: new Float64Array(BATCH_EVENTS),
      rawLength: new Uint32Array(BATCH_EVENTS),
      rawHash: new Uint32Array(BATCH_EVENTS),
      arena: new Uint8Array(0),
      recordKind: new Uint8Array(BATCH_EVENTS),
      idHash: new Uint32Array(BATCH_EVENTS * 2),
      problems: [],
      bytesRead: 0,
    };
  }

  private intern(field: number, value: string): number {
    if (value === '') return 0;
    if (this.unique[field] === 1) {
      this.batch.newStrings.push(value);
      return this.nextStringId++;
    }
    // Most fields cycle through a handful of values (service, result, user agent): comparing the
    // last few costs less than hashing the string again for the Map.
    const recentAt = field * RECENT;
    this.lookups[field]++;
    for (let k = recentAt; k < recentAt + RECENT; k++) {
      if (this.recentValues[k] === value) {
        this.hits[field]++;
        return this.recentIds[k];
      }
    }
    const vocabulary = this.vocabularies[field];
    let id = vocabulary.get(value);
    const slot = recentAt + (this.recentNext[field]++ & (RECENT - 1));
    this.recentValues[slot] = value;
    if (id !== undefined) {
      this.hits[field]++;
      this.recentIds[slot] = id;
      return id;
    }
    id = this.nextStringId++;
    this.recentIds[slot] = id;
    // A near-unique field (correlation ids) would keep every value it ever saw alive in this
    // worker: a heap that only grows, marked again by every full GC, and counted in peak RSS.
    // Past the cap the table starts over; a value seen again gets a new id here, and the store
    // interns it to the same one (EventStore.append), so only a few strings cross twice. A field
    // that filled its table with hardly a repeat is a new value a record: it is not looked up again.
    if (vocabulary.size >= FIELD_VOCABULARY_CAP) {
      if (this.hits[field] * 10 < this.lookups[field]) this.unique[field] = 1;
      vocabulary.clear();
      this.lookups[field] = 0;
      this.hits[field] = 0;
    }
    vocabulary.set(value, id);
    this.batch.newStrings.push(value);
    return id;
  }

  /** `raw` is where the record can be re-read from the file; without it the event goes to the arena. */
  add(loaded: LoadedEvent, raw: RawAddress | null, customSecuritySource = false): void {
    const b = this.batch;
    const i = b.count;
    const summary = summarize(loaded);
    b.time[i] = summary.timeMs;
    b.pane[i] = paneIndex(summary.pane);
    let flags = summary.writeBack ? FLAG.writeBack : 0;
    if (customSecuritySource) flags |= FLAG.customSecuritySource;
    b.initiatorKind[i] = INITIATOR_KINDS.indexOf(summary.initiatorKind);
    b.targetCount[i] = Math.min(65535, summary.targetCount);
    const base = i * STRING_FIELD_COUNT;
    for (let f = 0; f < STRING_FIELD_COUNT; f++) b.strings[base + f] = this.intern(f, summary[STRING_FIELDS[f]]);
    b.line[i] = loaded.origin.line ?? 0;
    // Hashed here, in the worker: the main thread only compares numbers when it merges batches.
    b.recordKind[i] = recordKindIndex(recordKindOf(loaded));
    const id = recordIdOf(loaded);
    if (id === null) b.idHash[2 * i] = b.idHash[2 * i + 1] = NO_ID;
    else hashRecordKey(id, summary.timeMs, b.idHash, 2 * i);
    if (raw) {
      b.rawOffset[i] = raw.offset;
      b.rawLength[i] = raw.length;
      b.rawHash[i] = raw.hash;
      b.format[i] = raw.format;
    } else {
      flags |= FLAG.inArena;
      // A sign-in or provisioning record is kept in its own shape; the store projects it again on re-read.
      const bytes = Buffer.from(JSON.stringify(loaded.own ? { own: loaded.own } : loaded.event), 'utf8');
      b.rawOffset[i] = this.arenaBytes;
      b.rawLength[i] = bytes.length;
      this.arenaChunks.push(bytes);
      this.arenaBytes += bytes.length;
    }
    b.flags[i] = flags;
    b.count++;
    if (b.count === BATCH_EVENTS) this.flush();
  }

  problem(problem: LoadProblem): void {
    this.batch.problems.push(problem);
  }

  /** Send what is pending (also when it is only problems or progress). */
  flush(): void {
    const b = this.batch;
    b.bytesRead = this.bytesRead;
    if (this.arenaBytes > 0) b.arena = new Uint8Array(Buffer.concat(this.arenaChunks, this.arenaBytes));
    if (b.count < BATCH_EVENTS) {
      // Trim so only the used part crosses the thread boundary.
      b.time = b.time.slice(0, b.count);
      b.pane = b.pane.slice(0, b.count);
      b.flags = b.flags.slice(0, b.count);
      b.initiatorKind = b.initiatorKind.slice(0, b.count);
      b.targetCount = b.targetCount.slice(0, b.count);
      b.strings = b.strings.slice(0, b.count * STRING_FIELD_COUNT);
      b.format = b.format.slice(0, b.count);
      b.line = b.line.slice(0, b.count);
      b.rawOffset = b.rawOffset.slice(0, b.count);
      b.rawLength = b.rawLength.slice(0, b.count);
      b.rawHash = b.rawHash.slice(0, b.count);
      b.recordKind = b.recordKind.slice(0, b.count);
      b.idHash = b.idHash.slice(0, 2 * b.count);
    }
    this.arenaChunks = [];
    this.arenaBytes = 0;
    this.emit(b);
    this.batch = this.fresh();
  }
}
