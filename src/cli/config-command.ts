/**
 * `entra-audit config`: which config file is used and whether it is valid, before an incident
 * rather than during one, by the same checks the explorer makes (key names, action ids, and two
 * actions on one key).
 */
import type { CommandModule } from 'yargs';
import { defaultConfigPath } from '../config/config-path.js';
import type { Config } from '../config/config-types.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { readConfigFile } from './config-option.js';
import { EXIT } from './errors.js';

interface ConfigArgs {
  config?: string;
}

const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function describeConfig(config: Config): string {
  const parts = [
    config.timeZone !== undefined ? `timeZone ${sanitize(config.timeZone, UNICODE_SYMBOLS)}` : '',
    config.theme ? counted(Object.keys(config.theme).length, 'theme style') : '',
    config.keys ? `keys for ${counted(Object.keys(config.keys).length, 'action')}` : '',
    config.sensitiveRules ? counted(config.sensitiveRules.length, 'sensitive-operation rule') : '',
    config.questions ? counted(config.questions.length, 'question') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no settings';
}

export const configCommand: CommandModule<object, ConfigArgs> = {
  command: 'config',
  describe: 'Check the config file: where it is and whether every setting is valid',
  builder: (y) => y.example('$0 config --config ./incident.json', 'Check a config file before using it') as never,
  handler: async (args) => {
    const loaded = await readConfigFile(args.config, UNICODE_SYMBOLS);
    if (!loaded.ok) {
      process.stderr.write(loaded.errors.map((error) => `${error}\n`).join(''));
      process.exitCode = EXIT.dataError;
      return;
    }
    if (loaded.path === null) process.stdout.write(`no config file at ${sanitize(defaultConfigPath(process.env), UNICODE_SYMBOLS)}: defaults in use\n`);
    else process.stdout.write(`${sanitize(loaded.path, UNICODE_SYMBOLS)}: valid (${describeConfig(loaded.config)})\n`);
  },
};
