/**
 * The fictional tenant the sample events happen in: people, groups, apps, roles, licences,
 * Conditional Access policies and custom security attributes. Every id comes from the seed and
 * the object's name, so the same object keeps the same id in every event and every run.
 *
 * Only `.example` domains and RFC 5737 addresses (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) are used, so nothing here can point at a real tenant or host.
 */
import { SeededRandom, deriveSeed, stableGuid } from './random.js';
import { APPS, ATTRIBUTE_SETS, CAST, GROUPS, LICENCES, OFFICES, PLANNED_ATTRIBUTE_SETS, ROLES, USER_AGENTS } from './tenant-roster.js';

export const SAMPLE_DOMAIN = 'fabrikam-demo.example';
export const SAMPLE_TENANT_NAME = 'Fabrikam Demo';

/**
 * The attacker's address in the incident story. Routine traffic never uses it, so finding it
 * anywhere in the log means finding the incident.
 */
export const INCIDENT_IP = '203.0.113.66';

export type { RoleName, DirectoryRole, TenantUser, TenantGroup, TenantApp, FirstPartyApp, LicenceSku, PolicyState, ConditionalAccessPolicy, AttributeDefinition, AttributeSet } from './tenant-types.js';
import type { RoleName, DirectoryRole, TenantUser, TenantGroup, TenantApp, FirstPartyApp, LicenceSku, PolicyState, ConditionalAccessPolicy, AttributeDefinition, AttributeSet } from './tenant-types.js';

export interface Tenant {
  seed: number;
  tenantId: string;
  domain: string;
  users: TenantUser[];
  groups: TenantGroup[];
  apps: TenantApp[];
  firstParty: {
    pim: FirstPartyApp;
    substrate: FirstPartyApp;
    deviceRegistration: FirstPartyApp;
    intune: FirstPartyApp;
    graph: FirstPartyApp;
  };
  roles: DirectoryRole[];
  licences: LicenceSku[];
  policies: ConditionalAccessPolicy[];
  attributeSets: AttributeSet[];
  /** Attribute sets not created yet, which "Add an attribute set" draws its names from. */
  plannedAttributeSets: string[];
}

export function createTenant(seed: number): Tenant {
  const id = (label: string) => stableGuid(seed, label);
  const rng = new SeededRandom(deriveSeed(seed, 'tenant'));

  const users: TenantUser[] = CAST.map(([displayName, local, department, jobTitle, office, roles], index) => ({
    id: id(`user:${local}`),
    displayName,
    userPrincipalName: `${local}@${SAMPLE_DOMAIN}`,
    department,
    jobTitle,
    officeLocation: OFFICES[office].name,
    userType: 'Member',
    roles,
    officeIp: OFFICES[office].ip,
    // Home addresses are unique per person; .66 in 203.0.113.0/24 is kept for the incident.
    homeIp: `192.0.2.${10 + index}`,
    travelIp: rng.chance(0.25) ? `203.0.113.${rng.int(10, 60)}` : null,
    // Admins mostly work in browsers; a few script in PowerShell (the last agent).
    userAgent: roles.length > 0 && rng.chance(0.3) ? USER_AGENTS[USER_AGENTS.length - 1] : rng.pick(USER_AGENTS.slice(0, -1)),
  }));

  const groups: TenantGroup[] = GROUPS.map(([displayName, mailNickname, unified, roleAssignable, sku]) => ({
    id: id(`group:${mailNickname}`),
    displayName,
    mailNickname,
    groupType: unified ? 'unifiedGroups' : 'azureAD',
    isAssignableToRole: roleAssignable,
    licenceSku: sku,
  }));

  const apps: TenantApp[] = APPS.map(([displayName, actsOnItsOwn, replyUrl]) => ({
    displayName,
    appId: id(`app:${displayName}`),
    objectId: id(`application:${displayName}`),
    servicePrincipalId: id(`sp:${displayName}`),
    actsOnItsOwn,
    replyUrl,
  }));

  // First-party app ids are Microsoft's own (identical in every tenant); their service
  // principals are per tenant.
  const firstParty = (displayName: string, appId: string): FirstPartyApp => ({
    displayName,
    appId,
    servicePrincipalId: id(`sp:${displayName}`),
  });

  const roles: DirectoryRole[] = ROLES.map((role) => ({ ...role, objectId: id(`role:${role.templateId}`) }));
  const attributeSets: AttributeSet[] = ATTRIBUTE_SETS.map((set) => ({
    ...set,
    attributes: set.attributes.map((attribute) => ({ ...attribute, attributeSet: set.name })),
  }));

  return {
    seed,
    tenantId: id('tenant'),
    domain: SAMPLE_DOMAIN,
    users,
    groups,
    apps,
    firstParty: {
      pim: firstParty('MS-PIM', '01fc33a7-78ba-4d2f-a4b7-768e336e890e'),
      substrate: firstParty('Microsoft Substrate Management', '98db8bd6-0cc0-4e67-9de5-f187f1cd1b41'),
      deviceRegistration: firstParty('Device Registration Service', '01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9'),
      intune: firstParty('Microsoft Intune', '0000000a-0000-0000-c000-000000000000'),
      graph: firstParty('Microsoft Graph', '00000003-0000-0000-c000-000000000000'),
    },
    roles,
    licences: LICENCES.slice(),
    policies: createPolicies(seed, users, groups, roles),
    attributeSets,
    plannedAttributeSets: PLANNED_ATTRIBUTE_SETS.slice(),
  };
}

function createPolicies(
  seed: number,
  users: readonly TenantUser[],
  groups: readonly TenantGroup[],
  roles: readonly DirectoryRole[],
): ConditionalAccessPolicy[] {
  const breakGlass = requireUser(users, `breakglass01@${SAMPLE_DOMAIN}`).id;
  const groupId = (name: string) => requireGroup(groups, name).id;
  const adminRoles = roles
    .filter((role) => role.displayName.endsWith('Administrator') && !role.displayName.startsWith('Attribute'))
    .map((role) => role.templateId);
  const policy = (
    displayName: string,
    created: string,
    state: PolicyState,
    users: Partial<ConditionalAccessPolicy['conditions']['users']>,
    rest: Partial<Pick<ConditionalAccessPolicy, 'grantControls' | 'sessionControls'>> & {
      clientAppTypes?: string[];
      locations?: ConditionalAccessPolicy['conditions']['locations'];
    },
  ): ConditionalAccessPolicy => ({
    id: stableGuid(seed, `policy:${displayName}`),
    displayName,
    state,
    createdDateTime: created,
    conditions: {
      clientAppTypes: rest.clientAppTypes ?? ['all'],
      applications: { includeApplications: ['All'], excludeApplications: [] },
      users: { includeUsers: [], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], ...users },
      locations: rest.locations ?? null,
    },
    grantControls: rest.grantControls === undefined ? { operator: 'OR', builtInControls: ['mfa'] } : rest.grantControls,
    sessionControls: rest.sessionControls ?? null,
  });

  return [
    policy('Require MFA for administrators', '2024-03-11T09:12:44.1830000Z', 'enabled', { includeRoles: adminRoles, excludeUsers: [breakGlass] }, {}),
    policy('Require MFA for all users', '2024-03-11T09:20:02.5520000Z', 'enabled', { includeUsers: ['All'], excludeUsers: [breakGlass], excludeGroups: [groupId('CA Exclusion – Break Glass')] }, {}),
    policy('Block legacy authentication', '2024-03-12T14:03:27.9910000Z', 'enabled', { includeUsers: ['All'], excludeUsers: [breakGlass] }, {
      clientAppTypes: ['exchangeActiveSync', 'other'],
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    }),
    policy('Require compliant device for Finance', '2024-06-02T08:45:10.0040000Z', 'enabled', { includeGroups: [groupId('Finance Team')] }, {
      grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
    }),
    policy('Block sign-ins outside trusted countries', '2024-09-19T16:31:55.7120000Z', 'enabled', { includeUsers: ['All'], excludeUsers: [breakGlass] }, {
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    }),
    policy('Pilot – phishing-resistant MFA for IT', '2025-11-04T10:02:19.3300000Z', 'enabledForReportingButNotEnforced', { includeGroups: [groupId('IT Admins')] }, {}),
    policy('Sign-in frequency 8h on unmanaged devices', '2025-02-17T13:26:41.8870000Z', 'enabled', { includeUsers: ['All'], excludeUsers: [breakGlass] }, {
      grantControls: null,
      sessionControls: { signInFrequency: { value: 8, type: 'hours', isEnabled: true } },
    }),
  ];
}

export function requireUser(users: readonly TenantUser[], userPrincipalName: string): TenantUser {
  const user = users.find((candidate) => candidate.userPrincipalName === userPrincipalName);
  if (!user) throw new Error(`sample tenant has no user ${userPrincipalName}`);
  return user;
}

export function requireGroup(groups: readonly TenantGroup[], displayName: string): TenantGroup {
  const group = groups.find((candidate) => candidate.displayName === displayName);
  if (!group) throw new Error(`sample tenant has no group ${displayName}`);
  return group;
}

export function requireApp(tenant: Tenant, displayName: string): TenantApp {
  const app = tenant.apps.find((candidate) => candidate.displayName === displayName);
  if (!app) throw new Error(`sample tenant has no app ${displayName}`);
  return app;
}

export function requireRole(tenant: Tenant, displayName: RoleName): DirectoryRole {
  const role = tenant.roles.find((candidate) => candidate.displayName === displayName);
  if (!role) throw new Error(`sample tenant has no role ${displayName}`);
  return role;
}

export function requirePolicy(tenant: Tenant, displayName: string): ConditionalAccessPolicy {
  const policy = tenant.policies.find((candidate) => candidate.displayName === displayName);
  if (!policy) throw new Error(`sample tenant has no policy ${displayName}`);
  return policy;
}

export function usersWithRole(tenant: Tenant, ...roles: RoleName[]): TenantUser[] {
  return tenant.users.filter((user) => user.roles.some((role) => roles.includes(role)) && !user.userPrincipalName.startsWith('breakglass'));
}
