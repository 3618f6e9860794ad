/**
 * Which activity log a record belongs to, for the records that are not directory audits: an Event
 * Hub or storage stream carries every diagnostic category in one file, a Log Analytics union
 * every table, and a record of another log must be a problem with its reason, never an audit
 * event. Entra's sign-in and provisioning logs are named as such; anything else (Azure Activity
 * `Administrative`, `AzureActivity` rows) is said not to be an Entra activity log.
 */
import { text, type JsonObject } from './fields.js';

/** The diagnostic categories that hold directory audits (lower case; `Audit` is the 2018 schema's). */
export const AUDIT_CATEGORIES: readonly string[] = ['auditlogs', 'customsecurityattributeauditlogs', 'audit'];
/** The Log Analytics tables that hold them. */
export const AUDIT_TABLES: readonly string[] = ['auditlogs', 'aadcustomsecurityattributeauditlogs'];

/** Entra's other activity logs, by diagnostic category and Log Analytics table (lower case). */
const SIGN_IN_CATEGORIES = [
  'signinlogs', 'noninteractiveusersigninlogs', 'serviceprincipalsigninlogs', 'managedidentitysigninlogs', 'adfssigninlogs',
];
const SIGN_IN_TABLES = ['signinlogs', 'aadnoninteractiveusersigninlogs', 'aadserviceprincipalsigninlogs', 'aadmanagedidentitysigninlogs', 'adfssigninlogs'];
const PROVISIONING = ['provisioninglogs', 'aadprovisioninglogs'];

const NOT_READ_YET = 'entra-audit reads directory and custom security audits only';

function entraLogOf(name: string, signIns: readonly string[]): string | null {
  const lower = name.toLowerCase();
  if (signIns.includes(lower)) return 'sign-in';
  if (PROVISIONING.includes(lower)) return 'provisioning';
  return null;
}

/** Why a diagnostic record of `category` is no audit event, or null when it is one (or says nothing). */
export function foreignDiagnosticCategory(category: string): string | null {
  if (category === '' || AUDIT_CATEGORIES.includes(category.toLowerCase())) return null;
  const log = entraLogOf(category, SIGN_IN_CATEGORIES);
  const shown = JSON.stringify(category.slice(0, 60));
  return log ? `diagnostic category ${shown} is the Entra ${log} log, not an audit (${NOT_READ_YET})` : `diagnostic category ${shown} is not an Entra activity log`;
}

/** Why a Log Analytics row of table `type` is no audit event, or null when it is one (or says nothing). */
export function foreignLogAnalyticsTable(type: string): string | null {
  if (type === '' || AUDIT_TABLES.includes(type.toLowerCase())) return null;
  const log = entraLogOf(type, SIGN_IN_TABLES);
  const shown = JSON.stringify(type.slice(0, 60));
  return log ? `Log Analytics table ${shown} is the Entra ${log} log, not an audit (${NOT_READ_YET})` : `Log Analytics table ${shown} is not an Entra activity log`;
}

/** Each key as Graph writes it and as PowerShell does (PascalCase), spelt once: every Graph audit record asks. */
const spellings = (...names: string[]): readonly string[] => names.flatMap((name) => [name, name.charAt(0).toUpperCase() + name.slice(1)]);
const SIGN_IN_TIME = spellings('createdDateTime');
const SIGN_IN_WHO = spellings('userPrincipalName', 'appId', 'servicePrincipalId');
const SIGN_IN_HOW = spellings('status', 'conditionalAccessStatus', 'ipAddress');
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

export const otherEntraRecordReason = (kind: 'sign-in' | 'provisioning'): string => `an Entra ${kind} record, not an audit (${NOT_READ_YET})`;
