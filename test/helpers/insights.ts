import type { AuditEvent } from '../../src/model/audit-event.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from './events.js';
import { loaded } from './loaded.js';

/** Someone acting as an app (no user, no IP): MS-PIM, HR Sync Service… */
export const byApp = (displayName: string): AuditEvent['initiatedBy'] => ({
  user: null,
  app: { appId: `app-${displayName}`, displayName, servicePrincipalId: `sp-${displayName}`, servicePrincipalName: null },
});

/** A person with an IP address. */
export const byUser = (userPrincipalName: string, ipAddress = '203.0.113.10'): AuditEvent['initiatedBy'] => ({
  user: { id: `id-${userPrincipalName}`, displayName: null, userPrincipalName, ipAddress, userType: null, homeTenantId: null, homeTenantName: null },
  app: null,
});

/** One target of `type` with modified properties named `props`. */
export const target = (displayName: string, type = 'User', props: Array<[string, string]> = []): AuditEvent['targetResources'][number] => ({
  id: `t-${displayName}`,
  displayName,
  type,
  userPrincipalName: null,
  groupType: null,
  modifiedProperties: props.map(([name, newValue]) => ({ displayName: name, oldValue: null, newValue })),
});

/** A store from handmade events: `[activity, overrides]`, a minute apart from 2026-11-20 10:00 UTC. */
export function storeOf(...specs: Array<[string, Partial<AuditEvent>?]>) {
  const start = Date.parse('2026-11-20T10:00:00Z');
  return storeFromEvents(
    loaded(
      ...specs.map(([activity, overrides], i) =>
        graphEvent({ id: `e${i}`, activityDisplayName: activity, activityDateTime: new Date(start + i * 60_000).toISOString(), ...overrides }),
      ),
    ),
  );
}
