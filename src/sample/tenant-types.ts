/** The sample tenant's object types (shared by the tenant itself and its roster of names). */

export type RoleName =
  | 'Global Administrator'
  | 'Privileged Role Administrator'
  | 'User Administrator'
  | 'Application Administrator'
  | 'Helpdesk Administrator'
  | 'Security Administrator'
  | 'Conditional Access Administrator'
  | 'Groups Administrator'
  | 'License Administrator'
  | 'Attribute Assignment Administrator'
  | 'Attribute Definition Administrator'
  | 'Reports Reader';

export interface DirectoryRole {
  displayName: RoleName;
  /** Microsoft's built-in role template id (the same in every tenant). */
  templateId: string;
  /** The activated role's object id, which differs per tenant. */
  objectId: string;
  /** Legacy name Core Directory still logs as Role.WellKnownObjectName ("" when it logs none). */
  wellKnownObjectName: string;
}

export interface TenantUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string;
  jobTitle: string;
  officeLocation: string;
  userType: 'Member' | 'Guest';
  roles: RoleName[];
  /** Where this person usually works from: office, home, and (for some) travel addresses. */
  officeIp: string;
  homeIp: string;
  travelIp: string | null;
  userAgent: string;
}

export interface TenantGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  groupType: 'unifiedGroups' | 'azureAD';
  isAssignableToRole: boolean;
  /** Set on groups that hand out a licence (group-based licensing). */
  licenceSku: string | null;
}

/** An app registration and its service principal in this tenant. */
export interface TenantApp {
  displayName: string;
  appId: string;
  /** The application object's id (target of "Update application"). */
  objectId: string;
  servicePrincipalId: string;
  /** Daemon apps that call Graph with their own permissions and so appear as initiators. */
  actsOnItsOwn: boolean;
  replyUrl: string;
}

/** Microsoft's own service principals that show up as initiators. */
export interface FirstPartyApp {
  displayName: string;
  appId: string;
  servicePrincipalId: string;
}

export interface LicenceSku {
  skuPartNumber: string;
  skuId: string;
  productName: string;
}

export type PolicyState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: PolicyState;
  createdDateTime: string;
  conditions: {
    clientAppTypes: string[];
    applications: { includeApplications: string[]; excludeApplications: string[] };
    users: {
      includeUsers: string[];
      excludeUsers: string[];
      includeGroups: string[];
      excludeGroups: string[];
      includeRoles: string[];
      excludeRoles: string[];
    };
    locations: { includeLocations: string[]; excludeLocations: string[] } | null;
  };
  grantControls: { operator: 'OR' | 'AND'; builtInControls: string[] } | null;
  sessionControls: { signInFrequency: { value: number; type: 'hours' | 'days'; isEnabled: boolean } } | null;
}

export interface AttributeDefinition {
  attributeSet: string;
  name: string;
  description: string;
  type: 'String' | 'Integer';
  isCollection: boolean;
  usePreDefinedValuesOnly: boolean;
  values: string[];
}

export interface AttributeSet {
  name: string;
  description: string;
  maxAttributesPerSet: number;
  attributes: AttributeDefinition[];
}
