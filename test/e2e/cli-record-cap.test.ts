/**
 * `--max-record-mb`: the cap on one record is the user's to raise or lower, on every command and
 * every reading path (JSON Lines read in byte ranges, one Graph page streamed whole).
 */
import { describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
// The middle record carries a 3 MB value: past a 2 MB cap, within the default 64 MB.
const records = [1, 2, 3].map((i) =>
  graphEvent({ id: `r${i}`, activityDateTime: `2026-11-20T10:00:0${i}Z`, additionalDetails: i === 2 ? [{ key: 'blob', value: 'x'.repeat(3 * 1024 * 1024) }] : [] }),
);
const jsonLines = temp.write('cap.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const graphPage = temp.write('cap.json', JSON.stringify({ value: records }));

describe('--max-record-mb', () => {
  it.each([
    ['JSON Lines', jsonLines, /cap\.jsonl:2: record larger than 2 MB: skipped/],
    ['a Graph page', graphPage, /cap\.json:1:\d+: record larger than 2 MB: skipped/],
  ])('skips a record past the cap in %s as a problem and keeps the others', async (_shape, path, problem) => {
    const capped = await runCli(['query', path, '--format', 'ndjson', '--max-record-mb', '2']);
    expect(capped.code).toBe(0);
    expect(capped.stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['r3', 'r1']);
    expect(capped.stderr).toMatch(problem);
    const uncapped = await runCli(['query', path, '--count']);
    expect(uncapped.stdout.trim()).toBe('3');
    expect(uncapped.stderr).toBe('');
  });

  it('is taken by summary too', async () => {
    const result = await runCli(['summary', jsonLines, '--format', 'json', '--max-record-mb', '2']);
    const summary = JSON.parse(result.stdout);
    expect({ loaded: summary.totals.loaded, problems: summary.problems }).toEqual({ loaded: 2, problems: 1 });
  });

  it.each(['0', '-1', 'lots'])('refuses %s as a usage error', async (value) => {
    const result = await runCli(['query', jsonLines, '--count', '--max-record-mb', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max-record-mb needs a positive number of megabytes/);
  });
});
