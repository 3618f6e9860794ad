/**
 * What every live source (the Graph pull, Log Analytics queries) needs from authentication: an
 * access token for a scope, asked for again when the service says the last one expired. Tokens
 * stay in memory: nothing here or behind it writes one to disk.
 */
export interface TokenProvider {
  /** A bearer token for `scope` (`https://graph.microsoft.com/.default`); `refresh` skips any cached one (after a 401). */
  token(scope: string, options?: { refresh?: boolean; signal?: AbortSignal }): Promise<string>;
  /** Which credential this is, for messages: `the Azure CLI's login`, `client secret for app …`. */
  readonly description: string;
}

/** `--auth`: where the token comes from (see credential.ts). */
export const AUTH_METHODS = ['env', 'cli', 'device-code', 'managed-identity'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export interface AuthOptions {
  /** Absent: environment, then the Azure CLI, then device code (managed identity only when asked). */
  method?: AuthMethod;
  tenant?: string;
  /** Device code: the message to show the user (stderr, or the explorer's status line). */
  onDeviceCode?: (message: string) => void;
}
