/**
 * A filter that starts with '-' (a negated term) after `--filter`, as a user types it: yargs
 * would read `-status:success` as the short flags -s -t -a -u …, so the CLI joins it to its
 * option first. Every command that takes --filter gets the same treatment.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const count = async (args: string[]): Promise<number> => {
  const { code, stdout, stderr } = await runCli(['query', ...args, '--count']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return Number(stdout.trim());
};

// Each run loads the sample (a second or two on a small machine).
describe('--filter with a value starting with "-"', { timeout: 60_000 }, () => {
  it('query: "-status:success" counts the complement of "status:success" on the bundled sample', async () => {
    const total = await count([]);
    const success = await count(['--filter', 'status:success']);
    const notSuccess = await count(['--filter', '-status:success']);
    expect(notSuccess).toBeGreaterThan(0);
    expect(success).toBeGreaterThan(0);
    expect(success + notSuccess).toBe(total);
    // The `=` form keeps working and means the same.
    expect(await count(['--filter=-status:success'])).toBe(notSuccess);
  });

  it('summary takes it too: its in-scope total is the query count', async () => {
    const { code, stdout, stderr } = await runCli(['summary', '--filter', '-status:success', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { filter: string; totals: { inScope: number } };
    expect(summary.filter).toBe('-status:success');
    expect(summary.totals.inScope).toBe(await count(['--filter', '-status:success']));
  });

  it('the explorer takes it too: without a terminal it gives the terminal hint, not "Unknown arguments"', async () => {
    const { code, stderr } = await runCli(['--filter', '-status:success']);
    expect(stderr).not.toContain('Unknown argument');
    expect(stderr).toContain('the explorer needs a terminal');
    expect(code).toBe(2);
  });

  it('a lone "-" after --filter is a malformed query (exit 2 with why), not standard input', async () => {
    const { code, stderr } = await runCli(['query', '--filter', '-', '--count']);
    expect(stderr).toContain('"-" must be followed by a term to exclude');
    expect(code).toBe(2);
  });
});
