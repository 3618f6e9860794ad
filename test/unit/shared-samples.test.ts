/**
 * Real-world samples written outside this project (Elastic's Azure audit-log pipeline test
 * inputs), read in place from ../shared/samples/ — never copied into the repository.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll, type LoadedSet } from '../../src/ingest/read-input.js';
import type { AuditEvent } from '../../src/model/audit-event.js';

const dir = fileURLToPath(new URL('../../../shared/samples/elastic-azure-auditlogs/', import.meta.url));

async function load(name: string): Promise<LoadedSet & { path: string }> {
  const path = join(dir, name);
  return { path, ...(await loadAll([{ kind: 'file', path }])) };
}

const MSI_APP = {
  user: null,
  app: {
    appId: null,
    displayName: 'Managed Service Identity',
    servicePrincipalId: 'b9814691-9ca1-4e55-a1ac-8ef5dd010ec0',
    servicePrincipalName: null,
  },
};
const SPN_VALUE = '"a70a7931-c387-4dce-9f35-fbf95bdcc91e;https://identity.azure.net/N8CUySpCeRFU3iB/PEuFlON4zd8+n8d3qgzrF1MviSY="';
const KEY = (id: string) => `[KeyIdentifier=${id},KeyType=AsymmetricX509Cert,KeyUsage=Verify,DisplayName=CN=a70a7931-c387-4dce-9f35-fbf95bdcc91e]`;
const SAMPLE_DETAILS = [
  { key: 'User-Agent', value: 'Microsoft Azure Graph Client Library 2.1.17-internal' },
  { key: 'AppId', value: 'a70a7931-c387-4dce-9f35-fbf95bdcc91e' },
];

describe.skipIf(!existsSync(dir))('shared samples: elastic-azure-auditlogs', () => {
  describe('test-audit-logs-sample.log', () => {
    it('gives 3 events and no problem, as Azure Monitor records', async () => {
      const loaded = await load('test-audit-logs-sample.log');
      expect(loaded.reports.map((r) => [r.formats, r.events, r.problems, r.error])).toEqual([[['azure-monitor'], 3, 0, undefined]]);
      expect(loaded.problems).toEqual([]);
      // Newest first; the two records sharing a timestamp keep file order.
      expect(loaded.events.map((e) => [e.origin.line, e.event.activityDateTime, e.event.activityDisplayName])).toEqual([
        [1, '2022-01-22T18:15:02.5168093Z', 'Add service principal credentials'],
        [2, '2022-01-22T18:15:02.5168093Z', 'Update service principal'],
        [3, '2022-01-22T18:15:02.3875429Z', 'Update service principal'],
      ]);
      expect(loaded.events.map((e) => e.pane)).toEqual(['directory', 'directory', 'directory']);
    });

    it('reads the first record field by field: app initiator, +00:00 → Z, KeyDescription values verbatim', async () => {
      const loaded = await load('test-audit-logs-sample.log');
      expect(loaded.events[0].event).toStrictEqual<AuditEvent>({
        id: 'Directory_53161141-e3f4-4944-85b6-7b953f17265e_6X649_134684731',
        category: 'ApplicationManagement',
        correlationId: '53161141-e3f4-4944-85b6-7b953f17265e',
        result: 'success',
        resultReason: '',
        activityDisplayName: 'Add service principal credentials',
        activityDateTime: '2022-01-22T18:15:02.5168093Z',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        // callerIpAddress (1.128.3.4) belongs to no user here: the initiator is an app.
        initiatedBy: MSI_APP,
        targetResources: [
          {
            id: 'a7d5dcbe-0627-4ddf-a2f4-86b6785bcc42',
            displayName: 'billing-test-wus',
            type: 'ServicePrincipal',
            userPrincipalName: null,
            groupType: null,
            modifiedProperties: [
              {
                displayName: 'KeyDescription',
                oldValue: JSON.stringify([KEY('7dffcdc5-f2d5-43ae-86f1-682561befd4b'), KEY('c9c0b961-a80a-4a71-9c3a-b67b33edf874')]),
                newValue: JSON.stringify([
                  KEY('c9c0b961-a80a-4a71-9c3a-b67b33edf874'),
                  KEY('7dffcdc5-f2d5-43ae-86f1-682561befd4b'),
                  KEY('d747da7e-e11b-4af2-aede-0487c44067af'),
                ]),
              },
              { displayName: 'Included Updated Properties', oldValue: null, newValue: '"KeyDescription"' },
              { displayName: 'TargetId.ServicePrincipalNames', oldValue: null, newValue: SPN_VALUE },
            ],
          },
        ],
        additionalDetails: SAMPLE_DETAILS,
        userAgent: null,
      });
      expect(loaded.events[0].timeMs).toBe(Date.parse('2022-01-22T18:15:02.516Z'));
    });

    it('gives every record the Managed Service Identity app initiator', async () => {
      const loaded = await load('test-audit-logs-sample.log');
      for (const { event } of loaded.events) {
        expect(event.initiatedBy).toStrictEqual(MSI_APP);
        expect(event.additionalDetails).toStrictEqual(SAMPLE_DETAILS);
      }
      expect(loaded.events.map((e) => e.event.id)).toEqual([
        'Directory_53161141-e3f4-4944-85b6-7b953f17265e_6X649_134684731',
        'Directory_53161141-e3f4-4944-85b6-7b953f17265e_6X649_134684743',
        'Directory_87979703-118b-498f-99c2-ccd1a56f1a5a_ULAYA_144938566',
      ]);
    });
  });

  describe('test-auditlogs-raw.log', () => {
    const device = (modifiedPropertyName: string) => ({
      id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      displayName: 'LAPTOP-12',
      type: 'Device',
      userPrincipalName: null,
      groupType: null,
      modifiedProperties: [{ displayName: modifiedPropertyName, oldValue: '', newValue: '""' }],
    });
    const base = {
      id: 'Directory_ESQ',
      category: 'Device',
      correlationId: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      result: 'success',
      resultReason: '',
      activityDisplayName: 'Update device',
      activityDateTime: '2019-10-18T15:30:51.0273716Z',
      loggedByService: 'Core Directory',
      operationType: 'Update',
      additionalDetails: [],
      userAgent: null,
    };
    const registrationUser = (displayName: string | null) => ({
      id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      displayName,
      userPrincipalName: 'UserName',
      ipAddress: '0.0.0.0',
      userType: null,
      homeTenantId: null,
      homeTenantName: null,
    });

    it('gives 3 events and no problem despite lower-case level, roles as a string, a null name, an empty property name', async () => {
      const loaded = await load('test-auditlogs-raw.log');
      expect(loaded.reports.map((r) => [r.formats, r.events, r.problems, r.error])).toEqual([[['azure-monitor'], 3, 0, undefined]]);
      expect(loaded.problems).toEqual([]);
      expect(loaded.events.map((e) => e.origin.line)).toEqual([1, 2, 3]);
      expect(loaded.events.map((e) => e.pane)).toEqual(['directory', 'directory', 'directory']);
      expect(loaded.events.map((e) => e.event)).toStrictEqual<AuditEvent[]>([
        {
          ...base,
          initiatedBy: {
            user: null,
            app: {
              appId: 'id',
              displayName: 'Device Registration Service',
              servicePrincipalId: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
              servicePrincipalName: 'Core',
            },
          },
          targetResources: [device('Included Updated Properties')],
        },
        {
          ...base,
          // "roles": "admin" (a string) is not part of the model and does not disturb the user.
          initiatedBy: { user: registrationUser('User Registration Service'), app: null },
          targetResources: [device('Included Updated Properties')],
        },
        {
          ...base,
          initiatedBy: { user: registrationUser(null), app: null },
          // The empty modified-property name is kept as "".
          targetResources: [device('')],
        },
      ]);
    });
  });

  describe('test-time-formats-corner-cases.log', () => {
    it('reports each of the 11 time-and-category-only records as a problem, with a reason, and loads none', async () => {
      const loaded = await load('test-time-formats-corner-cases.log');
      const report = loaded.reports[0];
      expect(report.error).toBeUndefined();
      expect(report.formats).toEqual(['azure-monitor']);
      expect(report.events).toBe(0);
      expect(report.problems).toBe(11);
      expect(loaded.events).toEqual([]);
      expect(loaded.problems).toEqual(
        Array.from({ length: 11 }, (_, i) => ({
          source: loaded.path,
          line: i + 1,
          reason: 'diagnostic record without an audit event under "properties"',
        })),
      );
    });
  });
});
