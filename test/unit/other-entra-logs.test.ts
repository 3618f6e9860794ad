/**
 * A stream or a workspace export carries every log: each record is read as the log it is. Audit
 * categories and tables are audit events, Entra's sign-in and provisioning records load into
 * their own panes, and records of no Entra log at all (Azure Activity) are problems that say what
 * they are, never events, while the records around them load.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const fixture = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url)), 'utf8'));
type Json = Record<string, unknown>;

async function load(name: string, content: unknown) {
  const path = temp.write(name, typeof content === 'string' ? content : JSON.stringify(content));
  const loaded = await loadAll([{ kind: 'file', path }]);
  return { ids: loaded.events.map((e) => e.event.id).sort(), panes: loaded.events.map((e) => e.pane), problems: loaded.problems.map((p) => `${p.line}: ${p.reason}`), errors: loaded.reports.map((r) => r.error).filter(Boolean) };
}

const audit = (fixture('eventhub-batch.json') as { records: Json[] }).records[0];
const diagnostic = (category: string, properties: Json, extra: Json = {}): Json => ({ time: '2026-11-19T02:50:00Z', resourceId: '/tenants/t/providers/Microsoft.aadiam', operationName: 'Sign-in activity', category, properties, ...extra });
const signIn: Json = {
  id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
  createdDateTime: '2026-11-19T02:47:12Z',
  userPrincipalName: 'maren.bowditch@contoso.example',
  appDisplayName: 'OfficeHome',
  appId: '4765445b-32c6-49b0-83e6-1d93765276ca',
  ipAddress: '203.0.113.66',
  status: { errorCode: 0, failureReason: null },
  conditionalAccessStatus: 'notApplied',
};
const provisioning: Json = {
  id: '75b5b0a2-0b6e-4d5f-9a3c-2f1e0d9c8b7a',
  activityDateTime: '2026-11-19T03:00:00Z',
  jobId: 'aws.a1b2c3',
  cycleId: 'c1',
  changeId: 'ch1',
  provisioningAction: 'create',
  provisioningStatusInfo: { status: 'success' },
  sourceSystem: { displayName: 'Azure Active Directory' },
  targetSystem: { displayName: 'Amazon Web Services (AWS)' },
};

describe('a diagnostic stream with every category in it', () => {
  it('loads the audits, sign-ins and provisioning records and reports the Azure Activity record', async () => {
    const records = [
      audit,
      diagnostic('SignInLogs', signIn),
      diagnostic('NonInteractiveUserSIgnInLogs', { ...signIn, id: 'ni-1' }),
      diagnostic('ServicePrincipalSignInLogs', { ...signIn, id: 'sp-1', userPrincipalName: null, servicePrincipalId: 'sp' }),
      diagnostic('ProvisioningLogs', provisioning),
      diagnostic('Administrative', { eventCategory: 'Administrative' }, { operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', resourceId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm1' }),
      { ...audit, category: 'CustomSecurityAttributeAuditLogs', properties: { ...(audit.properties as Json), id: 'csa-1', category: '' } },
    ];
    const { ids, panes, problems } = await load('hub.json', { records });
    expect(ids).toEqual(['Directory_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_P3Z8K_553920117', 'csa-1', String(signIn.id), 'ni-1', 'sp-1', String(provisioning.id)].sort());
    expect(panes.sort()).toEqual(['custom-security', 'directory', 'provisioning', 'sign-ins', 'sign-ins', 'sign-ins']);
    expect(problems).toEqual([expect.stringContaining('diagnostic category "Administrative" is not an Entra activity log')]);
  });

  it('reports RiskyUsers and other Entra diagnostic categories that are no activity log', async () => {
    const { ids, problems } = await load('risky.json', { records: [audit, diagnostic('RiskyUsers', { id: 'r1', riskLevel: 'high' })] });
    expect(ids).toHaveLength(1);
    expect(problems).toEqual([expect.stringContaining('diagnostic category "RiskyUsers" is not an Entra activity log')]);
  });
});

describe('Log Analytics rows of several tables', () => {
  it('loads AuditLogs, SigninLogs and AADProvisioningLogs rows and reports AzureActivity rows', async () => {
    const row = (fixture('log-analytics-rows.json') as Json[])[0];
    const rows = [
      { ...row, Type: 'AuditLogs' },
      { TimeGenerated: '2026-11-19T02:47:12Z', Type: 'SigninLogs', Id: 'la-s1', UserPrincipalName: 'maren.bowditch@contoso.example', OperationName: 'Sign-in activity', ResultType: '0' },
      { TimeGenerated: '2026-11-19T02:48:12Z', Type: 'AADProvisioningLogs', Id: 'la-p1', ProvisioningAction: 'Create', OperationName: 'Provisioning activity', ResultType: 'Success' },
      { TimeGenerated: '2026-11-19T02:49:12Z', Type: 'AzureActivity', OperationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', InitiatedBy: {} },
    ];
    const { ids, panes, problems } = await load('rows.json', rows);
    expect(ids).toEqual([String(row.Id), 'la-p1', 'la-s1'].sort());
    expect(panes.sort()).toEqual(['directory', 'provisioning', 'sign-ins']);
    expect(problems).toEqual([expect.stringContaining('Log Analytics table "AzureActivity" is not an Entra activity log')]);
  });
});

describe('Graph sign-in and provisioning records', () => {
  it('a page of sign-ins loads into the Sign-ins pane', async () => {
    const { ids, panes, problems, errors } = await load('signins.json', { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value: [signIn, { ...signIn, id: 'second' }] });
    expect({ ids, panes, problems, errors }).toEqual({ ids: [String(signIn.id), 'second'].sort(), panes: ['sign-ins', 'sign-ins'], problems: [], errors: [] });
  });

  it('a provisioning record is read as one, not as an audit, although it has an activityDateTime', async () => {
    const { ids, panes, problems } = await load('provisioning.jsonl', JSON.stringify(provisioning) + '\n');
    expect({ ids, panes, problems }).toEqual({ ids: [String(provisioning.id)], panes: ['provisioning'], problems: [] });
  });

  it('a sign-in whose success nobody can tell is a problem with its line, and the records around it load', async () => {
    const { status: _status, ...noStatus } = signIn;
    const text = [signIn, { ...noStatus, id: 'no-status' }, { ...signIn, id: 'after' }].map((r) => JSON.stringify(r)).join('\n') + '\n';
    const { ids, problems } = await load('no-status.jsonl', text);
    expect(ids).toEqual([String(signIn.id), 'after'].sort());
    expect(problems).toEqual(['2: sign-in without status.errorCode or resultType: whether it succeeded is unknown']);
  });
});
