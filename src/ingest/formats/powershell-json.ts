/**
 * Graph PowerShell (`Get-MgAuditLogDirectoryAudit … | ConvertTo-Json`): PascalCase keys,
 * `IPAddress`, `AdditionalProperties` on every object, and on Windows PowerShell 5.1
 * `\/Date(ms)\/` dates (the file itself often UTF-16LE, which decoding handles).
 */
import type { ObjectFormat } from '../format.js';
import { readGraphAudit } from '../graph-shape.js';

export const powershellJsonFormat: ObjectFormat = {
  id: 'powershell-json',
  label: 'Graph PowerShell ConvertTo-Json output (PascalCase, /Date(ms)/ dates)',
  matches: (record) => 'ActivityDisplayName' in record && !('TimeGenerated' in record) && !('OperationName' in record),
  normalise: (record) => readGraphAudit(record),
};
