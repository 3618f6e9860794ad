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

/**
 * Where JSON.parse stopped in `json`, text that starts at `line`/`column` of its file, when the
 * message says (V8 names a position for most errors, not for "Unexpected token"); and the
 * message without its position relative to `json`, which means nothing to a reader of the file.
 */
export function jsonErrorPlace(error: unknown, json: string, start: { line: number; column: number }): { line: number; column: number; reason: string } | null {
  const reason = jsonErrorReason(error);
  const match = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(reason);
  const position = match ? Math.min(Number(match[1]), json.length) : unexpectedTokenPosition(error, json);
  if (position === null) return null;
  let newlines = 0;
  let lineStart = -1;
  for (let i = json.indexOf('\n'); i !== -1 && i < position; i = json.indexOf('\n', i + 1)) {
    newlines++;
    lineStart = i;
  }
  const column = newlines === 0 ? start.column + position : position - lineStart;
  return { line: start.line + newlines, column, reason: match ? reason.replace(match[0], '') : `unexpected ${JSON.stringify(json[position])}` };
}

/**
 * V8 names no position for an unexpected token, only the text around it: 10 characters before
 * the token after a leading "...", else the whole (short) text. Found again in `json`, the first
 * place it occurs (an earlier one would have failed first).
 */
function unexpectedTokenPosition(error: unknown, json: string): number | null {
  const message = error instanceof Error ? error.message : '';
  const match = /^Unexpected token '([^]*?)', (\.\.\.)?"([^]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!match) return null;
  const [, token, cut, context] = match;
  const at = json.indexOf(context);
  if (at === -1) return null;
  const position = cut ? at + 10 : at + context.indexOf(token);
  return json[position] === token ? position : null;
}
