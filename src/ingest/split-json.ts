/**
 * Splits a stream of JSON text into records without ever parsing (or holding) the whole
 * document, so a 1 GB export loads in bounded memory. It understands every container real
 * exports use:
 *
 *  - JSON Lines (one object per line; also one `{"records":[…]}` batch per line);
 *  - a top-level array, or several arrays written back to back (`][`, collectors' page files);
 *  - an envelope object whose `value`, `records` or `tables` array holds the records
 *    (Graph pages, Event Hub batches, the Log Analytics query API), with the envelope's small
 *    string members (e.g. `@odata.context`) passed along as metadata;
 *  - any other top-level object: one record.
 *
 * Records come out as text (to be parsed by the caller) or, on the JSON Lines path where a
 * line had to be parsed anyway, as a parsed value.
 */

import { advanceValueScan, type ValueScan as Scan } from './json-value-scan.js';
import { ENVELOPE_KEYS, firstLineDecides, jsonLineItems, looksLikeJsonLines, MAX_META_CHARS, type EnvelopeInfo, type EnvelopeKey, type SplitItem } from './json-lines.js';
import { findStringEnd, preview } from './json-text.js';

/** Past this, a "line" is not a JSON Lines record but a minified document: scan it instead. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

type State =
  | 'top'
  | 'topArray'
  | 'objectMember' // inside a top-level object, expecting a key, ',' or '}'
  | 'envelopeArray';

interface ValueScan extends Scan {
  /** What to do with the value once its end is found. */
  purpose: 'topArrayElement' | 'envelopeElement' | 'memberValue';
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonRecordSplitter {
  private buf = '';
  private pos = 0;
  /** 1-based line number of buf[countedTo]. */
  private line = 1;
  private countedTo = 0;
  private state: State = 'top';
  private linesMode: boolean | undefined;
  private scan: ValueScan | null = null;
  /** Start of a top-level object being buffered as a possible record (null once it is an envelope). */
  private objectStart: number | null = null;
  private objectLine = 0;
  private objectKey: string | null = null;
  private envelope: EnvelopeInfo | null = null;
  private pendingMeta: Record<string, string> = {};
  private out: SplitItem[] = [];

  push(chunk: string): SplitItem[] {
    this.buf += chunk;
    this.run(false);
    return this.drain();
  }

  finish(): SplitItem[] {
    this.run(true);
    if (this.scan || this.state !== 'top') {
      const line = this.objectStart !== null ? this.objectLine : this.lineAt(this.scan?.start ?? this.pos);
      this.out.push({ kind: 'problem', line, reason: 'input ends inside a record (truncated file?)' });
    }
    this.buf = '';
    return this.drain();
  }

  private drain(): SplitItem[] {
    const items = this.out;
    this.out = [];
    this.compact();
    return items;
  }

  /** Drop text that no pending record needs, keeping line counting exact. */
  private compact(): void {
    let keep = this.pos;
    if (this.scan) keep = Math.min(keep, this.scan.start);
    if (this.objectStart !== null) keep = Math.min(keep, this.objectStart);
    if (keep === 0) return;
    this.lineAt(keep);
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    this.countedTo -= keep;
    if (this.scan) {
      this.scan.start -= keep;
      this.scan.i -= keep;
    }
    if (this.objectStart !== null) this.objectStart -= keep;
  }

  private lineAt(index: number): number {
    let from = this.countedTo;
    while (from < index) {
      const nl = this.buf.indexOf('\n', from);
      if (nl === -1 || nl >= index) break;
      this.line++;
      from = nl + 1;
    }
    this.countedTo = index;
    return this.line;
  }

  private run(final: boolean): void {
    for (;;) {
      if (this.scan) {
        if (!this.continueScan(final)) return;
        continue;
      }
      const progressed = this.step(final);
      if (!progressed) return;
    }
  }

  private skipSpaceAndCommas(allowCommas: boolean): number {
    const buf = this.buf;
    let i = this.pos;
    while (i < buf.length) {
      const c = buf.charCodeAt(i);
      if (isSpace(c) || (allowCommas && c === 44) || c === 0xfeff) i++;
      else break;
    }
    this.pos = i;
    return i;
  }

  /** One decision at a container boundary; false when more input is needed. */
  private step(final: boolean): boolean {
    switch (this.state) {
      case 'top':
        return this.stepTop(final);
      case 'topArray':
      case 'envelopeArray': {
        const i = this.skipSpaceAndCommas(true);
        if (i >= this.buf.length) return false;
        if (this.buf[i] === ']') {
          this.pos = i + 1;
          this.state = this.state === 'topArray' ? 'top' : 'objectMember';
          return true;
        }
        this.beginScan(i, this.state === 'topArray' ? 'topArrayElement' : 'envelopeElement');
        return true;
      }
      case 'objectMember':
        return this.stepObjectMember(final);
    }
  }

  private stepTop(final: boolean): boolean {
    const i = this.skipSpaceAndCommas(true);
    if (i >= this.buf.length) return false;
    if (this.linesMode === undefined) {
      const decided = this.decideLinesMode(final);
      if (decided === undefined) return false;
      this.linesMode = decided;
    }
    const c = this.buf[i];
    if (this.linesMode) return this.stepLine(final);
    if (c === '[') {
      this.pos = i + 1;
      this.state = 'topArray';
      return true;
    }
    if (c === '{') {
      this.objectStart = i;
      this.objectLine = this.lineAt(i);
      this.envelope = null;
      this.pendingMeta = {};
      this.pos = i + 1;
      this.state = 'objectMember';
      return true;
    }
    return this.skipGarbageLine(final);
  }

  /**
   * JSON Lines is recognised from the first lines: an object alone on its line, or the next line
   * opening another object at column 0. Pretty-printed documents never do either.
   */
  private decideLinesMode(final: boolean): boolean | undefined {
    const start = this.pos;
    if (this.buf[start] !== '{') return false;
    const firstEnd = this.buf.indexOf('\n', start);
    if (firstEnd === -1) {
      if (this.buf.length - start > MAX_LINE_CHARS) return false;
      return final ? true : undefined;
    }
    const first = this.buf.slice(start, firstEnd);
    const secondEnd = this.buf.indexOf('\n', firstEnd + 1);
    if (!firstLineDecides(first) && secondEnd === -1 && !final) {
      return this.buf.length - start > MAX_LINE_CHARS ? false : undefined;
    }
    return looksLikeJsonLines(first, this.buf.slice(firstEnd + 1, secondEnd === -1 ? undefined : secondEnd));
  }

  private stepLine(final: boolean): boolean {
    const start = this.pos;
    let end = this.buf.indexOf('\n', start);
    if (end === -1) {
      if (!final) {
        if (this.buf.length - start > MAX_LINE_CHARS) {
          // A minified document, not JSON Lines: hand it to the incremental scanner.
          this.linesMode = false;
          return true;
        }
        return false;
      }
      end = this.buf.length;
    }
    const line = this.lineAt(start);
    const text = this.buf.slice(start, end);
    this.pos = end + 1 > this.buf.length ? this.buf.length : end + 1;
    for (const item of jsonLineItems(text, line)) this.out.push(item);
    return true;
  }

  private skipGarbageLine(final: boolean): boolean {
    const start = this.pos;
    const nl = this.buf.indexOf('\n', start);
    if (nl === -1 && !final) return false;
    const end = nl === -1 ? this.buf.length : nl;
    const line = this.lineAt(start);
    this.out.push({ kind: 'problem', line, reason: `not JSON: ${preview(this.buf.slice(start, end))}` });
    this.pos = nl === -1 ? this.buf.length : nl + 1;
    return true;
  }

  private stepObjectMember(final: boolean): boolean {
    const i = this.skipSpaceAndCommas(true);
    if (i >= this.buf.length) return false;
    const c = this.buf[i];
    if (c === '}') {
      this.pos = i + 1;
      if (this.objectStart !== null) {
        this.out.push({ kind: 'record', line: this.objectLine, text: this.buf.slice(this.objectStart, i + 1) });
      }
      this.objectStart = null;
      this.envelope = null;
      this.state = 'top';
      return true;
    }
    if (c !== '"') {
      // Not a member name: the object is malformed. Let the record be reported by the parser.
      return this.abandonObject(`unexpected ${preview(c)} where a member name should be`);
    }
    // Read `"key"` `:` and the first character of the value.
    const keyEnd = findStringEnd(this.buf, i + 1);
    if (keyEnd === -1) return final ? this.abandonObject('input ends inside a member name') : false;
    let j = keyEnd + 1;
    while (j < this.buf.length && isSpace(this.buf.charCodeAt(j))) j++;
    if (j >= this.buf.length) return final ? this.abandonObject('input ends after a member name') : false;
    if (this.buf[j] !== ':') return this.abandonObject(`expected ':' after a member name`);
    j++;
    while (j < this.buf.length && isSpace(this.buf.charCodeAt(j))) j++;
    if (j >= this.buf.length) return final ? this.abandonObject('input ends before a member value') : false;

    let key: string;
    try {
      key = JSON.parse(this.buf.slice(i, keyEnd + 1)) as string;
    } catch {
      return this.abandonObject('malformed member name');
    }
    if (!this.envelope && (ENVELOPE_KEYS as readonly string[]).includes(key) && this.buf[j] === '[') {
      // An envelope: its array elements are the records and the object itself is not one.
      this.envelope = { key: key as EnvelopeKey, meta: this.pendingMeta };
      this.objectStart = null;
      this.pos = j + 1;
      this.state = 'envelopeArray';
      return true;
    }
    this.objectKey = key;
    this.beginScan(j, 'memberValue');
    return true;
  }

  private abandonObject(reason: string): boolean {
    const line = this.objectStart !== null ? this.objectLine : this.lineAt(this.pos);
    this.out.push({ kind: 'problem', line, reason: `malformed JSON object: ${reason}` });
    this.objectStart = null;
    this.envelope = null;
    this.state = 'top';
    // Resynchronise at the next line; the good records after it still load.
    const nl = this.buf.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.buf.length : nl + 1;
    return true;
  }

  private beginScan(start: number, purpose: ValueScan['purpose']): void {
    this.scan = { start, i: start, depth: 0, inString: false, purpose };
  }

  /** Advance the current value scan; false when more input is needed. */
  private continueScan(final: boolean): boolean {
    const scan = this.scan!;
    const end = advanceValueScan(this.buf, scan, final);
    if (end === -1) {
      if (final) {
        this.scan = null;
        this.out.push({ kind: 'problem', line: this.lineAt(scan.start), reason: 'input ends inside a record (truncated file?)' });
        this.objectStart = null;
        this.state = 'top';
        this.pos = this.buf.length;
        return true;
      }
      return false;
    }
    this.scan = null;
    this.pos = end;
    this.finishValue(scan, end);
    return true;
  }

  private finishValue(scan: ValueScan, end: number): void {
    switch (scan.purpose) {
      case 'topArrayElement':
        this.out.push({ kind: 'record', line: this.lineAt(scan.start), text: this.buf.slice(scan.start, end) });
        return;
      case 'envelopeElement':
        this.out.push({
          kind: 'record',
          line: this.lineAt(scan.start),
          text: this.buf.slice(scan.start, end),
          envelope: this.envelope ?? undefined,
        });
        return;
      case 'memberValue': {
        if (this.objectKey !== null && this.buf.charCodeAt(scan.start) === 34 && end - scan.start <= MAX_META_CHARS) {
          try {
            const target = this.envelope ? this.envelope.meta : this.pendingMeta;
            target[this.objectKey] = JSON.parse(this.buf.slice(scan.start, end)) as string;
          } catch {
            // A malformed string surfaces when the record itself is parsed.
          }
        }
        this.objectKey = null;
        return;
      }
    }
  }
}
