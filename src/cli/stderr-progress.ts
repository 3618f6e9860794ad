/**
 * How far a long `query` or `summary` load has come, on stderr while the user waits: the line the
 * explorer shows (view/progress.ts: bytes and %, records read, rate, time left) redrawn in place
 * with `\r`, and erased before anything is printed, so it never ends up in what is pasted. Only
 * when stderr is a terminal: a pipe or a file (`2> receipt.sha256`) gets not a byte of it.
 */
import type { LoadProgress } from '../model/load-progress.js';
import type { Symbols } from '../text/symbols.js';
import { truncateToWidth } from '../text/width.js';
import { progressText } from '../view/progress.js';

/** A load that finishes sooner shows nothing: a flash of text helps nobody. */
const FIRST_DRAW_MS = 300;
const REDRAW_MS = 200;
/** `\r`, the line, then erase to the end of the line (what the last, longer line left behind). */
const ERASE_TO_END = '\u001b[K';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Starts drawing; the function returned stops and erases the line (call it before printing results). */
export function showLoadProgress(progress: () => LoadProgress, symbols: Symbols, stream: ProgressStream = process.stderr): () => void {
  if (stream.isTTY !== true) return () => {};
  let drawn = false;
  const draw = () => {
    // One column short of the width: a line that fills it would wrap on some terminals, and `\r` would then redraw only its last row.
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r${truncateToWidth(progressText(progress(), Date.now(), symbols.separator), width, symbols.ellipsis)}${ERASE_TO_END}`);
    drawn = true;
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    draw();
    interval = setInterval(draw, REDRAW_MS);
    interval.unref();
  }, FIRST_DRAW_MS);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
    if (drawn) stream.write(`\r${ERASE_TO_END}`);
    drawn = false;
  };
}
