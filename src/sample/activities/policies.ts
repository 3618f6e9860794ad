/**
 * Conditional Access. The service logs the whole policy, before and after, as JSON text in one
 * modified property, so a change is only visible by comparing the two documents.
 */
import { jsonProp, policyTarget } from '../event-parts.js';
import { adminActor, single, type Operation, type OperationContext } from '../operation.js';
import type { ConditionalAccessPolicy } from '../tenant.js';

/** The policy the incident weakens; routine edits leave it alone so its history stays clean. */
export const INCIDENT_POLICY_NAME = 'Require MFA for administrators';

/** The policy document as the Conditional Access service writes it into the audit log. */
export function policyDocument(policy: ConditionalAccessPolicy, modifiedDateTime: string | null): Record<string, unknown> {
  return {
    id: policy.id,
    displayName: policy.displayName,
    createdDateTime: policy.createdDateTime,
    modifiedDateTime,
    state: policy.state,
    conditions: policy.conditions,
    grantControls: policy.grantControls,
    sessionControls: policy.sessionControls,
  };
}

type PolicyEdit = (ctx: OperationContext, policy: ConditionalAccessPolicy) => ConditionalAccessPolicy;

const EDITS: readonly PolicyEdit[] = [
  // Exclude a colleague for a day while their phone is replaced (and write it back later).
  (ctx, policy) => ({
    ...policy,
    conditions: {
      ...policy.conditions,
      users: { ...policy.conditions.users, excludeUsers: [...policy.conditions.users.excludeUsers, ctx.rng.pick(ctx.tenant.users.slice(10)).id] },
    },
  }),
  (ctx, policy) => ({
    ...policy,
    conditions: {
      ...policy.conditions,
      applications: { ...policy.conditions.applications, excludeApplications: [ctx.rng.pick(ctx.tenant.apps).appId] },
    },
  }),
  (ctx, policy) => ({
    ...policy,
    conditions: { ...policy.conditions, clientAppTypes: ctx.rng.chance(0.5) ? ['browser', 'mobileAppsAndDesktopClients'] : ['all'] },
  }),
  (ctx, policy) => ({
    ...policy,
    sessionControls: { signInFrequency: { value: ctx.rng.pick([4, 8, 12]), type: 'hours', isEnabled: true } },
  }),
];

const updateConditionalAccessPolicy: Operation = {
  activity: 'Update conditional access policy',
  weight: 0.45,
  failureReasons: ['Policy contains invalid conditions: the excluded object does not exist.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'Conditional Access Administrator', 'Security Administrator');
    const policy = ctx.rng.pick(ctx.tenant.policies.filter((candidate) => candidate.displayName !== INCIDENT_POLICY_NAME));
    const edited = ctx.rng.pick(EDITS)(ctx, policy);
    const now = ctx.clock.iso(at);
    return single(ctx, at, {
      activity: 'Update conditional access policy', category: 'Policy', service: 'Conditional Access', operationType: 'Update',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [policyTarget(policy.id, policy.displayName, [
        jsonProp('ConditionalAccessPolicy', policyDocument(policy, policy.createdDateTime), policyDocument(edited, now)),
      ])],
    });
  },
};

export const POLICY_OPERATIONS: readonly Operation[] = [updateConditionalAccessPolicy];
