/**
 * Which lines of a JSON Lines chunk a pre-filter keeps (the values and markers come from
 * query/text-prefilter.ts, which says why it is exact), searched in the bytes themselves so match
 * positions are byte offsets. Each value is found case-insensitively (ASCII letters) by
 * Boyer-Moore-Horspool, which looks at about one byte in the value's length; each marker
 * exactly, by Buffer.indexOf. On 3.5 GB of sign-ins one core took ~3 s for the case-insensitive
 * pattern of the value and the markers over the chunk read as Latin-1, and takes ~0.6 s this way.
 */

/**
 * What a pre-filter looks for: plain ASCII `values`, any letter case; `markers`, byte strings (as
 * Latin-1) found exactly; a JSON `\uXXXX` escape of any character of `escapes`.
 */
export interface LinePrefilterSpec {
  values: readonly string[];
  markers: readonly string[];
  escapes?: string;
}

const ESCAPE = Buffer.from('\\u', 'latin1');

/** Each byte's value as a hex digit, or -1. */
const HEX = Int8Array.from({ length: 256 }, (_, byte) => (byte >= 48 && byte <= 57 ? byte - 48 : byte >= 97 && byte <= 102 ? byte - 87 : byte >= 65 && byte <= 70 ? byte - 55 : -1));

/**
 * The code the 4 hex digits at `at` give, read as far as they are hex (as parseInt reads them;
 * NaN when the first is not): no string made for each escape (PowerShell escapes every `<`, `>`
 * and `'`, so a line can hold dozens).
 */
function escapedCode(data: Buffer, at: number): number {
  let code = NaN;
  for (let k = at; k < at + 4; k++) {
    const digit = HEX[data[k]];
    if (digit < 0) break;
    code = k === at ? digit : code * 16 + digit;
  }
  return code;
}

/** Push the offset of the first `\uXXXX` escape of one of `codes` on each line of `data[from, to)` that has one. */
function findEscapes(data: Buffer, codes: ReadonlySet<number>, from: number, to: number, found: number[]): void {
  for (let at = data.indexOf(ESCAPE, from); at !== -1 && at < to; ) {
    const code = at + 6 <= to ? escapedCode(data, at + 2) : NaN;
    if (!codes.has(code)) {
      at = data.indexOf(ESCAPE, at + 2);
      continue;
    }
    found.push(at);
    const lineEnd = data.indexOf(10, at);
    if (lineEnd === -1) return;
    at = data.indexOf(ESCAPE, lineEnd + 1);
  }
}

/** ASCII upper-case letters folded to lower case; every other byte is itself. */
const FOLD = Uint8Array.from({ length: 256 }, (_, byte) => (byte >= 65 && byte <= 90 ? byte + 32 : byte));

/** One value, lower-cased, with its skip table (bytes in either case). */
class CaselessNeedle {
  private readonly bytes: Uint8Array;
  private readonly skip: Int32Array;
  /** A value without letters (an IP address, an error code) has one case: Buffer.indexOf finds it, natively. */
  private readonly caseless: Buffer | null;

  constructor(value: string) {
    this.caseless = /[a-z]/i.test(value) ? null : Buffer.from(value, 'latin1');
    this.bytes = Uint8Array.from(Buffer.from(value.toLowerCase(), 'latin1'), (byte) => FOLD[byte]);
    const length = this.bytes.length;
    this.skip = new Int32Array(256).fill(length);
    for (let k = 0; k < length - 1; k++) {
      const byte = this.bytes[k];
      this.skip[byte] = length - 1 - k;
      if (byte >= 97 && byte <= 122) this.skip[byte - 32] = length - 1 - k;
    }
  }

  /** Push the offset of the first match on each line of `data[from, to)` that has one. */
  findIn(data: Buffer, from: number, to: number, found: number[]): void {
    if (this.caseless) {
      findExactly(data, this.caseless, from, to, found);
      return;
    }
    const { bytes, skip } = this;
    const last = bytes.length - 1;
    if (last < 0) return;
    const lastByte = bytes[last];
    for (let end = from + last; end < to; ) {
      const byte = data[end];
      if (FOLD[byte] === lastByte) {
        let k = 1;
        while (k <= last && FOLD[data[end - k]] === bytes[last - k]) k++;
        if (k > last) {
          found.push(end - last);
          // One match is enough for a line: go on from the next one.
          const lineEnd = data.indexOf(10, end + 1);
          if (lineEnd === -1 || lineEnd >= to) return;
          end = lineEnd + 1 + last;
          continue;
        }
      }
      end += skip[byte];
    }
  }
}

/** Push the offset of the first occurrence of `bytes` on each line of `data[from, to)` that has one. */
function findExactly(data: Buffer, bytes: Buffer, from: number, to: number, found: number[]): void {
  for (let at = data.indexOf(bytes, from); at !== -1 && at < to; ) {
    found.push(at);
    // One match is enough for a line (PowerShell escapes every `<`, `>` and `'` as \u003c…).
    const lineEnd = data.indexOf(10, at);
    if (lineEnd === -1) return;
    at = data.indexOf(bytes, lineEnd + 1);
  }
}

export class LinePrefilter {
  private readonly needles: CaselessNeedle[];
  private readonly markers: Buffer[];
  /** The code points whose `\u` escape lets a line through. */
  private readonly escapes: ReadonlySet<number>;

  constructor(spec: LinePrefilterSpec) {
    this.needles = spec.values.map((value) => new CaselessNeedle(value));
    this.markers = spec.markers.map((marker) => Buffer.from(marker, 'latin1'));
    this.escapes = new Set(Array.from(spec.escapes ?? '', (character) => character.codePointAt(0)!));
  }

  /**
   * The offsets in `data` of the first match on each line of `data[from, to)` that has one, in
   * order (`to` just past a line break, or the end of the last line).
   */
  matchesIn(whole: Buffer, from: number, to: number): number[] {
    // Searches end at `to`: one element of a one-line array is a short range of a long buffer.
    const data = to < whole.length ? whole.subarray(0, to) : whole;
    const found: number[] = [];
    for (const needle of this.needles) needle.findIn(data, from, to, found);
    for (const marker of this.markers) findExactly(data, marker, from, to, found);
    if (this.escapes.size > 0) findEscapes(data, this.escapes, from, to, found);
    if (this.needles.length + this.markers.length + (this.escapes.size > 0 ? 1 : 0) === 1) return found;
    // Several searches: in order, one a line.
    found.sort((a, b) => a - b);
    const firsts: number[] = [];
    let lineEnd = -1;
    for (const at of found) {
      if (at <= lineEnd) continue;
      firsts.push(at);
      lineEnd = data.indexOf(10, at);
      if (lineEnd === -1) break;
    }
    return firsts;
  }
}
