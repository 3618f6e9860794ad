/**
 * `--config PATH` (every command), and what a command makes of it: the config file read and
 * checked (a config with problems stops the command with every problem listed: exit 2, like any
 * other wrong setting), and the questions and sensitive-operation rules in force for the run (the
 * bundled files plus the config's), read once and passed to whoever needs them.
 */
import { applyKeyBindings } from '../config/key-bindings.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Config } from '../config/config-types.js';
import { loadCatalog, type Catalog } from '../insights/catalog.js';
import type { Symbols } from '../text/symbols.js';
import { ACTIONS, DEFAULT_KEYMAP, type Binding } from '../tui/keymap.js';
import { CliError, EXIT } from './errors.js';

export const configOption = {
  type: 'string' as const,
  describe: 'Config file (default: $XDG_CONFIG_HOME/entra-audit/config.json, else ~/.config/entra-audit/config.json)',
};

/** The keymap the config's `keys` make, or every conflict: one check for `entra-audit config` and the explorer. */
export function keymapOf(config: Config, file: string): { bindings: readonly Binding[]; errors: string[] } {
  return config.keys ? applyKeyBindings(DEFAULT_KEYMAP, config.keys, file) : { bindings: DEFAULT_KEYMAP, errors: [] };
}

/** The config file, checked as the explorer will use it (key conflicts included). */
export async function readConfigFile(path: string | undefined, symbols?: Symbols): Promise<LoadedConfig> {
  const loaded = await loadConfig({ path, env: process.env, actions: ACTIONS, symbols });
  if (!loaded.ok) return loaded;
  const { errors } = keymapOf(loaded.config, loaded.path ?? 'config');
  return errors.length > 0 ? { ok: false, errors, path: loaded.path ?? 'config' } : loaded;
}

export interface RunSettings {
  config: Config;
  /** The config file's name for messages ('config' when there is none). */
  configName: string;
  catalog: Catalog;
}

/**
 * The config for a command and the catalog in force, or a CliError: a config with problems is a
 * usage error (exit 2); broken bundled definitions (ours: a broken installation) a data error.
 */
export async function settingsFor(path: string | undefined, symbols: Symbols): Promise<RunSettings> {
  const loaded = await readConfigFile(path, symbols);
  if (!loaded.ok) throw new CliError(`the config file has problems:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`, EXIT.usage);
  const source = loaded.path ?? 'config';
  const { sensitiveRules, questions, unusual } = loaded.config;
  try {
    const catalog = loadCatalog({
      rules: sensitiveRules ? [{ source, entries: sensitiveRules }] : [],
      questions: questions ? [{ source, entries: questions }] : [],
      unusual,
    });
    return { config: loaded.config, configName: source, catalog };
  } catch (error) {
    throw new CliError(`cannot use the bundled definitions:\n${error instanceof Error ? error.message : String(error)}`, EXIT.dataError);
  }
}
