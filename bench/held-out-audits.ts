/**
 * A held-out audit file: records our generator did not write (Elastic's Azure audit-log test
 * inputs, storage `PT1H.json` lines with the directoryAudit under `properties`, from
 * ../shared/samples), repeated to `events` lines. Each copy gets its own id and time, and its
 * user, IP address, app and result are drawn from small pools, so the counts of a user, an IP,
 * an app and the failures are known: written beside the file as its truth, and counted by DuckDB
 * over the same file with conditions on the record's own nesting.
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountFilter } from './duckdb.js';
import { seededIndex } from './signin-vocab.js';
import { cachedPath, ROOT } from './sample-files.js';

const SAMPLES = ['test-audit-logs-sample.log', 'test-auditlogs-raw.log'].map((name) => join(ROOT, '../shared/samples/elastic-azure-auditlogs', name));

export interface HeldOutTruth {
  events: number;
  user: { value: string; count: number };
  ip: { value: string; count: number };
  app: { value: string; count: number };
  failures: number;
}

type Json = Record<string, unknown>;

const USERS = Array.from({ length: 40 }, (_, k) => `analyst${k}@contoso-heldout.example`);
const IPS = Array.from({ length: 60 }, (_, k) => `198.51.${100 + (k % 5)}.${10 + k}`);
const APPS = ['Device Registration Service', 'Managed Service Identity', 'Microsoft Intune', 'Azure AD PowerShell', 'Graph Explorer', 'Exchange Online', 'Power Automate', 'Defender for Cloud Apps'];

/** The file and its truth; null when the samples are not there. */
export async function heldOutAuditFile(events: number): Promise<{ path: string; truth: HeldOutTruth } | null> {
  if (!SAMPLES.every((path) => existsSync(path))) return null;
  const path = cachedPath(`heldout-audits-${events}.jsonl`);
  const truthPath = `${path}.truth.json`;
  if (existsSync(path) && existsSync(truthPath)) return { path, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as HeldOutTruth };
  console.log(`  writing ${path} from Elastic's audit records …`);
  const templates = SAMPLES.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== ''));
  const truth: HeldOutTruth = { events, user: { value: USERS[3], count: 0 }, ip: { value: IPS[7], count: 0 }, app: { value: APPS[2], count: 0 }, failures: 0 };
  const out = createWriteStream(path);
  const start = Date.parse('2026-02-01T00:00:00Z');
  const next = seededIndex(20261204);
  for (let i = 0; i < events; i++) {
    const record = JSON.parse(templates[i % templates.length]) as Json & { properties: Json & { initiatedBy: { user?: Json | null; app?: Json | null } } };
    const time = new Date(start + i * 1000).toISOString();
    const p = record.properties;
    record.time = time;
    p.id = `${String(p.id)}-ho${i}`;
    p.activityDateTime = time;
    const { user, app } = p.initiatedBy;
    if (user) {
      user.userPrincipalName = USERS[next(USERS.length)];
      user.ipAddress = IPS[next(IPS.length)];
      if (user.userPrincipalName === truth.user.value) truth.user.count++;
      if (user.ipAddress === truth.ip.value) truth.ip.count++;
    } else if (app) {
      app.displayName = APPS[next(APPS.length)];
      if (app.displayName === truth.app.value) truth.app.count++;
    }
    p.result = next(13) === 0 ? 'failure' : 'success';
    if (p.result === 'failure') truth.failures++;
    if (!out.write(JSON.stringify(record) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  writeFileSync(truthPath, JSON.stringify(truth));
  return { path, truth };
}

const sql = (value: string) => `'${value.replace(/'/g, "''")}'`;
const INITIATED_BY = 'STRUCT(initiatedBy STRUCT("user" STRUCT(id VARCHAR, displayName VARCHAR, userPrincipalName VARCHAR, ipAddress VARCHAR), app STRUCT(appId VARCHAR, displayName VARCHAR, servicePrincipalId VARCHAR, servicePrincipalName VARCHAR)), result VARCHAR)';
const anyEqual = (value: string, expressions: string[]) => `lower(${sql(value)}) IN (${expressions.map((e) => `lower(${e})`).join(', ')})`;
const U = 'properties.initiatedBy."user"';
const A = 'properties.initiatedBy.app';

/** The four counts, ours and DuckDB's conditions, each with what the generator wrote. */
export function heldOutFilters(truth: HeldOutTruth): Array<{ filter: CountFilter; expected: number }> {
  const columns = { properties: INITIATED_BY };
  return [
    { filter: { label: 'user', query: `actor:="${truth.user.value}"`, columns, where: anyEqual(truth.user.value, [`${U}.userPrincipalName`, `${U}.displayName`, `${U}.id`, `${A}.displayName`, `${A}.servicePrincipalName`, `${A}.appId`, `${A}.servicePrincipalId`]) }, expected: truth.user.count },
    { filter: { label: 'IP', query: `ip:=${truth.ip.value}`, columns, where: `lower(${U}.ipAddress) = lower(${sql(truth.ip.value)})` }, expected: truth.ip.count },
    { filter: { label: 'app', query: `app:="${truth.app.value}"`, columns, where: anyEqual(truth.app.value, [`${A}.displayName`, `${A}.servicePrincipalName`, `${A}.appId`]) }, expected: truth.app.count },
    { filter: { label: 'result', query: 'status:failure', columns, where: `lower(properties.result) = 'failure'` }, expected: truth.failures },
  ];
}
