/**
 * Where the Log Analytics query API is, and the token audience that follows it (national clouds
 * have their own: `https://api.loganalytics.azure.cn`). Tokens go only over https; plain http is
 * allowed to loopback addresses alone, for the test suite's stand-in server.
 */
export const DEFAULT_LA_ENDPOINT = 'https://api.loganalytics.azure.com';

export type EndpointResult = { ok: true; url: URL; scope: string } | { ok: false; message: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function resolveEndpoint(text: string): EndpointResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `--la-endpoint ${JSON.stringify(text)} is not a URL` };
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: `--la-endpoint must be https (plain http only to a loopback address), not ${JSON.stringify(text)}` };
  }
  const base = new URL(url.origin + url.pathname.replace(/\/+$/, ''));
  return { ok: true, url: base, scope: `${url.origin}/.default` };
}

/** A workspace id is a GUID; anything else would only fail later, after a sign-in. */
export const isWorkspaceId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const queryUrl = (endpoint: URL, workspace: string): string => `${endpoint.href.replace(/\/+$/, '')}/v1/workspaces/${encodeURIComponent(workspace)}/query`;
