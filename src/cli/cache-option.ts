/**
 * `--no-cache` (the explorer, `query`, `summary`) and the config's `cache` settings: whether a load
 * of files is read from and written to the persisted index (load/load-cache.ts), where it lives
 * and how large it may grow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config-types.js';
import { DEFAULT_CACHE_BYTES, defaultCacheDir, LoadCache } from '../load/load-cache.js';
import { packageRoot } from '../paths.js';

export const cacheOption = {
  type: 'boolean' as const,
  default: true,
  describe: 'Read unchanged files back from the cache of earlier loads, and keep this load there ($XDG_CACHE_HOME/entra-audit); --no-cache reads and keeps nothing',
};

/** The package version: a cache written by another build is never read (its layout may differ). */
function packageVersion(): string {
  const parsed = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

/** The cache as the config sets it (bound in MB; `enabled: false` turns it off for every command). */
export function cacheFromConfig(config: Config, env: Readonly<Record<string, string | undefined>> = process.env): LoadCache {
  const maxBytes = config.cache?.maxMB !== undefined ? config.cache.maxMB * 1024 * 1024 : DEFAULT_CACHE_BYTES;
  return new LoadCache({ dir: defaultCacheDir(env), maxBytes, version: packageVersion() });
}

/** The cache a load uses, or undefined under --no-cache or the config's `cache.enabled: false`. */
export function cacheFor(enabled: boolean | undefined, config: Config): LoadCache | undefined {
  if (enabled === false || config.cache?.enabled === false) return undefined;
  return cacheFromConfig(config);
}
