/**
 * What the JSON splitter hands on: each record parsed (once), held until the text after it
 * confirms it ended where it should, and problems with the line and column of their loss; and
 * what the records seen so far teach about where the next one begins (json-resync.ts).
 */
import { recordsOfLine, type EnvelopeInfo, type SplitItem } from './json-lines.js';
import { indentationBefore, layoutSignature, nextRecordStart, relaxLayout, withKeys, withKeysFromText, type RecordSignature } from './json-resync.js';
import { jsonErrorReason, preview } from './json-text.js';
import type { Place } from './json-text-window.js';

export class RecordSink {
  out: SplitItem[] = [];
  signature: RecordSignature | null = null;
  /** No damage since the array (or object) opened: what parses now can teach the signature its keys. */
  trusted = true;
  /** The largest record so far, in characters: a record far larger is looked into for damage. */
  largest = 0;
  /** A run of text being skipped (damage): one problem for all of it, when it ends ('' when its loss was told already). */
  private run: { place: Place; text: string; reason: string } | null = null;
  /** The last record, held until what follows it shows it ended where it should. */
  private pending: SplitItem | null = null;
  private pendingAt: Place = { line: 0, column: 0 };

  get skipping(): boolean {
    return this.run !== null;
  }

  startSkipping(place: Place, text: string, reason: string): void {
    this.run = { place, text, reason };
  }

  stopSkipping(): void {
    if (this.run && this.run.reason !== '') this.problem(this.run.place, `${this.run.reason}: ${preview(this.run.text)}`);
    this.run = null;
  }

  get holding(): boolean {
    return this.pending !== null;
  }

  problem(place: Place, reason: string): void {
    this.trusted = false;
    this.out.push({ kind: 'problem', line: place.line, column: place.column, reason });
  }

  release(): void {
    if (this.pending) this.out.push(this.pending);
    this.pending = null;
  }

  /** The held record did not end where it should (the text after it continues it): lost. */
  dropPending(reason: string): void {
    if (this.pending) this.problem(this.pendingAt, reason);
    this.pending = null;
  }

  /** Where the signature sees the next record begin in [from, to); null when it cannot tell. */
  nextRecord(text: string, from: number, to: number): number | null {
    return this.signature ? nextRecordStart(this.signature, text, from, to) : null;
  }

  /**
   * The record `text.slice(start, end)` (an array's element, or a top-level object): parsed and
   * held; an array or an envelope where a record should be gives its records, as a JSON Lines
   * line would. When it does not parse, the problem, and where another record begins inside it
   * (a lost closing bracket made it run on), or null.
   */
  record(text: string, start: number, end: number, place: Place, envelope: EnvelopeInfo | undefined, inArray: boolean): number | null {
    const indentation = indentationBefore(text, start);
    // An array's element is a record wherever it stands; a top-level object teaches its layout
    // only once it parsed (a broken envelope header is not a record).
    if (inArray) this.signature ??= layoutSignature(indentation);
    const json = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      if (this.trusted && this.signature) this.signature = withKeysFromText(this.signature, json);
      const next = this.nextRecord(text, start + 1, end);
      this.problem(place, `invalid JSON (${jsonErrorReason(error)})`);
      return next === -1 ? null : next;
    }
    this.largest = Math.max(this.largest, end - start);
    this.release();
    const records = recordsOfLine(value, place.line).map((item) => (item.envelope || !envelope ? item : { ...item, envelope }));
    this.signature ??= layoutSignature(indentation);
    // The layout was a guess (the first record at the start of the file): a record elsewhere corrects it.
    if (this.signature.indentation !== null && indentation !== this.signature.indentation) this.signature = relaxLayout(this.signature);
    const first = records[0];
    if (this.trusted && first?.kind === 'parsed') this.signature = withKeys(this.signature, first.value);
    this.out.push(...records.slice(0, -1));
    this.pending = records.at(-1) ?? null;
    this.pendingAt = place;
    return null;
  }

  drain(): SplitItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }
}
