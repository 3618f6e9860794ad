/** Group membership, ownership, lifecycle and group-based licensing. */
import {
  byApp,
  groupProps,
  groupTarget,
  includedUpdatedProperties,
  listProp,
  rawProp,
  userTarget,
  type EventSpec,
  type TimedEvent,
} from '../event-parts.js';
import { adminActor, anyMember, chain, memberActor, single, type Actor, type Operation, type OperationContext } from '../operation.js';
import type { TenantGroup } from '../tenant.js';
import { licenceText } from './users.js';

const GROUP_MGMT = 'GroupManagement';
const CORE = 'Core Directory';

/** Ordinary groups change hands through admins, owners and the ticketing integration. */
function groupChanger(ctx: OperationContext): Actor | null {
  const roll = ctx.rng.next();
  if (roll < 0.45) return adminActor(ctx, 'Groups Administrator', 'User Administrator');
  if (roll < 0.8) return memberActor(ctx);
  return null; // the Ticketing Bridge app
}

function initiatorFor(ctx: OperationContext, actor: Actor | null): Pick<EventSpec, 'initiatedBy' | 'details'> {
  if (actor) return { initiatedBy: actor.initiatedBy, details: actor.details };
  const bridge = ctx.tenant.apps.find((app) => app.displayName === 'Ticketing Bridge') ?? ctx.tenant.apps[0];
  return { initiatedBy: byApp(bridge), details: [] };
}

function ordinaryGroup(ctx: OperationContext): TenantGroup {
  const recent = ctx.rng.chance(0.2) ? ctx.recent.groups.pick(ctx.rng) : null;
  return recent ?? ctx.rng.pick(ctx.tenant.groups.filter((group) => !group.isAssignableToRole && group.licenceSku === null));
}

function membership(activity: string, operationType: string, side: 'new' | 'old'): (ctx: OperationContext, at: number) => TimedEvent[] {
  return (ctx, at) => {
    const group = ordinaryGroup(ctx);
    const user = ctx.rng.chance(0.15) ? (ctx.recent.users.pick(ctx.rng) ?? anyMember(ctx)) : anyMember(ctx);
    return single(ctx, at, {
      activity, category: GROUP_MGMT, service: CORE, operationType, ...initiatorFor(ctx, groupChanger(ctx)),
      targets: [userTarget(user, groupProps(group, side)), groupTarget(group)],
    });
  };
}

const addMember: Operation = {
  activity: 'Add member to group',
  weight: 8,
  failureReasons: ['One or more added object references already exist for the following modified properties: \'members\'.'],
  build: membership('Add member to group', 'Assign', 'new'),
};

const removeMember: Operation = {
  activity: 'Remove member from group',
  weight: 3,
  build: membership('Remove member from group', 'Unassign', 'old'),
};

const addOwner: Operation = {
  activity: 'Add owner to group',
  weight: 1,
  build: membership('Add owner to group', 'Assign', 'new'),
};

const removeOwner: Operation = {
  activity: 'Remove owner from group',
  weight: 0.6,
  failureReasons: ['The group must have at least one owner.'],
  build: membership('Remove owner from group', 'Unassign', 'old'),
};

/** A new group with its creator as owner and a few first members. */
const createGroup: Operation = {
  activity: 'Add group',
  weight: 1,
  failureReasons: ['Another object with the same value for property mailNickname already exists.'],
  build(ctx, at) {
    const actor = ctx.rng.chance(0.5) ? adminActor(ctx, 'Groups Administrator') : memberActor(ctx);
    const group = ctx.recent.newGroup();
    const unified = group.groupType === 'unifiedGroups';
    const specs: EventSpec[] = [
      {
        activity: 'Add group', category: GROUP_MGMT, service: CORE, operationType: 'Add', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [groupTarget(group, [
          listProp('DisplayName', undefined, group.displayName),
          listProp('MailNickname', undefined, group.mailNickname),
          listProp('MailEnabled', undefined, unified),
          listProp('SecurityEnabled', undefined, !unified),
          rawProp('GroupTypes', null, JSON.stringify(unified ? ['Unified'] : [])),
          includedUpdatedProperties(['DisplayName', 'MailNickname', 'MailEnabled', 'SecurityEnabled', 'GroupTypes']),
        ])],
      },
      {
        activity: 'Add owner to group', category: GROUP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [userTarget(actor.user, groupProps(group, 'new')), groupTarget(group)],
      },
    ];
    for (const member of ctx.rng.sample(ctx.tenant.users.slice(10), ctx.rng.int(0, 3))) {
      specs.push({
        activity: 'Add member to group', category: GROUP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [userTarget(member, groupProps(group, 'new')), groupTarget(group)],
      });
    }
    return chain(ctx, at, specs);
  },
};

const updateGroup: Operation = {
  activity: 'Update group',
  weight: 1.4,
  build(ctx, at) {
    const group = ordinaryGroup(ctx);
    const change = ctx.rng.chance(0.7)
      ? listProp('Description', `${group.displayName} team`, `${group.displayName} – ${ctx.rng.pick(['updated charter', 'owners: see wiki', 'do not add guests', 'archived in 2027'])}`)
      : listProp('DisplayName', `${group.displayName} (old)`, group.displayName);
    return single(ctx, at, {
      activity: 'Update group', category: GROUP_MGMT, service: CORE, operationType: 'Update', ...initiatorFor(ctx, groupChanger(ctx)),
      targets: [groupTarget(group, [change, includedUpdatedProperties([change.displayName])])],
    });
  },
};

const deleteGroup: Operation = {
  activity: 'Delete group',
  weight: 0.3,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Groups Administrator', 'User Administrator');
    const group = ctx.recent.groups.pick(ctx.rng) ?? ctx.recent.newGroup();
    return single(ctx, at, {
      activity: 'Delete group', category: GROUP_MGMT, service: CORE, operationType: 'Delete', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [groupTarget(group)],
    });
  },
};

const setGroupLicence: Operation = {
  activity: 'Set group license',
  weight: 0.6,
  failureReasons: ['Not enough licenses available.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'License Administrator', 'User Administrator');
    const group = ctx.rng.pick(ctx.tenant.groups.filter((candidate) => candidate.licenceSku !== null));
    const sku = ctx.tenant.licences.find((licence) => licence.skuPartNumber === group.licenceSku) ?? ctx.tenant.licences[0];
    const text = JSON.stringify([licenceText(ctx.tenant.tenantId, sku)]);
    return single(ctx, at, {
      activity: 'Set group license', category: GROUP_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [groupTarget(group, [rawProp('AssignedLicense', ctx.rng.chance(0.3) ? '[]' : text, text), includedUpdatedProperties(['AssignedLicense'])])],
    });
  },
};

export const GROUP_OPERATIONS: readonly Operation[] = [
  addMember, removeMember, addOwner, removeOwner, createGroup, updateGroup, deleteGroup, setGroupLicence,
];
