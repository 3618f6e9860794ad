/**
 * The explorer's terminal, given back even when the process dies without running any of its
 * own code: V8 running out of heap is fatal (it prints its banner and aborts; no 'exit' listener,
 * no `finally`, no signal handler runs), and so is the kernel's OOM killer (SIGKILL). Either way
 * the user's terminal stayed in the alternate screen with the cursor hidden.
 *
 * What was weighed (see README "Out of memory"):
 *  - nothing inside the process can run after a V8 OOM: `process.on('exit')` does not, Node has
 *    no near-heap-limit hook for JavaScript (`v8.setHeapSnapshotNearHeapLimit` writes snapshots),
 *    and a timer watching the heap misses a burst and never runs while a long synchronous step
 *    allocates;
 *  - re-executing the CLI as a child of a supervising parent sees every death, but costs a second
 *    Node start on every run (~0.1 s here, half the explorer's first frame) and re-plumbs stdio
 *    and signals;
 *  - so: a watchdog, `/bin/sh` (~1 MB, a few ms to start, after the first frame is painted) that
 *    holds the read end of a pipe from the explorer. The kernel closes the explorer's end when it
 *    dies, however it dies; a clean end (the screen restored by the explorer itself) kills the
 *    watchdog first. Woken by the end of the pipe, the watchdog writes what the explorer would
 *    have written on its way out (main screen, cursor shown, autowrap on) and one line saying why.
 *    The why is exact for V8's heap: `process.report.reportOnFatalError` has Node write its
 *    diagnostic report into a private temporary directory as it dies, and the watchdog looks
 *    for "heap out of memory" in it (then deletes it: a report lists the environment).
 *    Terminal modes (raw input) are restored by the shell itself (bash and zsh do, for a job
 *    that died of a signal).
 * No watchdog (no /bin/sh, a spawn that fails) means the old behaviour, never an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';

/** The report's file name inside the private directory. */
const REPORT_NAME = 'fatal-error.json';

/**
 * $1: the private directory, $2: the heap limit in MB, $3: a larger one to suggest. `read`
 * returns at the end of its input: the explorer is gone. Ctrl-C (a signal to the whole
 * foreground group, outside raw mode) is the explorer's to decide about, so it is ignored here.
 * The sequences are tui/terminal.ts's restore: mouse reporting off, autowrap on, cursor shown,
 * leave the alternate screen. Builtins only until the message is out, so it comes before the shell's next prompt.
 */
const WATCHDOG = `trap '' INT
read -r _
printf '\\033[?1006l\\033[?1000l\\033[?7h\\033[?25h\\033[?1049l'
oom=
if [ -f "$1/${REPORT_NAME}" ]; then
  while IFS= read -r line; do
    case $line in *'heap out of memory'*) oom=1; break ;; esac
  done < "$1/${REPORT_NAME}"
fi
if [ -n "$oom" ]; then
  printf 'entra-audit: ran out of memory: the JavaScript heap reached its limit (%s MB); the terminal was restored.\\nFor a larger heap: NODE_OPTIONS=--max-old-space-size=%s entra-audit …\\n' "$2" "$3" >&2
else
  printf 'entra-audit: ended unexpectedly (killed, perhaps by the system for lack of memory); the terminal was restored.\\n' >&2
fi
rm -rf "$1"
`;

export interface TerminalWatchdog {
  /** The explorer has given the terminal back itself: the watchdog has nothing left to do. Idempotent, synchronous. */
  stop(): void;
}

const NO_WATCHDOG: TerminalWatchdog = { stop: () => {} };

/** Start the watchdog for a terminal the explorer has put in the alternate screen. */
export function watchTerminal(): TerminalWatchdog {
  let dir: string;
  let child: ChildProcess;
  try {
    dir = mkdtempSync(join(tmpdir(), 'entra-audit-'));
    const limitMb = Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
    // Twice the limit, in the round numbers people pass (a power of two), at least 8 GB.
    const suggestedMb = Math.max(8192, 2 ** Math.ceil(Math.log2(limitMb * 2)));
    child = spawn('/bin/sh', ['-c', WATCHDOG, 'entra-audit-watchdog', dir, String(limitMb), String(suggestedMb)], { stdio: ['pipe', 'inherit', 'inherit'] });
  } catch {
    return NO_WATCHDOG;
  }
  const directory = dir;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.report.reportOnFatalError = false;
    child.kill('SIGTERM');
    rmSync(directory, { recursive: true, force: true });
  };
  // No /bin/sh: nothing watches, nothing to report.
  child.on('error', stop);
  // Neither the watchdog nor its pipe keeps the explorer's process alive.
  child.unref();
  child.stdin?.on('error', () => {});
  (child.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null)?.unref?.();
  process.report.directory = directory;
  process.report.filename = REPORT_NAME;
  // Dying, Node must not wait on DNS for the report's network section (Node 20.13+; @types/node 20 does not list it yet).
  (process.report as NodeJS.ProcessReport & { excludeNetwork: boolean }).excludeNetwork = true;
  process.report.reportOnFatalError = true;
  // A clean exit (process.exit from a signal handler included) stops it; 'exit' listeners run in order, after the screen's restore.
  process.on('exit', stop);
  return { stop };
}
