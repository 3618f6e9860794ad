/**
 * The terminal going away (an SSH link dropped, a window closed) ends the explorer at once, as a
 * hung-up program: no native assertion on stderr, no process left running at full CPU, even
 * with a long record open in the details.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/tui/clipboard.js';
import { CLI } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const long = 'x'.repeat(200_000);
const source = temp.write(
  'events.jsonl',
  [graphEvent({ id: 'long', activityDateTime: '2026-11-21T10:00:00Z', resultReason: long, additionalDetails: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: long })) }), ...Array.from({ length: 49 }, (_, i) => graphEvent({ id: `e${i}` }))]
    .map((event) => JSON.stringify(event))
    .join('\n') + '\n',
);

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** Running and not a zombie (an orphan nobody reaps still has a pid). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe.skipIf(!TmuxSession.available())('the terminal going away', () => {
  for (const where of ['the table', 'the details of a 4 MB record'] as const) {
    it(`ends the explorer in ${where}, without a stack or an assertion`, async () => {
      const name = where === 'the table' ? 'table' : 'details';
      const pidFile = temp.path(`pid-${name}`);
      const stderr = temp.path(`stderr-${name}`);
      session = new TmuxSession();
      const node = [process.execPath, CLI, source].map(shellQuote).join(' ');
      session.start(`sh -c 'echo $$ > ${shellQuote(pidFile)}; exec env NO_COLOR=1 ${node.replace(/'/g, `'\\''`)} 2> ${shellQuote(stderr)}'`, 120, 30);
      await session.waitFor((s) => s.includes('50 of 50 events'), 'the explorer');
      const pid = Number(readFileSync(pidFile, 'utf8'));
      if (name === 'details') {
        session.keys('g', 'Enter');
        await session.waitFor((s) => s.includes('Status reason'), 'the long record');
      }
      expect(alive(pid)).toBe(true);
      session.kill();
      session = undefined;
      expect(await gone(pid)).toBe(true);
      expect(readFileSync(stderr, 'utf8')).toBe('');
    }, 30_000);
  }
});
