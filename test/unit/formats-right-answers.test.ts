/**
 * Right answers from shapes seen in files written by others (issue 12): Microsoft's own Graph beta
 * example, Microsoft's Mesh audit sample and a Purview export quoted in a CTF write-up (unified
 * audit log), Microsoft's 2018 Azure Monitor schema page. Each record here is invented
 * (contoso.example, RFC 5737 addresses) in the exact shape of its source.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import type { AuditEvent } from '../../src/model/audit-event.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const temp = tempDir();

async function eventsIn(path: string): Promise<AuditEvent[]> {
  const loaded = await loadAll([{ kind: 'file', path }]);
  expect(loaded.problems).toEqual([]);
  expect(loaded.reports[0].error).toBeUndefined();
  return loaded.events.map((e) => e.event);
}

const eventsOf = (name: string, records: unknown[]) => eventsIn(temp.write(name, records.map((r) => JSON.stringify(r)).join('\n') + '\n'));

describe('Graph targets typed only by @odata.type (Microsoft’s 2019 beta example)', () => {
  it('gives each target the type its subclass names, so the Type column and type: filter see it', async () => {
    const [event] = await eventsIn(join(FIXTURES, 'graph-beta-odata-typed.json'));
    expect(event.targetResources.map((t) => [t.displayName ?? t.userPrincipalName, t.type])).toEqual([
      ['Finance Approvers', 'Group'],
      ['tomas.rieger@contoso.example', 'User'],
      ['Contoso Payroll Sync', 'ServicePrincipal'],
    ]);
  });

  it('keeps a type the record states over its subclass', async () => {
    const [event] = await eventsOf('typed.jsonl', [
      {
        id: 'Directory_x',
        activityDisplayName: 'Update user',
        activityDateTime: '2019-01-09T21:20:02Z',
        targetResources: [{ '@odata.type': '#microsoft.graph.targetResourceOther', id: 'u1', type: 'User' }],
      },
    ]);
    expect(event.targetResources[0].type).toBe('User');
  });
});

// ---- unified audit log ------------------------------------------------------------------------

const TENANT = 'b7e3c9a1-4d2f-4e8b-9a6c-1f0e2d3c4b5a';
const INES = { id: 'd2a7f4c9-1b6e-4c3a-9e8d-5f0a2b7c4e61', upn: 'ines.okafor@contoso.example' };
const CLIENT_APP = '3016d0ce-47cc-4005-b11d-5fcabb1b643d';

/** The common schema of an AzureActiveDirectory AuditData record; each test adds its actor. */
function auditData(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    CreationTime: '2024-04-09T18:49:03',
    Id: '871d4a2e-8e38-488e-a83e-b7a7c6c65228',
    Operation: 'Update group.',
    OrganizationId: TENANT,
    RecordType: 8,
    ResultStatus: 'Success',
    UserKey: '10032002CCA9134A@contoso.example',
    UserType: 0,
    Version: 1,
    Workload: 'AzureActiveDirectory',
    ObjectId: 'Group_8e4a1c7d-3f9b-4d26-a5e0-2b7c9f1d4a83',
    UserId: INES.upn,
    AzureActiveDirectoryEventType: 1,
    ExtendedProperties: [
      { Name: 'additionalDetails', Value: '{"GroupType":"Unified","User-Agent":"kiota-dotnet/1.3.4"}' },
      { Name: 'extendedAuditEventCategory', Value: 'Group' },
    ],
    ModifiedProperties: [{ Name: 'Included Updated Properties', NewValue: 'Description', OldValue: '' }],
    ActorContextId: TENANT,
    ActorIpAddress: '203.0.113.45',
    InterSystemsId: '2cd62b4e-4744-4c55-8a88-e64771393266',
    IntraSystemId: '0b9fe72c-eca5-4ad5-a9c5-5986e8bc963d',
    SupportTicketId: '',
    Target: [
      { ID: 'Group_8e4a1c7d-3f9b-4d26-a5e0-2b7c9f1d4a83', Type: 2 },
      { ID: '8e4a1c7d-3f9b-4d26-a5e0-2b7c9f1d4a83', Type: 2 },
      { ID: 'Group', Type: 2 },
      { ID: 'Finance Approvers', Type: 1 },
    ],
    TargetContextId: TENANT,
    ...fields,
  };
}

describe('unified audit log: who acted', () => {
  it('takes a user’s object id from User_<guid>, not from the client app listed before it (Mesh sample shape)', async () => {
    const [event] = await eventsOf('mesh.jsonl', [
      auditData({
        Actor: [
          { ID: INES.upn, Type: 5 },
          { ID: '10032002CCA9134A', Type: 3 },
          { ID: 'Microsoft Mesh Services', Type: 1 },
          { ID: CLIENT_APP, Type: 2 },
          { ID: `User_${INES.id}`, Type: 2 },
          { ID: INES.id, Type: 2 },
          { ID: 'User', Type: 2 },
        ],
      }),
    ]);
    expect(event.initiatedBy).toEqual({
      user: { id: INES.id, displayName: null, userPrincipalName: INES.upn, ipAddress: '203.0.113.45', userType: null, homeTenantId: TENANT, homeTenantName: null },
      app: null,
    });
    expect(event.targetResources.map((t) => [t.id, t.type, t.displayName])).toEqual([['8e4a1c7d-3f9b-4d26-a5e0-2b7c9f1d4a83', 'Group', 'Finance Approvers']]);
  });

  it('reads the object id and correlation id an older record states only in ExtendedProperties', async () => {
    const [event] = await eventsOf('older.jsonl', [
      auditData({
        Operation: 'Enable Strong Authentication.',
        Actor: [{ ID: INES.upn, Type: 5 }],
        InterSystemsId: undefined,
        ExtendedProperties: [
          { Name: 'actorObjectClass', Value: 'User' },
          { Name: 'actorObjectId', Value: INES.id },
          { Name: 'actorUPN', Value: INES.upn },
          { Name: 'correlationId', Value: '60d5e89a-b890-413f-9e25-a047734afe9f' },
        ],
      }),
    ]);
    expect(event.initiatedBy.user).toMatchObject({ id: INES.id, userPrincipalName: INES.upn });
    expect(event.correlationId).toBe('60d5e89a-b890-413f-9e25-a047734afe9f');
  });

  it('prefers InterSystemsId as the correlation id when both are there', async () => {
    const [event] = await eventsOf('both.jsonl', [auditData({ ExtendedProperties: [{ Name: 'correlationId', Value: '60d5e89a-b890-413f-9e25-a047734afe9f' }] })]);
    expect(event.correlationId).toBe('2cd62b4e-4744-4c55-8a88-e64771393266');
  });

  it('makes a system actor (UserType 4, UserId "Certificate") an app named by its Type 1 entry, in a Purview CSV too', async () => {
    const record = auditData({
      Operation: 'Add service principal.',
      UserKey: 'Not Available',
      UserType: 4,
      UserId: 'Certificate',
      ObjectId: '66244124-575c-4284-92bc-fdd00e669cea',
      ActorIpAddress: undefined,
      ExtendedProperties: [
        { Name: 'additionalDetails', Value: '{"AppId":"66244124-575c-4284-92bc-fdd00e669cea"}' },
        { Name: 'extendedAuditEventCategory', Value: 'ServicePrincipal' },
      ],
      Actor: [
        { ID: 'Microsoft Azure AD Internal - Jit Provisioning', Type: 1 },
        { ID: 'Certificate', Type: 2 },
        { ID: 'Other', Type: 2 },
      ],
    });
    const system = { user: null, app: { appId: null, displayName: 'Microsoft Azure AD Internal - Jit Provisioning', servicePrincipalId: null, servicePrincipalName: null } };
    const [fromJson] = await eventsOf('system.jsonl', [record]);
    expect(fromJson.initiatedBy).toEqual(system);
    const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const csv = [
      'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames',
      ['871d4a2e-8e38-488e-a83e-b7a7c6c65228', '4/9/2024 6:49:03 PM', '8', 'Add service principal.', 'Certificate', cell(JSON.stringify(record)), '', ''].join(','),
    ].join('\r\n');
    const [fromCsv] = await eventsIn(temp.write('purview.csv', csv + '\r\n'));
    expect(fromCsv.initiatedBy).toEqual(system);
  });
});

describe('unified audit log: ExtendedProperties.additionalDetails', () => {
  const detailsOf = async (value: string, name = 'additionalDetails') => {
    const [event] = await eventsOf(`details-${Math.random().toString(36).slice(2)}.jsonl`, [
      auditData({ Actor: [{ ID: INES.upn, Type: 5 }], ExtendedProperties: [{ Name: name, Value: value }] }),
    ]);
    return event.additionalDetails;
  };

  it('decodes the JSON text into key/value pairs, as Graph has them', async () => {
    expect(await detailsOf('{"GroupType":"Unified","User-Agent":"kiota-dotnet/1.3.4"}')).toEqual([
      { key: 'GroupType', value: 'Unified' },
      { key: 'User-Agent', value: 'kiota-dotnet/1.3.4' },
    ]);
    expect(await detailsOf('{}')).toEqual([]);
  });

  it('decodes Graph-style [{key, value}] text and a differently cased name', async () => {
    expect(await detailsOf('[{"key":"User-Agent","value":"python-requests/2.31.0"}]')).toEqual([{ key: 'User-Agent', value: 'python-requests/2.31.0' }]);
    expect(await detailsOf('{"UserType":"Member"}', 'AdditionalDetails')).toEqual([{ key: 'UserType', value: 'Member' }]);
  });

  it('keeps text cut short at the source whole instead of dropping it', async () => {
    expect(await detailsOf('{"User-Agent":"Mozilla/5.0 (Windows NT 10.0; Win64')).toEqual([{ key: 'additionalDetails', value: '{"User-Agent":"Mozilla/5.0 (Windows NT 10.0; Win64' }]);
  });
});

// ---- Azure Monitor diagnostic records ---------------------------------------------------------

describe('Azure Monitor: the activity name only in the outer record', () => {
  it('keeps the outer correlationId and caller IP, as for any other record', async () => {
    const [event] = await eventsOf('outer-name.jsonl', [
      {
        time: '2025-03-14T11:02:19.8841207Z',
        resourceId: `/tenants/${TENANT}/providers/Microsoft.aadiam`,
        operationName: 'Update user',
        operationVersion: '1.0',
        category: 'AuditLogs',
        tenantId: TENANT,
        resultSignature: 'None',
        durationMs: 0,
        callerIpAddress: '203.0.113.77',
        correlationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        identity: 'Ines Okafor',
        Level: 4,
        properties: {
          id: 'Directory_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_P3Z8K_553920117',
          category: 'UserManagement',
          result: 'success',
          activityDateTime: '2025-03-14T11:02:19.8841207+00:00',
          loggedByService: 'Core Directory',
          operationType: 'Update',
          initiatedBy: { user: { id: INES.id, userPrincipalName: INES.upn } },
          targetResources: [{ id: 'a91c3e5f-6d2b-4f87-b0e4-3c8a1d6f9b25', type: 'User', userPrincipalName: 'tomas.rieger@contoso.example' }],
        },
      },
    ]);
    expect([event.activityDisplayName, event.correlationId, event.initiatedBy.user?.ipAddress]).toEqual(['Update user', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '203.0.113.77']);
  });
});

describe('Azure Monitor: the 2018 "Audit" category schema (Microsoft’s preview schema page)', () => {
  const legacy = (fields: Record<string, unknown>, properties: Record<string, unknown>) => ({
    time: '2018-03-17T00:14:31.2585575Z',
    operationName: 'Change password (self-service)',
    operationVersion: '1.0',
    category: 'Audit',
    tenantId: TENANT,
    resultType: 'Success',
    resultSignature: '-1',
    resultDescription: 'None',
    durationMs: '-1',
    correlationId: '60d5e89a-b890-413f-9e25-a047734afe9f',
    identity: INES.upn,
    Level: 'Informational',
    location: 'WUS',
    ...fields,
    properties: { identityType: 'UPN', operationType: 'Update', additionalDetails: 'None', additionalTargets: '', targetUpdatedProperties: '', ...properties },
  });

  it('maps a user’s change: initiator, category, result, and the target from its __-joined parts', async () => {
    const [event] = await eventsOf('legacy-user.jsonl', [
      legacy(
        {},
        {
          targetResourceType: 'UPN__TenantContextID__PUID__ObjectID__ObjectClass',
          targetResourceName: `${INES.upn}__${TENANT}__1003BFFD9FEB17DB__${INES.id}__User`,
          auditEventCategory: 'UserManagement',
        },
      ),
    ]);
    expect(event).toEqual<AuditEvent>({
      id: '',
      category: 'UserManagement',
      correlationId: '60d5e89a-b890-413f-9e25-a047734afe9f',
      result: 'success',
      resultReason: '',
      activityDisplayName: 'Change password (self-service)',
      activityDateTime: '2018-03-17T00:14:31.2585575Z',
      loggedByService: '',
      operationType: 'Update',
      initiatedBy: { user: { id: null, displayName: null, userPrincipalName: INES.upn, ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
      targetResources: [{ id: INES.id, displayName: null, type: 'User', userPrincipalName: INES.upn, groupType: null, modifiedProperties: [] }],
      additionalDetails: [],
      userAgent: null,
    });
  });

  it('maps a service principal update: no initiator ("NA"), the changed properties, the name from Name', async () => {
    const spn = 'http://adapplicationregistry.onmicrosoft.com/payroll.contoso.example/primary;c4f7a2e9-8b1d-4d36-9e5a-0f2b7c6d1a84';
    const [event] = await eventsOf('legacy-sp.jsonl', [
      legacy(
        { time: '2018-03-18T19:47:43.0368859Z', operationName: 'Update service principal.', identity: 'NA', callerIpAddress: '<null>', correlationId: '14916c7a-5a7d-44e8-9b06-74b49efb08ee' },
        {
          identityType: 'NA',
          additionalDetails: {},
          targetUpdatedProperties: [
            { Name: 'Included Updated Properties', OldValue: null, NewValue: '' },
            { Name: 'TargetId.ServicePrincipalNames', OldValue: null, NewValue: spn },
          ],
          targetResourceType: 'Other__ObjectID__ObjectClass__Name__AppId__SPN',
          targetResourceName: `ServicePrincipal_e6b1d9a3-5c7f-4a28-8d0e-9b4c2f7a6e15__e6b1d9a3-5c7f-4a28-8d0e-9b4c2f7a6e15__ServicePrincipal__Contoso Payroll__c4f7a2e9-8b1d-4d36-9e5a-0f2b7c6d1a84__${spn}`,
          auditEventCategory: 'ApplicationManagement',
        },
      ),
    ]);
    expect([event.activityDisplayName, event.category, event.correlationId, event.initiatedBy]).toEqual([
      'Update service principal',
      'ApplicationManagement',
      '14916c7a-5a7d-44e8-9b06-74b49efb08ee',
      { user: null, app: null },
    ]);
    expect(event.targetResources).toEqual([
      {
        id: 'e6b1d9a3-5c7f-4a28-8d0e-9b4c2f7a6e15',
        displayName: 'Contoso Payroll',
        type: 'ServicePrincipal',
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: [
          { displayName: 'Included Updated Properties', oldValue: null, newValue: '' },
          { displayName: 'TargetId.ServicePrincipalNames', oldValue: null, newValue: spn },
        ],
      },
    ]);
  });
});
