/**
 * Sources without a directoryAudit category (the unified audit log) still need one for the
 * Category column and filters. Derived from the activity name, using the categories Microsoft's
 * activity reference assigns; first match wins, so specific words come before general ones.
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/attribute set|custom security attribute|attribute values/i, 'AttributeManagement'],
  [/conditional access|named location|security defaults|\bpolicy\b/i, 'Policy'],
  [/cross-tenant/i, 'CrossTenantAccessSettings'],
  [/\brole\b/i, 'RoleManagement'],
  [/application|service principal|consent|permission grant|app role|oauth2|verified publisher|external secrets/i, 'ApplicationManagement'],
  [/\bgroup\b/i, 'GroupManagement'],
  [/domain|company|partner|federation|dirsync/i, 'DirectoryManagement'],
  [/device/i, 'Device'],
  [/bitlocker/i, 'KeyManagement'],
  [/administrative unit/i, 'AdministrativeUnit'],
  [/user|password|security info|strong authentication|invite|license|account/i, 'UserManagement'],
];

export function categoryForActivity(activity: string): string {
  for (const [pattern, category] of RULES) if (pattern.test(activity)) return category;
  return 'Other';
}
