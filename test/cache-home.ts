import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Removes the run's cache home (vitest.config.ts makes it and points XDG_CACHE_HOME at it). */
export default function setup(): () => void {
  const home = process.env.XDG_CACHE_HOME;
  return () => {
    if (home && home.startsWith(tmpdir()) && home.includes('entra-audit-test-cache-')) rmSync(home, { recursive: true, force: true });
  };
}
