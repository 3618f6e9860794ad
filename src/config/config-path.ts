/**
 * Where the config file lives: `--config PATH`, else `$XDG_CONFIG_HOME/entra-audit/config.json`,
 * else `~/.config/entra-audit/config.json` (the XDG base directory rules; a relative
 * XDG_CONFIG_HOME is to be ignored, the spec says).
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function defaultConfigPath(env: Env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'entra-audit', 'config.json');
}
