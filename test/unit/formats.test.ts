/**
 * One hand-written fixture per export shape (test/fixtures/formats/), loaded end to end and
 * checked field by field against the AuditEvent it must normalise to. All names, ids and
 * addresses in the fixtures are invented (contoso.example, RFC 5737 / RFC 3849 addresses).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll, type LoadedSet } from '../../src/ingest/read-input.js';
import { resolveInputs } from '../../src/ingest/inputs.js';
import type {
  AppIdentity,
  AuditActivityInitiator,
  AuditEvent,
  ModifiedProperty,
  TargetResource,
  UserIdentity,
} from '../../src/model/audit-event.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const STORAGE_DIR = join(FIXTURES, 'storage');
const STORAGE_BLOB = join(STORAGE_DIR, 'y=2025', 'm=03', 'd=14', 'h=09', 'm=00', 'PT1H.json');

interface Loaded extends LoadedSet {
  path: string;
}

async function load(name: string): Promise<Loaded> {
  const path = join(FIXTURES, name);
  return { path, ...(await loadAll([{ kind: 'file', path }])) };
}

/** One input, no error, the given format ids, the given counts; problems must be listed explicitly. */
function expectReport(loaded: Loaded, formats: string[], events: number, problems = 0): void {
  expect(loaded.reports).toHaveLength(1);
  const report = loaded.reports[0];
  expect(report.error).toBeUndefined();
  expect(report.source).toBe(loaded.path);
  expect(report.formats).toEqual(formats);
  expect(report.events).toBe(events);
  expect(report.problems).toBe(problems);
  expect(loaded.events).toHaveLength(events);
  if (problems === 0) expect(loaded.problems).toEqual([]);
}

const eventsOf = (loaded: Loaded): AuditEvent[] => loaded.events.map((e) => e.event);
const panesOf = (loaded: Loaded) => loaded.events.map((e) => e.pane);
const timesOf = (loaded: Loaded) => loaded.events.map((e) => e.timeMs);
const originsOf = (loaded: Loaded) => loaded.events.map((e) => e.origin);
const ms = (iso: string) => Date.parse(iso);

// ---- the invented tenant --------------------------------------------------------------------

const TENANT = 'b7e3c9a1-4d2f-4e8b-9a6c-1f0e2d3c4b5a';
const INES = { id: 'd2a7f4c9-1b6e-4c3a-9e8d-5f0a2b7c4e61', upn: 'ines.okafor@contoso.example' };
const TOMAS = { id: 'a91c3e5f-6d2b-4f87-b0e4-3c8a1d6f9b25', upn: 'tomas.rieger@contoso.example' };
const HELGA = { id: 'f3c8a1e6-9b2d-4f57-8e0a-6d1c4b9f2e73', upn: 'helga.marchetti@contoso.example' };
const RAVI = { id: '2d9f6b3e-8a1c-4e74-b5d0-7c3a9e1f4b68', upn: 'ravi.santangelo@contoso.example' };
const NOOR = { id: '0c2e4a6c-8e0a-4c2e-9a4c-6e8a0c2e4a6c', upn: 'noor.halvorsen@contoso.example' };
const PRIYA = { id: '8c5a2f7e-1d4b-4e93-a6c0-9f2e7b1d5a38', upn: 'attr.admin@contoso.example' };
const JONAS = { id: '6e1b9d4c-2a7f-4c58-b0e3-5d8a1f6c9b27', upn: 'jonas.whitfield@contoso.example' };
const HR_SYNC = { appId: 'c4f7a2e9-8b1d-4d36-9e5a-0f2b7c6d1a84', servicePrincipalId: 'e6b1d9a3-5c7f-4a28-8d0e-9b4c2f7a6e15' };
const PAYROLL_SP = '7f0c4b2a-3e9d-4c61-a8b5-2d6e1f9a0c47';
const USER_ADMIN_ROLE = '5c2e8a71-9f3d-4b6a-a1e8-7d4c0b2f9e36';
const USER_ADMIN_TEMPLATE = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const FINANCE_GROUP = '8e4a1c7d-3f9b-4d26-a5e0-2b7c9f1d4a83';
const EXPENSE_APP = '3e7a1c9f-5d2b-4f68-8e0a-4c6b9d2f1a57';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

// ---- builders: every field of the model is spelled out, unset ones are null ------------------

function byUser(fields: Partial<UserIdentity>): AuditActivityInitiator {
  const user: UserIdentity = {
    id: null,
    displayName: null,
    userPrincipalName: null,
    ipAddress: null,
    userType: null,
    homeTenantId: null,
    homeTenantName: null,
    ...fields,
  };
  return { user, app: null };
}

function byApp(fields: Partial<AppIdentity>): AuditActivityInitiator {
  const app: AppIdentity = { appId: null, displayName: null, servicePrincipalId: null, servicePrincipalName: null, ...fields };
  return { user: null, app };
}

function target(fields: Partial<TargetResource>): TargetResource {
  return { id: null, displayName: null, type: null, userPrincipalName: null, groupType: null, modifiedProperties: [], ...fields };
}

const prop = (displayName: string, oldValue: string | null, newValue: string | null): ModifiedProperty => ({
  displayName,
  oldValue,
  newValue,
});

/** The four Role.* properties of "Add member to role", JSON-quoted as Graph writes them. */
const ROLE_PROPERTIES_GRAPH: ModifiedProperty[] = [
  prop('Role.ObjectID', null, `"${USER_ADMIN_ROLE}"`),
  prop('Role.DisplayName', null, '"User Administrator"'),
  prop('Role.TemplateId', null, `"${USER_ADMIN_TEMPLATE}"`),
  prop('Role.WellKnownObjectName', null, '"UserAccountAdmins"'),
];

// =============================================================================================

describe('Graph v1.0 page (graph-page.json)', () => {
  it('loads both events of the value array, newest first, field by field', async () => {
    const loaded = await load('graph-page.json');
    expectReport(loaded, ['graph-json'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13_T6W2R_508812347',
        category: 'RoleManagement',
        correlationId: '4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to role',
        activityDateTime: '2025-03-14T09:41:27.5531962Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45' }),
        targetResources: [
          target({ id: TOMAS.id, type: 'User', userPrincipalName: TOMAS.upn, modifiedProperties: ROLE_PROPERTIES_GRAPH }),
          target({ id: USER_ADMIN_ROLE, displayName: 'User Administrator', type: 'Role' }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: CHROME }],
        userAgent: null,
      },
      {
        id: 'Directory_9d3b6f1e-2a8c-4e57-b4d0-6e1f8a3c5b72_Q9F3H_508812512',
        category: 'ApplicationManagement',
        correlationId: '9d3b6f1e-2a8c-4e57-b4d0-6e1f8a3c5b72',
        result: 'failure',
        resultReason: 'Insufficient privileges to complete the operation.',
        activityDisplayName: 'Update service principal',
        activityDateTime: '2025-03-14T09:38:05.104837Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: PAYROLL_SP,
            displayName: 'Contoso Payroll Connector',
            type: 'ServicePrincipal',
            modifiedProperties: [prop('AccountEnabled', '[true]', '[false]'), prop('Included Updated Properties', null, '"AccountEnabled"')],
          }),
        ],
        additionalDetails: [{ key: 'AppId', value: '2b8e5d1c-9a4f-4e7b-b3c6-8f1a0d5e7c92' }],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(timesOf(loaded)).toEqual([ms('2025-03-14T09:41:27.553Z'), ms('2025-03-14T09:38:05.104Z')]);
    expect(originsOf(loaded)).toEqual([
      { source: loaded.path, line: 5 },
      { source: loaded.path, line: 54 },
    ]);
  });
});

describe('Graph beta customSecurityAttributeAudits page (graph-csa-page.json)', () => {
  it('loads the CSA event into the custom-security pane, keeping userAgent', async () => {
    const loaded = await load('graph-csa-page.json');
    expectReport(loaded, ['graph-json'], 1);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_3b7e1d9a-6c2f-4a85-9e0b-4d1f8c6a2e57_R8T4W_918273645',
        category: 'AttributeManagement',
        correlationId: '3b7e1d9a-6c2f-4a85-9e0b-4d1f8c6a2e57',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update attribute values assigned to a user',
        activityDateTime: '2025-02-03T15:07:44.218374Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byUser({
          id: PRIYA.id,
          displayName: 'Priya Lindqvist',
          userPrincipalName: PRIYA.upn,
          ipAddress: '198.51.100.23',
          userType: 'Member',
          homeTenantId: TENANT,
          homeTenantName: 'Contoso Example',
        }),
        targetResources: [
          target({
            id: JONAS.id,
            displayName: 'Jonas Whitfield',
            type: 'User',
            userPrincipalName: JONAS.upn,
            modifiedProperties: [
              prop('Engineering_ProjectCodename', '["Alpine"]', '["Baltic"]'),
              prop('Included Updated Properties', null, '"Engineering_ProjectCodename"'),
            ],
          }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: FIREFOX }],
        userAgent: FIREFOX,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['custom-security']);
    expect(timesOf(loaded)).toEqual([ms('2025-02-03T15:07:44.218Z')]);
    expect(originsOf(loaded)).toEqual([{ source: loaded.path, line: 4 }]);
  });
});

describe('portal JSON download (portal-download.json)', () => {
  it('loads a bare pretty-printed array of Graph objects', async () => {
    const loaded = await load('portal-download.json');
    expectReport(loaded, ['graph-json'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_0a6d3f8b-5e2c-4b91-8d7a-1c4e9f2b6a30_L2K8P_611904728',
        category: 'UserManagement',
        correlationId: '0a6d3f8b-5e2c-4b91-8d7a-1c4e9f2b6a30',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update user',
        activityDateTime: '2025-03-12T16:20:03.4417765Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byUser({ id: HELGA.id, displayName: 'Helga Marchetti', userPrincipalName: HELGA.upn, ipAddress: '192.0.2.18' }),
        targetResources: [
          target({
            id: RAVI.id,
            displayName: 'Ravi Santangelo',
            type: 'User',
            userPrincipalName: RAVI.upn,
            modifiedProperties: [
              prop('Department', '["Finance"]', '["Treasury"]'),
              prop(
                'StrongAuthenticationMethod',
                '[{"MethodType":6,"Default":true}]',
                '[{"MethodType":6,"Default":true},{"MethodType":7,"Default":false}]',
              ),
              prop('Included Updated Properties', null, '"Department, StrongAuthenticationMethod"'),
              prop('TargetId.UserType', null, '"Member"'),
            ],
          }),
        ],
        additionalDetails: [{ key: 'UserType', value: 'Member' }],
        // The download writes "" here; the loader keeps the source's text.
        userAgent: '',
      },
      {
        id: 'AccessReviews_1f7b4d2e-6c9a-4e38-a0b5-3e8d1c6f9a24_X5J7M_733018256',
        category: 'Policy',
        correlationId: '1f7b4d2e-6c9a-4e38-a0b5-3e8d1c6f9a24',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update business flow',
        activityDateTime: '2025-03-12T16:05:47.0912004Z',
        loggedByService: 'Access Reviews',
        operationType: 'Update',
        initiatedBy: byApp({ appId: '4a8c2e6f-0b3d-4e5a-9c7f-1d2e3f4a5b6c' }),
        targetResources: [
          target({
            id: '9c2e7a4f-1b6d-4f83-8a0c-5e9b3d7f1a26',
            displayName: 'Admin Consent request for application Contoso Expense Helper',
            type: 'Policy',
          }),
        ],
        additionalDetails: [{ key: 'tid', value: TENANT }],
        userAgent: '',
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(originsOf(loaded)).toEqual([
      { source: loaded.path, line: 2 },
      { source: loaded.path, line: 44 },
    ]);
  });
});

describe('concatenated arrays (concatenated-arrays.json)', () => {
  it('reads `][` and `]\\n[` back-to-back arrays as one stream of records', async () => {
    const loaded = await load('concatenated-arrays.json');
    expectReport(loaded, ['graph-json'], 3);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_7d3a0e5c-9f6b-4c14-bd8a-2e4f0b7c3a69_Z1C5D_720146071',
        category: 'GroupManagement',
        correlationId: '7d3a0e5c-9f6b-4c14-bd8a-2e4f0b7c3a69',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Delete group',
        activityDateTime: '2025-03-10T08:02:00Z',
        loggedByService: 'Core Directory',
        operationType: 'Delete',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync', servicePrincipalName: 'Contoso HR Sync' }),
        targetResources: [
          target({ id: '1a5c8e2f-4b7d-4e90-9c3a-6f8b2d5e1c74', displayName: 'Temp Project Zephyr', type: 'Group', groupType: 'unifiedGroups' }),
        ],
        additionalDetails: [],
        userAgent: null,
      },
      {
        id: 'SSGM_6c2f9d4b-8e5a-4b03-ac7f-1d3e9a6b2f58_MCDC4_88453290',
        category: 'GroupManagement',
        correlationId: '6c2f9d4b-8e5a-4b03-ac7f-1d3e9a6b2f58',
        result: 'success',
        resultReason: 'OK',
        activityDisplayName: 'Add member to group',
        activityDateTime: '2025-03-10T08:01:40.5Z',
        loggedByService: 'Self-service Group Management',
        operationType: 'Add',
        // ipAddress "" in the source stays "" (not invented, not turned into null).
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, ipAddress: '' }),
        targetResources: [target({ id: FINANCE_GROUP, displayName: 'Finance Approvers', type: 'N/A', groupType: 'unifiedGroups' })],
        additionalDetails: [{ key: 'ClientIP', value: '192.0.2.18' }],
        userAgent: null,
      },
      {
        id: 'Directory_5b1e8c3a-7d4f-4a92-9b6e-0c2d8f5a1e47_H3V9N_720145503',
        category: 'GroupManagement',
        correlationId: '5b1e8c3a-7d4f-4a92-9b6e-0c2d8f5a1e47',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add group',
        activityDateTime: '2025-03-10T08:00:12.1234567Z',
        loggedByService: 'Core Directory',
        operationType: 'Add',
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, ipAddress: '192.0.2.18' }),
        targetResources: [
          target({
            id: FINANCE_GROUP,
            displayName: 'Finance Approvers',
            type: 'Group',
            groupType: 'azureAD',
            modifiedProperties: [prop('DisplayName', '[]', '["Finance Approvers"]')],
          }),
        ],
        additionalDetails: [],
        userAgent: null,
      },
    ]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([39, 21, 2]);
    expect(timesOf(loaded)).toEqual([ms('2025-03-10T08:02:00Z'), ms('2025-03-10T08:01:40.500Z'), ms('2025-03-10T08:00:12.123Z')]);
  });
});

/** graph-lines.jsonl and its gzip copy hold the same three records. */
const GRAPH_LINES_EVENTS: AuditEvent[] = [
  {
    id: 'Directory_4a8c1f5b-2e9d-4b07-a3f6-0d5a8b2c1e74_S3D8L_301558422',
    category: 'Device',
    correlationId: '4a8c1f5b-2e9d-4b07-a3f6-0d5a8b2c1e74',
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Add device',
    activityDateTime: '2025-03-13T22:31:55.7Z',
    loggedByService: 'Core Directory',
    operationType: 'Add',
    initiatedBy: byApp({ displayName: 'Device Registration Service', servicePrincipalId: '5e9b3d7f-1a26-4c84-8b0e-2f6a9c4d1e57' }),
    targetResources: [
      target({
        id: '6f0c4a8e-3b7d-4e15-a9c2-8d1f5b3e7a40',
        displayName: 'CONTOSO-LT-0042',
        type: 'Device',
        modifiedProperties: [prop('DeviceTrustType', '[]', '["ServerAd"]'), prop('Included Updated Properties', null, '"DeviceTrustType"')],
      }),
    ],
    additionalDetails: [{ key: 'AdditionalInfo', value: 'Device registered via Windows Autopilot' }],
    userAgent: null,
  },
  {
    id: 'Directory_3f7b0e4a-1d8c-4a96-b2e5-9c4f7a1b0d63_N7B2G_301558190',
    category: 'ApplicationManagement',
    correlationId: '3f7b0e4a-1d8c-4a96-b2e5-9c4f7a1b0d63',
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Consent to application',
    activityDateTime: '2025-03-13T22:20:31.0000001Z',
    loggedByService: 'Core Directory',
    operationType: 'Assign',
    initiatedBy: byUser({ id: RAVI.id, userPrincipalName: RAVI.upn, ipAddress: '203.0.113.9' }),
    targetResources: [
      target({
        id: '0b4d8f2a-6e1c-4b73-9a5f-3d7e0c4b8a16',
        displayName: 'Fabrikam Notes Exporter',
        type: 'ServicePrincipal',
        modifiedProperties: [
          prop('ConsentContext.IsAdminConsent', null, '"False"'),
          prop(
            'ConsentAction.Permissions',
            null,
            '"[] => [[Id: q1w2e3r4, ClientId: 0b4d8f2a-6e1c-4b73-9a5f-3d7e0c4b8a16, PrincipalId: 2d9f6b3e-8a1c-4e74-b5d0-7c3a9e1f4b68, ' +
              'ResourceId: 9a3c6e1f-5b8d-4f20-a7c4-1e6b9d3f5a08, ConsentType: Principal, Scope:  Mail.Read offline_access, ' +
              'CreatedDateTime: , LastModifiedDateTime ]]; "',
          ),
        ],
      }),
    ],
    additionalDetails: [
      {
        key: 'User-Agent',
        value: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
      },
    ],
    userAgent: null,
  },
  {
    id: 'SSPR_2e6a9d3f-0c7b-4f85-a1d4-8b3e6f0a9c52_W4P6Y_301557824',
    category: 'UserManagement',
    correlationId: '2e6a9d3f-0c7b-4f85-a1d4-8b3e6f0a9c52',
    result: 'success',
    resultReason: 'User successfully reset password',
    activityDisplayName: 'Reset password (self-service)',
    activityDateTime: '2025-03-13T22:14:09.8812345Z',
    loggedByService: 'Self-service Password Management',
    operationType: 'Update',
    initiatedBy: byUser({ id: RAVI.id, displayName: 'Ravi Santangelo', userPrincipalName: RAVI.upn, ipAddress: '203.0.113.9' }),
    targetResources: [target({ id: RAVI.id, displayName: 'Ravi Santangelo', type: 'User', userPrincipalName: RAVI.upn })],
    additionalDetails: [],
    userAgent: null,
  },
];

describe('JSON Lines (graph-lines.jsonl) and its gzip (graph-lines.jsonl.gz)', () => {
  it('loads one Graph object per line, with its line number', async () => {
    const loaded = await load('graph-lines.jsonl');
    expectReport(loaded, ['graph-json'], 3);
    expect(eventsOf(loaded)).toStrictEqual(GRAPH_LINES_EVENTS);
    expect(panesOf(loaded)).toEqual(['directory', 'directory', 'directory']);
    expect(originsOf(loaded)).toEqual([
      { source: loaded.path, line: 3 },
      { source: loaded.path, line: 2 },
      { source: loaded.path, line: 1 },
    ]);
    expect(timesOf(loaded)).toEqual([ms('2025-03-13T22:31:55.700Z'), ms('2025-03-13T22:20:31.000Z'), ms('2025-03-13T22:14:09.881Z')]);
  });

  it('unwraps gzip by content and gives exactly the same events', async () => {
    const loaded = await load('graph-lines.jsonl.gz');
    expectReport(loaded, ['graph-json'], 3);
    expect(eventsOf(loaded)).toStrictEqual(GRAPH_LINES_EVENTS);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([3, 2, 1]);
  });
});

/** What both portal CSVs (English and Spanish headers) must give: same rows, same events. */
const PORTAL_CSV_EVENTS: AuditEvent[] = [
  {
    // The CSV download has no event id and no operation type.
    id: '',
    category: 'RoleManagement',
    correlationId: '4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13',
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Add member to role',
    activityDateTime: '2025-03-14T09:41:27.5531962Z',
    loggedByService: 'Core Directory',
    operationType: '',
    initiatedBy: byUser({ id: INES.id, displayName: 'Ines Okafor', userPrincipalName: INES.upn, ipAddress: '203.0.113.45' }),
    targetResources: [
      target({ id: TOMAS.id, type: 'User', userPrincipalName: TOMAS.upn, modifiedProperties: ROLE_PROPERTIES_GRAPH }),
      target({ id: USER_ADMIN_ROLE, displayName: 'User Administrator', type: 'Role' }),
    ],
    additionalDetails: [{ key: 'User-Agent', value: `${CHROME} Edg/122.0.0.0` }],
    userAgent: null,
  },
  {
    id: '',
    category: 'ApplicationManagement',
    correlationId: '9d3b6f1e-2a8c-4e57-b4d0-6e1f8a3c5b72',
    result: 'failure',
    resultReason: 'Insufficient privileges to complete the operation.',
    activityDisplayName: 'Update service principal',
    activityDateTime: '2025-03-14T09:38:05.104837Z',
    loggedByService: 'Core Directory',
    operationType: '',
    initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync', servicePrincipalName: 'Contoso HR Sync' }),
    targetResources: [
      target({
        id: PAYROLL_SP,
        displayName: 'Contoso Payroll Connector',
        type: 'ServicePrincipal',
        modifiedProperties: [
          prop('AccountEnabled', '[true]', '[false]'),
          prop('Included Updated Properties', null, '"AccountEnabled"'),
          prop(
            'AppAddress',
            '[]',
            '[{"AddressType":0,"Address":"https://payroll.contoso.example/callback","ReplyAddressClientType":1,"ReplyAddressIndex":null,"IsReplyAddressDefault":false}]',
          ),
        ],
      }),
    ],
    additionalDetails: [
      { key: 'AppId', value: '2b8e5d1c-9a4f-4e7b-b3c6-8f1a0d5e7c92' },
      { key: 'User-Agent', value: 'Microsoft Azure Graph Client Library 2.1.17' },
    ],
    userAgent: null,
  },
];

describe('portal CSV download (86 columns, UTF-8 BOM, CRLF)', () => {
  it('portal-download.csv: user row and Application row, JSON text in cells kept verbatim', async () => {
    const loaded = await load('portal-download.csv');
    expectReport(loaded, ['portal-csv'], 2);
    expect(eventsOf(loaded)).toStrictEqual(PORTAL_CSV_EVENTS);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(originsOf(loaded)).toEqual([
      { source: loaded.path, line: 2 },
      { source: loaded.path, line: 3 },
    ]);
  });

  it('portal-download-localised.csv: Spanish headers are read by position', async () => {
    const loaded = await load('portal-download-localised.csv');
    expectReport(loaded, ['portal-csv'], 2);
    expect(eventsOf(loaded)).toStrictEqual(PORTAL_CSV_EVENTS);
  });
});

describe('Graph PowerShell ConvertTo-Json', () => {
  it('powershell-5.json: UTF-16LE with BOM, PascalCase, IPAddress, AdditionalProperties, \\/Date(ms)\\/', async () => {
    const loaded = await load('powershell-5.json');
    expectReport(loaded, ['powershell-json'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_2a4c6e8a-0c2e-4a4c-8e6a-0c2e4a6c8e0a_Y7U8I_772199001',
        category: 'ApplicationManagement',
        correlationId: '2a4c6e8a-0c2e-4a4c-8e6a-0c2e4a6c8e0a',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add service principal',
        // /Date(1741946400000)/: a whole second, so no fractional digits.
        activityDateTime: '2025-03-14T10:00:00Z',
        loggedByService: 'Core Directory',
        operationType: 'Add',
        initiatedBy: byApp({ ...HR_SYNC, displayName: "Contoso's Backup Agent" }),
        targetResources: [
          target({
            id: '4b6d8f0b-2d4f-4b6d-8f0b-2d4f6b8d0f2b',
            displayName: 'R&D <Sandbox> Tool',
            type: 'ServicePrincipal',
            modifiedProperties: [
              prop('AccountEnabled', '[]', '[true]'),
              prop('AppPrincipalId', '[]', '["5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b"]'),
            ],
          }),
        ],
        additionalDetails: [{ key: 'AppId', value: '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b' }],
        userAgent: null,
      },
      {
        id: 'Directory_0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b_B4N7X_772190334',
        category: 'GroupManagement',
        correlationId: '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to group',
        // /Date(1741945287553)/
        activityDateTime: '2025-03-14T09:41:27.553Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        // IPAddress (SDK spelling) → ipAddress; userType from User.AdditionalProperties.
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45', userType: 'Member' }),
        targetResources: [
          target({
            id: FINANCE_GROUP,
            displayName: 'Finance Approvers',
            type: 'Group',
            groupType: 'azureAD',
            modifiedProperties: [prop('Group.ObjectID', null, `"${FINANCE_GROUP}"`), prop('Group.DisplayName', null, '"Finance Approvers"')],
          }),
          target({ id: TOMAS.id, type: 'User', userPrincipalName: TOMAS.upn }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: CHROME }],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(timesOf(loaded)).toEqual([1741946400000, 1741945287553]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([93, 2]);
  });

  it('powershell-7.json: PascalCase with ISO dates (Z and +01:00), UTF-8', async () => {
    const loaded = await load('powershell-7.json');
    expectReport(loaded, ['powershell-json'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_1c5e9a3d-7b2f-4d80-a6e4-2f8c0b5d9a13_J2M9Q_772191020',
        category: 'ApplicationManagement',
        correlationId: '1c5e9a3d-7b2f-4d80-a6e4-2f8c0b5d9a13',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update application',
        // 10:55:03.25+01:00 → 09:55:03.25Z, the two fractional digits kept
        activityDateTime: '2025-03-14T09:55:03.25Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: EXPENSE_APP,
            displayName: 'Contoso Expense Helper',
            type: 'Application',
            modifiedProperties: [
              prop(
                'AppAddress',
                '[]',
                '[{"AddressType":0,"Address":"https://expenses.contoso.example/signin-oidc","ReplyAddressClientType":1,"ReplyAddressIndex":null,"IsReplyAddressDefault":false}]',
              ),
            ],
          }),
        ],
        additionalDetails: [{ key: 'AppId', value: EXPENSE_APP }],
        userAgent: null,
      },
      {
        id: 'Directory_0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b_B4N7X_772190334',
        category: 'GroupManagement',
        correlationId: '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to group',
        activityDateTime: '2025-03-14T09:41:27.5531962Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45', userType: 'Member' }),
        targetResources: [
          target({
            id: TOMAS.id,
            type: 'User',
            userPrincipalName: TOMAS.upn,
            modifiedProperties: [prop('Group.ObjectID', null, `"${FINANCE_GROUP}"`), prop('Group.DisplayName', null, '"Finance Approvers"')],
          }),
          target({ id: FINANCE_GROUP, displayName: 'Finance Approvers', type: 'Group', groupType: 'azureAD' }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }],
        userAgent: null,
      },
    ]);
    expect(timesOf(loaded)).toEqual([ms('2025-03-14T09:55:03.250Z'), ms('2025-03-14T09:41:27.553Z')]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([76, 2]);
  });
});

describe('Azure Monitor diagnostic records', () => {
  it('eventhub-batch.json: {"records":[…]}, +00:00 → Z, callerIpAddress fills a missing ipAddress, CSA category → custom-security', async () => {
    const loaded = await load('eventhub-batch.json');
    expectReport(loaded, ['azure-monitor'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d_V6G1T_553921488',
        category: 'AttributeManagement',
        correlationId: '2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update attribute values assigned to a servicePrincipal',
        activityDateTime: '2025-03-14T11:05:51.3303215Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byUser({ id: PRIYA.id, userPrincipalName: PRIYA.upn, ipAddress: '198.51.100.23' }),
        targetResources: [
          target({
            id: PAYROLL_SP,
            displayName: 'Contoso Payroll Connector',
            type: 'App',
            modifiedProperties: [prop('Finance_CostCenter', '["CC-100"]', '["CC-240"]')],
          }),
        ],
        additionalDetails: [],
        userAgent: FIREFOX,
      },
      {
        id: 'Directory_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_P3Z8K_553920117',
        category: 'ApplicationManagement',
        correlationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add service principal credentials',
        activityDateTime: '2025-03-14T11:02:19.8841207Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        // properties.initiatedBy.user has no ipAddress: the record's callerIpAddress is used.
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.77' }),
        targetResources: [
          target({
            id: PAYROLL_SP,
            displayName: 'Contoso Payroll Connector',
            type: 'ServicePrincipal',
            modifiedProperties: [
              prop(
                'KeyDescription',
                '[]',
                '["[KeyIdentifier=5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9,KeyType=Password,KeyUsage=Verify,DisplayName=backup]"]',
              ),
              prop('Included Updated Properties', null, '"KeyDescription"'),
              prop('TargetId.ServicePrincipalNames', null, '"2b8e5d1c-9a4f-4e7b-b3c6-8f1a0d5e7c92"'),
            ],
          }),
        ],
        additionalDetails: [
          { key: 'User-Agent', value: 'python-requests/2.31.0' },
          { key: 'AppId', value: '2b8e5d1c-9a4f-4e7b-b3c6-8f1a0d5e7c92' },
        ],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['custom-security', 'directory']);
    expect(timesOf(loaded)).toEqual([ms('2025-03-14T11:05:51.330Z'), ms('2025-03-14T11:02:19.884Z')]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([58, 3]);
  });

  /** The storage blob's two records (level "Informational", one per line). */
  const STORAGE_EVENTS: AuditEvent[] = [
    {
      id: 'Directory_6a2b4c6d-8e0f-4a2b-9c4d-6e8f0a2b4c6d_K4L7M_612009903',
      category: 'ApplicationManagement',
      correlationId: '6a2b4c6d-8e0f-4a2b-9c4d-6e8f0a2b4c6d',
      result: 'success',
      resultReason: '',
      activityDisplayName: 'Add owner to application',
      activityDateTime: '2025-03-14T09:47:02.1Z',
      loggedByService: 'Core Directory',
      operationType: 'Assign',
      // callerIpAddress "<null>" is not an address and an app has none anyway.
      initiatedBy: byApp({ displayName: 'MS-PIM', servicePrincipalId: '0c6e2a8f-4b1d-4e97-a3c5-9f2b6d0e4a18' }),
      targetResources: [
        target({ id: EXPENSE_APP, displayName: 'Contoso Expense Helper', type: 'Application' }),
        target({ id: HELGA.id, type: 'User', userPrincipalName: HELGA.upn }),
      ],
      additionalDetails: [],
      userAgent: null,
    },
    {
      id: 'Directory_5f1a3c5e-7a9b-4c1d-8e3f-5a7b9c1d3e5f_D9E2F_612004511',
      category: 'UserManagement',
      correlationId: '5f1a3c5e-7a9b-4c1d-8e3f-5a7b9c1d3e5f',
      result: 'success',
      resultReason: '',
      activityDisplayName: 'Disable account',
      activityDateTime: '2025-03-14T09:12:44.6021873Z',
      loggedByService: 'Core Directory',
      operationType: 'Update',
      initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, ipAddress: '192.0.2.18' }),
      targetResources: [
        target({
          id: RAVI.id,
          type: 'User',
          userPrincipalName: RAVI.upn,
          modifiedProperties: [prop('AccountEnabled', '[true]', '[false]'), prop('Included Updated Properties', null, '"AccountEnabled"')],
        }),
      ],
      additionalDetails: [{ key: 'UserType', value: 'Member' }],
      userAgent: null,
    },
  ];

  it('storage PT1H.json: one diagnostic record per line, level "Informational"', async () => {
    const loaded = await loadAll([{ kind: 'file', path: STORAGE_BLOB }]);
    expect(loaded.reports.map((r) => [r.formats, r.events, r.problems, r.error])).toEqual([[['azure-monitor'], 2, 0, undefined]]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.events.map((e) => e.event)).toStrictEqual(STORAGE_EVENTS);
    expect(loaded.events.map((e) => e.pane)).toEqual(['directory', 'directory']);
    expect(loaded.events.map((e) => e.origin)).toEqual([
      { source: STORAGE_BLOB, line: 2 },
      { source: STORAGE_BLOB, line: 1 },
    ]);
  });

  it('a storage container directory is walked down into its y=/m=/d=/h=/m= folders', async () => {
    const resolved = await resolveInputs([STORAGE_DIR]);
    expect(resolved.errors).toEqual([]);
    expect(resolved.inputs).toEqual([{ kind: 'file', path: STORAGE_BLOB }]);
    const loaded = await loadAll(resolved.inputs);
    expect(loaded.problems).toEqual([]);
    expect(loaded.reports.map((r) => r.source)).toEqual([STORAGE_BLOB]);
    expect(loaded.events.map((e) => e.event)).toStrictEqual(STORAGE_EVENTS);
  });
});

describe('Log Analytics', () => {
  it('log-analytics-rows.json: AuditLogs rows with object columns, and a CSA row whose dynamic columns are JSON text', async () => {
    const loaded = await load('log-analytics-rows.json');
    expectReport(loaded, ['log-analytics-json'], 3);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_8b0d2f4a-6c8e-4a0b-9d2f-4a6c8e0b2d4f_U8R3E_508830019',
        category: 'ApplicationManagement',
        correlationId: '8b0d2f4a-6c8e-4a0b-9d2f-4a6c8e0b2d4f',
        result: 'failure',
        resultReason: 'Permission grant blocked by policy',
        activityDisplayName: 'Add app role assignment to service principal',
        activityDateTime: '2025-03-14T10:02:46.9170512Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: PAYROLL_SP,
            displayName: 'Contoso Payroll Connector',
            type: 'ServicePrincipal',
            modifiedProperties: [prop('AppRole.Value', null, '"Directory.ReadWrite.All"')],
          }),
        ],
        additionalDetails: [],
        userAgent: null,
      },
      {
        id: 'Directory_4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13_T6W2R_508812347',
        category: 'RoleManagement',
        correlationId: '4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to role',
        // ActivityDateTime, not TimeGenerated (09:41:31.1234567Z)
        activityDateTime: '2025-03-14T09:41:27.5531962Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45' }),
        targetResources: [
          target({
            id: TOMAS.id,
            type: 'User',
            userPrincipalName: TOMAS.upn,
            modifiedProperties: [prop('Role.DisplayName', null, '"User Administrator"')],
          }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: CHROME }],
        userAgent: null,
      },
      {
        id: 'Directory_3b7e1d9a-6c2f-4a85-9e0b-4d1f8c6a2e57_R8T4W_918273645',
        // The AADCustomSecurityAttributeAuditLogs table has no Category column.
        category: 'AttributeManagement',
        correlationId: '3b7e1d9a-6c2f-4a85-9e0b-4d1f8c6a2e57',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update attribute values assigned to a user',
        activityDateTime: '2025-02-03T15:07:44.218374Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        // No ipAddress inside InitiatedBy: the CallerIpAddress column is used.
        initiatedBy: byUser({ id: PRIYA.id, userPrincipalName: PRIYA.upn, ipAddress: '198.51.100.23' }),
        targetResources: [
          target({
            id: JONAS.id,
            displayName: 'Jonas Whitfield',
            type: 'User',
            userPrincipalName: JONAS.upn,
            modifiedProperties: [prop('Engineering_ProjectCodename', '["Alpine"]', '["Baltic"]')],
          }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: FIREFOX }],
        userAgent: FIREFOX,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory', 'custom-security']);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([55, 2, 104]);
  });

  it('log-analytics-api.json: {"tables":[…]} with dynamic cells as JSON strings', async () => {
    const loaded = await load('log-analytics-api.json');
    expect(loaded.reports).toHaveLength(1);
    expect(loaded.reports[0].error).toBeUndefined();
    expect(loaded.reports[0].events).toBe(2);
    expect(loaded.reports[0].problems).toBe(0);
    expect(loaded.reports[0].formats).toContain('log-analytics-api');
    expect(loaded.problems).toEqual([]);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_d2f4b6c8-0e2a-4b4d-9f6c-8e0a2c4e6b8d_A1S2D_509100877',
        category: 'ApplicationManagement',
        correlationId: 'd2f4b6c8-0e2a-4b4d-9f6c-8e0a2c4e6b8d',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add app role assignment grant to user',
        activityDateTime: '2025-03-15T07:45:01.0056Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: '9f1b3d5e-7a9c-4e1f-8b3d-5f7a9c1e3b5d',
            displayName: 'Contoso Expense Helper',
            type: 'ServicePrincipal',
            modifiedProperties: [
              prop('AppRole.Id', null, '"00000000-0000-0000-0000-000000000000"'),
              prop('User.UPN', null, `"${TOMAS.upn}"`),
            ],
          }),
          target({ id: TOMAS.id, displayName: 'Tomas Rieger', type: 'User', userPrincipalName: TOMAS.upn }),
        ],
        additionalDetails: [{ key: 'AppId', value: EXPENSE_APP }],
        userAgent: null,
      },
      {
        id: 'Directory_c1e3a5b7-9d1f-4a3c-8e5b-7d9f1b3d5a7c_F7G8H_509100233',
        category: 'UserManagement',
        correlationId: 'c1e3a5b7-9d1f-4a3c-8e5b-7d9f1b3d5a7c',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Delete user',
        activityDateTime: '2025-03-15T07:30:12.4410927Z',
        loggedByService: 'Core Directory',
        operationType: 'Delete',
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, ipAddress: '192.0.2.18' }),
        targetResources: [
          target({ id: RAVI.id, type: 'User', userPrincipalName: '2d9f6b3e8a1c4e74b5d07c3a9e1f4b68ravi.santangelo@contoso.example' }),
        ],
        additionalDetails: [],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(timesOf(loaded)).toEqual([ms('2025-03-15T07:45:01.005Z'), ms('2025-03-15T07:30:12.441Z')]);
  });

  it('log-analytics-api.json is reported as the query-API format only (its rows are not a second export shape)', async () => {
    const loaded = await load('log-analytics-api.json');
    expect(loaded.reports[0].formats).toEqual(['log-analytics-api']);
  });

  it('log-analytics-export.csv: TimeGenerated [UTC] header, BOM, US dates, dynamic columns as JSON text', async () => {
    const loaded = await load('log-analytics-export.csv');
    expectReport(loaded, ['log-analytics-csv'], 3);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_be2a4c6e-8f0b-4d3e-9a5c-7b9d1f3a5c7e_M5N6B_508899120',
        category: 'ApplicationManagement',
        correlationId: 'be2a4c6e-8f0b-4d3e-9a5c-7b9d1f3a5c7e',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update service principal',
        // "3/15/2025, 12:00:01.004 AM"
        activityDateTime: '2025-03-15T00:00:01.004Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: PAYROLL_SP,
            displayName: 'Contoso Payroll Connector',
            type: 'ServicePrincipal',
            modifiedProperties: [prop('AccountEnabled', '[false]', '[true]')],
          }),
        ],
        additionalDetails: [{ key: 'AppId', value: '2b8e5d1c-9a4f-4e7b-b3c6-8f1a0d5e7c92' }],
        userAgent: null,
      },
      {
        id: 'IPCGraph_ad1f3b5c-7e9a-4c2d-8f4b-6a8c0e2d4f6b_R2D2C_99031877',
        category: 'Policy',
        correlationId: 'ad1f3b5c-7e9a-4c2d-8f4b-6a8c0e2d4f6b',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update conditional access policy',
        // "3/14/2025, 12:05:09.870 PM"
        activityDateTime: '2025-03-14T12:05:09.870Z',
        loggedByService: 'Conditional Access',
        operationType: 'Update',
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, ipAddress: '192.0.2.18' }),
        targetResources: [
          target({
            id: 'b3d5f7a9-1c3e-4a5b-9d7f-1b3d5f7a9c1e',
            displayName: 'Require MFA for admins',
            type: 'Policy',
            modifiedProperties: [
              prop(
                'ConditionalAccessPolicy',
                '{"id":"b3d5f7a9-1c3e-4a5b-9d7f-1b3d5f7a9c1e","displayName":"Require MFA for admins","state":"enabled"}',
                '{"id":"b3d5f7a9-1c3e-4a5b-9d7f-1b3d5f7a9c1e","displayName":"Require MFA for admins","state":"enabledForReportingButNotEnforced"}',
              ),
            ],
          }),
        ],
        additionalDetails: [],
        userAgent: null,
      },
      {
        id: 'Directory_4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13_T6W2R_508812347',
        category: 'RoleManagement',
        correlationId: '4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to role',
        // "3/14/2025, 9:41:27.553 AM" (ActivityDateTime [UTC]; TimeGenerated [UTC] is 9:41:31.123)
        activityDateTime: '2025-03-14T09:41:27.553Z',
        loggedByService: 'Core Directory',
        operationType: 'Assign',
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45' }),
        targetResources: [
          target({
            id: TOMAS.id,
            type: 'User',
            userPrincipalName: TOMAS.upn,
            modifiedProperties: [prop('Role.DisplayName', null, '"User Administrator"')],
          }),
          target({ id: USER_ADMIN_ROLE, displayName: 'User Administrator', type: 'Role' }),
        ],
        additionalDetails: [{ key: 'User-Agent', value: CHROME }],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory', 'directory']);
    expect(timesOf(loaded)).toEqual([ms('2025-03-15T00:00:01.004Z'), ms('2025-03-14T12:05:09.870Z'), ms('2025-03-14T09:41:27.553Z')]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([4, 3, 2]);
  });
});

describe('Microsoft 365 unified audit log', () => {
  it('ual-auditdata.json: AuditData objects mapped per section 7.4; the Exchange record is a problem', async () => {
    const loaded = await load('ual-auditdata.json');
    expectReport(loaded, ['unified-audit-log'], 2, 1);
    expect(loaded.problems).toEqual([
      { source: loaded.path, line: 91, reason: 'unified audit log record of workload Exchange, not an Entra audit event' },
    ]);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b',
        category: 'UserManagement',
        correlationId: '9c1e3a5b-7d9f-4b1c-8e3a-5c7e9a1b3d5f',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update user',
        activityDateTime: '2025-03-14T10:15:02Z',
        loggedByService: 'Core Directory',
        operationType: '',
        // Actor list names a service principal: Type 1 = display name, Type 4 = appId, ServicePrincipal_<guid> = object id.
        initiatedBy: byApp({ ...HR_SYNC, displayName: 'Contoso HR Sync' }),
        targetResources: [
          target({
            id: RAVI.id,
            type: 'User',
            userPrincipalName: RAVI.upn,
            modifiedProperties: [
              prop('Department', '[\r\n  "Finance"\r\n]', '[\r\n  "Treasury"\r\n]'),
              prop('Included Updated Properties', '', 'Department'),
            ],
          }),
        ],
        additionalDetails: [{ key: 'extendedAuditEventCategory', value: 'User' }],
        userAgent: null,
      },
      {
        id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        category: 'RoleManagement',
        correlationId: '4e8a1c2f-7b3d-4a9e-8f61-2c5d7e9b0a13',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add member to role',
        activityDateTime: '2025-03-14T09:41:28Z',
        loggedByService: 'Core Directory',
        operationType: '',
        initiatedBy: byUser({ id: INES.id, userPrincipalName: INES.upn, ipAddress: '203.0.113.45', homeTenantId: TENANT }),
        targetResources: [
          target({
            id: TOMAS.id,
            type: 'User',
            userPrincipalName: TOMAS.upn,
            modifiedProperties: [
              prop('Role.ObjectID', '', USER_ADMIN_ROLE),
              prop('Role.DisplayName', '', 'User Administrator'),
              prop('Role.TemplateId', '', USER_ADMIN_TEMPLATE),
              prop('Role.WellKnownObjectName', '', 'UserAccountAdmins'),
            ],
          }),
        ],
        additionalDetails: [
          { key: 'User-Agent', value: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' },
          { key: 'RoleDefinitionOriginType', value: 'BuiltInRole' },
          { key: 'extendedAuditEventCategory', value: 'User' },
        ],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(timesOf(loaded)).toEqual([ms('2025-03-14T10:15:02Z'), ms('2025-03-14T09:41:28Z')]);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([48, 2]);
  });

  it('ual-purview.csv: Purview export, AuditData column parsed, CreationTime as UTC', async () => {
    const loaded = await load('ual-purview.csv');
    expectReport(loaded, ['unified-audit-log-csv'], 2);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
        category: 'UserManagement',
        correlationId: 'f5c7e9a1-3d5f-4b7c-9e1a-3c5e7a9b1d3f',
        result: 'failure',
        resultReason: '',
        activityDisplayName: 'Reset user password',
        activityDateTime: '2025-03-14T08:07:01Z',
        loggedByService: 'Core Directory',
        operationType: '',
        // No ActorIpAddress and ClientIP "": no address.
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, homeTenantId: TENANT }),
        targetResources: [target({ id: NOOR.id, type: 'User', userPrincipalName: NOOR.upn })],
        additionalDetails: [{ key: 'extendedAuditEventCategory', value: 'User' }],
        userAgent: null,
      },
      {
        id: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
        category: 'UserManagement',
        correlationId: 'e3a5c7e9-1b3d-4f5a-8c7e-9a1b3c5d7e9f',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add user',
        activityDateTime: '2025-03-14T08:05:33Z',
        loggedByService: 'Core Directory',
        operationType: '',
        initiatedBy: byUser({ id: HELGA.id, userPrincipalName: HELGA.upn, homeTenantId: TENANT }),
        targetResources: [
          target({
            id: NOOR.id,
            type: 'User',
            userPrincipalName: NOOR.upn,
            modifiedProperties: [
              prop('AccountEnabled', '[]', '[\r\n  true\r\n]'),
              prop('DisplayName', '[]', '[\r\n  "Noor Halvorsen"\r\n]'),
              prop('Included Updated Properties', '', 'AccountEnabled, DisplayName, UserPrincipalName'),
            ],
          }),
        ],
        additionalDetails: [
          { key: 'UserType', value: 'Member' },
          { key: 'extendedAuditEventCategory', value: 'User' },
        ],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory', 'directory']);
    expect(originsOf(loaded).map((o) => o.line)).toEqual([3, 2]);
  });
});

describe('UTF-16BE with BOM (utf16be.json)', () => {
  it('decodes the text, non-ASCII characters included', async () => {
    const loaded = await load('utf16be.json');
    expectReport(loaded, ['graph-json'], 1);
    expect(eventsOf(loaded)).toStrictEqual<AuditEvent[]>([
      {
        id: 'Directory_8d0f2b4d-6f8b-4d0f-9b4d-6f8b0d2f4b6d_E3R4T_612777001',
        category: 'UserManagement',
        correlationId: '8d0f2b4d-6f8b-4d0f-9b4d-6f8b0d2f4b6d',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Update user',
        activityDateTime: '2025-03-16T18:22:07.3125Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        initiatedBy: byUser({ id: HELGA.id, displayName: 'Helga Marchetti', userPrincipalName: HELGA.upn, ipAddress: '2001:db8::17' }),
        targetResources: [
          target({
            id: NOOR.id,
            displayName: 'Noor Halvorsen',
            type: 'User',
            userPrincipalName: NOOR.upn,
            modifiedProperties: [prop('JobTitle', '["Analyst"]', '["Señor Analyst – Zürich"]')],
          }),
        ],
        additionalDetails: [{ key: 'UserType', value: 'Member' }],
        userAgent: null,
      },
    ]);
    expect(panesOf(loaded)).toEqual(['directory']);
    expect(originsOf(loaded)).toEqual([{ source: loaded.path, line: 2 }]);
  });
});

describe('every fixture at once', () => {
  it('loads all 18 fixtures with no problem other than the deliberate Exchange record', async () => {
    const names = [
      'graph-page.json',
      'graph-csa-page.json',
      'portal-download.json',
      'concatenated-arrays.json',
      'graph-lines.jsonl',
      'portal-download.csv',
      'portal-download-localised.csv',
      'powershell-5.json',
      'powershell-7.json',
      'eventhub-batch.json',
      join('storage', 'y=2025', 'm=03', 'd=14', 'h=09', 'm=00', 'PT1H.json'),
      'log-analytics-rows.json',
      'log-analytics-api.json',
      'log-analytics-export.csv',
      'ual-auditdata.json',
      'ual-purview.csv',
      'graph-lines.jsonl.gz',
      'utf16be.json',
    ];
    const loaded = await loadAll(names.map((name) => ({ kind: 'file' as const, path: join(FIXTURES, name) })));
    expect(loaded.reports.filter((r) => r.error !== undefined)).toEqual([]);
    expect(loaded.problems.map((p) => p.reason)).toEqual(['unified audit log record of workload Exchange, not an Entra audit event']);
    expect(loaded.events).toHaveLength(2 + 1 + 2 + 3 + 3 + 2 + 2 + 2 + 2 + 2 + 2 + 3 + 2 + 3 + 2 + 2 + 3 + 1);
    // Newest first across inputs, and every time is ISO UTC with Z.
    const times = loaded.events.map((e) => e.timeMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const { event } of loaded.events) expect(event.activityDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/);
  });
});

describe('Search-UnifiedAuditLog | Export-Csv from Windows PowerShell 5.1', () => {
  it('skips the leading #TYPE line and reads the AuditData column', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'entra-audit-type-'));
    const path = join(dir, 'ual-export.csv');
    const auditData = JSON.stringify({
      CreationTime: '2025-03-12T07:31:34',
      Id: 'e7c1d2a4-0000-4000-8000-00000000abcd',
      Operation: 'Add user.',
      RecordType: 8,
      ResultStatus: 'Success',
      Workload: 'AzureActiveDirectory',
      UserId: 'ann.admin@contoso.example',
    });
    writeFileSync(
      path,
      '#TYPE Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.AuditRecord\r\n' +
        '"RecordType","CreationDate","UserIds","Operations","AuditData"\r\n' +
        `"AzureActiveDirectory","3/12/2025 7:31:34 AM","ann.admin@contoso.example","Add user.","${auditData.replace(/"/g, '""')}"\r\n`,
    );
    const { events, reports } = await loadAll([{ kind: 'file', path }]);
    expect(reports[0].error).toBeUndefined();
    expect(reports[0].formats).toEqual(['unified-audit-log-csv']);
    expect(events.map((e) => [e.event.activityDisplayName, e.event.activityDateTime, e.event.initiatedBy.user?.userPrincipalName])).toEqual([
      ['Add user', '2025-03-12T07:31:34Z', 'ann.admin@contoso.example'],
    ]);
  });
});
