/**
 * `--auth`: a TokenProvider from the credential asked for, or by default the chain a jump host
 * has: the environment's app registration, then the Azure CLI's login, then a device-code
 * sign-in (managed identity only when asked). The first credential that gives a token is kept
 * for the rest of the run. Tokens live in this object only, never on disk.
 *
 * A credential that is not set up (no variables, no `az` login) passes to the next one; one that
 * is set up and fails (a wrong secret, a refused consent) stops the chain: falling through would
 * hide the failure behind another identity. Every failure is an AuthError in words: each
 * credential tried, what it said, and what the identity needs to read the logs.
 */
import type { TokenCredential } from '@azure/identity';
import { azureCliStep, deviceCodeStep, environmentStep, managedIdentityStep, type CredentialStep, type Environment, type SkippedStep } from './credential-steps.js';
import type { AuthMethod, AuthOptions, TokenProvider } from './token-provider.js';

/** What every identity that reads the logs needs, said after any authentication failure. */
export const PERMISSIONS_NEEDED =
  'The identity needs AuditLog.Read.All (Microsoft Graph) for the audit, sign-in and provisioning logs, CustomSecAttributeAuditLogs.Read.All and the Attribute Log Reader role for the custom security attribute log; sign-ins also need an Entra ID P1 or P2 licence in the tenant.';

export class AuthError extends Error {}

/** Renewed this long before it expires, so a page never goes out with a token about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

const METHOD_NAMES: Record<AuthMethod, string> = {
  env: 'environment (app registration)',
  cli: 'Azure CLI',
  'device-code': 'device code',
  'managed-identity': 'managed identity',
};

interface CachedToken {
  token: string;
  renewAtMs: number;
}

/** The first line of an @azure/identity message: the rest repeats troubleshooting links. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n').find((line) => line.trim() !== '') ?? text;
  return first.trim().replace(/\s+/g, ' ').slice(0, 500);
}

/** `AuthenticationError` and `CredentialUnavailableError` are told apart by name: no class from a lazily loaded module is needed. */
const isUnavailable = (error: unknown): boolean => error instanceof Error && error.name === 'CredentialUnavailableError';

type Step = () => Promise<CredentialStep | SkippedStep>;

function stepsFor(options: AuthOptions, env: Environment): Step[] {
  switch (options.method) {
    case 'env':
      return [() => environmentStep(options, env)];
    case 'cli':
      return [() => azureCliStep(options)];
    case 'device-code':
      return [() => deviceCodeStep(options, env)];
    case 'managed-identity':
      return [() => managedIdentityStep(env)];
    default:
      return [() => environmentStep(options, env), () => azureCliStep(options), () => deviceCodeStep(options, env)];
  }
}

class ChainTokenProvider implements TokenProvider {
  private chosen: CredentialStep | null = null;
  private readonly cache = new Map<string, CachedToken>();

  constructor(
    private readonly steps: Step[],
    private readonly audience: string,
    private readonly now: () => number,
  ) {}

  get description(): string {
    return this.chosen?.description ?? (this.steps.length === 1 ? 'the credential asked for' : 'the default chain (environment, Azure CLI, device code)');
  }

  async token(scope: string, options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<string> {
    const cached = this.cache.get(scope);
    if (cached && !options.refresh && this.now() < cached.renewAtMs) return cached.token;
    const access = this.chosen ? await this.fromChosen(this.chosen, scope, options.signal) : await this.choose(scope, options.signal);
    const expires = access.expiresOnTimestamp;
    const renewAt = access.refreshAfterTimestamp ?? expires - EXPIRY_MARGIN_MS;
    this.cache.set(scope, { token: access.token, renewAtMs: Math.max(this.now(), renewAt) });
    return access.token;
  }

  private async fromChosen(step: CredentialStep, scope: string, signal?: AbortSignal) {
    try {
      return await getToken(step.credential, scope, signal);
    } catch (error) {
      throw new AuthError(`could not renew the token for ${this.audience} from ${step.description}: ${reasonOf(error)}\n${PERMISSIONS_NEEDED}`);
    }
  }

  private async choose(scope: string, signal?: AbortSignal) {
    const tried: string[] = [];
    for (const make of this.steps) {
      const step = await make();
      const name = METHOD_NAMES[step.method];
      if ('skipped' in step) {
        tried.push(`${name}: ${step.skipped}`);
        continue;
      }
      try {
        const access = await getToken(step.credential, scope, signal);
        this.chosen = step;
        return access;
      } catch (error) {
        tried.push(`${name} (${step.description}): ${reasonOf(error)}`);
        if (!isUnavailable(error) && this.steps.length > 1) break;
      }
    }
    throw new AuthError(`could not get a token for ${this.audience}:\n${tried.map((line) => `  ${line}`).join('\n')}\n${hintFor(this.steps.length)}\n${PERMISSIONS_NEEDED}`);
  }
}

function hintFor(steps: number): string {
  return steps > 1
    ? "Sign in with 'az login' (over SSH: 'az login --use-device-code'), set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), or choose one with --auth."
    : 'Choose another with --auth env|cli|device-code|managed-identity.';
}

async function getToken(credential: TokenCredential, scope: string, signal?: AbortSignal) {
  const access = await credential.getToken(scope, signal ? { abortSignal: signal } : {});
  // @azure/identity answers null when a credential has nothing to offer (older contract): not a token.
  if (!access) throw Object.assign(new Error('no token was returned'), { name: 'CredentialUnavailableError' });
  return access;
}

/**
 * The provider for `options`. `audience` is the scope the source asks for
 * (`https://graph.microsoft.com/.default`), named in messages; `env` and `now` are for tests.
 */
export function credentialFor(options: AuthOptions, audience: string, env: Environment = process.env, now: () => number = Date.now): TokenProvider {
  return new ChainTokenProvider(stepsFor(options, env), audience.replace(/\/\.default$/, ''), now);
}
