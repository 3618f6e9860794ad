/**
 * The building blocks every sample event is assembled from: initiators, targets, modified
 * properties and the event envelope with its id. Kept in one place so that every activity fills
 * every AuditEvent field the same way (null rather than absent, JSON text in modified values).
 */
import type {
  AuditActivityInitiator,
  AuditEvent,
  KeyValue,
  ModifiedProperty,
  TargetResource,
} from '../model/audit-event.js';
import type { SampleClock } from './clock.js';
import type { SeededRandom } from './random.js';
import type { DirectoryRole, FirstPartyApp, TenantApp, TenantGroup, TenantUser } from './tenant.js';

/** An event and its place in time, so operations can be merged in chronological order. */
export interface TimedEvent {
  ticks: number;
  event: AuditEvent;
}

// ── Initiators ──────────────────────────────────────────────────────────────────────────────

/** Core Directory logs the UPN and address but usually not the display name of the actor. */
export function byUser(user: Pick<TenantUser, 'id' | 'userPrincipalName'>, ipAddress: string): AuditActivityInitiator {
  return {
    user: {
      id: user.id,
      displayName: null,
      userPrincipalName: user.userPrincipalName,
      ipAddress,
      userType: null,
      homeTenantId: null,
      homeTenantName: null,
    },
    app: null,
  };
}

export function byApp(app: FirstPartyApp | TenantApp): AuditActivityInitiator {
  return {
    user: null,
    app: {
      appId: app.appId,
      displayName: app.displayName,
      servicePrincipalId: app.servicePrincipalId,
      servicePrincipalName: null,
    },
  };
}

// ── Targets ─────────────────────────────────────────────────────────────────────────────────

function target(
  type: string,
  id: string,
  displayName: string | null,
  modifiedProperties: ModifiedProperty[],
  userPrincipalName: string | null = null,
  groupType: string | null = null,
): TargetResource {
  return { id, displayName, type, userPrincipalName, groupType, modifiedProperties };
}

export function userTarget(user: Pick<TenantUser, 'id' | 'displayName' | 'userPrincipalName'>, props: ModifiedProperty[] = []): TargetResource {
  return target('User', user.id, user.displayName, props, user.userPrincipalName);
}

export function groupTarget(group: TenantGroup, props: ModifiedProperty[] = []): TargetResource {
  return target('Group', group.id, group.displayName, props, null, group.groupType);
}

export function applicationTarget(app: Pick<TenantApp, 'objectId' | 'displayName'>, props: ModifiedProperty[] = []): TargetResource {
  return target('Application', app.objectId, app.displayName, props);
}

export function servicePrincipalTarget(app: Pick<TenantApp, 'servicePrincipalId' | 'displayName'>, props: ModifiedProperty[] = []): TargetResource {
  return target('ServicePrincipal', app.servicePrincipalId, app.displayName, props);
}

export function roleTarget(role: DirectoryRole, props: ModifiedProperty[] = []): TargetResource {
  return target('Role', role.objectId, role.displayName, props);
}

export function policyTarget(id: string, displayName: string, props: ModifiedProperty[] = []): TargetResource {
  return target('Policy', id, displayName, props);
}

export function deviceTarget(id: string, displayName: string, props: ModifiedProperty[] = []): TargetResource {
  return target('Device', id, displayName, props);
}

/** Custom security attribute sets and definitions are logged as targets of type Other. */
export function otherTarget(id: string, displayName: string, props: ModifiedProperty[] = []): TargetResource {
  return target('Other', id, displayName, props);
}

// ── Modified properties (values are JSON *text*, as Graph sends them) ───────────────────────

/** Values already in their logged text form. */
export function rawProp(displayName: string, oldValue: string | null, newValue: string | null): ModifiedProperty {
  return { displayName, oldValue, newValue };
}

/** Each side serialised as JSON text; `undefined` means the side is absent (null). */
export function jsonProp(displayName: string, oldValue: unknown, newValue: unknown): ModifiedProperty {
  return {
    displayName,
    oldValue: oldValue === undefined ? null : JSON.stringify(oldValue),
    newValue: newValue === undefined ? null : JSON.stringify(newValue),
  };
}

/** Most user/group/app properties are logged as one-element arrays: `["Sales"]`. */
export function listProp(displayName: string, oldValue: unknown, newValue: unknown): ModifiedProperty {
  const wrap = (value: unknown) => (value === undefined ? null : JSON.stringify(value === null ? [] : [value]));
  return { displayName, oldValue: wrap(oldValue), newValue: wrap(newValue) };
}

/** The pseudo-property naming what changed: newValue `"\"A, B\""`, oldValue null. */
export function includedUpdatedProperties(names: readonly string[]): ModifiedProperty {
  return { displayName: 'Included Updated Properties', oldValue: null, newValue: JSON.stringify(names.join(', ')) };
}

/** The four Role.* properties Core Directory attaches to role membership changes. */
export function roleProps(role: DirectoryRole, side: 'new' | 'old'): ModifiedProperty[] {
  const pair = (name: string, value: string) => (side === 'new' ? jsonProp(name, undefined, value) : jsonProp(name, value, undefined));
  return [
    pair('Role.ObjectID', role.objectId),
    pair('Role.DisplayName', role.displayName),
    pair('Role.TemplateId', role.templateId),
    pair('Role.WellKnownObjectName', role.wellKnownObjectName),
  ];
}

export function groupProps(group: TenantGroup, side: 'new' | 'old'): ModifiedProperty[] {
  const pair = (name: string, value: string) => (side === 'new' ? jsonProp(name, undefined, value) : jsonProp(name, value, undefined));
  return [pair('Group.ObjectID', group.id), pair('Group.DisplayName', group.displayName)];
}

export function userAgentDetail(userAgent: string): KeyValue {
  return { key: 'User-Agent', value: userAgent };
}

// ── Events ──────────────────────────────────────────────────────────────────────────────────

export interface EventSpec {
  activity: string;
  category: string;
  service: string;
  operationType: string;
  initiatedBy: AuditActivityInitiator;
  targets: TargetResource[];
  details?: KeyValue[];
  result?: 'success' | 'failure' | 'timeout';
  resultReason?: string;
}

/**
 * Id prefixes follow what each service writes (section 1.6 of the formats notes); services
 * without a captured example share Core Directory's `Directory_` shape.
 */
function idPrefix(service: string): string {
  switch (service) {
    case 'PIM':
      return 'PIM';
    case 'Self-service Group Management':
      return 'SSGM';
    case 'Conditional Access':
      return 'IPCGraph';
    default:
      return 'Directory';
  }
}

/** Mints events; owns the id counter so ids stay unique however operations interleave. */
export class EventFactory {
  private serial: number;

  constructor(
    private readonly rng: SeededRandom,
    private readonly clock: SampleClock,
    firstSerial: number,
  ) {
    this.serial = firstSerial;
  }

  event(spec: EventSpec, ticks: number, correlationId: string): TimedEvent {
    const at = this.clock.clamp(ticks);
    // Increasing serial numbers make every id unique even if two operations shared a
    // correlation id; the step varies so the numbers look like a busy service's.
    this.serial += this.rng.int(1, 97);
    const prefix = idPrefix(spec.service);
    const id =
      prefix === 'PIM'
        ? `PIM_${correlationId}_${this.rng.guid()}_1340${String(this.serial).padStart(14, '0')}`
        : prefix === 'IPCGraph'
          ? `IPCGraph_${correlationId}_${this.rng.code(5)}_${this.serial}`
          : `${prefix}_${correlationId}_${this.rng.code(5)}_${this.serial}`;
    return {
      ticks: at,
      event: {
        id,
        category: spec.category,
        correlationId,
        result: spec.result ?? 'success',
        resultReason: spec.resultReason ?? '',
        activityDisplayName: spec.activity,
        activityDateTime: this.clock.iso(at),
        loggedByService: spec.service,
        operationType: spec.operationType,
        initiatedBy: spec.initiatedBy,
        targetResources: spec.targets,
        additionalDetails: spec.details ?? [],
        // Beta's top-level userAgent is null in practice; the agent is in additionalDetails.
        userAgent: null,
      },
    };
  }
}
