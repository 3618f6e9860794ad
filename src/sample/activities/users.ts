/**
 * User lifecycle: joiners, movers, leavers, passwords, licences and security info, as Core
 * Directory, Self-service Password Management, Authentication Methods and Invited Users log them.
 */
import type { ModifiedProperty } from '../../model/audit-event.js';
import {
  byApp,
  byUser,
  groupProps,
  groupTarget,
  includedUpdatedProperties,
  jsonProp,
  listProp,
  rawProp,
  userAgentDetail,
  userTarget,
  type EventSpec,
} from '../event-parts.js';
import { actorFor, addressOf, adminActor, anyMember, chain, memberActor, single, type Operation, type OperationContext } from '../operation.js';
import type { LicenceSku, TenantUser } from '../tenant.js';

const USER_MGMT = 'UserManagement';
const CORE = 'Core Directory';
const SSPR = 'Self-service Password Management';
const AUTH_METHODS = 'Authentication Methods';

/** "[SkuName=…, AccountId=…, SkuId=…, DisabledPlans=[]]", the way licence values are logged. */
export function licenceText(tenantId: string, sku: LicenceSku): string {
  return `[SkuName=${sku.skuPartNumber}, AccountId=${tenantId}, SkuId=${sku.skuId}, DisabledPlans=[]]`;
}

function licenceChange(ctx: OperationContext, before: LicenceSku[], after: LicenceSku[]): ModifiedProperty[] {
  const text = (skus: LicenceSku[]) => JSON.stringify(skus.map((sku) => licenceText(ctx.tenant.tenantId, sku)));
  return [rawProp('AssignedLicense', text(before), text(after)), includedUpdatedProperties(['AssignedLicense', 'AssignedPlan'])];
}

const PROFILE_CHANGES: ReadonlyArray<(ctx: OperationContext, user: TenantUser) => ModifiedProperty> = [
  (ctx, user) => listProp('JobTitle', user.jobTitle, ctx.rng.pick([`Senior ${user.jobTitle}`, `Lead ${user.jobTitle}`, user.jobTitle.replace('Senior ', '')])),
  (ctx, user) => listProp('Department', user.department, ctx.rng.pick(['Engineering', 'Finance', 'Sales', 'Operations', 'Support'])),
  (ctx) => listProp('Mobile', `+1 555 01${ctx.rng.int(10, 99)}`, `+1 555 01${ctx.rng.int(10, 99)}`),
  (ctx) => listProp('TelephoneNumber', null, `+44 20 7946 0${ctx.rng.int(100, 999)}`),
  (ctx, user) => listProp('PhysicalDeliveryOfficeName', user.officeLocation, ctx.rng.pick(['London', 'New York', 'Tokyo', 'Athens', 'Remote'])),
  (ctx) => listProp('UsageLocation', 'GB', ctx.rng.pick(['US', 'JP', 'GR', 'DE'])),
  (_ctx, user) => listProp('DisplayName', user.displayName.toUpperCase(), user.displayName),
];

function profileUpdate(ctx: OperationContext, user: TenantUser): ModifiedProperty[] {
  const changes = ctx.rng.sample(PROFILE_CHANGES, ctx.rng.int(1, 2)).map((change) => change(ctx, user));
  return [...changes, includedUpdatedProperties(changes.map((change) => change.displayName))];
}

const updateUserByAdmin: Operation = {
  activity: 'Update user',
  weight: 9,
  failureReasons: ['Insufficient privileges to complete the operation.', 'Request_BadRequest'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'User Administrator', 'Helpdesk Administrator');
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Update user', category: USER_MGMT, service: CORE, operationType: 'Update',
      initiatedBy: actor.initiatedBy, targets: [userTarget(user, profileUpdate(ctx, user))], details: actor.details,
    });
  },
};

/** The HR system pushes profile changes through its own app identity. */
const updateUserByHrSync: Operation = {
  activity: 'Update user',
  weight: 4,
  build(ctx, at) {
    const app = ctx.tenant.apps.find((candidate) => candidate.displayName === 'HR Sync Service') ?? ctx.tenant.apps[0];
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Update user', category: USER_MGMT, service: CORE, operationType: 'Update',
      initiatedBy: byApp(app), targets: [userTarget(user, profileUpdate(ctx, user))],
    });
  },
};

/** Joiner: the account, its licence and its first group, logged as one correlated operation. */
const onboardUser: Operation = {
  activity: 'Add user',
  weight: 1.2,
  failureReasons: ['Another object with the same value for property userPrincipalName already exists.', 'Microsoft.Online.Workflows.ObjectAlreadyExistsException'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'User Administrator');
    const hire = ctx.recent.newHire(anyMember(ctx));
    const licence = ctx.rng.pick(ctx.tenant.licences.slice(0, 3));
    const groups = ctx.rng.sample(ctx.tenant.groups.filter((group) => !group.isAssignableToRole && group.licenceSku === null), ctx.rng.int(1, 2));
    const specs: EventSpec[] = [
      {
        activity: 'Add user', category: USER_MGMT, service: CORE, operationType: 'Add', initiatedBy: actor.initiatedBy,
        targets: [userTarget(hire, [
          listProp('AccountEnabled', undefined, true),
          listProp('DisplayName', undefined, hire.displayName),
          listProp('MailNickname', undefined, hire.userPrincipalName.split('@')[0]),
          listProp('UserPrincipalName', undefined, hire.userPrincipalName),
          listProp('UserType', undefined, 'Member'),
          includedUpdatedProperties(['AccountEnabled', 'DisplayName', 'MailNickname', 'UserPrincipalName', 'UserType']),
        ])],
        details: [...actor.details, { key: 'UserType', value: 'Member' }],
      },
      {
        activity: 'Change user license', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
        targets: [userTarget(hire, licenceChange(ctx, [], [licence]))], details: actor.details,
      },
      ...groups.map((group): EventSpec => ({
        activity: 'Add member to group', category: 'GroupManagement', service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy,
        targets: [userTarget(hire, groupProps(group, 'new')), groupTarget(group)], details: actor.details,
      })),
    ];
    return chain(ctx, at, specs);
  },
};

const deleteUser: Operation = {
  activity: 'Delete user',
  weight: 0.9,
  failureReasons: ['Insufficient privileges to complete the operation.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'User Administrator');
    const leaver = ctx.recent.users.pick(ctx.rng) ?? ctx.recent.newHire(anyMember(ctx));
    // A deleted user's UPN is logged with its object id (no dashes) in front.
    const deletedUpn = `${leaver.id.replace(/-/g, '')}${leaver.userPrincipalName}`;
    return single(ctx, at, {
      activity: 'Delete user', category: USER_MGMT, service: CORE, operationType: 'Delete', initiatedBy: actor.initiatedBy,
      targets: [userTarget({ ...leaver, userPrincipalName: deletedUpn }, [listProp('AccountEnabled', true, false), includedUpdatedProperties(['AccountEnabled'])])],
      details: actor.details,
    });
  },
};

const disableAccount: Operation = {
  activity: 'Disable account',
  weight: 0.6,
  build(ctx, at) {
    const actor = adminActor(ctx, 'User Administrator', 'Helpdesk Administrator');
    const user = ctx.recent.users.pick(ctx.rng) ?? anyMember(ctx);
    return single(ctx, at, {
      activity: 'Disable account', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user, [listProp('AccountEnabled', true, false), includedUpdatedProperties(['AccountEnabled'])])], details: actor.details,
    });
  },
};

const resetPasswordByAdmin: Operation = {
  activity: 'Reset password (by admin)',
  weight: 3,
  failureReasons: ['The password does not comply with the password complexity requirements.', 'Insufficient privileges to complete the operation.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'Helpdesk Administrator', 'User Administrator');
    const user = anyMember(ctx);
    const specs: EventSpec[] = [{
      activity: 'Reset password (by admin)', category: USER_MGMT, service: SSPR, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user)], details: actor.details,
    }];
    if (ctx.rng.chance(0.6)) {
      specs.push({
        activity: 'Set force change user password', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
        targets: [userTarget(user, [listProp('ForceChangePasswordNextLogin', false, true), includedUpdatedProperties(['ForceChangePasswordNextLogin'])])],
        details: actor.details,
      });
    }
    return chain(ctx, at, specs);
  },
};

const changeOwnPassword: Operation = {
  activity: 'Change user password',
  weight: 3,
  failureReasons: ['Invalid password entered.', 'The password does not comply with the password complexity requirements.'],
  build(ctx, at) {
    const user = anyMember(ctx);
    const actor = actorFor(ctx, user);
    return single(ctx, at, {
      activity: 'Change user password', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user)], details: actor.details,
    });
  },
};

const SSPR_STEPS = [
  'User started the mobile app notification verification option',
  'User completed the mobile app notification verification option',
  'User started the email verification option',
  'User completed the email verification option',
  'User submitted a new password',
];

/** SSPR logs each step of the reset flow, then the reset itself, under one correlation id. */
const selfServiceReset: Operation = {
  activity: 'Reset password (self-service)',
  weight: 1.2,
  failureReasons: ["User's account is locked", 'User did not complete the verification process'],
  build(ctx, at) {
    const user = anyMember(ctx);
    const actor = actorFor(ctx, user);
    const step = (reason: string): EventSpec => ({
      activity: 'Self-service password reset flow activity progress', category: USER_MGMT, service: SSPR, operationType: 'Update',
      initiatedBy: actor.initiatedBy, targets: [userTarget(user)], details: actor.details, resultReason: reason,
    });
    const email = ctx.rng.chance(0.4);
    return chain(ctx, at, [
      {
        activity: 'Reset password (self-service)', category: USER_MGMT, service: SSPR, operationType: 'Update',
        initiatedBy: actor.initiatedBy, targets: [userTarget(user)], details: actor.details,
      },
      step(SSPR_STEPS[email ? 2 : 0]),
      step(SSPR_STEPS[email ? 3 : 1]),
      step(SSPR_STEPS[4]),
    ]);
  },
};

const changeLicence: Operation = {
  activity: 'Change user license',
  weight: 1.6,
  failureReasons: ['License assignment failed because service plans are mutually exclusive.', 'Not enough licenses available.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'License Administrator', 'User Administrator');
    const user = anyMember(ctx);
    const [from, to] = ctx.rng.sample(ctx.tenant.licences, 2);
    return single(ctx, at, {
      activity: 'Change user license', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user, licenceChange(ctx, [from], ctx.rng.chance(0.5) ? [from, to] : [to]))], details: actor.details,
    });
  },
};

const METHODS = ['Authenticator App with Notification and Code', 'Mobile Phone SMS', 'Passkey in Microsoft Authenticator', 'Email', 'Office Phone'];

const securityInfo: Operation = {
  activity: 'User registered security info',
  weight: 3.2,
  build(ctx, at) {
    const user = anyMember(ctx);
    const actor = actorFor(ctx, user);
    const kind = ctx.rng.weighted([
      { weight: 6, activity: 'User registered security info', reason: (m: string) => `User registered ${m}` },
      { weight: 2, activity: 'User changed default security info', reason: (m: string) => `User changed default sign in method to ${m}` },
      { weight: 1, activity: 'User deleted security info', reason: (m: string) => `User deleted ${m}` },
    ]);
    return single(ctx, at, {
      activity: kind.activity, category: USER_MGMT, service: AUTH_METHODS, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user)], details: actor.details, resultReason: kind.reason(ctx.rng.pick(METHODS)),
    });
  },
};

const adminSecurityInfo: Operation = {
  activity: 'Admin registered security info',
  weight: 0.5,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Helpdesk Administrator');
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Admin registered security info', category: USER_MGMT, service: AUTH_METHODS, operationType: 'Update',
      initiatedBy: actor.initiatedBy, targets: [userTarget(user)], details: actor.details,
      resultReason: `Admin registered ${ctx.rng.pick(['Mobile Phone SMS', 'Office Phone', 'Email'])}`,
    });
  },
};

const revokeSessions: Operation = {
  activity: 'Update StsRefreshTokenValidFrom Timestamp',
  weight: 0.7,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Helpdesk Administrator', 'User Administrator');
    const user = anyMember(ctx);
    const now = ctx.clock.iso(at).slice(0, 19) + 'Z';
    return single(ctx, at, {
      activity: 'Update StsRefreshTokenValidFrom Timestamp', category: USER_MGMT, service: CORE, operationType: 'Update',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [userTarget(user, [listProp('StsRefreshTokensValidFrom', '2026-01-05T08:00:00Z', now), includedUpdatedProperties(['StsRefreshTokensValidFrom'])])],
    });
  },
};

/** B2B invitation: Invited Users logs the invite, Core Directory the guest object it creates. */
const inviteGuest: Operation = {
  activity: 'Invite external user',
  weight: 0.7,
  failureReasons: ['The invited user is from a domain that is blocked by the cross-tenant access policy.'],
  build(ctx, at) {
    const actor = ctx.rng.chance(0.5) ? adminActor(ctx, 'User Administrator') : memberActor(ctx);
    const guest = ctx.recent.newGuest(anyMember(ctx));
    const partners = ctx.tenant.groups.find((group) => group.displayName === 'Partners (guests)');
    const specs: EventSpec[] = [
      {
        activity: 'Invite external user', category: USER_MGMT, service: 'Invited Users', operationType: 'Add', initiatedBy: actor.initiatedBy,
        targets: [userTarget(guest)], details: actor.details,
      },
      {
        activity: 'Add user', category: USER_MGMT, service: CORE, operationType: 'Add', initiatedBy: actor.initiatedBy,
        targets: [userTarget(guest, [
          listProp('AccountEnabled', undefined, true),
          listProp('DisplayName', undefined, guest.displayName),
          listProp('UserType', undefined, 'Guest'),
          includedUpdatedProperties(['AccountEnabled', 'DisplayName', 'UserType']),
        ])],
        details: [...actor.details, { key: 'UserType', value: 'Guest' }],
      },
    ];
    if (partners && ctx.rng.chance(0.6)) {
      specs.push({
        activity: 'Add member to group', category: 'GroupManagement', service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy,
        targets: [userTarget(guest, groupProps(partners, 'new')), groupTarget(partners)], details: actor.details,
      });
    }
    return chain(ctx, at, specs);
  },
};

const redeemInvite: Operation = {
  activity: 'Redeem external user invite',
  weight: 0.4,
  build(ctx, at) {
    const guest = ctx.recent.newGuest(anyMember(ctx));
    return single(ctx, at, {
      activity: 'Redeem external user invite', category: USER_MGMT, service: 'Invited Users', operationType: 'Update',
      initiatedBy: byUser(guest, addressOf(ctx, guest)), targets: [userTarget(guest)], details: [userAgentDetail(guest.userAgent)],
      resultReason: '',
    });
  },
};

const setManager: Operation = {
  activity: 'Set user manager',
  weight: 0.6,
  build(ctx, at) {
    const actor = adminActor(ctx, 'User Administrator');
    const user = anyMember(ctx);
    const manager = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Set user manager', category: USER_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy,
      targets: [userTarget(user), userTarget(manager, [jsonProp('Manager.ObjectID', undefined, manager.id)])], details: actor.details,
    });
  },
};

export const USER_OPERATIONS: readonly Operation[] = [
  updateUserByAdmin, updateUserByHrSync, onboardUser, deleteUser, disableAccount, resetPasswordByAdmin, changeOwnPassword,
  selfServiceReset, changeLicence, securityInfo, adminSecurityInfo, revokeSessions, inviteGuest, redeemInvite, setManager,
];
