/**
 * The query language does not surprise, on the command line: a field value found nowhere still
 * runs but says so on stderr (with the value meant), and times typed under --tz are read in that
 * zone, as the table shows them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const idsOf = (ndjson: string): string[] => ndjson.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).id as string);

describe('a field value that no event has', () => {
  it('runs, and says on stderr which value was meant (query)', async () => {
    const { code, stdout, stderr } = await runCli(['query', '--filter', 'status:failed', '--count']);
    expect(code).toBe(0);
    expect(stdout).toBe('0\n');
    expect(stderr).toBe('entra-audit: no status contains "failed" — did you mean "failure"?\n');
  });

  it('says the same for summary, naming the field as typed', async () => {
    const { code, stderr } = await runCli(['summary', '--filter', 'result:failed ip:203.0.113.66']);
    expect(code).toBe(0);
    expect(stderr).toBe('entra-audit: no result contains "failed" — did you mean "failure"?\n');
  });

  it('says only that nothing has it when no value is close, and nothing when the term finds something', { timeout: 30_000 }, async () => {
    const [far, found, excluded] = await Promise.all([
      runCli(['query', '--filter', 'status:xyzzy', '--count']),
      runCli(['query', '--filter', 'status:fail', '--count']),
      runCli(['query', '--filter', '-status:failed', '--count']),
    ]);
    expect(far.stderr).toBe('entra-audit: no status contains "xyzzy"\n');
    expect(found.stderr).toBe('');
    // Excluding a value no event has excludes nothing: no surprise, nothing said.
    expect(excluded.stderr).toBe('');
    expect(excluded.stdout).toBe('8670\n');
  });

  it('looks at the pane asked for, and at a term inside OR even when the other side finds events', async () => {
    const other = await runCli(['query', '--filter', 'activity:passwrd OR ip:203.0.113.66', '--pane', 'directory', '--count']);
    expect(other.stdout).not.toBe('0\n');
    expect(other.stderr).toBe('entra-audit: no activity contains "passwrd" — did you mean "password"?\n');
  });

  it('sanitises a suggestion taken from the logs before it reaches the terminal', async () => {
    // A C1 control (CSI) and a right-to-left override: JSON quoting leaves both as they are.
    const path = temp.write('hostile.jsonl', JSON.stringify(graphEvent({ id: 'h', activityDisplayName: 'Ab\u009b2J\u202ecd' })) + '\n');
    const { stderr } = await runCli(['query', path, '--filter', 'activity:Ab2Jcd', '--count']);
    expect(stderr).toMatch(/^entra-audit: no activity contains "Ab2Jcd" — did you mean "Ab.+2J.+cd"\?\n$/);
    expect(stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });
});

describe('--tz: times typed are read in the zone the times are shown in', () => {
  const paris = ['--tz', 'Europe/Paris'];

  // Four runs over the bundled sample on a shared machine: more than the default 5 s.
  it('selects in Paris time the events the UTC span selects', { timeout: 60_000 }, async () => {
    const [utc, local, spaced, asUtc] = await Promise.all([
      runCli(['query', '--filter', 'since:2026-11-19T03:00Z until:2026-11-19T03:10Z', '--format', 'ndjson']),
      runCli(['query', ...paris, '--filter', 'since:2026-11-19T04:00 until:2026-11-19T04:10', '--format', 'ndjson']),
      runCli(['query', ...paris, '--filter', 'since:2026-11-19 04:00 until:"2026-11-19 04:10"', '--format', 'ndjson']),
      runCli(['query', '--filter', 'since:2026-11-19T04:00 until:2026-11-19T04:10', '--format', 'ndjson']),
    ]);
    expect(idsOf(utc.stdout)).toHaveLength(9);
    expect(idsOf(local.stdout)).toEqual(idsOf(utc.stdout));
    expect(idsOf(spaced.stdout)).toEqual(idsOf(utc.stdout));
    // Read as UTC, the same words are another span (two events).
    expect(idsOf(asUtc.stdout)).toHaveLength(2);
  });

  it('uses the summer offset for a summer date (a zone, not +01:00)', { timeout: 30_000 }, async () => {
    const path = temp.write('summer.jsonl', [graphEvent({ id: 'summer', activityDateTime: '2026-07-01T02:05:00Z' }), graphEvent({ id: 'winter', activityDateTime: '2026-12-01T03:05:00Z' })].map((e) => JSON.stringify(e)).join('\n') + '\n');
    const at = async (filter: string) => idsOf((await runCli(['query', path, ...paris, '--filter', filter, '--format', 'ndjson'])).stdout);
    expect(await at('since:2026-07-01T04:00 until:2026-07-01T04:10')).toEqual(['summer']);
    expect(await at('since:2026-12-01T04:00 until:2026-12-01T04:10')).toEqual(['winter']);
  });

  it('prints the filter with the offsets it was read at, which mean the same anywhere', async () => {
    const { stdout } = await runCli(['summary', ...paris, '--filter', 'since:2026-11-19 04:00 until:2026-11-19T04:10']);
    expect(stdout).toContain('Filter    since:2026-11-19T04:00+01:00 until:2026-11-19T04:10+01:00\n');
    expect(stdout).toContain('Scope     9 events in scope');
  });
});
