/**
 * Directory roles. Day-to-day privilege arrives through PIM: MS-PIM is the initiator, and the
 * PIM service logs the activation next to Core Directory's role change. Direct assignments by a
 * person happen, but only for low-privilege roles — a direct Global Administrator assignment is
 * the incident's signature.
 */
import type { KeyValue } from '../../model/audit-event.js';
import { byApp, roleProps, roleTarget, userTarget, type EventSpec } from '../event-parts.js';
import { TICKS_PER_HOUR } from '../clock.js';
import { adminActor, anyMember, chain, single, type Operation, type OperationContext } from '../operation.js';
import { requireRole, usersWithRole, type DirectoryRole, type RoleName, type TenantUser } from '../tenant.js';

const ROLE_MGMT = 'RoleManagement';

const JUSTIFICATIONS = [
  'Change CHG-{n}: scheduled maintenance',
  'Ticket INC-{n}: user cannot sign in',
  'Monthly licence review',
  'Investigating alert {n}',
  'Onboarding batch for next week',
];

/** Someone who holds the role through PIM eligibility (in practice: the tenant's admins). */
function eligiblePair(ctx: OperationContext): { user: TenantUser; role: DirectoryRole } {
  const user = ctx.rng.pick(usersWithRole(ctx.tenant, 'Privileged Role Administrator', 'User Administrator', 'Application Administrator', 'Security Administrator', 'Helpdesk Administrator', 'Global Administrator'));
  const role = requireRole(ctx.tenant, ctx.rng.pick(user.roles));
  return { user, role };
}

function pimDetails(ctx: OperationContext, at: number, hours: number): KeyValue[] {
  return [
    { key: 'RequestId', value: ctx.rng.guid() },
    { key: 'ExpirationTime', value: ctx.clock.iso(at + hours * TICKS_PER_HOUR).slice(0, 19) + 'Z' },
    { key: 'Justification', value: ctx.rng.pick(JUSTIFICATIONS).replace('{n}', String(ctx.rng.int(1000, 9999))) },
  ];
}

const pimActivation: Operation = {
  activity: 'Add member to role completed (PIM activation)',
  weight: 2.2,
  build(ctx, at) {
    const { user, role } = eligiblePair(ctx);
    const pim = byApp(ctx.tenant.firstParty.pim);
    const details = pimDetails(ctx, at, ctx.rng.pick([1, 2, 4, 8]));
    return chain(ctx, at, [
      {
        activity: 'Add member to role completed (PIM activation)', category: ROLE_MGMT, service: 'PIM', operationType: 'Add',
        initiatedBy: pim, targets: [roleTarget(role), userTarget(user)], details,
      },
      {
        activity: 'Add member to role', category: ROLE_MGMT, service: 'Core Directory', operationType: 'Assign',
        initiatedBy: pim, targets: [userTarget(user, roleProps(role, 'new')), roleTarget(role)],
      },
    ]);
  },
};

const pimExpiry: Operation = {
  activity: 'Remove member from role (PIM activation expired)',
  weight: 1.8,
  build(ctx, at) {
    const { user, role } = eligiblePair(ctx);
    const pim = byApp(ctx.tenant.firstParty.pim);
    return chain(ctx, at, [
      {
        activity: 'Remove member from role (PIM activation expired)', category: ROLE_MGMT, service: 'PIM', operationType: 'Delete',
        initiatedBy: pim, targets: [roleTarget(role), userTarget(user)],
      },
      {
        activity: 'Remove member from role', category: ROLE_MGMT, service: 'Core Directory', operationType: 'Unassign',
        initiatedBy: pim, targets: [userTarget(user, roleProps(role, 'old')), roleTarget(role)],
      },
    ]);
  },
};

const ELIGIBLE_ROLES: readonly RoleName[] = ['Helpdesk Administrator', 'User Administrator', 'Application Administrator', 'Reports Reader', 'License Administrator', 'Security Administrator'];

const addEligibleMember: Operation = {
  activity: 'Add eligible member to role',
  weight: 0.4,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Privileged Role Administrator');
    const role = requireRole(ctx.tenant, ctx.rng.pick(ELIGIBLE_ROLES));
    const user = anyMember(ctx);
    const specs: EventSpec[] = [
      {
        activity: 'Add eligible member to role in PIM completed (permanent)', category: ROLE_MGMT, service: 'PIM', operationType: 'Add',
        initiatedBy: actor.initiatedBy, targets: [roleTarget(role), userTarget(user)], details: actor.details,
      },
      {
        activity: 'Add eligible member to role', category: ROLE_MGMT, service: 'Core Directory', operationType: 'Assign',
        initiatedBy: byApp(ctx.tenant.firstParty.pim), targets: [userTarget(user, roleProps(role, 'new')), roleTarget(role)],
      },
    ];
    return chain(ctx, at, specs);
  },
};

const DIRECT_ROLES: readonly RoleName[] = ['Reports Reader', 'License Administrator', 'Helpdesk Administrator'];

/** Direct (non-PIM) assignment of a low-privilege role, e.g. a temporary helper. */
const directRoleAssignment: Operation = {
  activity: 'Add member to role',
  weight: 0.3,
  failureReasons: ['Insufficient privileges to complete the operation.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'Privileged Role Administrator');
    const role = requireRole(ctx.tenant, ctx.rng.pick(DIRECT_ROLES));
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Add member to role', category: ROLE_MGMT, service: 'Core Directory', operationType: 'Assign',
      initiatedBy: actor.initiatedBy, details: actor.details, targets: [userTarget(user, roleProps(role, 'new')), roleTarget(role)],
    });
  },
};

const directRoleRemoval: Operation = {
  activity: 'Remove member from role',
  weight: 0.25,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Privileged Role Administrator');
    const role = requireRole(ctx.tenant, ctx.rng.pick(DIRECT_ROLES));
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Remove member from role', category: ROLE_MGMT, service: 'Core Directory', operationType: 'Unassign',
      initiatedBy: actor.initiatedBy, details: actor.details, targets: [userTarget(user, roleProps(role, 'old')), roleTarget(role)],
    });
  },
};

const updateRoleSetting: Operation = {
  activity: 'Update role setting in PIM',
  weight: 0.1,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Privileged Role Administrator');
    const role = requireRole(ctx.tenant, ctx.rng.pick(ELIGIBLE_ROLES));
    return single(ctx, at, {
      activity: 'Update role setting in PIM', category: ROLE_MGMT, service: 'PIM', operationType: 'Update',
      initiatedBy: actor.initiatedBy, details: actor.details, targets: [roleTarget(role)],
      resultReason: `Activation maximum duration changed to ${ctx.rng.pick([4, 8])} hours`,
    });
  },
};

export const ROLE_OPERATIONS: readonly Operation[] = [
  pimActivation, pimExpiry, addEligibleMember, directRoleAssignment, directRoleRemoval, updateRoleSetting,
];
