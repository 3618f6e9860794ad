import type { CsvFormat, ObjectFormat } from '../format.js';
import { azureMonitorFormat } from './azure-monitor.js';
import { graphJsonFormat } from './graph-json.js';
import { logAnalyticsCsvFormat, logAnalyticsRowFormat, logAnalyticsTableFormat } from './log-analytics.js';
import { graphSignInsProvisioningFormat } from './graph-sign-ins-provisioning.js';
import { portalCsvFormat } from './portal-csv.js';
import { powershellJsonFormat } from './powershell-json.js';
import { unifiedAuditLogCsvFormat, unifiedAuditLogFormat } from './unified-audit-log.js';

/**
 * Sniff order matters: the more specific shapes first. Diagnostic records and Log Analytics rows
 * can both carry Graph-like keys, and a PowerShell object is a Graph object in PascalCase.
 */
export const OBJECT_FORMATS: readonly ObjectFormat[] = [
  logAnalyticsTableFormat,
  azureMonitorFormat,
  unifiedAuditLogFormat,
  logAnalyticsRowFormat,
  // Before the Graph and PowerShell audit readers: a provisioning record has an activityDateTime
  // too, and a PowerShell sign-in is PascalCase like a PowerShell audit.
  graphSignInsProvisioningFormat,
  powershellJsonFormat,
  graphJsonFormat,
];

export const CSV_FORMATS: readonly CsvFormat[] = [portalCsvFormat, logAnalyticsCsvFormat, unifiedAuditLogCsvFormat];

/** For "this file is in no format I know" errors and `--help`. */
export function supportedFormatsText(): string {
  return [...OBJECT_FORMATS.filter((f) => f !== logAnalyticsTableFormat), logAnalyticsTableFormat, ...CSV_FORMATS]
    .map((f) => `  - ${f.label}`)
    .join('\n');
}
