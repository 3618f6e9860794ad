/**
 * The terminal around the explorer: the alternate screen buffer (so quitting gives the user their
 * shell back as it was), restored on every way out, and a keyboard even when stdin carries data.
 * Ink 6 has no alternate-screen option (Ink 7 does, but needs Node 22), so this writes the
 * escape sequences itself.
 */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
/**
 * Autowrap off while the explorer runs: where the terminal's idea of a character's width differs
 * from ours (some scripts' combining marks, new emoji), an overlong line is clipped at the edge
 * instead of wrapping and scrolling the whole frame up by a line.
 */
const AUTOWRAP_OFF = '\u001b[?7l';
const AUTOWRAP_ON = '\u001b[?7h';
const SHOW_CURSOR = '\u001b[?25h';
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/** Enter the alternate screen; the returned function leaves it, once, whatever calls it first. */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  stdout.write(ENTER_ALTERNATE_SCREEN + AUTOWRAP_OFF);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(AUTOWRAP_ON + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  return restore;
}

/**
 * Keys come from stdin when it is a terminal; when data is piped in (`cat x | entra-audit`),
 * from the controlling terminal, as less and fzf do. Null when there is no terminal at all.
 */
export function keyboardStream(): NodeJS.ReadStream | null {
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    return null;
  }
}
