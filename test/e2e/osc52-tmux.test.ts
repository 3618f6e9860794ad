/**
 * OSC 52 for real: a program writing osc52(text) to its terminal inside tmux (with
 * `set-clipboard on`, as the explorer's hint tells users) puts the text in tmux's paste buffer,
 * which is also what tmux forwards to the outer terminal's clipboard.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/tui/clipboard.js';
import { TmuxSession } from '../helpers/tmux.js';

const CLIPBOARD_MODULE = fileURLToPath(new URL('../../dist/src/tui/clipboard.js', import.meta.url));
const socket = `entra-audit-osc52-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
});

async function pasteBuffer(): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return tmux('show-buffer');
    } catch (error) {
      // "no buffers" until the program has run
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe.skipIf(!TmuxSession.available())('OSC 52 in tmux (skipped: tmux is not installed)', () => {
  it('copies text that tmux show-buffer then prints', { timeout: 30_000 }, async () => {
    tmux('new-session', '-d', '-x', '80', '-y', '24', 'sleep 60');
    tmux('set', '-g', 'set-clipboard', 'on');
    const script = `import(${JSON.stringify(CLIPBOARD_MODULE)}).then(({ osc52 }) => process.stdout.write(osc52(process.argv[1])))`;
    const command = `${shellQuote(process.execPath)} -e ${shellQuote(script)} hello; sleep 5`;
    tmux('new-window', '-d', command);
    expect(await pasteBuffer()).toBe('hello');
  });
});
