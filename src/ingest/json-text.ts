/** Small pieces of reading JSON text without parsing it: string ends, previews, parser messages. */

/** Index of the closing quote of a string whose body starts at `from`, or -1. */
export function findStringEnd(buf: string, from: number): number {
  let i = from;
  for (;;) {
    const quote = buf.indexOf('"', i);
    if (quote === -1) return -1;
    // Count the backslashes before the quote: an odd number escapes it.
    let backslashes = 0;
    let k = quote - 1;
    while (k >= from && buf.charCodeAt(k) === 92) {
      backslashes++;
      k--;
    }
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** Where to restart a string scan after more input arrives: before any trailing backslashes. */
export function safeResumePoint(buf: string, from: number): number {
  let k = buf.length;
  while (k > from && buf.charCodeAt(k - 1) === 92) k--;
  return k;
}

/** A short, one-line, quoted excerpt of text that is not what was expected, for a problem's reason. */
export function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine);
}

/** JSON.parse's complaint, one line, without its prefix. */
export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^JSON\.parse: /, '').replace(/\s+/g, ' ').slice(0, 120);
}
