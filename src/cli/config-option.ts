/**
 * `--config PATH` (every command) and reading the config file for a command. A config with
 * problems stops the command with every problem listed: exit 2, like any other wrong setting.
 */
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Config } from '../config/config-types.js';
import { CliError, EXIT } from './errors.js';
import { ACTIONS } from '../tui/keymap.js';
import { addSensitiveRules, sensitiveRules } from '../insights/risk.js';
import { addQuestions } from '../tui/questions-palette.js';

export const configOption = {
  type: 'string' as const,
  describe: 'Config file (default: $XDG_CONFIG_HOME/entra-audit/config.json, else ~/.config/entra-audit/config.json)',
};

export async function readConfigFile(path: string | undefined): Promise<LoadedConfig> {
  return loadConfig({ path, env: process.env, actions: ACTIONS });
}

/**
 * The config for a command, or a CliError listing its problems. Its extra sensitive-operation
 * rules and questions join the bundled ones for this run (risk:, markers, `:` palette, summary).
 */
export async function configFor(path: string | undefined): Promise<Config> {
  const loaded = await readConfigFile(path);
  if (!loaded.ok) throw new CliError(`the config file has problems:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`, EXIT.usage);
  const source = loaded.path ?? 'config';
  if (loaded.config.sensitiveRules) addSensitiveRules([{ source, entries: loaded.config.sensitiveRules }]);
  if (loaded.config.questions) addQuestions([{ source, entries: loaded.config.questions }]);
  return loaded.config;
}

/** The sensitive-operation rules must load (they are ours: broken means a broken installation). */
export function checkBundledDefinitions(): void {
  try {
    sensitiveRules();
  } catch (error) {
    throw new CliError(`cannot use the sensitive-operation rules:\n${error instanceof Error ? error.message : String(error)}`, EXIT.dataError);
  }
}
