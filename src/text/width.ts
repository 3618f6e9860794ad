/**
 * Terminal display width: CJK and emoji take two columns, combining marks none. Uses
 * string-width (the library Ink itself measures with) so our columns and Ink's agree.
 */
import stringWidth from 'string-width';

/** Printable ASCII: one column per character, no need for the full Unicode rules. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  // The fast path matters: the table measures every cell of every visible row on every frame.
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut to at most `width` columns, ending in `ellipsis` (symbols.ellipsis) when something was cut. */
export function truncateToWidth(text: string, width: number, ellipsis: string): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, room)) + ellipsis;
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
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
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
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
