/**
 * A live source's service address (`--graph-endpoint`, and the Log Analytics one): only https,
 * because a bearer token for the tenant's logs travels with every request; plain http only to a
 * loopback address (the test stand-ins, never a network). The token's audience follows the
 * address, so a national cloud (graph.microsoft.us, microsoftgraph.chinacloudapi.cn) gets a token
 * for itself and not for the public cloud.
 */

export interface ServiceEndpoint {
  /** `https://graph.microsoft.com`: scheme, host and port, no path and no trailing slash. */
  origin: string;
  /** The scope a token for it is asked for: `https://graph.microsoft.com/.default`. */
  scope: string;
}

export type EndpointResult = { ok: true; endpoint: ServiceEndpoint } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** `flag` names the option in messages (`--graph-endpoint`). */
export function parseServiceEndpoint(text: string, flag: string): EndpointResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `${flag} ${JSON.stringify(text)} is not a URL (for example https://graph.microsoft.us)` };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: `${flag} must be an https address (plain http only to a loopback address such as 127.0.0.1): ${JSON.stringify(text)}` };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: `${flag} must not carry a user name or password` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, message: `${flag} is the service's address only, without a path: ${JSON.stringify(url.origin)}` };
  }
  return { ok: true, endpoint: { origin: url.origin, scope: `${url.origin}/.default` } };
}

/**
 * Whether a link the service handed back (`@odata.nextLink`) points at the same service: the
 * bearer token is attached only then, so a hostile or broken response cannot send it elsewhere.
 */
export function isSameService(link: string, endpoint: ServiceEndpoint): boolean {
  try {
    return new URL(link).origin === endpoint.origin;
  } catch {
    return false;
  }
}
