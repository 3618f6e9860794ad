/**
 * Finding where one JSON value ends in text that may arrive in pieces, without parsing it: the
 * splitter hands whole elements to JSON.parse, so a 1 GB array never has to be parsed (or held)
 * at once. The scan keeps its place between chunks.
 */
import { findStringEnd, safeResumePoint } from './json-text.js';

export interface ValueScan {
  /** Where the value starts in the buffer (the text before it may be dropped as it is read). */
  start: number;
  /** A number, true, false or null: it ends at a delimiter, not at a closing bracket. */
  scalar: boolean;
  /** How far the scan has read. */
  i: number;
  depth: number;
  inString: boolean;
}

/** The splitter's scan: the value, what its loss would cost, and how far it was looked into. */
export interface Scan extends ValueScan {
  purpose: 'element' | 'memberValue';
  /** Where the loss would start: the element, or the top-level object a member belongs to. */
  from: number;
  line: number;
  column: number;
  /** Looked into for the next record this far. */
  checkedTo: number;
  /** Past the cap: its text is dropped as it is read, and it is reported once. */
  discarding: boolean;
  /** The whitespace before the value on its line (TextWindow.indentationBefore), taken when the scan began: by its end the text before may be dropped. */
  indentation: string | null;
}

/** The text before the scan's buffer position `by` was dropped: its places move with it. */
export function shiftScan(scan: Scan, by: number): void {
  scan.start -= by;
  scan.from -= by;
  scan.i -= by;
  scan.checkedTo = Math.max(0, scan.checkedTo - by);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Whether a JSON value can begin with this character: an object, an array, a string, a number, true, false or null. */
export function isValueStart(c: number): boolean {
  return c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
}

/** A scan of the value that begins at `start` (which must be a value start). */
export function valueScanAt(buf: string, start: number): ValueScan {
  const first = buf.charCodeAt(start);
  return { start, scalar: first !== 123 && first !== 91 && first !== 34, i: start, depth: 0, inString: false };
}

/**
 * Advance `scan` over `buf`; the index just past the value, or -1 when the value does not end in
 * `buf` (the scan remembers where it stopped; with `final`, there is no more input).
 */
export function advanceValueScan(buf: string, scan: ValueScan, final: boolean): number {
  const n = buf.length;
  let { i, depth, inString } = scan;
  let end = -1;
  if (scan.scalar) {
    // number, true, false, null: ends at a delimiter
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125 || isSpace(c)) break;
      i++;
    }
    if (i < n || final) end = i;
  } else {
    while (i < n) {
      if (inString) {
        const close = findStringEnd(buf, i);
        if (close === -1) {
          // Resume after the last complete escape pair to stay correct across chunks.
          i = safeResumePoint(buf, i);
          break;
        }
        inString = false;
        i = close + 1;
        if (depth === 0) {
          end = i;
          break;
        }
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === 34) {
        inString = true;
        i++;
      } else if (c === 123 || c === 91) {
        depth++;
        i++;
      } else if (c === 125 || c === 93) {
        depth--;
        i++;
        if (depth <= 0) {
          end = i;
          break;
        }
      } else i++;
    }
  }
  if (end === -1) {
    scan.i = i;
    scan.depth = depth;
    scan.inString = inString;
  }
  return end;
}
