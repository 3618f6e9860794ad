import type { ProvisioningRecord } from './provisioning.js';
import type { SignIn } from './sign-in.js';

/**
 * A record of a log other than the audit, in its own Graph shape: the details view and
 * `--format json` show it as it is, while LoadedEvent's `event` projects it to the fields every
 * pane shares.
 */
export type OwnRecord = { kind: 'sign-in'; signIn: SignIn } | { kind: 'provisioning'; provisioning: ProvisioningRecord };

/** The record as its log writes it: a sign-in or provisioning record in its own shape, an audit as the event. */
export function graphRecordOf(loaded: { event: object; own?: OwnRecord }): object {
  if (!loaded.own) return loaded.event;
  return loaded.own.kind === 'sign-in' ? loaded.own.signIn : loaded.own.provisioning;
}
