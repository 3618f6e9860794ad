/**
 * A stream or a workspace export carries every log: each record is read as the log it is. Audit
 * categories and tables are audit events; Entra's sign-in and provisioning records, and records
 * of no Entra log at all (Azure Activity), are problems that say what they are, never events,
 * and the audits around them load.
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
  it('loads the audits and reports every other record with what it is', async () => {
    const records = [
      audit,
      diagnostic('SignInLogs', signIn),
      diagnostic('NonInteractiveUserSIgnInLogs', signIn),
      diagnostic('ServicePrincipalSignInLogs', { ...signIn, servicePrincipalId: 'sp' }),
      diagnostic('ProvisioningLogs', provisioning),
      diagnostic('Administrative', { eventCategory: 'Administrative' }, { operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', resourceId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm1' }),
      { ...audit, category: 'CustomSecurityAttributeAuditLogs', properties: { ...(audit.properties as Json), id: 'csa-1', category: '' } },
    ];
    const { ids, panes, problems } = await load('hub.json', { records });
    expect(ids).toEqual(['Directory_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_P3Z8K_553920117', 'csa-1'].sort());
    expect(panes.sort()).toEqual(['custom-security', 'directory']);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toContain('diagnostic category "SignInLogs" is the Entra sign-in log, not an audit');
    expect(problems.join('\n')).toContain('diagnostic category "NonInteractiveUserSIgnInLogs" is the Entra sign-in log');
    expect(problems.join('\n')).toContain('diagnostic category "ProvisioningLogs" is the Entra provisioning log');
    expect(problems.join('\n')).toContain('diagnostic category "Administrative" is not an Entra activity log');
  });
});

describe('Log Analytics rows of several tables', () => {
  it('loads AuditLogs rows and reports SigninLogs and AzureActivity rows', async () => {
    const row = (fixture('log-analytics-rows.json') as Json[])[0];
    const rows = [
      { ...row, Type: 'AuditLogs' },
      { TimeGenerated: '2026-11-19T02:47:12Z', Type: 'SigninLogs', UserPrincipalName: 'maren.bowditch@contoso.example', OperationName: 'Sign-in activity', ResultType: '0' },
      { TimeGenerated: '2026-11-19T02:48:12Z', Type: 'AADProvisioningLogs', ProvisioningAction: 'Create', OperationName: 'Provisioning activity' },
      { TimeGenerated: '2026-11-19T02:49:12Z', Type: 'AzureActivity', OperationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', InitiatedBy: {} },
    ];
    const { ids, problems } = await load('rows.json', rows);
    expect(ids).toEqual([String(row.Id)]);
    expect(problems).toEqual([
      expect.stringContaining('Log Analytics table "SigninLogs" is the Entra sign-in log, not an audit'),
      expect.stringContaining('Log Analytics table "AADProvisioningLogs" is the Entra provisioning log'),
      expect.stringContaining('Log Analytics table "AzureActivity" is not an Entra activity log'),
    ]);
  });
});

describe('Graph sign-in and provisioning records', () => {
  it('a page of sign-ins is recognised, not refused: each record is a problem saying it is a sign-in', async () => {
    const { ids, problems, errors } = await load('signins.json', { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value: [signIn, { ...signIn, id: 'second' }] });
    expect({ ids, errors }).toEqual({ ids: [], errors: [] });
    expect(problems).toEqual([expect.stringContaining('an Entra sign-in record, not an audit'), expect.stringContaining('an Entra sign-in record, not an audit')]);
  });

  it('a provisioning record is not read as an audit, although it has an activityDateTime', async () => {
    const { ids, problems } = await load('provisioning.jsonl', JSON.stringify(provisioning) + '\n');
    expect(ids).toEqual([]);
    expect(problems).toEqual([expect.stringContaining('an Entra provisioning record, not an audit')]);
  });
});
