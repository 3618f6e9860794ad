/**
 * The credentials `--auth` can name, each built from the options and the environment, or a reason
 * it is not set up here (which the chain tells the user instead of trying it). @azure/identity is
 * loaded only when a live source asks for a token: `query` on a file never pays for it.
 */
import type { TokenCredential } from '@azure/identity';
import type { AuthMethod, AuthOptions } from './token-provider.js';
import { isLoopbackHost } from '../endpoint.js';

/** One credential, named the way a message to the user names it. */
export interface CredentialStep {
  method: AuthMethod;
  /** `client secret for app 1111…`, `the Azure CLI's login`: who the token would be for. */
  description: string;
  credential: TokenCredential;
}

/** Why a step was not tried: `AZURE_CLIENT_ID is not set`. */
export interface SkippedStep {
  method: AuthMethod;
  skipped: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Test stand-ins for the sign-in service listen on a loopback address (AZURE_AUTHORITY_HOST);
 * instance discovery would otherwise ask login.microsoftonline.com about them.
 */
function authorityOptions(env: Environment): { authorityHost?: string; disableInstanceDiscovery?: boolean } {
  const host = env.AZURE_AUTHORITY_HOST;
  if (!host) return {};
  let loopback = false;
  try {
    loopback = isLoopbackHost(new URL(host).hostname);
  } catch {
    // A malformed host is @azure/identity's to refuse, in its words.
  }
  return loopback ? { authorityHost: host, disableInstanceDiscovery: true } : { authorityHost: host };
}

/** The environment's app registration: a client secret or a certificate. */
export async function environmentStep(options: AuthOptions, env: Environment): Promise<CredentialStep | SkippedStep> {
  const tenant = options.tenant ?? env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const secret = env.AZURE_CLIENT_SECRET;
  const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
  const missing = [!tenant && 'AZURE_TENANT_ID (or --tenant)', !clientId && 'AZURE_CLIENT_ID', !secret && !certificatePath && 'AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH'].filter(
    (name): name is string => typeof name === 'string',
  );
  if (missing.length > 0 || !tenant || !clientId) return { method: 'env', skipped: `not set up: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set` };
  const identity = await import('@azure/identity');
  const common = { ...authorityOptions(env) };
  if (secret) return { method: 'env', description: `the client secret of app ${clientId} in tenant ${tenant}`, credential: new identity.ClientSecretCredential(tenant, clientId, secret, common) };
  const certificate = { certificatePath: certificatePath as string, ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD } : {}) };
  return {
    method: 'env',
    description: `the certificate ${certificate.certificatePath} of app ${clientId} in tenant ${tenant}`,
    credential: new identity.ClientCertificateCredential(tenant, clientId, certificate, common),
  };
}

export async function azureCliStep(options: AuthOptions): Promise<CredentialStep> {
  const identity = await import('@azure/identity');
  // `az` can hang on a broken login (a prompt nobody sees); a minute is far more than a token takes.
  const credential = new identity.AzureCliCredential({ ...(options.tenant ? { tenantId: options.tenant } : {}), processTimeoutInMs: 60_000 });
  return { method: 'cli', description: "the Azure CLI's login (az account get-access-token)", credential };
}

/** Only when there is somewhere to show the code: over SSH the user opens the link on their own machine. */
export async function deviceCodeStep(options: AuthOptions, env: Environment): Promise<CredentialStep | SkippedStep> {
  const show = options.onDeviceCode;
  if (!show) return { method: 'device-code', skipped: 'not tried: there is no terminal to show the code on (ask for it with --auth device-code)' };
  const identity = await import('@azure/identity');
  const credential = new identity.DeviceCodeCredential({
    ...(options.tenant ? { tenantId: options.tenant } : {}),
    ...authorityOptions(env),
    userPromptCallback: (info) => show(info.message),
  });
  return { method: 'device-code', description: 'a device-code sign-in', credential };
}

/** Never in the default chain: off Azure its metadata probe waits for an address that does not answer. */
export async function managedIdentityStep(env: Environment): Promise<CredentialStep> {
  const identity = await import('@azure/identity');
  const clientId = env.AZURE_CLIENT_ID;
  const credential = clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential();
  return { method: 'managed-identity', description: clientId ? `the managed identity ${clientId}` : "this machine's managed identity", credential };
}
