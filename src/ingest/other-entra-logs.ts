/**
 * Which activity log a record belongs to: an Event Hub or storage stream carries every diagnostic
 * category in one file, a Log Analytics union every table. Audits, Entra's sign-ins (four event
 * types, plus AD FS and Microsoft's own service principals) and provisioning records are read,
 * each as its kind; anything else (Azure Activity `Administrative`, `AzureActivity` rows,
 * `RiskyUsers`) must be a problem that says so, never an event.
 */
import type { JsonObject } from './fields.js';

/** The diagnostic categories that hold directory audits (lower case; `Audit` is the 2018 schema's). */
export const AUDIT_CATEGORIES: readonly string[] = ['auditlogs', 'customsecurityattributeauditlogs', 'audit'];
/** The Log Analytics tables that hold them. */
export const AUDIT_TABLES: readonly string[] = ['auditlogs', 'aadcustomsecurityattributeauditlogs'];

/** A log entra-audit reads; a sign-in's source may say its event type (null: the record says, or its isInteractive). */
export type EntraLog = { kind: 'audit' } | { kind: 'sign-in'; eventType: string | null } | { kind: 'provisioning' };

/**
 * Sign-in categories and tables (lower case) and the event type each holds. Microsoft spells the
 * non-interactive category `NonInteractiveUserSIgnInLogs`; lower case reads both spellings.
 * AD FS sign-ins are Graph signIn records of users signing in through federation (interactive or
 * not, as each says); `MicrosoftServicePrincipalSignInLogs` are Microsoft's first-party apps'.
 */
const SIGN_IN_CATEGORIES: Readonly<Record<string, string | null>> = {
  signinlogs: 'interactiveUser',
  noninteractiveusersigninlogs: 'nonInteractiveUser',
  serviceprincipalsigninlogs: 'servicePrincipal',
  microsoftserviceprincipalsigninlogs: 'servicePrincipal',
  managedidentitysigninlogs: 'managedIdentity',
  adfssigninlogs: null,
};
const SIGN_IN_TABLES: Readonly<Record<string, string | null>> = {
  signinlogs: 'interactiveUser',
  aadnoninteractiveusersigninlogs: 'nonInteractiveUser',
  aadserviceprincipalsigninlogs: 'servicePrincipal',
  aadmanagedidentitysigninlogs: 'managedIdentity',
  adfssigninlogs: null,
};
const PROVISIONING_CATEGORIES = ['provisioninglogs'];
const PROVISIONING_TABLES = ['aadprovisioninglogs'];

function logOf(name: string, audits: readonly string[], signIns: Readonly<Record<string, string | null>>, provisioning: readonly string[]): EntraLog | null {
  const lower = name.toLowerCase();
  if (lower === '' || audits.includes(lower)) return { kind: 'audit' };
  if (Object.hasOwn(signIns, lower)) return { kind: 'sign-in', eventType: signIns[lower] };
  if (provisioning.includes(lower)) return { kind: 'provisioning' };
  return null;
}

/** The log a diagnostic record of `category` is from (no category: an audit, as before categories), or null when it is no Entra activity log. */
export const diagnosticCategoryLog = (category: string): EntraLog | null => logOf(category, AUDIT_CATEGORIES, SIGN_IN_CATEGORIES, PROVISIONING_CATEGORIES);

/** The log a Log Analytics row of table `type` is from (no Type column: an audit unless its columns say otherwise), or null. */
export const logAnalyticsTableLog = (type: string): EntraLog | null => logOf(type, AUDIT_TABLES, SIGN_IN_TABLES, PROVISIONING_TABLES);

/** Every category a diagnostic record may carry that entra-audit reads (lower case). */
export const ENTRA_CATEGORIES: readonly string[] = [...AUDIT_CATEGORIES, ...Object.keys(SIGN_IN_CATEGORIES), ...PROVISIONING_CATEGORIES];

/** Why a record of another log is not read: `where` is "diagnostic category" or "Log Analytics table". */
export const notAnEntraLogReason = (where: string, name: string): string => `${where} ${JSON.stringify(name.slice(0, 60))} is not an Entra activity log`;

/** Each key as Graph writes it and as PowerShell does (PascalCase), spelt once: every Graph audit record asks. */
const spellings = (...names: string[]): readonly string[] => names.flatMap((name) => [name, name.charAt(0).toUpperCase() + name.slice(1)]);
const SIGN_IN_TIME = spellings('createdDateTime');
const SIGN_IN_WHO = spellings('userPrincipalName', 'appId', 'servicePrincipalId');
// Graph PowerShell writes IPAddress, not IpAddress.
const SIGN_IN_HOW = [...spellings('status', 'conditionalAccessStatus', 'ipAddress'), 'IPAddress'];
const PROVISIONING_KEYS = spellings('provisioningAction', 'provisioningStatusInfo');
const JOB_ID = spellings('jobId');
const CYCLE_ID = spellings('cycleId');

/**
 * A Graph `signIn` or `provisioningObjectSummary` record (Graph pages, the portal's download,
 * JSON Lines, camelCase or PowerShell's PascalCase), by the keys only those carry.
 */
export function otherEntraRecordKind(record: JsonObject): 'sign-in' | 'provisioning' | null {
  const has = (names: readonly string[]) => names.some((name) => name in record);
  if (has(SIGN_IN_TIME) && has(SIGN_IN_WHO) && has(SIGN_IN_HOW)) return 'sign-in';
  if (has(PROVISIONING_KEYS) || (has(JOB_ID) && has(CYCLE_ID))) return 'provisioning';
  return null;
}
