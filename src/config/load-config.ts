/**
 * Reading the config file. A missing file at the default place is fine (no config); a file
 * named with --config must exist. Whatever is wrong comes back as messages, never thrown.
 */
import { readFile, stat } from 'node:fs/promises';
import { describeFsError } from '../text/fs-error.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS, type Symbols } from '../text/symbols.js';
import { defaultConfigPath, type Env } from './config-path.js';
import type { Config } from './config-types.js';
import { validateConfig } from './validate-config.js';

export interface LoadConfigOptions {
  /** From --config; when given it must exist. */
  path?: string;
  env: Env;
  /** The explorer's action ids, to check `keys` against (see validateConfig). */
  actions?: readonly string[];
  /** How control characters in the file's name and text are shown in messages (Unicode placeholders by default). */
  symbols?: Symbols;
}

export type LoadedConfig =
  /** `path` is null when there was no file at the default place. */
  | { ok: true; config: Config; path: string | null }
  | { ok: false; errors: string[]; path: string };

/** A config file is a page of settings; anything this big is the wrong file. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const explicit = options.path !== undefined;
  const path = options.path ?? defaultConfigPath(options.env);
  const symbols = options.symbols ?? UNICODE_SYMBOLS;
  const fail = (message: string): LoadedConfig => ({ ok: false, errors: [`${sanitize(path, symbols)}: ${message}`], path });
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail('is a directory, not a config file');
    if (info.size > MAX_CONFIG_BYTES) return fail(`is ${info.size} bytes; a config file is at most ${MAX_CONFIG_BYTES}`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, config: {}, path: null };
    return fail(explicit && (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such config file' : describeFsError(error));
  }
  let value: unknown;
  try {
    // A BOM (Windows editors add one) is not JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not valid JSON: ${describeJsonError(text, error, symbols)}`);
  }
  const checked = validateConfig(value, { file: sanitize(path, symbols), actions: options.actions });
  return checked.errors.length > 0 ? { ok: false, errors: checked.errors, path } : { ok: true, config: checked.config, path };
}

/** V8's message, with a line and column when it gives a position. */
function describeJsonError(text: string, error: unknown, symbols: Symbols): string {
  const message = sanitize(error instanceof Error ? error.message : String(error), symbols);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}
