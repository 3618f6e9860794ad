import type { AuditEvent } from '../../src/model/audit-event.js';

/** A complete Graph directoryAudit with invented values; override what a test is about. */
export function graphEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'Directory_11111111-2222-4333-8444-555555555555_ABCDE_1',
    category: 'UserManagement',
    correlationId: '11111111-2222-4333-8444-555555555555',
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Update user',
    activityDateTime: '2026-11-20T10:00:00.1234567Z',
    loggedByService: 'Core Directory',
    operationType: 'Update',
    initiatedBy: {
      user: {
        id: 'aaaaaaaa-0000-4000-8000-000000000001',
        displayName: null,
        userPrincipalName: 'ada.admin@contoso.example',
        ipAddress: '203.0.113.10',
        userType: null,
        homeTenantId: null,
        homeTenantName: null,
      },
      app: null,
    },
    targetResources: [
      {
        id: 'bbbbbbbb-0000-4000-8000-000000000002',
        displayName: null,
        type: 'User',
        userPrincipalName: 'bo.user@contoso.example',
        groupType: null,
        modifiedProperties: [{ displayName: 'Department', oldValue: '["Sales"]', newValue: '["Finance"]' }],
      },
    ],
    additionalDetails: [{ key: 'User-Agent', value: 'Mozilla/5.0' }],
    userAgent: null,
    ...overrides,
  };
}
