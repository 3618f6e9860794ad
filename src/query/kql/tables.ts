/**
 * The Log Analytics tables entra-audit reads, and for each query field where its text comes from
 * in that table's columns: what the readers in src/ingest/formats/log-analytics*.ts turn into the
 * store's strings (src/model/event-summary.ts, own-summary.ts). Pushdown is only ever allowed to
 * keep more rows than the local engine would (a superset), so a field is listed with every column
 * its text may come from, or as `null` when the text is computed (a sign-in's status from its
 * error code, an event type from the table) and no condition can be trusted.
 */
import type { FieldName } from '../ast.js';
import type { Pane } from '../../model/pane.js';

/** A column, or a property inside a dynamic (or JSON text) column. */
export interface ColumnRef {
  column: string;
  /** A property path inside the column's JSON (`errorCode` of `Status`). */
  path?: string;
}

/**
 * Where a field's text comes from: columns; `'empty'`, the field is always empty for this table
 * (so a positive term matches no row); or `null`, not expressible (decided locally).
 */
export type FieldSource = readonly ColumnRef[] | 'empty' | null;

export interface TableSpec {
  name: string;
  /** The panes its rows can land in. */
  panes: readonly Pane[];
  /** The record's own time (what since:/until: compare locally); TimeGenerated is when it was logged. */
  timeColumn: string;
  /** Columns that are JSON text rather than dynamic: read with parse_json. */
  stringJson: ReadonlySet<string>;
  /** The columns its reader reads, in the order projected. */
  columns: readonly string[];
  fields: Partial<Record<FieldName, FieldSource>>;
  /**
   * Fields whose condition decides exactly what the local engine does (the store keeps the
   * column's text as it is), so a negated term can be pushed down too.
   */
  exact: ReadonlySet<FieldName>;
  /** Columns this table may lack in some workspaces (besides OPTIONAL_COLUMNS): read through column_ifexists. */
  optional?: ReadonlySet<string>;
}

const c = (...columns: string[]): ColumnRef[] => columns.map((column) => ({ column }));

const AUDIT_COLUMNS = [
  'TimeGenerated', 'Type', 'Id', 'Category', 'CorrelationId', 'Result', 'ResultReason', 'ActivityDisplayName', 'OperationName',
  'ActivityDateTime', 'LoggedByService', 'AADOperationType', 'InitiatedBy', 'TargetResources', 'AdditionalDetails',
];

/** An audit's fields (summarizeAudit): names and ids from InitiatedBy and TargetResources, the rest a column each. */
function auditFields(extraIp: string[], extraAgent: string[]): TableSpec['fields'] {
  return {
    activity: c('ActivityDisplayName', 'OperationName'),
    category: c('Category'),
    service: c('LoggedByService'),
    // Results are normalised (0 and "succeeded" are success): see resultAliases in terms.ts.
    status: c('Result'),
    op: c('AADOperationType'),
    actor: c('InitiatedBy'),
    target: c('TargetResources'),
    type: c('TargetResources'),
    ip: c('InitiatedBy', ...extraIp),
    corr: c('CorrelationId'),
    id: c('Id'),
    prop: c('TargetResources'),
    value: c('TargetResources'),
    app: c('InitiatedBy'),
    agent: c('AdditionalDetails', ...extraAgent),
    system: c('LoggedByService', 'Category'),
    location: 'empty',
    error: 'empty',
    ca: 'empty',
    device: 'empty',
    risklevel: 'empty',
    job: 'empty',
    risk: null,
  };
}

const AUDIT_EXACT = new Set<FieldName>(['category', 'service', 'corr', 'id']);

const SIGN_IN_COLUMNS = [
  'TimeGenerated', 'Type', 'Id', 'CreatedDateTime', 'ResultType', 'ResultDescription', 'Identity', 'UserDisplayName', 'UserPrincipalName',
  'UserId', 'UserType', 'AppDisplayName', 'AppId', 'IPAddress', 'ClientAppUsed', 'CorrelationId', 'ConditionalAccessStatus',
  'ConditionalAccessPolicies', 'IsInteractive', 'Status', 'Location', 'LocationDetails', 'DeviceDetail', 'RiskLevelDuringSignIn',
  'RiskLevelAggregated', 'RiskState', 'RiskDetail', 'RiskEventTypes_V2', 'AuthenticationRequirement', 'AuthenticationProtocol',
  'AuthenticationDetails', 'IncomingTokenType', 'TokenIssuerType', 'ResourceDisplayName', 'ResourceIdentity', 'ServicePrincipalName',
  'ServicePrincipalId', 'UniqueTokenIdentifier', 'SessionId', 'UserAgent', 'OriginalTransferMethod',
];

const SERVICE_PRINCIPAL_COLUMNS = [
  'TimeGenerated', 'Type', 'Id', 'CreatedDateTime', 'ResultType', 'ResultDescription', 'Identity', 'AppId', 'AppDisplayName', 'IPAddress', 'CorrelationId',
  'ConditionalAccessStatus', 'ConditionalAccessPolicies', 'Location', 'LocationDetails', 'ResourceDisplayName', 'ResourceIdentity',
  'ServicePrincipalName', 'ServicePrincipalId', 'ServicePrincipalCredentialKeyId', 'ServicePrincipalCredentialThumbprint', 'UniqueTokenIdentifier',
];

/** A sign-in's fields (summarizeSignIn): the user's or service principal's names, the app, the resource. */
const SIGN_IN_FIELDS: TableSpec['fields'] = {
  activity: c('AppDisplayName', 'ResourceDisplayName'),
  category: null,
  service: c('ClientAppUsed'),
  status: null,
  // deviceCode is also said as originalTransferMethod deviceCodeFlow, which contains it.
  op: c('AuthenticationProtocol', 'OriginalTransferMethod'),
  actor: c('UserPrincipalName', 'UserDisplayName', 'UserId', 'ServicePrincipalName', 'ServicePrincipalId', 'Identity', 'AppDisplayName'),
  target: c('ResourceDisplayName', 'ResourceIdentity'),
  type: null,
  ip: c('IPAddress'),
  corr: c('CorrelationId'),
  id: c('Id'),
  prop: 'empty',
  value: 'empty',
  app: c('AppDisplayName', 'AppId'),
  // City, state and country are joined with ", " (see terms.ts: a value with a comma is not pushed).
  location: c('LocationDetails', 'Location'),
  error: [{ column: 'Status', path: 'errorCode' }, { column: 'ResultType' }],
  ca: c('ConditionalAccessStatus', 'ConditionalAccessPolicies'),
  // "no device id" is said for a sign-in without one (see terms.ts).
  device: c('DeviceDetail'),
  risklevel: c('RiskLevelDuringSignIn'),
  job: 'empty',
  agent: c('UserAgent'),
  system: null,
  risk: null,
};

/** Service principal and managed identity sign-ins have no user, device, client app or user agent. */
const SERVICE_PRINCIPAL_FIELDS: TableSpec['fields'] = {
  ...SIGN_IN_FIELDS,
  activity: c('AppDisplayName', 'ResourceDisplayName'),
  service: 'empty',
  op: 'empty',
  actor: c('ServicePrincipalName', 'ServicePrincipalId', 'Identity', 'AppDisplayName'),
  app: c('AppDisplayName', 'AppId'),
  // No Status column in these tables (the Kusto analyser said so): the code is ResultType.
  error: c('ResultType'),
  device: null,
  risklevel: 'empty',
  agent: 'empty',
  ca: c('ConditionalAccessStatus', 'ConditionalAccessPolicies'),
};

const SIGN_IN_EXACT = new Set<FieldName>(['ip', 'corr', 'id', 'service', 'risklevel', 'agent']);
const SP_EXACT = new Set<FieldName>(['ip', 'corr', 'id']);
/** Microsoft's schema of the service principal tables does not promise the app's display name. */
const SP_OPTIONAL = new Set(['AppDisplayName']);

const PROVISIONING_COLUMNS = [
  'TimeGenerated', 'Type', 'Id', 'ActivityDateTime', 'ResultType', 'ResultDescription', 'ResultSignature', 'CorrelationId', 'DurationMs',
  'JobId', 'CycleId', 'ChangeId', 'ProvisioningAction', 'ProvisioningStatusInfo', 'ProvisioningSteps', 'ServicePrincipal', 'SourceIdentity',
  'TargetIdentity', 'SourceSystem', 'TargetSystem', 'ModifiedProperties', 'InitiatedBy',
];

const PROVISIONING_FIELDS: TableSpec['fields'] = {
  activity: c('ProvisioningAction'),
  op: c('ProvisioningAction'),
  service: c('SourceSystem'),
  category: c('TargetSystem'),
  system: c('SourceSystem', 'TargetSystem'),
  // The status may be a number the reader names (0 is success): decided locally.
  status: null,
  actor: c('SourceIdentity', 'SourceSystem'),
  target: c('TargetIdentity', 'TargetSystem'),
  type: c('SourceIdentity', 'TargetIdentity'),
  corr: c('ChangeId'),
  id: c('Id'),
  prop: c('ModifiedProperties'),
  value: null,
  app: c('ServicePrincipal'),
  error: c('ProvisioningStatusInfo'),
  job: c('JobId', 'CycleId'),
  ip: 'empty',
  location: 'empty',
  ca: 'empty',
  device: 'empty',
  risklevel: 'empty',
  agent: 'empty',
  risk: null,
};

const NON_INTERACTIVE_JSON = new Set(['Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies', 'AuthenticationDetails', 'RiskEventTypes_V2']);
const SERVICE_PRINCIPAL_JSON = new Set(['Status', 'LocationDetails', 'ConditionalAccessPolicies']);

export const TABLES: readonly TableSpec[] = [
  { name: 'AuditLogs', panes: ['directory', 'custom-security'], timeColumn: 'ActivityDateTime', stringJson: new Set(), columns: AUDIT_COLUMNS, fields: auditFields([], []), exact: AUDIT_EXACT },
  {
    name: 'AADCustomSecurityAttributeAuditLogs',
    panes: ['custom-security'],
    timeColumn: 'ActivityDateTime',
    stringJson: new Set(),
    columns: [...AUDIT_COLUMNS, 'CallerIpAddress', 'UserAgent'],
    fields: auditFields(['CallerIpAddress'], ['UserAgent']),
    exact: AUDIT_EXACT,
  },
  { name: 'SigninLogs', panes: ['sign-ins'], timeColumn: 'CreatedDateTime', stringJson: new Set(['AuthenticationDetails']), columns: SIGN_IN_COLUMNS, fields: SIGN_IN_FIELDS, exact: SIGN_IN_EXACT },
  { name: 'AADNonInteractiveUserSignInLogs', panes: ['sign-ins'], timeColumn: 'CreatedDateTime', stringJson: NON_INTERACTIVE_JSON, columns: SIGN_IN_COLUMNS, fields: SIGN_IN_FIELDS, exact: SIGN_IN_EXACT },
  { name: 'AADServicePrincipalSignInLogs', panes: ['sign-ins'], timeColumn: 'CreatedDateTime', stringJson: SERVICE_PRINCIPAL_JSON, columns: SERVICE_PRINCIPAL_COLUMNS, fields: SERVICE_PRINCIPAL_FIELDS, exact: SP_EXACT, optional: SP_OPTIONAL },
  { name: 'AADManagedIdentitySignInLogs', panes: ['sign-ins'], timeColumn: 'CreatedDateTime', stringJson: SERVICE_PRINCIPAL_JSON, columns: SERVICE_PRINCIPAL_COLUMNS, fields: SERVICE_PRINCIPAL_FIELDS, exact: SP_EXACT, optional: SP_OPTIONAL },
  { name: 'AADProvisioningLogs', panes: ['provisioning'], timeColumn: 'ActivityDateTime', stringJson: new Set(PROVISIONING_COLUMNS.filter((name) => !['TimeGenerated', 'Type', 'ActivityDateTime'].includes(name))), columns: PROVISIONING_COLUMNS, fields: PROVISIONING_FIELDS, exact: new Set(['id']) },
];

/**
 * Columns not every workspace's schema has (added to the tables over the years): read through
 * column_ifexists, so a query never fails on an older table; an absent one reads as empty.
 */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  'OriginalTransferMethod', 'SessionId', 'UniqueTokenIdentifier', 'RiskEventTypes_V2', 'ServicePrincipalCredentialKeyId',
  'ServicePrincipalCredentialThumbprint', 'CallerIpAddress', 'UserAgent', 'IncomingTokenType', 'TokenIssuerType',
]);

export const isOptionalColumn = (table: TableSpec, column: string): boolean => OPTIONAL_COLUMNS.has(column) || table.optional?.has(column) === true;

/** The tables whose rows can land in a pane (`all`: every table). */
export const tablesFor = (pane: Pane | 'all'): TableSpec[] => TABLES.filter((table) => pane === 'all' || table.panes.includes(pane));
