// placeholder: replaced by the auth branch at merge
/**
 * The smallest credential that lets the Log Analytics source run before the auth branch lands:
 * a bearer token handed in through ENTRA_AUDIT_ACCESS_TOKEN (what `az account get-access-token
 * --resource https://api.loganalytics.io --query accessToken -o tsv` prints). Nothing is cached or written.
 */
import type { AuthOptions, TokenProvider } from './token-provider.js';

export const ACCESS_TOKEN_VARIABLE = 'ENTRA_AUDIT_ACCESS_TOKEN';

export function credentialFor(_options: AuthOptions, audience: string): TokenProvider {
  return {
    description: `the token in ${ACCESS_TOKEN_VARIABLE}`,
    async token() {
      // Read on each ask, so a refresh after a 401 sees a token changed meanwhile (tests rotate it).
      const token = process.env[ACCESS_TOKEN_VARIABLE];
      if (!token) throw new Error(`no token for ${audience}: set ${ACCESS_TOKEN_VARIABLE} to an access token (az account get-access-token --resource https://api.loganalytics.io)`);
      return token;
    },
  };
}
