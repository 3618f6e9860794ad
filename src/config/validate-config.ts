/**
 * Checking a parsed config file against the schema (see config-types.ts), by hand: the schema
 * is small, and hand-written checks give each problem a message in the user's terms with a
 * did-you-mean. Unknown keys are problems too: a misspelt setting silently ignored is the
 * worst kind of config bug.
 */
import { NAMED_KEYS, isKeyName } from '../tui/key-names.js';
import { resolveTimeZone } from '../text/time-zone.js';
import { STYLE_NAMES, THEME_COLOURS, type StyleName } from '../view/style-names.js';
import { closestName } from './closest-name.js';
import { ConfigChecker, quote, type JsonPath } from './config-checker.js';
import type { Config, StyleOverride } from './config-types.js';
import { checkColumns } from './validate-columns.js';
import { checkQuestions, checkSensitiveRules } from './validate-lists.js';
import { validateSensitiveRules } from '../insights/sensitive.js';
import { validateQuestions } from '../insights/questions.js';
import { DEFAULT_UNUSUAL_SETTINGS, type UnusualSettings } from '../insights/unusual.js';

export interface ValidateOptions {
  /** How problems name the file. */
  file: string;
  /** The explorer's action ids; without them `keys` is checked for key names only. */
  actions?: readonly string[];
  /** For durations in queries (`since:7d`); only parsing is checked, so any time does. */
  now?: number;
}

export interface CheckedConfig {
  /** The parts that passed; use it only when `errors` is empty, or knowingly. */
  config: Config;
  errors: string[];
}

const TOP_LEVEL = ['timeZone', 'theme', 'keys', 'sensitiveRules', 'questions', 'unusual', 'summaryEvents', 'columns', 'cache'] as const;

export function validateConfig(value: unknown, options: ValidateOptions): CheckedConfig {
  const check = new ConfigChecker(options.file);
  const config: Config = {};
  const root = check.object(value, []);
  if (root) {
    check.keys(root, TOP_LEVEL, []);
    if (root.timeZone !== undefined) config.timeZone = checkTimeZone(check, root.timeZone);
    if (root.theme !== undefined) config.theme = checkTheme(check, root.theme);
    if (root.keys !== undefined) config.keys = checkKeys(check, root.keys, options.actions);
    if (root.summaryEvents !== undefined) config.summaryEvents = checkSummaryEvents(check, root.summaryEvents);
    const now = options.now ?? Date.now();
    if (root.sensitiveRules !== undefined) config.sensitiveRules = checkSensitiveRules(check, root.sensitiveRules, now);
    if (root.questions !== undefined) config.questions = checkQuestions(check, root.questions, now);
    if (root.unusual !== undefined) config.unusual = checkUnusual(check, root.unusual);
    if (root.columns !== undefined) config.columns = checkColumns(check, root.columns);
    if (root.cache !== undefined) config.cache = checkCache(check, root.cache);
    // Then the same checks the bundled files get (no risk: in a rule, `top` naming store fields,
    // ids unique across the bundled ones and these), so a config that passes here is used as is.
    if (config.sensitiveRules && check.errors.length === 0) {
      const checked = validateSensitiveRules([{ source: `${options.file}: sensitiveRules`, entries: config.sensitiveRules }]);
      if (!checked.ok) check.errors.push(...checked.errors);
    }
    if (config.questions && check.errors.length === 0) {
      const checked = validateQuestions([{ source: `${options.file}: questions`, entries: config.questions }]);
      if (!checked.ok) check.errors.push(...checked.errors);
    }
  }
  for (const key of Object.keys(config) as (keyof Config)[]) if (config[key] === undefined) delete config[key];
  return { config, errors: check.errors };
}

function checkTimeZone(check: ConfigChecker, value: unknown): string | undefined {
  const name = check.string(value, ['timeZone']);
  if (name === undefined) return undefined;
  if (resolveTimeZone(name)) return name;
  check.problem(['timeZone'], `unknown time zone ${quote(name)}: use "UTC", "local" or an IANA name like "Europe/Paris"`);
  return undefined;
}

function checkCache(check: ConfigChecker, value: unknown): Config['cache'] {
  const body = check.object(value, ['cache']);
  if (!body) return undefined;
  check.keys(body, ['enabled', 'maxMB'], ['cache']);
  const cache: NonNullable<Config['cache']> = {};
  if (body.enabled !== undefined) cache.enabled = check.boolean(body.enabled, ['cache', 'enabled']);
  if (body.maxMB !== undefined) {
    if (typeof body.maxMB === 'number' && Number.isFinite(body.maxMB) && body.maxMB >= 0) cache.maxMB = body.maxMB;
    else check.problem(['cache', 'maxMB'], `must be a number of megabytes, 0 or more, not ${quote(body.maxMB)}`);
  }
  return cache;
}

function checkSummaryEvents(check: ConfigChecker, value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  check.problem(['summaryEvents'], `must be a whole number of events, 0 or more (0: never list them), not ${quote(value)}`);
  return undefined;
}

const STYLE_KEYS = ['color', 'bold', 'dim', 'inverse', 'underline'] as const;

function checkTheme(check: ConfigChecker, value: unknown): Config['theme'] {
  const theme = check.object(value, ['theme']);
  if (!theme) return undefined;
  const styles: Partial<Record<StyleName, StyleOverride>> = {};
  for (const [name, body] of Object.entries(theme)) {
    const path: JsonPath = ['theme', name];
    if (!(STYLE_NAMES as readonly string[]).includes(name)) {
      check.keys({ [name]: body }, STYLE_NAMES, ['theme']);
      continue;
    }
    const fields = check.object(body, path);
    if (!fields) continue;
    check.keys(fields, STYLE_KEYS, path);
    const style: StyleOverride = {};
    if (fields.color !== undefined) style.color = check.oneOf(fields.color, THEME_COLOURS, [...path, 'color'], 'colour');
    for (const flag of ['bold', 'dim', 'inverse', 'underline'] as const) {
      if (fields[flag] !== undefined) style[flag] = check.boolean(fields[flag], [...path, flag]);
    }
    styles[name as StyleName] = style;
  }
  return styles;
}

/** Every key name a person may write, for did-you-mean. */
const KEY_NAME_CANDIDATES: readonly string[] = [...NAMED_KEYS, ...[...'abcdefghijklmnopqrstuvwxyz'].map((letter) => `ctrl+${letter}`)];

function checkKeys(check: ConfigChecker, value: unknown, actions: readonly string[] | undefined): Config['keys'] {
  const keys = check.object(value, ['keys']);
  if (!keys) return undefined;
  const bindings: Record<string, string[]> = {};
  for (const [action, list] of Object.entries(keys)) {
    if (actions && !actions.includes(action)) {
      check.keys({ [action]: list }, actions, ['keys']);
      continue;
    }
    const items = check.list(list, ['keys', action]);
    if (!items) continue;
    const names: string[] = [];
    items.forEach((item, index) => {
      const name = check.string(item, ['keys', action, index]);
      if (name === undefined) return;
      if (isKeyName(name)) {
        if (!names.includes(name)) names.push(name);
        return;
      }
      const best = closestName(name, KEY_NAME_CANDIDATES);
      const hint = best !== undefined ? ` — did you mean ${quote(best)}?` : ': use one character, ctrl+<letter>, or one of ' + NAMED_KEYS.join(', ');
      check.problem(['keys', action, index], `unknown key name ${quote(name)}${hint}`);
    });
    bindings[action] = names;
  }
  return bindings;
}

/** Shares (of a span, of the busiest hour) are fractions; the rest are counts or weights. */
const UNUSUAL_SHARES: ReadonlySet<string> = new Set(['lateShare', 'usualHourOfPeak']);

/** `unusual`: any of the measures' thresholds (insights/unusual.ts), each a number in its range. */
function checkUnusual(check: ConfigChecker, value: unknown): Partial<UnusualSettings> | undefined {
  const body = check.object(value, ['unusual']);
  if (!body) return undefined;
  const names = Object.keys(DEFAULT_UNUSUAL_SETTINGS) as (keyof UnusualSettings)[];
  check.keys(body, names, ['unusual']);
  const settings: Partial<UnusualSettings> = {};
  for (const name of names) {
    const given = body[name];
    if (given === undefined) continue;
    const share = UNUSUAL_SHARES.has(name);
    if (typeof given !== 'number' || !Number.isFinite(given) || given < 0 || (share && given > 1)) {
      check.problem(['unusual', name], share ? `must be a number from 0 to 1, not ${quote(given)}` : `must be a number of 0 or more, not ${quote(given)}`);
      continue;
    }
    settings[name] = given;
  }
  return settings;
}
