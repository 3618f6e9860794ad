/**
 * A fake Azure CLI on PATH for `--auth cli`: `az account get-access-token` prints a token
 * `tok-1`, then `tok-2`, … (one more each call, so a test sees a renewal), and logs its arguments.
 * Nothing reaches Azure. `fail` makes it answer as az does when nobody is logged in.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeAz {
  /** PATH with the fake first. */
  path: string;
  calls(): string[];
}

/** `prefix`: the tokens' start (`tok-1`, …), so a test can hand out tokens a server refuses. */
export function fakeAz(dir: string, options: { fail?: boolean; prefix?: string } = {}): FakeAz {
  mkdirSync(dir, { recursive: true });
  const script = options.fail
    ? `#!/bin/sh\necho "$@" >> "${dir}/calls"\necho "ERROR: Please run 'az login' to setup account." >&2\nexit 1\n`
    : `#!/bin/sh
echo "$@" >> "${dir}/calls"
n=$(cat "${dir}/count" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "${dir}/count"
echo "{\\"accessToken\\": \\"${options.prefix ?? 'tok'}-$n\\", \\"expiresOn\\": \\"2099-01-01 00:00:00.000000\\", \\"expires_on\\": 4070908800, \\"subscription\\": \\"s\\", \\"tenant\\": \\"t\\", \\"tokenType\\": \\"Bearer\\"}"
`;
  writeFileSync(join(dir, 'az'), script);
  chmodSync(join(dir, 'az'), 0o755);
  return {
    path: `${dir}:${process.env.PATH ?? ''}`,
    calls: () => {
      try {
        return readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    },
  };
}
