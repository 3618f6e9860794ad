/**
 * `--auth` and `--tenant`, as every command that reads a live source takes them (`pull`, and the
 * Log Analytics commands): the yargs options and the AuthOptions they mean. The device code is
 * shown on stderr, sanitised (the message comes from the sign-in service).
 */
import { AUTH_METHODS, type AuthMethod, type AuthOptions } from '../sources/auth/token-provider.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';

export const authOption = {
  choices: AUTH_METHODS,
  describe: 'Where the token comes from (default: the AZURE_* environment, then the Azure CLI login, then a device code; managed-identity only when asked)',
} as const;

export const tenantOption = {
  type: 'string' as const,
  describe: 'Tenant id or domain to sign in to (default: the credential\'s own, e.g. AZURE_TENANT_ID or az\'s)',
};

export interface AuthArgs {
  auth?: AuthMethod;
  tenant?: string;
}

/**
 * In the default chain a device code is offered only when someone can read it on the terminal;
 * asked for by name (`--auth device-code`), it goes to stderr wherever that leads.
 */
export function authOptionsFrom(args: AuthArgs, stderrIsTerminal = process.stderr.isTTY === true): AuthOptions {
  const options: AuthOptions = {};
  if (args.auth) options.method = args.auth;
  if (args.tenant) options.tenant = args.tenant;
  if (args.auth === 'device-code' || (args.auth === undefined && stderrIsTerminal)) {
    options.onDeviceCode = (message) => process.stderr.write(`entra-audit: ${sanitize(message, UNICODE_SYMBOLS)}\n`);
  }
  return options;
}
