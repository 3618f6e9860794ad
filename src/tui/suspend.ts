/**
 * Ctrl-Z as a shell user expects it (vim, less, htop): the terminal is given back as it was
 * (main screen, cursor, autowrap, the mouse, cooked mode), the whole foreground job is stopped
 * with SIGTSTP, as the terminal itself would stop it outside raw mode, and `fg` (SIGCONT) brings
 * the explorer back: alternate screen, raw mode, and a full redraw, which the caller does once the
 * returned promise settles. In raw mode the terminal sends Ctrl-Z as a key, so this is asked for
 * by the keymap, never by a signal handler.
 */
import { LEAVE_FULL_SCREEN, MOUSE_OFF, MOUSE_ON, REENTER_FULL_SCREEN } from './terminal.js';

/** What the explorer may do to its terminal besides drawing frames. */
export interface TerminalControl {
  /** Stop until `fg`; resolves once the screen is the explorer's again (false: nothing could stop us). */
  suspend(): Promise<boolean>;
  /** Mouse reporting on (the wheel scrolls) or off (the mouse selects text, as in the copy view). */
  mouse(on: boolean): void;
}

/**
 * When no SIGCONT has come this long after the stop was asked for, nothing stopped the process:
 * a process group without a job-control shell (started by a service, `setsid`) has SIGTSTP
 * discarded by the kernel. The explorer then takes its screen back instead of waiting forever.
 */
const NOT_STOPPED_MS = 200;

export function terminalControl(stdout: NodeJS.WriteStream, keyboard: NodeJS.ReadStream): TerminalControl {
  const write = stdout.write.bind(stdout) as (text: string) => boolean;
  let suspended = false;
  let mouseOn = true;
  // While stopped the screen is the shell's: a frame Ink would write (a timer firing as the job
  // continues, before SIGCONT is handled) must not land in it. The redraw afterwards repaints all.
  stdout.write = ((...args: Parameters<NodeJS.WriteStream['write']>) => (suspended ? true : (write as NodeJS.WriteStream['write'])(...args))) as NodeJS.WriteStream['write'];

  const resume = () => {
    keyboard.setRawMode?.(true);
    write(REENTER_FULL_SCREEN + (mouseOn ? '' : MOUSE_OFF));
    suspended = false;
  };

  return {
    suspend() {
      if (suspended) return Promise.resolve(false);
      suspended = true;
      write(LEAVE_FULL_SCREEN);
      keyboard.setRawMode?.(false);
      return new Promise((resolve) => {
        let continued = false;
        const onContinue = () => {
          continued = true;
          resume();
          resolve(true);
        };
        process.once('SIGCONT', onContinue);
        // 0: the whole process group, as the terminal's own Ctrl-Z (a pipeline, or npm around us).
        process.kill(0, 'SIGTSTP');
        // Here once continued (or at once when the stop was discarded: see NOT_STOPPED_MS).
        setTimeout(() => {
          if (continued) return;
          process.off('SIGCONT', onContinue);
          resume();
          resolve(false);
        }, NOT_STOPPED_MS);
      });
    },
    mouse(on) {
      if (on === mouseOn) return;
      mouseOn = on;
      if (!suspended) write(on ? MOUSE_ON : MOUSE_OFF);
    },
  };
}
