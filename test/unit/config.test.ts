import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTheme } from '../../src/view/theme.js';
import { applyKeyBindings } from '../../src/config/key-bindings.js';
import { defaultConfigPath } from '../../src/config/config-path.js';
import { loadConfig } from '../../src/config/load-config.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { isKeyName, keyName, NAMED_KEYS, type InkKey } from '../../src/tui/key-names.js';
import { STYLE_NAMES } from '../../src/view/style-names.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const check = (value: unknown, actions?: string[]) => validateConfig(value, { file: 'config.json', actions });

describe('config file validation', () => {
  it('accepts a full valid config and keeps every setting', () => {
    const value = {
      timeZone: 'Europe/Paris',
      theme: { heading: { color: 'magenta', bold: true }, hint: { color: 'gray', dim: false, inverse: false, underline: true } },
      keys: { quit: ['q', 'ctrl+c'], down: ['j', 'down', 'j'] },
      sensitiveRules: [{ id: 'role-grant', severity: 'high', query: 'activity:"Add member to role" -actor:MS-PIM', reason: 'role granted outside PIM' }],
      questions: [{ id: 'who', title: 'Who changed CA policies?', query: 'category:Policy', pane: 'all', top: ['initiator', 'target'] }],
    };
    const { config, errors } = check(value, ['quit', 'down']);
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...value, keys: { quit: ['q', 'ctrl+c'], down: ['j', 'down'] } });
    expect(check({}).config).toEqual({});
  });

  it('names the file and JSON path of each problem, with did-you-mean', () => {
    const { errors } = check(
      {
        timezone: 'UTC',
        timeZone: 'Mars/Olympus',
        theme: { headng: {}, label: { color: 'grey', bold: 'yes' }, hint: { colour: 'red' } },
        keys: { quit: ['ctrlc', 'q', 7], qiut: ['x'], 'move down': 'j' },
        sensitiveRules: [{ id: 'r', severity: 'hi', query: 'actvity:x', reason: 'why' }, { id: 'r', severity: 'high', reason: 'x' }],
        questions: [{ id: 'q', title: 'T', query: 'activity:"unclosed', pane: 'dir', top: 2.5 }, 'not an object'],
      },
      ['quit', 'down', 'move down'],
    );
    expect(errors).toEqual([
      'config.json: unknown key "timezone" — did you mean "timeZone"?',
      'config.json: timeZone: unknown time zone "Mars/Olympus": use "UTC", "local" or an IANA name like "Europe/Paris"',
      'config.json: theme: unknown key "headng" — did you mean "heading"?',
      'config.json: theme.label.color: unknown colour "grey" — did you mean "gray"?',
      'config.json: theme.label.bold: must be true or false, not a string',
      'config.json: theme.hint: unknown key "colour" — did you mean "color"?',
      'config.json: keys.quit[0]: unknown key name "ctrlc" — did you mean "ctrl+c"?',
      'config.json: keys.quit[2]: must be a string, not a number',
      'config.json: keys: unknown key "qiut" — did you mean "quit"?',
      'config.json: keys["move down"]: must be a list ([…]), not a string',
      'config.json: sensitiveRules[0].severity: unknown severity "hi": use "high", "medium"',
      'config.json: sensitiveRules[0].query: unknown field "actvity" — did you mean "activity"? (at character 1 of "actvity:x")',
      'config.json: sensitiveRules[1]: missing "query"',
      'config.json: sensitiveRules[1].id: "r" is already the id of sensitiveRules[0]',
      expect.stringMatching(/^config\.json: questions\[0\]\.query: .+ \(at character \d+ of "activity:\\"unclosed"\)$/),
      'config.json: questions[0].pane: unknown pane "dir": use "directory", "custom-security", "sign-ins", "provisioning", "all"',
      'config.json: questions[0].top: must be a list of field names such as ["target", "initiator"], not 2.5',
      'config.json: questions[1]: must be an object ({…}), not a string',
    ]);
  });

  it('holds config rules and questions to the rules of the bundled files', () => {
    const { errors } = check({
      sensitiveRules: [{ id: 'circular', severity: 'high', query: 'risk:high activity:x', reason: 'r' }],
    });
    expect(errors).toEqual([expect.stringContaining('"query" must not use risk:')]);
    const questions = check({ questions: [{ id: 'q', title: 'T', query: 'activity:x', top: ['nosuchfield'] }] });
    expect(questions.errors).toEqual([expect.stringMatching(/^config\.json: questions: question 1 \("q"\): "top" must be an array of "service"/)]);
  });

  it('refuses a file that is not an object, and never echoes control characters', () => {
    expect(check([1]).errors).toEqual(['config.json: must be an object ({…}), not a list']);
    const [message] = check({ 'evil\u001b]0;x\u0007\u009b': 1 }).errors;
    expect(message).not.toMatch(/[\u0000-\u001f\u0080-\u009f]/);
  });

  it('without the action list, checks only key names', () => {
    expect(check({ keys: { anything: ['j'] } }).errors).toEqual([]);
  });

  it('has a style for every style name the theme knows', () => {
    for (const name of STYLE_NAMES) expect(buildTheme(true)[name]).toBeDefined();
  });
});

describe('key names in the config', () => {
  const none: InkKey = {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
    return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  };

  it('are exactly the names keyName produces', () => {
    const produced = [
      keyName('', { ...none, upArrow: true }), keyName('', { ...none, pageDown: true }), keyName('', { ...none, tab: true, shift: true }),
      keyName('', { ...none, escape: true }), keyName('x', { ...none, ctrl: true }), keyName(' ', none), keyName('G', none), keyName('/', none),
    ];
    for (const name of [...produced, ...NAMED_KEYS]) expect(isKeyName(name!)).toBe(true);
    for (const name of ['ctrlc', 'Ctrl+C', 'ctrl+1', ' ', '\u001b', 'jj', 'esc', '']) expect(isKeyName(name)).toBe(false);
  });
});

describe('loadConfig', () => {
  it('reads $XDG_CONFIG_HOME/entra-audit/config.json, else ~/.config/entra-audit/config.json', () => {
    expect(defaultConfigPath({ XDG_CONFIG_HOME: '/x', HOME: '/home/a' })).toBe('/x/entra-audit/config.json');
    expect(defaultConfigPath({ HOME: '/home/a' })).toBe('/home/a/.config/entra-audit/config.json');
    expect(defaultConfigPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/a' })).toBe('/home/a/.config/entra-audit/config.json');
  });

  it('treats a missing default file as an empty config, but a missing --config file as an error', async () => {
    const env = { XDG_CONFIG_HOME: temp.path('empty-xdg') };
    expect(await loadConfig({ env })).toEqual({ ok: true, config: {}, path: null });
    const missing = temp.path('nope.json');
    expect(await loadConfig({ path: missing, env })).toEqual({ ok: false, errors: [`${missing}: no such config file`], path: missing });
  });

  it('reads the default file and reports invalid JSON with its line and column', async () => {
    const xdg = temp.path('xdg');
    mkdirSync(join(xdg, 'entra-audit'), { recursive: true });
    temp.write('xdg/entra-audit/config.json', '\uFEFF{ "timeZone": "local" }');
    expect(await loadConfig({ env: { XDG_CONFIG_HOME: xdg } })).toMatchObject({ ok: true, config: { timeZone: 'local' } });
    const bad = temp.write('bad.json', '{\n  "timeZone": "UTC",\n}');
    const result = await loadConfig({ path: bad, env: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(new RegExp(`^${bad}: not valid JSON: .*line 3, column 1\\)$`));
  });

  it('checks action names against the list the caller passes', async () => {
    const path = temp.write('keys.json', JSON.stringify({ keys: { qiut: ['x'] } }));
    expect(await loadConfig({ path, env: {}, actions: ['quit'] })).toEqual({ ok: false, path, errors: [`${path}: keys: unknown key "qiut" — did you mean "quit"?`] });
  });
});

describe('applyKeyBindings', () => {
  const KEYMAP = [
    { action: 'down', keys: ['j', 'down'], modes: ['table', 'details'], help: 'Down' },
    { action: 'clearFilter', keys: ['x'], modes: ['table'], help: 'Clear' },
    { action: 'quit', keys: ['q'], modes: ['table'], help: 'Quit' },
    { action: 'back', keys: ['escape', 'q'], modes: ['details'], help: 'Back' },
  ];

  it('replaces the keys of overridden actions and keeps everything else of each binding', () => {
    const { bindings, errors } = applyKeyBindings(KEYMAP, { quit: ['Q', 'ctrl+c'], down: ['n'] });
    expect(errors).toEqual([]);
    expect(bindings.map((b) => [b.action, b.keys])).toEqual([
      ['down', ['n']],
      ['clearFilter', ['x']],
      ['quit', ['Q', 'ctrl+c']],
      ['back', ['escape', 'q']],
    ]);
    expect(bindings[0].help).toBe('Down');
  });

  it('allows one key for different actions in different modes', () => {
    expect(applyKeyBindings(KEYMAP, {}).errors).toEqual([]);
  });

  it('reports two actions on one key in one mode, naming the overridden one, and applies nothing', () => {
    const { bindings, errors } = applyKeyBindings(KEYMAP, { quit: ['x'], down: ['escape'] }, 'config.json');
    expect(errors).toEqual([
      'config.json: keys.quit: "x" is also the key of "clearFilter" in table mode',
      'config.json: keys.down: "escape" is also the key of "back" in details mode',
    ]);
    expect(bindings).toEqual(KEYMAP);
  });

  it('reports an action it does not know', () => {
    expect(applyKeyBindings(KEYMAP, { nope: ['z'] }).errors).toEqual(['keys: unknown action "nope"']);
  });
});
