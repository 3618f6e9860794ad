/**
 * An export ended by a signal mid-write leaves nothing behind: not the target (the write is
 * atomic) and not the temporary file beside it (`.out.csv.<pid>.<hex>.tmp`), which the write's
 * own clean-up never gets to remove when the process is killed. `query -o` and the explorer's `e`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const big = temp.path('big.jsonl');

beforeAll(() => {
  // 200,000 events (~240 MB): an export of them takes tens of seconds, time enough to interrupt it.
  const made = spawnSync(process.execPath, [CLI, 'sample', '--events', '200000', '--out', big], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
}, 120_000);

/** Wait until `dir` holds a temporary file (the export is writing), or fail after `ms`. */
async function temporaryAppears(dir: string, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = readdirSync(dir).find((name) => name.endsWith('.tmp'));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no temporary file in ${dir}: ${readdirSync(dir).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a signal during query --output', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s removes the temporary file and exits %i', { timeout: 120_000 }, async (signal, exitCode) => {
    const dir = temp.path(`out-${signal}`);
    mkdirSync(dir);
    const child = spawn(process.execPath, [CLI, 'query', big, '-o', `${dir}/out.csv`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const name = await temporaryAppears(dir);
    expect(name).toMatch(/^\.out\.csv\.\d+\.[0-9a-f]+\.tmp$/);
    // Some of it written: mid-write, not before the first byte.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill(signal);
    expect(await closed).toEqual({ code: exitCode, signal: null });
    expect(readdirSync(dir)).toEqual([]);
    expect(stderr).not.toMatch(/\bat \S+ \(|node:internal/);
  });
});

describe.skipIf(!TmuxSession.available())('a signal during the explorer\'s export (tmux)', () => {
  it('SIGTERM removes the temporary file and gives the terminal back', { timeout: 120_000 }, async () => {
    const dir = temp.path('out-explorer');
    mkdirSync(dir);
    const session = new TmuxSession();
    try {
      // The explorer under a shell that writes down how it ended: tmux 3.3a shows no exit status
      // for a pane whose pty another process (the explorer's terminal watchdog) still holds.
      const status = temp.path('explorer-status');
      session.start(`NO_COLOR=1 ${process.execPath} ${CLI} ${big}; echo "$?" > ${status}; sleep 60`, 120, 30);
      await session.waitFor((s) => s.includes('Sources:'), 'the explorer, loaded', 60_000);
      session.keys('e');
      await session.waitFor((s) => /Export [\d,]+ events of this view/.test(s), 'the export prompt');
      session.keys(`${dir}/out.csv\r`);
      await temporaryAppears(dir);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const shell = session.display('#{pane_pid}');
      const explorer = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0];
      process.kill(Number(explorer), 'SIGTERM');
      await session.waitFor(() => existsSync(status) && readFileSync(status, 'utf8').endsWith('\n'), 'the explorer to exit');
      expect(readFileSync(status, 'utf8').trim()).toBe('143');
      expect(readdirSync(dir)).toEqual([]);
      // Out of the alternate screen.
      expect(session.display('#{alternate_on}')).toBe('0');
      // A clean end by a signal: the watchdog has nothing to say.
      expect(session.screen()).not.toContain('ended unexpectedly');
    } finally {
      session.kill();
    }
  });
});
