/**
 * `summary` names the unusual first, in every format, on the bundled sample: the incident's IP
 * leads the Directory pane's Unusual section, with why; `--filter risk:unusual` is a query like
 * any other; the config's `unusual` thresholds are checked and used.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

describe('the Unusual section of summary', () => {
  it('leads with the incident IP in text, wrapped between reasons, never cut', { timeout: 30_000 }, async () => {
    const { code, stdout } = await runCli(['summary', '--pane', 'directory']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Unusual in the Directory pane'));
    const lines = section.split('\n');
    expect(lines[1]).toBe('  IP 203.0.113.66: 9 events, all on 2026-11-19 02:47–03:20, first seen that night,');
    expect(section).toContain('its user agent seen from no other IP (python-requests/2.31.0)');
    // Before the frequency lists: the rare first.
    expect(stdout.indexOf('Unusual in the Directory pane')).toBeLessThan(stdout.indexOf('Top activities'));
  });

  it('gives scripts the measures and a query for each value (json), and markdown a bullet each', { timeout: 30_000 }, async () => {
    const json = JSON.parse((await runCli(['summary', '--pane', 'all', '--format', 'json'])).stdout);
    expect(json.unusual.directory[0]).toMatchObject({ field: 'ip', value: '203.0.113.66', count: 9, query: 'ip:="203.0.113.66"', measures: ['late', 'offHours', 'sensitive', 'oneDay', 'loneAgent'] });
    expect(json.unusual['sign-ins'].slice(0, 2).map((v: { value: string }) => v.value)).toContain('203.0.113.66');
    const markdown = (await runCli(['summary', '--pane', 'directory', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('### Unusual in the Directory pane');
    expect(markdown).toMatch(/^- IP 203\.0\.113\.66: 9 events/m);
  });

  it('filters with risk:unusual, and takes its thresholds from the config file', { timeout: 30_000 }, async () => {
    const count = await runCli(['query', '--pane', 'directory', '--filter', 'risk:unusual ip:203.0.113.66', '--count']);
    expect(count.stdout.trim()).toBe('9');
    // A threshold no value reaches: nothing is unusual.
    const config = temp.write('config.json', JSON.stringify({ unusual: { minScore: 100 } }));
    const strict = await runCli(['query', '--config', config, '--pane', 'directory', '--filter', 'risk:unusual', '--count']);
    expect(strict.stdout.trim()).toBe('0');
    const bad = temp.write('bad.json', JSON.stringify({ unusual: { lateShare: 2, rareMx: 3 } }));
    const refused = await runCli(['query', '--config', bad, '--count']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('unusual.lateShare: must be a number from 0 to 1, not 2');
    expect(refused.stderr).toContain('unknown key "rareMx" — did you mean "rareMax"?');
  });
});
