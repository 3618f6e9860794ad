/**
 * Terminal display width: CJK and emoji take two columns, combining marks none. Uses
 * string-width (the library Ink itself measures with) so our columns and Ink's agree.
 */
import stringWidth from 'string-width';

/**
 * Text whose every UTF-16 unit is one column and its own grapheme, so no Unicode rules are needed:
 * printable ASCII, and the BMP blocks names and our own glyphs come from (Latin-1 and Latin
 * Extended, Greek, Cyrillic, general punctuation such as the ellipsis, arrows, box drawing and
 * geometric shapes, the gear that marks an app), leaving out what string-width measures
 * otherwise (the soft hyphen, Cyrillic combining marks, two wide squares). test/unit/display-width.test.ts checks every code point of
 * the class against string-width. The first call into string-width compiles its Unicode regexes
 * (~25 ms), which would land on the first frame of a tenant whose names are not plain ASCII.
 */
export const NARROW_TEXT = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff\u2699]*$/;

/**
 * Thai and the common CJK blocks added to NARROW_TEXT: each UTF-16 unit is one column, two (a
 * kana, a CJK ideograph, a Hangul syllable) or none (a Thai vowel or tone mark written above or
 * below, which joins the character before it). Tenants' names are written in these; the
 * sample's first screen holds some, and measuring them through string-width compiled its
 * emoji pattern (~21 ms) and made a segmenter (~11 ms) before the first rows. Left out: Thai
 * SARA AM, which string-width does not count inside a cluster. The test checks every code point
 * and random mixtures against string-width.
 */
export const SIMPLE_TEXT = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff\u2699\u0e01-\u0e32\u0e34-\u0e3a\u0e3f-\u0e5b\u3001\u3002\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\uac00-\ud7a3]*$/;

/** The width of text SIMPLE_TEXT accepts. */
function simpleWidth(text: string): number {
  let width = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x0e01) width += 1;
    else if (code <= 0x0e5b) width += code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e) ? 0 : 1;
    else width += code >= 0x3001 ? 2 : 1;
  }
  return width;
}

/** Widths of short text outside NARROW_TEXT: a table repeats the same names on every row and frame. */
const measured = new Map<string, number>();
const MEASURED_MOST = 4096;

export function displayWidth(text: string): number {
  // The fast path matters: the table measures every cell of every visible row on every frame.
  if (NARROW_TEXT.test(text)) return text.length;
  if (text.length <= WINDOW_CHARS) {
    let width = measured.get(text);
    if (width === undefined) {
      if (measured.size >= MEASURED_MOST) measured.clear();
      measured.set(text, (width = SIMPLE_TEXT.test(text) ? simpleWidth(text) : stringWidth(text)));
    }
    return width;
  }
  let width = 0;
  for (const window of windows(text)) width += stringWidth(window);
  return width;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * V8's grapheme segmenter slows down with the length of the string it walks (200,000 characters
 * took 80 s), so long text is segmented in windows cut where a grapheme surely ends: between two
 * printable ASCII characters (nothing joins them), or, in text with none, every few windows
 * anyway (a rare split cluster costs a column, not a hang).
 */
const WINDOW_CHARS = 256;
const isPlainAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;

function* windows(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + WINDOW_CHARS);
    const limit = Math.min(text.length, start + 4 * WINDOW_CHARS);
    while (end < limit && !(isPlainAscii(text.charCodeAt(end - 1)) && isPlainAscii(text.charCodeAt(end)))) end++;
    // Never between the halves of a surrogate pair.
    if (end < text.length && (text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    yield text.slice(start, end);
    start = end;
  }
}

/** The grapheme clusters of `text`, in time linear in its length. */
export function* graphemes(text: string): Generator<string> {
  for (const window of windows(text)) for (const { segment } of segmenter.segment(window)) yield segment;
}

/** A cell never needs more of a value than this (a zero-width run longer is cut early, which is harmless). */
const cellChars = (width: number): number => width * 4 + 64;

/** Cut to at most `width` columns, ending in `ellipsis` (symbols.ellipsis) when something was cut. */
export function truncateToWidth(text: string, width: number, ellipsis: string): string {
  if (width <= 0) return '';
  const head = text.length > cellChars(width) ? text.slice(0, cellChars(width)) : text;
  if (head === text && displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (NARROW_TEXT.test(head)) return head.slice(0, Math.max(0, room)) + ellipsis;
  if (SIMPLE_TEXT.test(head)) {
    // Each unit is its own cluster but for the Thai marks (no width), which stay with the letter before.
    let k = 0;
    for (let used = 0; k < head.length; k++) {
      const w = simpleWidth(head[k]);
      if (used + w > room) break;
      used += w;
    }
    return head.slice(0, k) + ellipsis;
  }
  let used = 0;
  let out = '';
  for (const segment of graphemes(head)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

/** Cut or pad with spaces to exactly `width` columns. */
export function fitToWidth(text: string, width: number, ellipsis: string): string {
  const cut = truncateToWidth(text, width, ellipsis);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Pad with spaces to at least `width` columns (never cuts: for labels of our own). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Hard-wrap to lines of at most `width` columns (details text: nothing is ever cut off). */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [text];
  if (NARROW_TEXT.test(text)) {
    if (text.length <= width) return [text];
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
    return lines;
  }
  // Longer text is measured as it is wrapped (the loop below gives one line when it fits).
  if (text.length <= 2 * width && displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // Measuring each cluster through string-width is most of the cost: the few distinct ones repeat.
  const widths = new Map<string, number>();
  for (const segment of graphemes(text)) {
    let w = widths.get(segment);
    if (w === undefined) widths.set(segment, (w = displayWidth(segment)));
    if (used + w > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += segment;
    used += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
