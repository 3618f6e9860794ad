/**
 * The explorer dying without running any of its own code (V8 out of heap, SIGKILL) gives the
 * terminal back all the same: out of the alternate screen, the cursor shown, one line saying
 * what happened; a clean quit leaves no watchdog and no temporary directory behind.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/tui/clipboard.js';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const EXHAUST_HEAP = fileURLToPath(new URL('../helpers/exhaust-heap.mjs', import.meta.url));
const temp = tempDir();
const source = temp.write('events.jsonl', Array.from({ length: 50 }, (_, i) => JSON.stringify(graphEvent({ id: `e${i}` }))).join('\n') + '\n');

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** The explorer in a shell in tmux, its temporary files in `tmp`; resolves once the watchdog is up. */
async function explorer(name: string): Promise<{ session: TmuxSession; pid: number; tmp: string; exitCode: () => string }> {
  const tmp = temp.path(`tmp-${name}`);
  mkdirSync(tmp);
  const trace = temp.path(`trace-${name}.log`);
  session = new TmuxSession();
  const node = [process.execPath, '--max-old-space-size=128', '--import', EXHAUST_HEAP, CLI, source].map(shellQuote).join(' ');
  // The pid first, so the test can signal the explorer itself; the exit code after, in a file as
  // well as on screen: the shell and the watchdog are woken by the same death, and when the shell
  // is first its line lands on the alternate screen the watchdog then leaves.
  const code = temp.path(`code-${name}`);
  session.start(`sh -c 'echo $$ > ${shellQuote(temp.path(`pid-${name}`))}; exec env TMPDIR=${shellQuote(tmp)} ENTRA_AUDIT_TRACE=${shellQuote(trace)} NO_COLOR=1 ${node.replace(/'/g, `'\\''`)}'; code=$?; echo $code > ${shellQuote(code)}; echo "exit code $code"; sleep 60`, 120, 30);
  await session.waitFor((s) => s.includes('50 of 50 events'), 'the explorer');
  const deadline = Date.now() + 10_000;
  while (!readFileSafe(trace).includes('terminal watchdog started')) {
    if (Date.now() > deadline) throw new Error('the watchdog did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(session.display('#{alternate_on}')).toBe('1');
  return { session, pid: Number(readFileSync(temp.path(`pid-${name}`), 'utf8')), tmp, exitCode: () => readFileSafe(code).trim() };
}

const readFileSafe = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

describe.skipIf(!TmuxSession.available())('the explorer dying unannounced (tmux)', () => {
  it('out of heap: leaves the alternate screen, shows the cursor and says the heap ran out', { timeout: 120_000 }, async () => {
    const { session, pid, tmp, exitCode } = await explorer('oom');
    process.kill(pid, 'SIGUSR2');
    const screen = await session.waitFor((s) => s.includes('For a larger heap') && exitCode() !== '', 'the explorer to die', 90_000);
    expect(exitCode()).toBe('134');
    expect(screen).toMatch(/entra-audit: ran out of memory: the JavaScript heap reached its limit \(\d+ MB\); the terminal was restored\./);
    expect(screen).toContain('NODE_OPTIONS=--max-old-space-size=8192');
    expect(session.display('#{alternate_on}')).toBe('0');
    expect(session.display('#{cursor_flag}')).toBe('1');
    // The diagnostic report (it lists the environment) is deleted with its directory.
    await session.waitFor(() => readdirSync(tmp).length === 0, 'the temporary directory to go');
  });

  it('killed: gives the terminal back and says it ended unexpectedly', { timeout: 60_000 }, async () => {
    const { session, pid } = await explorer('kill');
    process.kill(pid, 'SIGKILL');
    const screen = await session.waitFor((s) => s.includes('ended unexpectedly'), 'the watchdog\'s line');
    expect(screen).toContain('entra-audit: ended unexpectedly (killed, perhaps by the system for lack of memory); the terminal was restored.');
    expect(session.display('#{alternate_on}')).toBe('0');
    expect(session.display('#{cursor_flag}')).toBe('1');
  });

  it('a clean quit says nothing more and leaves nothing behind', { timeout: 60_000 }, async () => {
    const { session, tmp } = await explorer('quit');
    session.keys('q');
    const screen = await session.waitFor((s) => s.includes('exit code'), 'the explorer to quit');
    expect(screen).toContain('exit code 0');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.screen()).not.toMatch(/ran out of memory|ended unexpectedly/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
