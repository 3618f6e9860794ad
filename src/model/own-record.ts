import type { ProvisioningRecord } from './provisioning.js';
import type { SignIn } from './sign-in.js';

/**
 * A record of a log other than the audit, in its own Graph shape: the details view and
 * `--format json` show it as it is, while LoadedEvent's `event` projects it to the fields every
 * pane shares.
 */
export type OwnRecord = { kind: 'sign-in'; signIn: SignIn } | { kind: 'provisioning'; provisioning: ProvisioningRecord };
