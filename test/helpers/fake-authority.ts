/**
 * A stand-in for the Microsoft identity platform on https://127.0.0.1, for the environment
 * credential (`AZURE_AUTHORITY_HOST` points here): the tenant's OpenID configuration and a token
 * endpoint that hands out `env-token-1`, `env-token-2`, … for the client credentials grant.
 * @azure/identity refuses a plain-http authority, so this one serves TLS with the test-only
 * certificate in test/fixtures/tls (trusted by the CLI under test through NODE_EXTRA_CA_CERTS).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const TEST_CA = fileURLToPath(new URL('../fixtures/tls/loopback-cert.pem', import.meta.url));
const KEY = fileURLToPath(new URL('../fixtures/tls/loopback-key.pem', import.meta.url));

export class FakeAuthority {
  private server: Server | null = null;
  /** The form bodies of the token requests (client_id, scope, client_secret, …). */
  readonly tokenRequests: URLSearchParams[] = [];
  origin = '';

  async start(): Promise<string> {
    this.server = createServer({ key: readFileSync(KEY), cert: readFileSync(TEST_CA) }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        const tenant = (req.url ?? '/').split('/')[1];
        if (req.url?.includes('/.well-known/openid-configuration')) {
          const base = `${this.origin}/${tenant}`;
          res.end(JSON.stringify({ token_endpoint: `${base}/oauth2/v2.0/token`, issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, jwks_uri: `${base}/discovery/v2.0/keys`, response_types_supported: ['code'] }));
          return;
        }
        if (req.url?.includes('/oauth2/v2.0/token')) {
          this.tokenRequests.push(new URLSearchParams(body));
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: `env-token-${this.tokenRequests.length}` }));
          return;
        }
        res.statusCode = 404;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
