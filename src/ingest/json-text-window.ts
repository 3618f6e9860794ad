/**
 * The part of a JSON stream the splitter still needs: the text from the first position anything
 * pending refers to, the reading position, and line counting that stays exact as read text is
 * dropped (every problem says the line and column where its loss starts).
 */
import { firstLineDecides, looksLikeJsonLines } from './json-lines.js';
import { findStringEnd, preview } from './json-text.js';
import { isValueStart } from './json-value-scan.js';

export interface Place {
  line: number;
  column: number;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** With no line break in this much text, it is one document, not JSON Lines: scan it instead. */
const LINES_DECISION_CHARS = 1024 * 1024;
/** A window longer than this takes new text in batches (see append). */
const BATCH_FROM_CHARS = 1024 * 1024;

export class TextWindow {
  buf = '';
  pos = 0;
  /** 1-based line of buf[countedTo], and where that line starts in buf (negative: before it). */
  private line: number;
  private countedTo = 0;
  private lineStart = 0;
  /** Text held back by append, in order. */
  private held: string[] = [];
  private heldChars = 0;

  /** `firstColumn`: the column the text's first character is at (text read from the middle of a line). */
  /**
   * The indentation the dropped text leaves at the start of buf: what was dropped of the line buf
   * starts on, when only spaces and tabs; null when buf starts after other text on its line.
   * Without it, a record whose text before was dropped would look like it starts a line.
   */
  private droppedIndentation: string | null;

  constructor(firstLine = 1, firstColumn = 1) {
    this.line = firstLine;
    this.lineStart = 1 - firstColumn;
    this.droppedIndentation = firstColumn === 1 ? '' : null;
  }

  /** The whitespace before `index` on its line, when only whitespace precedes it there (else null). */
  indentationBefore(index: number): string | null {
    const buf = this.buf;
    let start = index;
    while (start > 0 && (buf.charCodeAt(start - 1) === 32 || buf.charCodeAt(start - 1) === 9)) start--;
    if (start > 0) return buf.charCodeAt(start - 1) === 10 ? buf.slice(start, index) : null;
    return this.droppedIndentation === null ? null : this.droppedIndentation + buf.slice(0, index);
  }

  /**
   * Add text; false when it is held back for now. Appending a chunk to a long string and reading
   * it makes V8 copy the whole string (it flattens the rope), so a long value still open (a
   * damaged record, one past the cap, a line without its end) would cost time quadratic in its
   * length. While the window is long, chunks wait until they are half its length: the copies
   * then add up to a few times the text, and a value's end is seen at most that much later.
   */
  append(chunk: string): boolean {
    if (this.buf.length <= BATCH_FROM_CHARS && this.held.length === 0) {
      this.buf += chunk;
      return true;
    }
    this.held.push(chunk);
    this.heldChars += chunk.length;
    if (this.heldChars < this.buf.length / 2) return false;
    this.releaseHeld();
    return true;
  }

  /** Everything append held back, added now (at the end of the input). */
  releaseHeld(): void {
    if (this.held.length === 0) return;
    this.buf += this.held.join('');
    this.held = [];
    this.heldChars = 0;
  }

  lineAt(index: number): number {
    let from = this.countedTo;
    while (from < index) {
      const nl = this.buf.indexOf('\n', from);
      if (nl === -1 || nl >= index) break;
      this.line++;
      this.lineStart = nl + 1;
      from = nl + 1;
    }
    this.countedTo = index;
    return this.line;
  }

  at(index: number): Place {
    const line = this.lineAt(index);
    return { line, column: index - this.lineStart + 1 };
  }

  /** Drop the text before `keep` (positions shift by `keep`: the caller moves its own). */
  drop(keep: number): void {
    this.lineAt(keep);
    let start = keep;
    while (start > 0 && (this.buf.charCodeAt(start - 1) === 32 || this.buf.charCodeAt(start - 1) === 9)) start--;
    const spaces = this.buf.slice(start, keep);
    if (start > 0) this.droppedIndentation = this.buf.charCodeAt(start - 1) === 10 ? spaces : null;
    else if (this.droppedIndentation !== null) this.droppedIndentation += spaces;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    this.countedTo -= keep;
    this.lineStart -= keep;
  }

  /** Past spaces, commas and byte-order marks (concatenated exports carry them): where the next token is. */
  skipSpaceAndCommas(): number {
    const buf = this.buf;
    let i = this.pos;
    while (i < buf.length) {
      const c = buf.charCodeAt(i);
      if (isSpace(c) || c === 44 || c === 0xfeff) i++;
      else break;
    }
    this.pos = i;
    return i;
  }

  skipSpace(from: number): number {
    let j = from;
    while (j < this.buf.length && isSpace(this.buf.charCodeAt(j))) j++;
    return j;
  }

  /** The first `char` within [from, to), or -1. */
  firstOf(char: string, from: number, to: number): number {
    const at = this.buf.indexOf(char, from);
    return at !== -1 && at < to ? at : -1;
  }

  /** The next `[` or `{` at the start of a line within [from, to), or -1. */
  documentStart(from: number, to: number): number {
    const text = this.buf;
    for (let nl = text.indexOf('\n', Math.max(0, from - 1)); nl !== -1 && nl + 1 < to; nl = text.indexOf('\n', nl + 1)) {
      const c = text[nl + 1];
      if (nl + 1 >= from && (c === '{' || c === '[')) return nl + 1;
    }
    return -1;
  }

  /** Whether the string at `i` is a member name (`"name":`), not a value. */
  isMemberName(i: number): boolean {
    const end = findStringEnd(this.buf, i + 1);
    return end !== -1 && this.buf[this.skipSpace(end + 1)] === ':';
  }

  /**
   * `"key": <value start>` at `i` inside an object: the key and where its value starts; 'more'
   * when the text stops before that is known; or what is malformed there.
   */
  memberHead(i: number, final: boolean): { key: string; value: number } | 'more' | { malformed: string; at: number } {
    const keyEnd = findStringEnd(this.buf, i + 1);
    const cut = (reason: string) => (final ? { malformed: reason, at: i } : ('more' as const));
    if (keyEnd === -1) return cut('input ends inside a member name');
    let j = this.skipSpace(keyEnd + 1);
    if (j >= this.buf.length) return cut('input ends after a member name');
    if (this.buf[j] !== ':') return { malformed: `expected ':' after a member name`, at: i };
    j = this.skipSpace(j + 1);
    if (j >= this.buf.length) return cut('input ends before a member value');
    if (!isValueStart(this.buf.charCodeAt(j))) return { malformed: `unexpected ${preview(this.buf[j])} where a value should be`, at: j };
    try {
      return { key: JSON.parse(this.buf.slice(i, keyEnd + 1)) as string, value: j };
    } catch {
      return { malformed: 'malformed member name', at: i };
    }
  }

  /**
   * Whether the text at `pos` is JSON Lines, from its first lines: an object alone on its line, or
   * the next line opening another object at column 0 (pretty-printed documents never do either);
   * undefined until enough has arrived. One line in all is a document, scanned, so a damaged or cut
   * one-line page keeps its other records.
   */
  linesModeAt(final: boolean): boolean | undefined {
    const start = this.pos;
    const buf = this.buf;
    if (buf[start] !== '{') return false;
    const firstEnd = buf.indexOf('\n', start);
    if (firstEnd === -1) return buf.length - start > LINES_DECISION_CHARS || final ? false : undefined;
    const first = buf.slice(start, firstEnd);
    const secondEnd = buf.indexOf('\n', firstEnd + 1);
    if (!firstLineDecides(first) && secondEnd === -1 && !final) return buf.length - start > LINES_DECISION_CHARS ? false : undefined;
    return looksLikeJsonLines(first, buf.slice(firstEnd + 1, secondEnd === -1 ? undefined : secondEnd));
  }
}
