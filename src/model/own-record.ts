import type { ProvisioningRecord } from './provisioning.js';
import type { SignIn } from './sign-in.js';

/**
 * A record of a log other than the audit, in its own Graph shape: the details view and
 * `--format json` show it as it is, while a LoadedEvent's `event` projects it to the fields every
 * pane shares. Its own file so that pane.ts can ask a record's kind without importing
 * loaded-event.ts, which imports pane.ts (the import rules allow no file circle).
 */
export type OwnRecord = { kind: 'sign-in'; signIn: SignIn } | { kind: 'provisioning'; provisioning: ProvisioningRecord };

/** The record as its log writes it: a sign-in or provisioning record in its own shape, an audit as the event. */
export function graphRecordOf(loaded: { event: object; own?: OwnRecord }): object {
  if (!loaded.own) return loaded.event;
  return loaded.own.kind === 'sign-in' ? loaded.own.signIn : loaded.own.provisioning;
}
