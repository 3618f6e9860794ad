/**
 * Where the records of a top-level JSON array are in a file's bytes, without parsing them: the
 * portal's JSON download and collectors' `ConvertTo-Json` / `jq -s` output are one array, and
 * knowing each element's byte range lets workers parse a 1 GB array in parallel, and re-read a
 * record from its place, as they do JSON Lines (load/array-cutter.ts drives this over a file).
 *
 * It only ever reports ranges it is sure of. The scan checks the structure as it goes (brackets
 * match, a string is followed by `:` `,` `}` or `]`, only objects between the array's commas);
 * at the first thing it cannot vouch for (damage, a truncated record, a record past the cap,
 * a scalar element, anything but another array after the array) it stops, and says where the
 * general splitter (split-json.ts) is to take over, so damage reads exactly as it does there.
 */
import { isPlainTail, type ArrayEnvelope, type FilePlace } from './array-envelope.js';
import { jsonLineItems, type LineRecord, type SplitItem } from './json-lines.js';
import { JsonRecordSplitter } from './split-json.js';


/** Where the general splitter takes over: `offset` in the file, on `line`, inside an array or not. */
export interface Handover extends FilePlace {
  /** The handover is inside a top-level array: the splitter is given a `[` first. */
  inArray: boolean;
  /**
   * Where the last whole elements before the handover start (up to PRIMER_ELEMENTS), which the
   * splitter reads first and whose records it drops (they were taken already): what it learns
   * from them (the records' layout, first keys, size) is what finds the next record after damage,
   * as it would have reading from the start (from one element, measured, it did not).
   */
  primer: (FilePlace & { elements: number }) | null;
  /** The array's first element (what the splitter learns the records' first keys from), when it was whole. */
  first: (FilePlace & { end: number }) | null;
}

/** The most of an envelope's tail the scan keeps to judge (a page's `@odata.nextLink` is a few hundred bytes). */
const MAX_TAIL_BYTES = 64 * 1024;

const PRIMER_ELEMENTS = 2;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Open brackets deeper than this are not vouched for (the general splitter reads the rest). */
const MAX_DEPTH = 512;

export class ArrayElementScanner {
  /** 0: between top-level values; 1: inside the array, between elements; more: inside an element. */
  private depth = 0;
  private readonly open = new Uint8Array(MAX_DEPTH);
  private inString = false;
  /** Backslashes just before the chunk's end, inside a string (an escape can span two reads). */
  private trailingBackslashes = 0;
  /** A string just closed: only whitespace, `:`, `,`, `}` or `]` may follow. */
  private afterString = false;
  private line: number;
  private lineStart = 0;
  private elementStart = -1;
  private elementLine = 0;
  private elementLineStart = 0;
  /** An element that closed, not yet reported: only a `,` or `]` after it says it ended where it should. */
  private closed: (FilePlace & { end: number }) | null = null;
  /** The array's first whole element (what the splitter learns the records' first keys from). */
  first: (FilePlace & { end: number }) | null = null;
  /** The comma after the closed element was seen. */
  private closedComma = false;
  /** The last PRIMER_ELEMENTS whole elements' starts and lines, oldest first. */
  private readonly lastElements: FilePlace[] = [];
  /** Set once the scan stopped; nothing more is reported after it. */
  handover: Handover | null = null;
  /** An envelope's array closed: what follows it, kept to be judged at the end (null before). */
  private tail: { offset: number; text: string } | null = null;

  /**
   * `onElement(start, end, line, lineStart)`: a whole object element, file offsets, the line it
   * starts on and where that line starts.
   * `maxElementBytes`: a longer element is left to the general splitter (which skips past the cap).
   */
  constructor(
    private readonly onElement: (start: number, end: number, line: number, lineStart: number) => void,
    private readonly maxElementBytes: number,
    /** Where the text starts (past a byte-order mark, which is no column). */
    textStart = 0,
    /** The document is this envelope: the scan starts inside its array. */
    private readonly envelope: ArrayEnvelope | null = null,
  ) {
    this.line = envelope?.scanFrom.line ?? 1;
    this.lineStart = envelope?.scanFrom.lineStart ?? textStart;
    if (envelope) this.open[this.depth++] = 91;
  }

  /** Where the element being read (or closed but not yet confirmed) starts; -1 when none is. */
  get pendingFrom(): number {
    return this.closed?.offset ?? this.elementStart;
  }

  /** Scan `bytes`, which sit at file offset `at` and follow what was scanned before. */
  scan(bytes: Uint8Array, at: number): void {
    const n = bytes.length;
    let i = 0;
    /** The next line break at or after where strings are being skipped (-1: none in these bytes). */
    let nextNewline = -2;
    while (i < n && this.handover === null) {
      if (this.tail !== null) {
        if (this.tail.text.length + n - i > MAX_TAIL_BYTES) return this.stop(at + i);
        this.tail.text += Buffer.from(bytes.buffer, bytes.byteOffset + i, n - i).toString('latin1');
        for (; i < n; i++) if (bytes[i] === 10) this.line++;
        return;
      }
      if (this.inString) {
        const quote = bytes.indexOf(QUOTE, i);
        // A raw line break inside a string (damage: JSON has none there) still starts a line, as
        // the splitter counts lines. The next line break is looked up once and kept until passed,
        // so a one-line array asks once a step and a pretty one once a line, not once a string.
        if (nextNewline !== -1 && nextNewline < i) nextNewline = bytes.indexOf(10, i);
        while (nextNewline !== -1 && (quote === -1 || nextNewline < quote)) {
          this.line++;
          this.lineStart = at + nextNewline + 1;
          nextNewline = bytes.indexOf(10, nextNewline + 1);
        }
        if (quote === -1) {
          let run = 0;
          while (run < n - i && bytes[n - 1 - run] === BACKSLASH) run++;
          this.trailingBackslashes = run === n - i ? this.trailingBackslashes + run : run;
          i = n;
          break;
        }
        let run = 0;
        while (quote - 1 - run >= i && bytes[quote - 1 - run] === BACKSLASH) run++;
        if (run === quote - i) run += this.trailingBackslashes;
        this.trailingBackslashes = 0;
        i = quote + 1;
        if ((run & 1) === 0) {
          this.inString = false;
          this.afterString = true;
        }
        continue;
      }
      const c = bytes[i];
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      if (c === 10) {
        this.line++;
        i++;
        this.lineStart = at + i;
        continue;
      }
      if (this.afterString && c !== 58 && c !== 44 && c !== 125 && c !== 93) return this.stop(at + i);
      this.afterString = false;
      if (this.closed !== null) {
        // What follows a record says whether it ended where it should, as the splitter judges
        // it: a comma and then the next record's `{`, or the array's `]`.
        if (c === 44 && !this.closedComma) this.closedComma = true;
        else if (c === 93 && !this.closedComma && this.envelope !== null) {
          // The envelope's last record: vouched for only once what follows the array is.
          this.tail = { offset: at + i, text: '' };
          this.depth = 0;
          i++;
          continue;
        } else if ((c === 123 && this.closedComma) || (c === 93 && !this.closedComma)) this.confirm();
        else return this.stop(at + i);
        if (c === 44) {
          i++;
          continue;
        }
      }
      if (c === QUOTE) {
        if (this.depth <= 1) return this.stop(at + i); // a string where a record should start
        this.inString = true;
        i++;
      } else if (c === 123 || c === 91) {
        if (this.depth === 0 && c !== 91) return this.stop(at + i); // a top-level object: not an array
        if (this.depth === 1) {
          if (c !== 123) return this.stop(at + i); // an array element that is no object
          this.elementStart = at + i;
          this.elementLine = this.line;
          this.elementLineStart = this.lineStart;
        }
        if (this.depth === MAX_DEPTH) return this.stop(at + i);
        this.open[this.depth++] = c;
        i++;
      } else if (c === 125 || c === 93) {
        if (this.depth === 0 || this.open[this.depth - 1] !== c - 2) return this.stop(at + i); // `}` closes `{`, `]` closes `[`
        this.depth--;
        i++;
        if (this.depth === 1) {
          const end = at + i;
          if (end - this.elementStart > this.maxElementBytes) return this.stop(at + i);
          this.closed = { offset: this.elementStart, end, line: this.elementLine, lineStart: this.elementLineStart };
          this.elementStart = -1;
        }
      } else if (c === 44 || c === 58) {
        if (this.depth === 0) return this.stop(at + i);
        i++;
      } else {
        // A number, true, false or null: only inside an element.
        if (this.depth <= 1) return this.stop(at + i);
        i++;
      }
      if (this.elementStart !== -1 && at + i - this.elementStart > this.maxElementBytes) return this.stop(at + i);
    }
  }

  /** The file ended: whatever is open is the general splitter's to report. */
  end(at: number): void {
    if (this.handover !== null) return;
    if (this.tail !== null) {
      if (isPlainTail(this.tail.text)) this.confirm();
      else this.stop(this.tail.offset);
      return;
    }
    if (this.depth > 0 || this.inString || this.closed !== null || this.envelope !== null) this.stop(at);
  }

  private confirm(): void {
    const element = this.closed!;
    this.closed = null;
    this.closedComma = false;
    this.onElement(element.offset, element.end, element.line, element.lineStart);
    this.first ??= element;
    if (this.lastElements.length === PRIMER_ELEMENTS) this.lastElements.shift();
    this.lastElements.push({ offset: element.offset, line: element.line, lineStart: element.lineStart });
  }

  /** Stop vouching at `offset`: the general splitter reads on from the element that holds it (or from it, between elements). */
  private stop(offset: number): void {
    if (this.closed !== null) {
      // The element before it is in doubt too: the splitter reads it again, and judges it.
      this.elementStart = this.closed.offset;
      this.elementLine = this.closed.line;
      this.elementLineStart = this.closed.lineStart;
      this.closed = null;
      this.closedComma = false;
    }
    const inElement = this.elementStart !== -1;
    // An envelope's scan never leaves its array (what follows it waits for the end).
    const inArray = inElement || this.depth >= 1 || this.envelope !== null;
    const first = this.lastElements[0];
    const primer = inArray && first ? { ...first, elements: this.lastElements.length } : null;
    const known = { inArray, primer, first: this.first };
    this.handover = inElement ? { offset: this.elementStart, line: this.elementLine, lineStart: this.elementLineStart, ...known } : { offset, line: this.line, lineStart: this.lineStart, ...known };
  }
}

/** Where an element sits, asked only when it does not parse: what the splitter would know there. */
export interface ElementContext {
  column: number;
  /** The whitespace before it on its line, when only whitespace is (a pretty-printed array). */
  indentation: string | null;
  /** The array's first record, when this is not it (the splitter learned the records' first keys from it). */
  firstRecord?: { value: unknown; indentation: string | null };
}

/**
 * The one decision about an element the scan vouched for: its records, or, when it does not
 * parse, the problem the general splitter gives the same element (its message and place, what
 * it finds inside), so an array reads the same whichever path read it.
 */
export function decideArrayElement(text: string, line: number, context: () => ElementContext, maxRecordChars: number, envelope: ArrayEnvelope | null = null): Array<LineRecord | (SplitItem & { kind: 'problem' })> {
  const items = jsonLineItems(text, line);
  if (items.length !== 1 || items[0].kind !== 'problem') {
    if (envelope === null) return items;
    // An envelope's record, as the splitter gives it: with the envelope (a record that is itself an envelope keeps its own).
    const info = { key: envelope.key, meta: envelope.meta };
    return items.map((item) => (item.kind === 'parsed' && !item.envelope ? { ...item, envelope: info } : item));
  }
  // Inside its array, as the splitter met it: after `[` (and the envelope's text) and a line
  // break where it was indented, else with them just before it.
  const { column, indentation, firstRecord } = context();
  const opening = arrayOpening(envelope);
  const at = indentation !== null ? { firstLine: line - 1, firstColumn: 1, prefix: `${opening}\n${indentation}` } : { firstLine: line, firstColumn: column - opening.length, prefix: opening };
  const splitter = new JsonRecordSplitter({ maxRecordChars, document: true, firstLine: at.firstLine, firstColumn: at.firstColumn, ...(firstRecord ? { firstRecord } : {}) });
  return [...splitter.push(at.prefix + text + arrayClosing(envelope)), ...splitter.finish()].map((item) => (item.kind === 'problem' ? item : { ...item, direct: false }));
}

/** What the splitter is given before an element it reads on its own: the array's `[`, or the envelope's text through it. */
export const arrayOpening = (envelope: ArrayEnvelope | null): string => envelope?.prefix ?? '[';
const arrayClosing = (envelope: ArrayEnvelope | null): string => (envelope ? ']}' : ']');
