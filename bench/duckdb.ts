/**
 * DuckDB as the load benchmark's peer: the same JSON Lines file read into a table with the columns
 * our store keeps (time, activity, category, service, result, initiator, IP, targets, correlation
 * id, …), and the same filtered counts over the cold file. @duckdb/node-api is installed from the
 * npm registry into the bench's cache folder on first use (it is no dependency of the project);
 * each run is its own process (bench/duckdb-run.mjs) with `SET threads=2`, timed spawn to exit
 * as ours is. `BENCH_DUCKDB=0` skips it; a failed install is said and skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cachedPath, ROOT } from './sample-files.js';

const VERSION = '1.5.6-r.1';
const RUNNER = join(ROOT, 'bench/duckdb-run.mjs');

export type Kind = 'audits' | 'sign-ins';

let installed: string | null | undefined;

/** The folder @duckdb/node-api is installed in, installing it once; null when skipped or failed. */
export function duckdbDir(): string | null {
  if (installed !== undefined) return installed;
  installed = null;
  if (process.env.BENCH_DUCKDB === '0') {
    console.log('(DuckDB skipped: BENCH_DUCKDB=0)');
    return installed;
  }
  const dir = cachedPath('duckdb');
  if (!existsSync(join(dir, 'node_modules/@duckdb/node-api/package.json'))) {
    console.log(`  installing @duckdb/node-api@${VERSION} into ${dir} …`);
    const npm = spawnSync('npm', ['install', '--prefix', dir, `@duckdb/node-api@${VERSION}`, '--no-audit', '--no-fund', '--no-save'], { encoding: 'utf8' });
    if (npm.status !== 0) {
      console.log(`!! DuckDB could not be installed (npm exited ${npm.status}): ${(npm.stderr || npm.error?.message || '').trim().split('\n').slice(-2).join(' ')} — DuckDB skipped`);
      return installed;
    }
  }
  installed = dir;
  return installed;
}

/**
 * What read_json extracts (every other key of a record is skipped): the fields our store keeps
 * of each kind, nested as the record has them. Types are given, not sampled, so every record of a
 * big file is read the same way.
 */
const AUDIT_COLUMNS = {
  id: 'VARCHAR',
  activityDateTime: 'VARCHAR',
  loggedByService: 'VARCHAR',
  category: 'VARCHAR',
  activityDisplayName: 'VARCHAR',
  operationType: 'VARCHAR',
  result: 'VARCHAR',
  resultReason: 'VARCHAR',
  correlationId: 'VARCHAR',
  initiatedBy:
    'STRUCT("user" STRUCT(id VARCHAR, displayName VARCHAR, userPrincipalName VARCHAR, ipAddress VARCHAR), app STRUCT(appId VARCHAR, displayName VARCHAR, servicePrincipalId VARCHAR, servicePrincipalName VARCHAR))',
  targetResources: 'STRUCT(id VARCHAR, displayName VARCHAR, "type" VARCHAR, userPrincipalName VARCHAR, modifiedProperties STRUCT(displayName VARCHAR)[])[]',
  additionalDetails: 'STRUCT("key" VARCHAR, "value" VARCHAR)[]',
  userAgent: 'VARCHAR',
};

const AUDIT_SELECT = `CAST(activityDateTime AS TIMESTAMPTZ) AS time, loggedByService AS service, category, activityDisplayName AS activity, operationType, result, resultReason,
  initiatedBy."user" AS initiatorUser, initiatedBy.app AS initiatorApp, initiatedBy."user".ipAddress AS ip,
  list_transform(targetResources, t -> {'id': t.id, 'displayName': t.displayName, 'type': t."type", 'userPrincipalName': t.userPrincipalName, 'propNames': list_transform(t.modifiedProperties, p -> p.displayName)}) AS targets,
  correlationId, coalesce(userAgent, list_filter(additionalDetails, d -> d."key" = 'User-Agent')[1]."value") AS userAgent, id`;

const SIGN_IN_COLUMNS = {
  id: 'VARCHAR',
  createdDateTime: 'VARCHAR',
  userDisplayName: 'VARCHAR',
  userPrincipalName: 'VARCHAR',
  userId: 'VARCHAR',
  appId: 'VARCHAR',
  appDisplayName: 'VARCHAR',
  ipAddress: 'VARCHAR',
  clientAppUsed: 'VARCHAR',
  userAgent: 'VARCHAR',
  correlationId: 'VARCHAR',
  conditionalAccessStatus: 'VARCHAR',
  riskLevelDuringSignIn: 'VARCHAR',
  resourceDisplayName: 'VARCHAR',
  resourceId: 'VARCHAR',
  servicePrincipalName: 'VARCHAR',
  servicePrincipalId: 'VARCHAR',
  signInEventTypes: 'VARCHAR[]',
  authenticationProtocol: 'VARCHAR',
  originalTransferMethod: 'VARCHAR',
  status: 'STRUCT(errorCode BIGINT, failureReason VARCHAR)',
  deviceDetail: 'STRUCT(deviceId VARCHAR, displayName VARCHAR, operatingSystem VARCHAR, browser VARCHAR, trustType VARCHAR)',
  location: 'STRUCT(city VARCHAR, state VARCHAR, countryOrRegion VARCHAR)',
  appliedConditionalAccessPolicies: 'STRUCT(displayName VARCHAR)[]',
};

const SIGN_IN_SELECT = `CAST(createdDateTime AS TIMESTAMPTZ) AS time, clientAppUsed AS service, signInEventTypes AS eventTypes, appDisplayName AS activity, authenticationProtocol, originalTransferMethod,
  status.errorCode AS errorCode, status.failureReason AS failureReason, userPrincipalName, userDisplayName, userId, servicePrincipalName, servicePrincipalId, appId,
  ipAddress AS ip, resourceDisplayName, resourceId, correlationId, location, conditionalAccessStatus,
  list_transform(appliedConditionalAccessPolicies, p -> p.displayName) AS caPolicies, deviceDetail AS device, riskLevelDuringSignIn, userAgent, id`;

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** JSON Lines, or (`.json`) one top-level array of the records. */
function readJson(path: string, columns: Record<string, string>): string {
  const struct = Object.entries(columns)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  const format = path.endsWith('.json') ? 'array' : 'newline_delimited';
  return `read_json(${sqlString(path)}, format = '${format}', columns = {${struct}}, maximum_object_size = 67108864)`;
}

export interface DuckRun {
  /** Spawn to exit, as ours is timed. */
  ms: number;
  /** The statements alone, inside the process. */
  queryMs: number;
  cpuMs: number;
  maxRssKb: number;
  value: number;
}

function run(dir: string, statements: string[]): DuckRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [RUNNER, dir, JSON.stringify(['SET threads = 2', ...statements])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`DuckDB failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const parsed = JSON.parse(result.stdout) as { ms: number; cpuMs: number; maxRssKb: number; value: number };
  return { ms, queryMs: parsed.ms, cpuMs: parsed.cpuMs, maxRssKb: parsed.maxRssKb, value: parsed.value };
}

/**
 * A diagnostic setting's sign-ins (held-out-signins.ts): the same columns, read from under
 * `properties`, where the Graph record is.
 */
const DIAGNOSTIC_SIGN_IN_COLUMNS = { properties: `STRUCT(${Object.entries(SIGN_IN_COLUMNS).map(([name, type]) => `"${name}" ${type}`).join(', ')})` };
const DIAGNOSTIC_SIGN_IN_SELECT = `CAST(properties.createdDateTime AS TIMESTAMPTZ) AS time, properties.*`;

/** The whole file into a table of the store's columns; `value` is the table's row count. `nested`: sign-ins under `properties`. */
export function duckLoad(dir: string, kind: Kind, path: string, nested = false): DuckRun {
  const [columns, select] = kind === 'audits' ? [AUDIT_COLUMNS, AUDIT_SELECT] : nested ? [DIAGNOSTIC_SIGN_IN_COLUMNS, DIAGNOSTIC_SIGN_IN_SELECT] : [SIGN_IN_COLUMNS, SIGN_IN_SELECT];
  return run(dir, [`CREATE TABLE t AS SELECT ${select} FROM ${readJson(path, columns)}`, 'SELECT count(*) FROM t']);
}

/** A filter the bench counts both ways: our query term, and DuckDB's condition over the columns it needs. */
export interface CountFilter {
  label: string;
  query: string;
  columns: Record<string, string>;
  where: string;
}

const anyEqual = (value: string, expressions: string[]) => `lower(${sqlString(value)}) IN (${expressions.map((e) => `lower(${e})`).join(', ')})`;

/** `actor:=` / `user:=`: exactly one of the actor's names or ids (case-insensitive), as the store's actor keys hold them. */
export function userFilter(kind: Kind, value: string): CountFilter {
  const query = `${kind === 'audits' ? 'actor' : 'user'}:="${value}"`;
  if (kind === 'audits') {
    const u = 'initiatedBy."user"';
    const a = 'initiatedBy.app';
    return { label: 'user', query, columns: { initiatedBy: AUDIT_COLUMNS.initiatedBy }, where: anyEqual(value, [`${u}.userPrincipalName`, `${u}.displayName`, `${u}.id`, `${a}.displayName`, `${a}.servicePrincipalName`, `${a}.appId`, `${a}.servicePrincipalId`]) };
  }
  const names = ['userPrincipalName', 'userDisplayName', 'userId', 'servicePrincipalName', 'servicePrincipalId'];
  return { label: 'user', query, columns: Object.fromEntries(names.map((n) => [n, 'VARCHAR'])), where: anyEqual(value, names) };
}

export function ipFilter(kind: Kind, value: string): CountFilter {
  const query = `ip:=${value}`;
  if (kind === 'audits') return { label: 'IP', query, columns: { initiatedBy: AUDIT_COLUMNS.initiatedBy }, where: `lower(initiatedBy."user".ipAddress) = lower(${sqlString(value)})` };
  return { label: 'IP', query, columns: { ipAddress: 'VARCHAR' }, where: `lower(ipAddress) = lower(${sqlString(value)})` };
}

export function appFilter(value: string): CountFilter {
  return { label: 'app', query: `app:="${value}"`, columns: { appDisplayName: 'VARCHAR', appId: 'VARCHAR' }, where: anyEqual(value, ['appDisplayName', 'appId']) };
}

export function errorFilter(code: number): CountFilter {
  return { label: 'error code', query: `error:=${code}`, columns: { status: 'STRUCT(errorCode BIGINT)' }, where: `status.errorCode = ${code}` };
}

/** The filter's count over the cold file. */
export function duckCount(dir: string, path: string, filter: CountFilter): DuckRun {
  return run(dir, [`SELECT count(*) FROM ${readJson(path, filter.columns)} WHERE ${filter.where}`]);
}
