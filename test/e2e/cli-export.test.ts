/**
 * `query --output` as an admin uses it: the export file, the receipt on stderr that
 * `sha256sum -c` checks, refusal to overwrite without --force, and the config file commands.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const jsonl = (...events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const events = [graphEvent({ id: 'a', activityDateTime: '2026-11-20T10:00:00Z' }), graphEvent({ id: 'b', activityDateTime: '2026-11-21T10:00:00Z', activityDisplayName: '=1+2' })];
const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;

describe('entra-audit query --output', () => {
  it('writes the file, prints a receipt, and sha256sum -c --strict accepts the receipt as is', async () => {
    const source = temp.write('in.jsonl', jsonl(...events));
    const output = temp.path('out.json');
    const { code, stdout, stderr } = await runCli(['query', source, '--format', 'json', '--output', output]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(output, 'utf8')).map((e: { id: string }) => e.id)).toEqual(['b', 'a']);
    const size = readFileSync(output).length;
    expect(stderr).toMatch(new RegExp(`^# wrote 2 events to ${output} \\(${size} bytes\\)\\n[0-9a-f]{64}  ${output}\\n[0-9a-f]{64}  ${source}\\n# sources unchanged since they were loaded \\(size, modification time, inode\\)\\n$`));
    if (hasSha256sum) {
      const receipt = temp.write('receipt.sha256', stderr);
      const checked = spawnSync('sha256sum', ['--strict', '-c', receipt], { encoding: 'utf8' });
      expect(checked.stdout).toBe(`${output}: OK\n${source}: OK\n`);
      expect(checked.status).toBe(0);
      // And it would notice a changed export.
      writeFileSync(output, readFileSync(output, 'utf8').replace('"b"', '"c"'));
      expect(spawnSync('sha256sum', ['--strict', '-c', receipt]).status).toBe(1);
    }
  });

  it('refuses to replace an existing file without --force (exit 1, file unchanged), and replaces it with --force', async () => {
    const source = temp.write('twice.jsonl', jsonl(...events));
    const output = temp.path('twice.csv');
    expect((await runCli(['query', source, '--output', output])).code).toBe(0);
    const first = readFileSync(output);
    const refused = await runCli(['query', source, '--output', output, '--filter', 'id:a']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`entra-audit: ${output} already exists; pass --force to overwrite it\n`);
    expect(readFileSync(output).equals(first)).toBe(true);
    const forced = await runCli(['query', source, '--output', output, '--filter', 'id:a', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain(`# wrote 1 event to ${output}`);
    // The CSV format came from the file name; the formula cell of the first run was neutralised.
    expect(first.toString('utf8')).toContain(",'=1+2,");
    expect(readFileSync(output, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('says standard input has no hash', async () => {
    const output = temp.path('stdin.ndjson');
    const { code, stderr } = await runCli(['query', '-', '--output', output], { input: jsonl(...events) });
    expect(code).toBe(0);
    expect(stderr).toContain('# <stdin>: no SHA-256 (standard input is not a file: nothing to hash)\n');
    expect(readFileSync(output, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('is a usage error with --format table or --count', async () => {
    const output = temp.path('never.txt');
    const table = await runCli(['query', '--output', output, '--format', 'table']);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('--format table is for the terminal');
    const count = await runCli(['query', '--output', output, '--count']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--output and --count do not go together');
  });
});

describe('the config file from the command line', () => {
  it('query takes the time zone from the config unless --tz is given', async () => {
    const source = temp.write('tz.jsonl', jsonl(...events));
    const config = temp.write('tz-config.json', JSON.stringify({ timeZone: 'Asia/Tokyo' }));
    const fromConfig = await runCli(['query', source, '--format', 'table', '--config', config]);
    expect(fromConfig.stdout).toMatch(/^ {2}Date \(Asia\/Tokyo\)/);
    expect(fromConfig.stdout).toContain('2026-11-21 19:00:00');
    const fromFlag = await runCli(['query', source, '--format', 'table', '--config', config, '--tz', 'utc']);
    expect(fromFlag.stdout).toMatch(/^ {2}Date \(UTC\)/);
  });

  it('stops a command on a bad config with every problem (exit 2), and `config` checks it (exit 1)', async () => {
    const config = temp.write('bad-config.json', JSON.stringify({ timezone: 'UTC', keys: { quit: ['ctrlc'] } }));
    const query = await runCli(['query', '--count', '--config', config]);
    expect(query.code).toBe(2);
    expect(query.stderr).toContain(`${config}: unknown key "timezone" — did you mean "timeZone"?`);
    expect(query.stderr).toContain(`${config}: keys.quit[0]: unknown key name "ctrlc" — did you mean "ctrl+c"?`);
    const checked = await runCli(['config', '--config', config]);
    expect(checked.code).toBe(1);
    expect(checked.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('`config` says which file it read, or that there is none at the default place', async () => {
    const config = temp.write('good-config.json', JSON.stringify({ questions: [{ id: 'q', title: 'Role grants', query: 'activity:role' }] }));
    expect((await runCli(['config', '--config', config])).stdout).toBe(`${config}: valid (1 question)\n`);
    const none = await runCli(['config'], { env: { XDG_CONFIG_HOME: temp.path('no-xdg') } });
    expect(none.stdout).toBe(`no config file at ${temp.path('no-xdg')}/entra-audit/config.json: defaults in use\n`);
    expect((await runCli(['config', '--config', temp.path('missing.json')])).code).toBe(1);
  });
});
