/**
 * Sign-in and provisioning records of an Azure Monitor diagnostic stream: the Graph record under
 * `properties`, and the outer record's columns for what `properties` leaves out (Elastic's
 * ManagedIdentitySignInLogs samples have no callerIpAddress; older SignInLogs records name the
 * user only in `identity`). The category says the event type when `properties` lists none.
 */
import { field, objectOrNull, text, type JsonObject } from '../fields.js';
import type { Normalised } from '../format.js';
import { readProvisioning } from '../provisioning-reader.js';
import { readSignIn } from '../sign-in-reader.js';

export function readDiagnosticSignIn(record: JsonObject, eventType: string | null): Normalised {
  const properties = objectOrNull(record.properties);
  if (!properties) return { reason: 'diagnostic sign-in record without a sign-in under "properties"' };
  return readSignIn(properties, {
    eventType,
    fallbacks: {
      time: field(record, 'time'),
      // Some diagnostic schemas write a missing caller address as "<null>".
      ipAddress: text(field(record, 'callerIpAddress')) === '<null>' ? undefined : field(record, 'callerIpAddress'),
      correlationId: field(record, 'correlationId'),
      resultType: field(record, 'resultType'),
      resultDescription: field(record, 'resultDescription'),
      resultSignature: field(record, 'resultSignature'),
      identity: field(record, 'identity'),
      country: field(record, 'location'),
    },
  });
}

export function readDiagnosticProvisioning(record: JsonObject): Normalised {
  const properties = objectOrNull(record.properties);
  if (!properties) return { reason: 'diagnostic provisioning record without a record under "properties"' };
  return readProvisioning(properties, {
    time: field(record, 'time'),
    resultType: field(record, 'resultType'),
    resultDescription: field(record, 'resultDescription'),
    resultSignature: field(record, 'resultSignature'),
    correlationId: field(record, 'correlationId'),
    durationMs: field(record, 'durationMs'),
  });
}
