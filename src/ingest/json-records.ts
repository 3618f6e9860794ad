/**
 * What the JSON splitter hands on: each record parsed (once), held until the text after it
 * confirms it ended where it should, and problems with the line and column of their loss; and
 * what the records seen so far teach about where the next one begins (json-resync.ts).
 */
import { recordsOfLine, type EnvelopeInfo, type SplitItem } from './json-lines.js';
import { layoutSignature, nextRecordStart, relaxLayout, withKeys, withKeysFromText, type RecordSignature } from './json-resync.js';
import { jsonErrorPlace, jsonErrorReason, preview } from './json-text.js';
import type { Place } from './json-text-window.js';

/** Where JSON.parse stopped, in the file, and what it said there. */
type ParserStop = Place & { reason: string };

/** Problems held before the first record parses, at most: beyond, they are counted only. */
const HELD_MAX = 1000;

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
  /**
   * Problems before any record parsed, held: when none ever does, every element failing is one
   * damage to the document (single quotes, a trailing comma in each record, JSON5), told once at
   * the parser's first position rather than as dozens of broken records.
   */
  private held: Array<{ place: Place; reason: string; at: ParserStop | null }> = [];
  private heldCount = 0;
  private parsedAny = false;

  /** Learn from a record read before the text (the first of a split array), as from the first record parsed. */
  teach(value: unknown, indentation: string | null): void {
    this.signature = withKeys(layoutSignature(indentation), value);
    // Records were read before this text: its problems are damage among records, told as they come.
    this.parsedAny = true;
  }

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

  /** A problem at `place` (where the record starts); `at`, where the parser stopped, when known. */
  problem(place: Place, reason: string, at: ParserStop | null = null): void {
    this.trusted = false;
    if (this.parsedAny) this.out.push({ kind: 'problem', line: place.line, column: place.column, reason });
    else if (++this.heldCount <= HELD_MAX) this.held.push({ place, reason, at });
  }

  /** A record parsed: the problems held were damage among records, each told as it was. */
  sawRecord(): void {
    if (this.parsedAny) return;
    this.parsedAny = true;
    this.flushHeld();
  }

  /** A JSON Lines line's items: each line is a record of its own, its problems never held. */
  line(items: SplitItem[]): void {
    if (items.some((item) => item.kind === 'parsed')) this.sawRecord();
    this.out.push(...items);
  }

  /** The input ended. No record parsed and several problems: one problem for the document. */
  end(): void {
    const first = this.held[0];
    if (this.parsedAny || this.heldCount < 2 || !first) return this.flushHeld();
    const { line, column } = first.at ?? first.place;
    const why = first.at ? `not valid JSON (${first.at.reason})` : first.reason;
    this.out.push({ kind: 'problem', line, column, reason: `${why}: no record in it could be read (the first of ${this.heldCount} problems)` });
    this.held = [];
    this.heldCount = 0;
  }

  private flushHeld(): void {
    for (const { place, reason } of this.held) this.out.push({ kind: 'problem', line: place.line, column: place.column, reason });
    const last = this.held.at(-1);
    if (last && this.heldCount > this.held.length) {
      this.out.push({ kind: 'problem', line: last.place.line, column: last.place.column, reason: `and ${this.heldCount - this.held.length} more problems before the first record that parsed` });
    }
    this.held = [];
    this.heldCount = 0;
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
  /** `indentation`: what indentationBefore said where the record began, before any text was dropped. */
  record(text: string, start: number, end: number, place: Place, envelope: EnvelopeInfo | undefined, indentation: string | null): number | null {
    const json = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      if (this.trusted && this.signature) this.signature = withKeysFromText(this.signature, json);
      const next = this.nextRecord(text, start + 1, end);
      const at = jsonErrorPlace(error, json, place);
      this.problem(place, at ? `invalid JSON at line ${at.line}, column ${at.column} (${at.reason})` : `invalid JSON (${jsonErrorReason(error)})`, at);
      return next === -1 ? null : next;
    }
    this.largest = Math.max(this.largest, end - start);
    this.sawRecord();
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
