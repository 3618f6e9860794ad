/**
 * `entra-audit cache [info|list|clear]`: where the persisted index of loads is, what it holds and
 * how large it is, and a way to remove it (it holds log data: an incident closed, it can go).
 */
import type { CommandModule } from 'yargs';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { cacheFromConfig } from './cache-option.js';
import { readConfigFile } from './config-option.js';
import { CliError, EXIT } from './errors.js';

const ACTIONS = ['info', 'list', 'clear'] as const;
type CacheAction = (typeof ACTIONS)[number];

interface CacheArgs {
  action: CacheAction;
  config?: string;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
const clean = (text: string): string => sanitize(text, UNICODE_SYMBOLS);

export const cacheCommand: CommandModule<object, CacheArgs> = {
  command: 'cache [action]',
  describe: 'The cache of earlier loads: info (where, how large), list (each entry), clear (remove them all)',
  builder: (y) =>
    y
      .positional('action', { choices: ACTIONS, default: 'info' as CacheAction })
      .example('$0 cache list', 'What is cached, newest first')
      .example('$0 cache clear', 'Remove every cached load') as never,
  handler: async (args) => {
    const loaded = await readConfigFile(args.config, UNICODE_SYMBOLS);
    if (!loaded.ok) throw new CliError(`the config file has problems:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`, EXIT.usage);
    const cache = cacheFromConfig(loaded.config);
    if (args.action === 'clear') {
      const { files, bytes } = await cache.clear();
      process.stdout.write(`removed ${files} cache file${files === 1 ? '' : 's'} (${megabytes(bytes)}) from ${clean(cache.dir)}\n`);
      return;
    }
    const entries = await cache.list();
    const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    const off = loaded.config.cache?.enabled === false ? ' (turned off in the config file)' : '';
    if (args.action === 'info') {
      process.stdout.write(`${clean(cache.dir)}${off}\n${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ${megabytes(total)} of ${megabytes(cache.maxBytes)}\n`);
      return;
    }
    for (const entry of entries) {
      const events = entry.events === null ? 'not readable by this build' : `${entry.events.toLocaleString('en-US')} events`;
      const inputs = entry.inputs.length === 0 ? '' : `  ${entry.inputs.slice(0, 3).map(clean).join(', ')}${entry.inputs.length > 3 ? ` and ${entry.inputs.length - 3} more` : ''}`;
      process.stdout.write(`${new Date(entry.usedAt).toISOString().slice(0, 19)}Z  ${megabytes(entry.bytes).padStart(10)}  ${events}${inputs}\n`);
    }
    process.stdout.write(`total ${megabytes(total)} of ${megabytes(cache.maxBytes)} in ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${clean(cache.dir)})${off}\n`);
  },
};
