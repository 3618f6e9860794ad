/**
 * A stand-in for Microsoft Graph's reporting API on 127.0.0.1 (no test sends traffic elsewhere):
 * the four audit-log collections, paged with opaque `@odata.nextLink`s, filtered by time window
 * and sign-in event type as Graph does (other clauses are recorded and ignored, so the answer is
 * a superset, as a server that pushes down less would give), and faults a test scripts: 429 with
 * Retry-After, 503s, 403 for one log, a token refused until renewed. It counts what a client
 * must never do: retry before Retry-After allows, follow a link from a failed answer, or ask for a
 * page twice after it arrived.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  n: number;
  path: string;
  /** 0 for the first page of a pass, 1 for the next, … */
  pageIndex: number;
  url: URL;
  token: string;
}

export type Fault = { status: number; retryAfter?: string; body?: unknown } | null;

export interface FakeGraphOptions {
  /** Records per collection path (`v1.0/auditLogs/directoryAudits`), newest first or not (sorted here). */
  records: Record<string, unknown[]>;
  pageSize?: number;
  /** Tokens the server takes; default any `tok-…`. */
  accepts?: (token: string, request: Omit<FakeRequest, 'token'>) => boolean;
  fault?: (request: FakeRequest) => Fault;
}

interface Cursor {
  path: string;
  matching: unknown[];
  offset: number;
  pageIndex: number;
}

const TIME_PROPERTY: Record<string, string> = {
  'v1.0/auditLogs/directoryAudits': 'activityDateTime',
  'beta/auditLogs/customSecurityAttributeAudits': 'activityDateTime',
  'beta/auditLogs/signIns': 'createdDateTime',
  'v1.0/auditLogs/provisioning': 'activityDateTime',
};

export class FakeGraph {
  private server: Server | null = null;
  private cursors = new Map<string, Cursor>();
  private servedTokens = new Set<string>();
  private nextCursor = 1;
  private notBefore = 0;
  requests = 0;
  earlyRetries = 0;
  poisonedFollows = 0;
  repeatedPages = 0;
  readonly filters: string[] = [];
  readonly log: { path: string; status: number; pageIndex: number }[] = [];
  origin = '';

  constructor(private readonly options: FakeGraphOptions) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const n = ++this.requests;
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/poison') {
      this.poisonedFollows++;
      return this.send(res, 400, { error: { code: 'DirectoryPageTokenNotFoundException', message: 'page token not found' } });
    }
    if (Date.now() < this.notBefore) this.earlyRetries++;
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const skip = url.searchParams.get('$skiptoken');
    let cursor: Cursor | undefined;
    const path = url.pathname.replace(/^\//, '');
    if (skip !== null) {
      cursor = this.cursors.get(skip);
      if (!cursor) return this.send(res, 400, { error: { code: 'DirectoryPageTokenNotFoundException', message: 'unknown skiptoken' } });
    }
    const pageIndex = cursor?.pageIndex ?? 0;
    const base = { n, path: cursor?.path ?? path, pageIndex, url };
    const accepts = this.options.accepts ?? ((t: string) => t.startsWith('tok-'));
    if (!accepts(token, base)) {
      this.log.push({ path: base.path, status: 401, pageIndex });
      return this.send(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } });
    }
    const fault = this.options.fault?.({ ...base, token });
    if (fault) {
      this.log.push({ path: base.path, status: fault.status, pageIndex });
      if (fault.retryAfter !== undefined && /^\d+$/.test(fault.retryAfter)) this.notBefore = Date.now() + Number(fault.retryAfter) * 1000;
      // A failed answer carrying a link: a client that follows it is counted.
      return this.send(res, fault.status, fault.body ?? { error: { code: 'Throttled', message: 'try later' }, '@odata.nextLink': `${this.origin}/poison` }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    }
    if (!cursor) {
      const records = this.options.records[path];
      if (!records) return this.send(res, 404, { error: { code: 'ResourceNotFound', message: `no ${path}` } });
      const filter = url.searchParams.get('$filter') ?? '';
      this.filters.push(`${path}?${filter}`);
      cursor = { path, matching: matching(records, filter, TIME_PROPERTY[path] ?? 'activityDateTime'), offset: 0, pageIndex: 0 };
    }
    const top = Math.min(Number(url.searchParams.get('$top') ?? 1000), this.options.pageSize ?? 1000);
    const page = cursor.matching.slice(cursor.offset, cursor.offset + top);
    const served = `${skip ?? 'first'}:${base.path}:${pageIndex}`;
    if (skip !== null && this.servedTokens.has(served)) this.repeatedPages++;
    this.servedTokens.add(served);
    const body: Record<string, unknown> = { '@odata.context': `${this.origin}/${base.path}/$metadata`, value: page };
    if (cursor.offset + top < cursor.matching.length) {
      const id = `c${this.nextCursor++}`;
      this.cursors.set(id, { ...cursor, offset: cursor.offset + top, pageIndex: pageIndex + 1 });
      body['@odata.nextLink'] = `${this.origin}/${base.path}?$top=${top}&$skiptoken=${id}`;
    }
    this.log.push({ path: base.path, status: 200, pageIndex });
    this.send(res, 200, body);
  }
}

/** The window (`ge`/`le` on the time property) and the sign-in event type: what Graph must honour. */
function matching(records: unknown[], filter: string, timeProperty: string): unknown[] {
  const ge = new RegExp(`${timeProperty} ge (\\S+)`).exec(filter)?.[1];
  const le = new RegExp(`${timeProperty} le (\\S+)`).exec(filter)?.[1];
  const type = /signInEventTypes\/any\(t: t eq '(\w+)'\)/.exec(filter)?.[1];
  const time = (record: unknown) => ticks(String((record as Record<string, unknown>)[timeProperty]));
  const from = ge ? ticks(ge) : null;
  const to = le ? ticks(le) : null;
  return records
    .filter((record) => {
      const at = time(record);
      if (from !== null && at < from) return false;
      if (to !== null && at > to) return false;
      if (type && !((record as { signInEventTypes?: string[] }).signInEventTypes ?? []).includes(type)) return false;
      return true;
    })
    .sort((a, b) => (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : 0));
}

/** An ISO time in 100 ns ticks (Graph's 7 fractional digits), exactly: a string compare gets `.36Z` vs `.3607Z` wrong. */
function ticks(iso: string): bigint {
  const fraction = /\.(\d+)Z$/.exec(iso)?.[1] ?? '';
  const seconds = Date.parse(iso.replace(/\.\d+Z$/, 'Z'));
  return BigInt(seconds) * 10_000n + BigInt((fraction + '0000000').slice(0, 7));
}

/** The bundled sample's records by the collection Graph would serve them from. */
export function collectionsOf(records: readonly Record<string, unknown>[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {
    'v1.0/auditLogs/directoryAudits': [],
    'beta/auditLogs/customSecurityAttributeAudits': [],
    'beta/auditLogs/signIns': [],
    'v1.0/auditLogs/provisioning': [],
  };
  for (const record of records) {
    if ('provisioningAction' in record || 'jobId' in record) out['v1.0/auditLogs/provisioning'].push(record);
    else if ('createdDateTime' in record) out['beta/auditLogs/signIns'].push(record);
    else if (record.category === 'AttributeManagement') out['beta/auditLogs/customSecurityAttributeAudits'].push(record);
    else out['v1.0/auditLogs/directoryAudits'].push(record);
  }
  return out;
}
