/**
 * The columns chosen with `C`, kept in the config file and read back: only `columns.<pane>`
 * changes in the file's text, a file with problems is never written, a link stays a link, and the
 * explorer opens with the columns the file names.
 */
import { lstat, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { saveColumns } from '../../src/config/save-columns.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { initialState } from '../../src/tui/initial-state.js';
import { tableInput } from '../../src/tui/frame-parts.js';
import { ACTIONS } from '../../src/tui/keymap.js';
import { tableLines } from '../../src/view/table-lines.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'entra-columns-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ XDG_CONFIG_HOME: dir, HOME: dir });
const defaultPath = () => join(dir, 'entra-audit', 'config.json');
const save = (columns: string[], path?: string, pane: 'directory' | 'sign-ins' = 'directory') => saveColumns({ path, env: env(), actions: ACTIONS, pane, columns });

describe('keeping the columns in the config file', () => {
  it('creates the file (and its folder) when there is none, and the explorer reads it back', async () => {
    const saved = await save(['date', 'activity', 'ip']);
    expect(saved).toEqual({ ok: true, path: defaultPath() });
    const config = await loadConfig({ env: env(), actions: ACTIONS });
    expect(config.ok && config.config.columns).toEqual({ directory: ['date', 'activity', 'ip'] });
    // Reopened with that config, the table has those columns.
    const state = initialState({ indexes: indexesOf(storeFromEvents(loaded(graphEvent()))), size: { columns: 140, rows: 40 }, columns: config.ok ? config.config.columns : {}, options: { color: false } });
    const { header, rows } = tableLines(tableInput(state));
    expect(header).toMatch(/^ {2}Date \(UTC\) ▼\s+Activity\s+IP address\s*$/);
    expect(rows[0].text).toContain('203.0.113.10');
  });

  it('changes only columns.<pane> in the text: other settings, order, spacing and escapes stay as written', async () => {
    const path = join(dir, 'mine.json');
    const original = '{\n    "timeZone": "Europe/Paris",\n    "keys": {"quit": ["Q"]},\n    "columns": {\n        "sign-ins": ["date", "user"],\n        "directory": ["date"]\n    },\n    "theme": { "hint": { "color": "gray" } }\n}\n';
    await writeFile(path, original);
    await chmod(path, 0o640);
    expect(await save(['date', 'activity', 'correlation'], path)).toEqual({ ok: true, path });
    const text = await readFile(path, 'utf8');
    expect(text).toBe(original.replace('"directory": ["date"]', '"directory": ["date", "activity", "correlation"]'));
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    // A pane not there yet is added beside the others, in the file's own indentation.
    await save(['date', 'ip'], path, 'sign-ins');
    expect(await readFile(path, 'utf8')).toContain('        "sign-ins": ["date", "ip"],\n        "directory": ["date", "activity", "correlation"]\n');
  });

  it('adds a columns section to a file without one, keeping the rest', async () => {
    const path = join(dir, 'mine.json');
    await writeFile(path, '{\n  "timeZone": "UTC"\n}\n');
    await save(['date', 'status'], path);
    expect(await readFile(path, 'utf8')).toBe('{\n  "timeZone": "UTC",\n  "columns": {\n    "directory": ["date", "status"]\n  }\n}\n');
  });

  it('leaves a file with problems alone and says why', async () => {
    const path = join(dir, 'mine.json');
    const broken = '{ "timeZone": "Mars/Olympus", "columns": {} }';
    await writeFile(path, broken);
    const saved = await save(['date'], path);
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.reason).toMatch(/has problems, so it was left as it is: .*unknown time zone "Mars\/Olympus"/);
    expect(await readFile(path, 'utf8')).toBe(broken);
    await writeFile(path, '{ "columns": ');
    expect((await save(['date'], path)).ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('{ "columns": ');
  });

  it('writes through a link (dotfiles) and keeps the link', async () => {
    const real = join(dir, 'dotfiles-config.json');
    await writeFile(real, '{}\n');
    const link = join(dir, 'config.json');
    await symlink(real, link);
    expect((await save(['date', 'activity'], link)).ok).toBe(true);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(JSON.parse(await readFile(real, 'utf8'))).toEqual({ columns: { directory: ['date', 'activity'] } });
  });
});

describe('checking the columns setting', () => {
  it('names an unknown column with a did-you-mean, and an empty list', async () => {
    const path = join(dir, 'mine.json');
    await writeFile(path, JSON.stringify({ columns: { directory: ['date', 'activty'], provisioning: [], 'sign-in': ['user'] } }));
    const config = await loadConfig({ path, env: env(), actions: ACTIONS });
    expect(config.ok).toBe(false);
    const errors = config.ok ? [] : config.errors;
    expect(errors.some((e) => e.includes('columns.directory[1]: unknown column "activty" — did you mean "activity"?'))).toBe(true);
    expect(errors.some((e) => e.includes('columns.provisioning: must name at least one column'))).toBe(true);
    expect(errors.some((e) => e.includes('unknown key "sign-in" — did you mean "sign-ins"?'))).toBe(true);
  });
});
