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
const HIDE_CURSOR = '\u001b[?25l';
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';
/**
 * Mouse reporting, for the wheel only: 1000 reports presses (a wheel notch is one), 1006 in the
 * SGR form (`ESC [ < 64 ; x ; y M`), which cannot be mistaken for typed text at any screen size.
 * Clicks are read and ignored; no motion is asked for (1002/1003 stay off). Selecting text with
 * the mouse then takes Shift in most terminals (Option in iTerm2).
 */
export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

/** What gives the user's screen back: the mouse theirs again, autowrap on, cursor shown, main screen. */
export const LEAVE_FULL_SCREEN = MOUSE_OFF + AUTOWRAP_ON + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN;
/** Back into the explorer's screen after a suspend: blank, the cursor hidden as Ink keeps it. */
export const REENTER_FULL_SCREEN = ENTER_ALTERNATE_SCREEN + AUTOWRAP_OFF + MOUSE_ON + HIDE_CURSOR + CLEAR_SCREEN;

/** Enter the alternate screen; the returned function leaves it, once, whatever calls it first. */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  stdout.write(ENTER_ALTERNATE_SCREEN + AUTOWRAP_OFF + MOUSE_ON);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_FULL_SCREEN);
  };
  const onSignal = () => {
    restore();
    process.exit(143);
  };
  process.once('exit', restore);
  // SIGHUP is the terminal going away: watchForTerminalLoss, not a restore nobody can see.
  process.once('SIGTERM', onSignal);
  return restore;
}

export interface TerminalLossWatch {
  /** Also run this (synchronous: temporary files, the watchdog) should the terminal go. */
  add(cleanup: () => void): void;
  stop(): void;
}

/**
 * The terminal went away (the SSH link dropped, the window closed): SIGHUP, or EIO reading keys
 * or writing frames. Nothing can be shown or asked any more, so the explorer ends at once, as a
 * hung-up program does: the clean-ups run, then the process dies of SIGHUP itself. Never
 * through process.exit: on Node 20 that restores the modes of a terminal that is gone, fails an
 * assertion (node::ResetStdio) and, with Ink's exit hooks, was seen spinning at full CPU.
 */
export function watchForTerminalLoss(keyboard: NodeJS.ReadStream, stdout: NodeJS.WriteStream = process.stdout): TerminalLossWatch {
  const cleanups: Array<() => void> = [];
  const lost = () => {
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // Each clean-up on its own: one failing must not keep the others from running.
      }
    }
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
    // Still here: SIGHUP was ignored (nohup) and stays so.
    process.kill(process.pid, 'SIGKILL');
  };
  // First in line: other SIGHUP listeners (the export clean-up) would exit the usual way.
  process.prependListener('SIGHUP', lost);
  stdout.prependListener('error', lost);
  keyboard.on('error', lost);
  // A terminal never ends by itself: the end of the key stream is the terminal hanging up.
  keyboard.on('end', lost);
  return {
    add: (cleanup) => cleanups.push(cleanup),
    stop: () => {
      process.off('SIGHUP', lost);
      stdout.off('error', lost);
      keyboard.off('error', lost);
      keyboard.off('end', lost);
    },
  };
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
