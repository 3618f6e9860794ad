/**
 * The catalogue of routine operations and how often each happens, plus the one place where
 * operations fail or time out. The per-area builders live in ./activities/.
 */
import type { TimedEvent } from './event-parts.js';
import type { Operation, OperationContext } from './operation.js';
import { APP_OPERATIONS } from './activities/apps.js';
import { CUSTOM_SECURITY_OPERATIONS } from './activities/custom-security.js';
import { DEVICE_OPERATIONS } from './activities/devices.js';
import { GROUP_OPERATIONS } from './activities/groups.js';
import { POLICY_OPERATIONS } from './activities/policies.js';
import { ROLE_OPERATIONS } from './activities/roles.js';
import { SUBSTRATE_OPERATIONS } from './activities/substrate.js';
import { USER_OPERATIONS } from './activities/users.js';

/** Everything that lands in the portal's Directory pane. Weights are relative, per operation. */
export const DIRECTORY_OPERATIONS: readonly Operation[] = [
  ...USER_OPERATIONS,
  ...GROUP_OPERATIONS,
  ...APP_OPERATIONS,
  ...ROLE_OPERATIONS,
  ...POLICY_OPERATIONS,
  ...DEVICE_OPERATIONS,
  ...SUBSTRATE_OPERATIONS,
];

export { CUSTOM_SECURITY_OPERATIONS };

/**
 * Share of operations that are custom security attribute changes. Directory operations log
 * ~1.3 events each on average, attribute changes one, so this yields ~2.5% of events.
 */
export const CUSTOM_SECURITY_OPERATION_SHARE = 0.032;
/**
 * Share of operations that fail. A failed operation logs only its first step, so this comes
 * to about 3% of events.
 */
export const FAILURE_RATE = 0.033;
/** Share of operations that time out — rarer than failures, but real and worth a filter. */
export const TIMEOUT_RATE = 0.002;

const TIMEOUT_REASON = 'The operation timed out. Please retry the request.';

/**
 * Only some operations can fail; scale their failure chance so that about FAILURE_RATE of all
 * operations fail. Computed once from the catalogue's weights.
 */
const failingShare = (() => {
  let total = 0;
  let failing = 0;
  for (const operation of DIRECTORY_OPERATIONS) {
    total += operation.weight;
    if (operation.failureReasons) failing += operation.weight;
  }
  return failing / total;
})();

export function pickOperation(ctx: OperationContext): Operation {
  return ctx.rng.chance(CUSTOM_SECURITY_OPERATION_SHARE)
    ? ctx.rng.weighted(CUSTOM_SECURITY_OPERATIONS)
    : ctx.rng.weighted(DIRECTORY_OPERATIONS);
}

/**
 * Builds the operation's events and decides its outcome. Operations without failure reasons
 * (service write-backs, device hum) only ever time out.
 */
export function runOperation(ctx: OperationContext, operation: Operation, at: number): TimedEvent[] {
  const events = operation.build(ctx, at);
  const roll = ctx.rng.next();
  if (roll < TIMEOUT_RATE) return [withOutcome(events[0], 'timeout', TIMEOUT_REASON)];
  if (operation.failureReasons && roll < TIMEOUT_RATE + FAILURE_RATE / failingShare) {
    return [withOutcome(events[0], 'failure', ctx.rng.pick(operation.failureReasons))];
  }
  return events;
}

function withOutcome(timed: TimedEvent, result: 'failure' | 'timeout', reason: string): TimedEvent {
  return { ticks: timed.ticks, event: { ...timed.event, result, resultReason: reason } };
}
