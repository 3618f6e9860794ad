/**
 * The explorer refuses bad inputs before its screen opens: a missing file (exit 1) and a
 * mistyped command, which yargs' default command would take for a file (exit 2), are told on
 * stderr at once, with or without a terminal, instead of an empty explorer that says every
 * record loaded and an error shown only after quitting.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';
import { TmuxSession } from '../helpers/tmux.js';

const temp = tempDir();
const goodFile = temp.write('good.jsonl', JSON.stringify(graphEvent({ id: 'a', activityDateTime: '2026-11-20T10:00:00Z' })) + '\n');
const USAGE_HINT = "Run 'entra-audit --help' for usage.";

describe('the explorer without a terminal, given inputs it cannot use', { timeout: 30_000 }, () => {
  it('a missing file: exit 1 with the file named, and no terminal hint', async () => {
    const { code, stdout, stderr } = await runCli(['nope.json']);
    expect(stderr).toBe('entra-audit: nope.json: no such file or directory\n');
    expect(stdout).toBe('');
    expect(code).toBe(1);
  });

  it('a missing file beside a good one: refused too, every missing one named', async () => {
    const { code, stderr } = await runCli([goodFile, 'nope.json', 'gone.csv']);
    expect(stderr).toBe('entra-audit: nope.json: no such file or directory\nentra-audit: gone.csv: no such file or directory\n');
    expect(code).toBe(1);
  });

  it('a directory holding no files: exit 1', async () => {
    const empty = temp.path('empty-dir');
    mkdirSync(empty);
    const { code, stderr } = await runCli([empty]);
    expect(stderr).toBe(`entra-audit: ${empty}: directory holds no files\n`);
    expect(code).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file: exit 1, permission denied', async () => {
    const locked = temp.write('locked.jsonl', '{}\n');
    chmodSync(locked, 0o000);
    const { code, stderr } = await runCli([locked]);
    expect(stderr).toBe(`entra-audit: ${locked}: permission denied\n`);
    expect(code).toBe(1);
  });

  it('a mistyped command: exit 2 with a did-you-mean and the usage hint', async () => {
    const { code, stderr } = await runCli(['querry', 'nope.json']);
    expect(stderr).toBe(`entra-audit: unknown command "querry" — did you mean "query"?\n${USAGE_HINT}\n`);
    expect(code).toBe(2);
    for (const [typed, meant] of [['sumary', 'summary'], ['smaple', 'sample'], ['confg', 'config']]) {
      const result = await runCli([typed]);
      expect(result.stderr).toBe(`entra-audit: unknown command "${typed}" — did you mean "${meant}"?\n${USAGE_HINT}\n`);
      expect(result.code).toBe(2);
    }
  });

  it('a file that happens to be named like a misspelt command is a file', async () => {
    const lookalike = temp.write('querry', JSON.stringify(graphEvent({ id: 'b', activityDateTime: '2026-11-20T10:00:00Z' })) + '\n');
    const { code, stderr } = await runCli([lookalike]);
    // It gets as far as the terminal check, so the input was accepted.
    expect(stderr).toContain('the explorer needs a terminal');
    expect(code).toBe(2);
  });

  it('good inputs still reach the terminal check (exit 2 with the hint to use query)', async () => {
    const { code, stderr } = await runCli([goodFile]);
    expect(stderr).toContain('the explorer needs a terminal; to print or pipe events use: entra-audit query');
    expect(code).toBe(2);
  });
});

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!TmuxSession.available())('the explorer in a real terminal, given inputs it cannot use', () => {
  it('the shell prompt gets the message at once and the explorer never opens', { timeout: 30_000 }, async () => {
    session = new TmuxSession();
    // A shell at a prompt, as a person has: the command is typed into it.
    session.start(`env NO_COLOR=1 PS1='$ ' sh`, 120, 30);
    await session.waitFor((s) => s.startsWith('$'), 'the shell prompt');
    const typed = `node ${CLI} querry nope.json; echo EXIT=$?`;
    session.keys(typed, 'Enter');
    const screen = await session.waitFor((s) => /^EXIT=2\n\$$/m.test(s), 'the command to exit and the prompt to return', 10_000);
    expect(screen.split('\n').map((line) => line.trimEnd()).filter(Boolean)).toEqual([
      `$ ${typed}`,
      'entra-audit: unknown command "querry" — did you mean "query"?',
      USAGE_HINT,
      'EXIT=2',
      '$',
    ]);

    session.keys(`node ${CLI} nope.json; echo EXIT=$?`, 'Enter');
    const after = await session.waitFor((s) => s.includes('EXIT=1'), 'the missing file to be told', 10_000);
    expect(after).toContain('entra-audit: nope.json: no such file or directory\nEXIT=1\n$');
    // Nothing of the explorer was ever drawn: not on the screen, nor in what scrolled off it.
    expect(session.screen(true)).not.toMatch(/Date \(UTC\)|Every record loaded|Loading/);
  });
});
