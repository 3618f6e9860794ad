/**
 * Splits a stream of JSON text into records without parsing (or holding) the whole document, so
 * a 1 GB export loads in bounded memory. It reads JSON Lines (also a `{"records":[…]}` batch per
 * line); a top-level array, or several back to back (`][`); an envelope whose `value`, `records`
 * or `tables` array holds the records (Graph pages, Event Hub batches, the Log Analytics API),
 * its small string members passed along as metadata; and any other top-level object as a record.
 *
 * Damage costs what was damaged, in time and memory linear in its size: a record that does not
 * parse is one problem and the next still loads (json-resync.ts finds where it starts); text where
 * a record should start is skipped as one problem; a record past the cap is skipped unbuffered;
 * input cut mid-record keeps every record before the cut. Problems carry line and column; a
 * document no record of which parses is one problem, at the parser's position (json-records.ts).
 */
import { ENVELOPE_KEYS, jsonLineItems, MAX_META_CHARS, type EnvelopeInfo, type EnvelopeKey, type LineRecord, type SplitItem, type SplitterOptions } from './json-lines.js';
import { RecordSink } from './json-records.js';
import { DEFAULT_MAX_RECORD_CHARS, recordTooLarge } from './record-cap.js';
import { layoutSignature } from './json-resync.js';
import { preview } from './json-text.js';
import { TextWindow, type Place } from './json-text-window.js';
import { advanceValueScan, isValueStart, shiftScan, valueScanAt, type Scan } from './json-value-scan.js';

/** A record this many times the largest seen so far (and over 1 MiB) is looked into for the next one. */
const GROWTH_FACTOR = 16;
const GROWTH_FLOOR = 1024 * 1024;

/**
 * A JSON Lines line that does not parse is a document when it is this long (a Graph page on one
 * line) or opens a container (an Event Hub batch, an array): its intact records are salvaged.
 */
const SALVAGE_FROM_CHARS = 64 * 1024;
const CONTAINER_LINE = /^\s*(?:\[\s*\{|\{[^{}]*?"(?:value|records|tables)"\s*:\s*\[)/;

type State = 'top' | 'topArray' | 'objectMember' | 'envelopeArray';

export class JsonRecordSplitter {
  private readonly t: TextWindow;
  private state: State = 'top';
  private linesMode: boolean | undefined;
  private scan: Scan | null = null;
  /** A top-level object being read: where it starts (null for an envelope, which is no record). */
  private objectStart: number | null = null;
  private objectAt: Place = { line: 0, column: 0 };
  private objectKey: string | null = null;
  private envelope: EnvelopeInfo | null = null;
  private pendingMeta: Record<string, string> = {};
  /** The top-level object has had only `@…` members so far (an envelope's metadata). */
  private onlyMetadata = false;
  /** The records parsed and the problems, in order; and what the records teach about the next. */
  private readonly records = new RecordSink();
  private readonly maxRecordChars: number;

  constructor(options: SplitterOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    if (options.document) this.linesMode = false;
    this.t = new TextWindow(options.firstLine ?? 1, options.firstColumn ?? 1);
    if (options.firstRecord) this.records.teach(options.firstRecord.value, options.firstRecord.indentation);
  }

  push(chunk: string): SplitItem[] {
    if (!this.t.append(chunk)) return [];
    this.run(false);
    return this.drain();
  }

  finish(): SplitItem[] {
    this.t.releaseHeld();
    this.run(true);
    // Skipping garbage, or a record past the cap: that loss was reported, and is the only one.
    const reported = this.records.skipping || this.scan?.discarding === true;
    this.records.stopSkipping();
    this.records.release();
    if (this.scan) this.lost(this.scan, reported ? null : 'input ends inside a record (truncated file?)');
    else if (this.state !== 'top' && this.objectStart !== null) this.records.problem(this.objectAt, 'input ends inside a record (truncated file?)');
    // Every record before the cut loaded; still say the file does not end as a document does.
    else if (this.state !== 'top' && !reported) this.records.problem(this.t.at(this.t.buf.length), 'input ends before the array or object that holds the records closes (truncated file?)');
    this.records.end();
    this.t.buf = '';
    return this.drain();
  }

  private drain(): SplitItem[] {
    const items = this.records.drain();
    this.compact();
    return items;
  }

  /** Drop text that nothing pending needs, keeping line counting exact. */
  private compact(): void {
    // A value skipped past the cap needs none of its text: reading goes on from where the scan is.
    if (this.scan?.discarding) this.t.pos = Math.max(this.t.pos, this.scan.i);
    let keep = this.t.pos;
    if (this.scan && !this.scan.discarding) keep = Math.min(keep, this.scan.from);
    if (this.objectStart !== null) keep = Math.min(keep, this.objectStart);
    if (keep <= 0) return;
    this.t.drop(keep);
    if (this.scan) shiftScan(this.scan, keep);
    if (this.objectStart !== null) this.objectStart -= keep;
  }

  /** The element or object `scan` belonged to is lost (`reason` null: that was reported already). */
  private lost(scan: Scan, reason: string | null): void {
    if (reason !== null) this.records.problem(scan, reason);
    this.scan = null;
    if (scan.purpose === 'memberValue') this.closeObject();
  }

  private run(final: boolean): void {
    for (;;) {
      const before = this.t.pos;
      const state = this.state;
      const scanning = this.scan !== null;
      const progressed = this.scan ? this.continueScan(final) : this.step(final);
      if (!progressed) return;
      // A step that claims progress but moved nothing would loop forever on some damage not
      // foreseen here: bounded time matters more than that character.
      if (this.t.pos === before && this.state === state && (this.scan !== null) === scanning && this.scan === null) this.t.pos++;
    }
  }

  /** One decision at a container boundary; false when more input is needed. */
  private step(final: boolean): boolean {
    if (this.state === 'top') return this.stepTop(final);
    return this.state === 'objectMember' ? this.stepObjectMember(final) : this.stepElement(final);
  }

  private stepTop(final: boolean): boolean {
    if (this.records.skipping) return this.skipGarbage(this.t.pos, final, '');
    const i = this.t.skipSpaceAndCommas();
    if (i >= this.t.buf.length) return false;
    if (this.linesMode === undefined) {
      const decided = this.t.linesModeAt(final);
      if (decided === undefined) return false;
      this.linesMode = decided;
    }
    const c = this.t.buf[i];
    if (this.linesMode) return this.stepLine(final);
    if (c === '[') {
      this.t.pos = i + 1;
      this.state = 'topArray';
      this.records.trusted = true;
      return true;
    }
    if (c === '{') {
      // Its layout is a record's only once it turns out not to be an envelope (RecordSink.record).
      this.records.trusted = true;
      this.objectStart = i;
      this.objectAt = this.t.at(i);
      this.envelope = null;
      this.pendingMeta = {};
      this.onlyMetadata = true;
      this.t.pos = i + 1;
      this.state = 'objectMember';
      return true;
    }
    // Not JSON where a document should start: skip to where one does, one problem for the run.
    return this.skipGarbage(i, final, 'not JSON');
  }

  private stepLine(final: boolean): boolean {
    const start = this.t.pos;
    let end = this.t.buf.indexOf('\n', start);
    if (end === -1) {
      if (!final) {
        // A line past the cap is not a JSON Lines record but a document: hand it to the scanner.
        if (this.t.buf.length - start > this.maxRecordChars) this.linesMode = false;
        return this.t.buf.length - start > this.maxRecordChars;
      }
      end = this.t.buf.length;
    }
    const line = this.t.lineAt(start);
    const text = this.t.buf.slice(start, end);
    this.t.pos = Math.min(end + 1, this.t.buf.length);
    this.records.line(decideJsonLine(text, line, this.maxRecordChars));
    return true;
  }

  /** In an array of records: its end, the next element, or text that cannot be one. */
  private stepElement(final: boolean): boolean {
    if (this.records.skipping) return this.skipGarbage(this.t.pos, final, '');
    const i = this.t.skipSpaceAndCommas();
    if (i >= this.t.buf.length) return false;
    const c = this.t.buf.charCodeAt(i);
    if (c === 93) {
      this.records.release();
      this.t.pos = i + 1;
      this.state = this.state === 'topArray' ? 'top' : 'objectMember';
      return true;
    }
    if (c === 34 && this.t.isMemberName(i)) {
      // `"key": …` where a record should start: the rest of a record that ended early (an extra
      // brace), which costs the record it belongs to: the one before, when that parsed.
      if (this.records.holding) this.records.dropPending('invalid JSON (the record ends early: the text after it continues it; an extra or a lost brace?)');
      this.records.startSkipping(this.t.at(i), '', this.records.trusted ? 'the rest of a damaged record' : '');
      return this.skipGarbage(i, final, '');
    }
    this.records.release();
    if (isValueStart(c)) {
      this.records.signature ??= layoutSignature(this.t.indentationBefore(i));
      this.beginScan(i, 'element', i);
      return true;
    }
    return this.skipGarbage(i, final, 'unexpected text where a record should start');
  }

  /**
   * Where reading can start again after damage, in [from, to): the next record the signature
   * recognises, or a document that starts a line (`[` or `{` at column 0: the next file of a
   * concatenation); before any record parsed, the next `{`.
   */
  private resyncAt(from: number, to: number): { index: number; document: boolean } | null {
    const known = this.records.nextRecord(this.t.buf, from, to);
    const record = known ?? this.t.firstOf('{', from, to);
    const document = this.t.documentStart(from, record === -1 ? to : record);
    if (document !== -1 && (known === null || this.t.buf[document] === '[' || this.state === 'top')) return { index: document, document: true };
    return record === -1 ? null : { index: record, document: this.state === 'top' };
  }

  /**
   * Skip text from `i` to where reading can start again (searched in what has arrived); the whole
   * run is one problem, reported when it ends, unless `reason` is '' (the loss was reported).
   * Text with no start in it is dropped as it is read, so a run of garbage costs no memory, only
   * the time to read it.
   */
  private skipGarbage(i: number, final: boolean, reason: string): boolean {
    const fresh = !this.records.skipping;
    if (fresh) this.records.startSkipping(this.t.at(i), this.t.buf.slice(i, i + 60), reason);
    const next = this.resyncAt(fresh ? i + 1 : i, this.t.buf.length);
    if (next !== null) {
      this.t.pos = next.index;
      if (next.document) this.toTop();
      this.records.stopSkipping();
      return true;
    }
    // Keep a little: the start of a record may be split across two chunks.
    const resume = final ? this.t.buf.length : Math.max(this.t.pos, this.t.buf.length - 4096);
    const progressed = resume > this.t.pos;
    this.t.pos = resume;
    return final && progressed;
  }

  /** Back to the top level, leaving any array or object open before the damage. */
  private toTop(): void {
    this.records.release();
    this.objectStart = null;
    this.envelope = null;
    this.state = 'top';
  }

  private stepObjectMember(final: boolean): boolean {
    const i = this.t.skipSpaceAndCommas();
    if (i >= this.t.buf.length) return false;
    const c = this.t.buf[i];
    if (c === '}') {
      this.t.pos = i + 1;
      if (this.objectStart !== null) this.parseRecord(this.objectStart, i + 1, this.objectAt, undefined, this.t.indentationBefore(this.objectStart));
      this.closeObject();
      // A document holds no later text to confirm it: it is whole once it closes.
      this.records.release();
      return true;
    }
    if (c !== '"') return this.abandonObject(i, `unexpected ${preview(c)} where a member name should be`);
    const head = this.t.memberHead(i, final);
    if (head === 'more') return false;
    if ('malformed' in head) return this.abandonObject(head.at, head.malformed);
    const { key, value: j } = head;
    const known = (ENVELOPE_KEYS as readonly string[]).includes(key);
    // An array of objects after nothing but `@odata…` metadata is an envelope even under a name
    // damage changed (`"valje"`): records start with their id, never with such an array.
    const element = this.t.buf[j] === '[' ? this.t.skipSpace(j + 1) : -1;
    if (!known && this.onlyMetadata && element >= this.t.buf.length && !final) return false;
    const damaged = !known && this.onlyMetadata && this.t.buf[element] === '{';
    if (!key.startsWith('@')) this.onlyMetadata = false;
    if (!this.envelope && (known || damaged) && element !== -1) {
      // An envelope: its array elements are the records and the object itself is not one.
      if (damaged) this.records.problem(this.t.at(i), `envelope member ${preview(key)} is none of ${ENVELOPE_KEYS.join(', ')}: its elements are read as records`);
      this.envelope = { key: known ? (key as EnvelopeKey) : 'value', meta: this.pendingMeta };
      this.objectStart = null;
      this.t.pos = j + 1;
      this.state = 'envelopeArray';
      return true;
    }
    this.objectKey = key;
    this.beginScan(j, 'memberValue', this.objectStart ?? j);
    return true;
  }

  private closeObject(): void {
    this.objectStart = null;
    this.envelope = null;
    this.state = 'top';
  }

  /** A malformed top-level object: lost (an envelope's other members are not records), the text after it read afresh. */
  private abandonObject(at: number, reason: string): boolean {
    if (this.objectStart !== null) this.records.problem(this.objectAt, `malformed JSON object: ${reason}`);
    else this.records.problem(this.t.at(at), `malformed JSON: ${reason}`);
    this.closeObject();
    // Reported: the text up to where reading can start again is skipped without another problem.
    this.records.startSkipping(this.t.at(at), '', '');
    this.t.pos = at;
    return true;
  }

  private beginScan(start: number, purpose: Scan['purpose'], from: number): void {
    const place = purpose === 'memberValue' && this.objectStart !== null ? this.objectAt : this.t.at(from);
    this.scan = { ...valueScanAt(this.t.buf, start), purpose, from, ...place, checkedTo: from + 1, discarding: false, indentation: this.t.indentationBefore(start) };
  }

  /** Advance the current value scan; false when more input is needed. */
  private continueScan(final: boolean): boolean {
    const scan = this.scan!;
    const end = advanceValueScan(this.t.buf, scan, final);
    if (end === -1) {
      if (final) return this.cutAtNextRecord(scan, scan.from + 1, this.t.buf.length);
      return this.checkLongScan(scan);
    }
    this.scan = null;
    this.t.pos = end;
    // Skipped past the cap: for a member, the rest of its (lost) object is read on and dropped.
    if (scan.discarding) return true;
    if (scan.purpose === 'element') this.parseRecord(scan.start, end, scan, this.state === 'envelopeArray' ? this.envelope ?? undefined : undefined, scan.indentation);
    else this.memberValue(scan, end);
    return true;
  }

  /**
   * A value still open after much text: a damaged record that runs into the next ones (cut where
   * the next begins), or one past the cap (skipped, its text dropped as it is read).
   */
  private checkLongScan(scan: Scan): boolean {
    const length = scan.i - scan.from;
    if (scan.discarding) return false;
    if (length > Math.max(GROWTH_FLOOR, GROWTH_FACTOR * this.records.largest)) {
      const from = scan.checkedTo;
      scan.checkedTo = Math.max(scan.checkedTo, scan.i - 4096);
      if (this.cutAtNextRecord(scan, from, scan.i)) return true;
    }
    if (length > this.maxRecordChars) {
      this.records.problem(scan, recordTooLarge(this.maxRecordChars));
      scan.discarding = true;
      // A top-level object's members before this one need not be kept either: it is lost.
      if (scan.purpose === 'memberValue') this.objectStart = null;
    }
    return false;
  }

  /**
   * A record still open where the signature sees the next one begin, in [from, to): it is damaged
   * (a lost quote or bracket made it swallow what follows); it is lost and reading goes on there.
   * False when the signature cannot tell or sees no next record.
   */
  private cutAtNextRecord(scan: Scan, from: number, to: number): boolean {
    const next = this.records.nextRecord(this.t.buf, Math.max(0, from, scan.from + 1), to);
    if (next === null || next === -1) return false;
    this.lost(scan, 'invalid JSON (a record that does not end before the next one begins: a lost quote or bracket?)');
    this.t.pos = next;
    return true;
  }

  /** A complete element or object `[start, end)`, parsed and held until what follows confirms it; read on from inside it when another record begins there. */
  private parseRecord(start: number, end: number, place: Place, envelope: EnvelopeInfo | undefined, indentation: string | null): void {
    if (end - start > this.maxRecordChars) return this.records.problem(place, recordTooLarge(this.maxRecordChars));
    const next = this.records.record(this.t.buf, start, end, place, envelope, indentation);
    if (next !== null) this.t.pos = next;
  }

  private memberValue(scan: Scan, end: number): void {
    // Only members before the records' array are the envelope's: one after it (a next link, a
    // context a PowerShell hashtable put last) would reach the records read in the same chunk
    // and not those before, so what a record is would depend on where a chunk ended.
    if (this.objectKey !== null && this.envelope === null && this.t.buf.charCodeAt(scan.start) === 34 && end - scan.start <= MAX_META_CHARS) {
      try {
        this.pendingMeta[this.objectKey] = JSON.parse(this.t.buf.slice(scan.start, end)) as string;
      } catch {
        // A malformed string surfaces when the record itself is parsed.
      }
    }
    this.objectKey = null;
  }
}

/**
 * A JSON Lines line, as jsonLineItems decides it; but a long line that does not parse is a
 * document on one line (a Graph page, an Event Hub batch), and its intact records are kept.
 */
export function decideJsonLine(text: string, line: number, maxRecordChars = DEFAULT_MAX_RECORD_CHARS): Array<LineRecord | (SplitItem & { kind: 'problem' })> {
  // A line past the cap is not parsed whole: the splitter skips what in it is past the cap.
  if (text.length <= maxRecordChars) {
    const items = jsonLineItems(text, line);
    if (items.length !== 1 || items[0].kind !== 'problem' || !(text.length >= SALVAGE_FROM_CHARS || CONTAINER_LINE.test(text.slice(0, 4096)))) return items;
  }
  const splitter = new JsonRecordSplitter({ maxRecordChars, document: true, firstLine: line });
  // A record salvaged from inside the line is not the line's bytes: it is never re-read from them.
  return [...splitter.push(text), ...splitter.finish()].map((item) => (item.kind === 'problem' ? item : { ...item, direct: false }));
}
