/**
 * Sign-in and provisioning rows of Log Analytics: `SigninLogs` (dynamic columns as objects),
 * `AADNonInteractiveUserSignInLogs`, `AADServicePrincipalSignInLogs`,
 * `AADManagedIdentitySignInLogs` (the same columns as JSON text) and `AADProvisioningLogs` (every
 * column JSON text, identities as `Id`/`Name`). The columns are Graph's names in PascalCase, which
 * the readers find in any case; `ResultType` is the error code as text ("0" is success).
 */
import { field, type JsonObject } from '../fields.js';
import type { Normalised } from '../format.js';
import { readProvisioning } from '../provisioning-reader.js';
import { readSignIn } from '../sign-in-reader.js';

export function readSignInRow(row: JsonObject, eventType: string | null): Normalised {
  return readSignIn(row, {
    eventType,
    logAnalytics: true,
    fallbacks: {
      time: field(row, 'TimeGenerated'),
      resultType: field(row, 'ResultType'),
      resultDescription: field(row, 'ResultDescription'),
      identity: field(row, 'Identity'),
    },
  });
}

export function readProvisioningRow(row: JsonObject): Normalised {
  return readProvisioning(row, {
    time: field(row, 'TimeGenerated'),
    resultType: field(row, 'ResultType'),
    resultDescription: field(row, 'ResultDescription'),
    resultSignature: field(row, 'ResultSignature'),
    correlationId: field(row, 'CorrelationId'),
    durationMs: field(row, 'DurationMs'),
  });
}
