/**
 * Log Analytics for tests, on loopback only: Graph records as the rows of the workspace tables
 * they would land in, and a stand-in query API that answers by table and timespan (the where
 * clauses are the real service's business: local re-filtering must make the counts right
 * whatever comes back), keeps only the projected columns, truncates big answers with a
 * PartialError, throttles with 429 + Retry-After and checks the bearer token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export type Row = Record<string, unknown>;

const LAG_MS = 90_000;
const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const timeGenerated = (iso: string) => new Date(Date.parse(iso) + LAG_MS).toISOString();

const SIGN_IN_TABLES: Record<string, string> = {
  interactiveUser: 'SigninLogs',
  nonInteractiveUser: 'AADNonInteractiveUserSignInLogs',
  servicePrincipal: 'AADServicePrincipalSignInLogs',
  managedIdentity: 'AADManagedIdentitySignInLogs',
};
const SIGN_IN_RENAMES: Record<string, string> = {
  ipAddress: 'IPAddress',
  location: 'LocationDetails',
  resourceId: 'ResourceIdentity',
  appliedConditionalAccessPolicies: 'ConditionalAccessPolicies',
  riskEventTypes_v2: 'RiskEventTypes_V2',
};
/** SigninLogs keeps these as dynamic; every other sign-in table as JSON text. */
const SIGN_IN_DYNAMIC = new Set(['Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies']);

const asText = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value);

/** One Graph record (audit, sign-in, provisioning) as a Log Analytics row with its Type. */
export function toLogAnalyticsRow(record: Row): Row {
  if ('createdDateTime' in record) {
    const types = (record.signInEventTypes as string[] | undefined) ?? [];
    const table = SIGN_IN_TABLES[types[0] ?? (record.isInteractive ? 'interactiveUser' : 'nonInteractiveUser')];
    const row: Row = { TimeGenerated: timeGenerated(record.createdDateTime as string), Type: table };
    for (const [key, value] of Object.entries(record)) {
      const column = SIGN_IN_RENAMES[key] ?? pascal(key);
      row[column] = table === 'SigninLogs' && SIGN_IN_DYNAMIC.has(column) ? value : asText(value);
    }
    const status = record.status as { errorCode: number };
    row.ResultType = String(status.errorCode);
    row.Location = (record.location as { countryOrRegion?: string } | null)?.countryOrRegion ?? '';
    row.Identity = record.userDisplayName ?? record.servicePrincipalName ?? '';
    return row;
  }
  if ('provisioningAction' in record) {
    const row: Row = { TimeGenerated: timeGenerated(record.activityDateTime as string), Type: 'AADProvisioningLogs' };
    for (const [key, value] of Object.entries(record)) row[pascal(key)] = asText(value);
    const status = (record.provisioningStatusInfo as { status?: string } | null)?.status ?? '';
    row.ResultType = status.charAt(0).toUpperCase() + status.slice(1);
    row.DurationMs = record.durationInMilliseconds;
    return row;
  }
  const customSecurity = record.category === 'AttributeManagement';
  const row: Row = {
    TimeGenerated: timeGenerated(record.activityDateTime as string),
    Type: customSecurity ? 'AADCustomSecurityAttributeAuditLogs' : 'AuditLogs',
    Id: record.id,
    Category: record.category,
    CorrelationId: record.correlationId,
    Result: record.result,
    ResultReason: record.resultReason,
    ActivityDisplayName: record.activityDisplayName,
    OperationName: record.activityDisplayName,
    ActivityDateTime: record.activityDateTime,
    LoggedByService: record.loggedByService,
    AADOperationType: record.operationType,
    InitiatedBy: record.initiatedBy,
    TargetResources: record.targetResources,
    AdditionalDetails: record.additionalDetails,
  };
  if (customSecurity) row.UserAgent = record.userAgent ?? '';
  return row;
}

/** The bundled sample's records as workspace rows. */
export function sampleRows(samplePath: string): Row[] {
  const lines = gunzipSync(readFileSync(samplePath)).toString('utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => toLogAnalyticsRow(JSON.parse(line) as Row));
}

export interface FakeWorkspaceOptions {
  /** The bearer token accepted: exactly, or any that matches. */
  token: string | RegExp;
  /** Answers with more rows than this are cut there, with a PartialError. */
  truncateAbove?: number;
  /** The first request of each table is refused with 429 and this Retry-After (seconds). */
  throttleFirstSeconds?: number;
  missingTables?: string[];
}

export interface ReceivedQuery {
  table: string;
  query: string;
  timespan: string;
  status: number;
  at: number;
  authorization: string;
}

/** The `| project` line's columns (`X = column_ifexists("X", "")` is X). */
function projectedColumns(query: string): string[] | null {
  const line = query.split('\n').find((l) => l.startsWith('| project '));
  if (!line) return null;
  return line.slice('| project '.length).split(/,\s*(?![^(]*\))/).map((part) => part.split('=')[0].trim());
}

export class FakeWorkspace {
  readonly received: ReceivedQuery[] = [];
  /** Requests that came back before the Retry-After they were told had passed. */
  earlyRetries = 0;
  private server: Server | null = null;
  private readonly notBefore = new Map<string, number>();
  private readonly throttled = new Set<string>();

  constructor(
    private readonly rows: Row[],
    private readonly options: FakeWorkspaceOptions,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  rowsOf(table: string, fromMs = -Infinity, toMs = Infinity): Row[] {
    return this.rows.filter((row) => row.Type === table && Date.parse(row.TimeGenerated as string) >= fromMs && Date.parse(row.TimeGenerated as string) < toMs);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as { query: string; timespan: string };
    const table = body.query.split('\n')[0].trim();
    const authorization = request.headers.authorization ?? '';
    const record = (status: number) => this.received.push({ table, query: body.query, timespan: body.timespan, status, at: Date.now(), authorization });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record(status);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    if (!/^\/v1\/workspaces\/[^/]+\/query$/.test(request.url ?? '')) return send(404, { error: { code: 'NotFound', message: 'no such path' } });
    const { token } = this.options;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (bearer === null || (typeof token === 'string' ? bearer !== token : !token.test(bearer))) return send(401, { error: { code: 'InvalidTokenError', message: 'The provided authentication is not valid' } });
    const wait = this.notBefore.get(table);
    if (wait !== undefined && Date.now() < wait) this.earlyRetries++;
    if (this.options.throttleFirstSeconds !== undefined && !this.throttled.has(table)) {
      this.throttled.add(table);
      this.notBefore.set(table, Date.now() + this.options.throttleFirstSeconds * 1000);
      return send(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': String(this.options.throttleFirstSeconds) });
    }
    if (this.options.missingTables?.includes(table)) {
      return send(400, { error: { code: 'BadArgumentError', message: 'The request had some invalid properties', details: [{ code: 'SemanticError', message: `'${table}' could not be resolved`, innererror: { code: 'SEM0100', message: `Failed to resolve table or column expression named '${table}'` } }] } });
    }
    const [from, to] = body.timespan.split('/').map((part) => Date.parse(part));
    let rows = this.rowsOf(table, from, to);
    const columns = projectedColumns(body.query) ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
    let error: unknown;
    if (this.options.truncateAbove !== undefined && rows.length > this.options.truncateAbove) {
      rows = rows.slice(0, this.options.truncateAbove);
      error = { code: 'PartialError', message: 'There were some errors when processing your query.', details: [{ code: 'EngineError', message: 'Query result set has exceeded the internal record count limit', innererror: { code: '-2133196797', message: 'E_QUERY_RESULT_SET_TOO_LARGE' } }] };
    }
    const tables = [{ name: 'PrimaryResult', columns: columns.map((name) => ({ name, type: 'string' })), rows: rows.map((row) => columns.map((name) => row[name] ?? null)) }];
    send(200, error === undefined ? { tables } : { tables, error });
  }
}
