/**
 * What an activity builder gets to work with, and the helpers they share: who acts, from which
 * address, and how the events of one operation follow each other within seconds under one
 * correlation id.
 */
import type { AuditActivityInitiator, KeyValue } from '../model/audit-event.js';
import type { SampleClock } from './clock.js';
import { TICKS_PER_MS } from './clock.js';
import { byUser, userAgentDetail, type EventFactory, type EventSpec, type TimedEvent } from './event-parts.js';
import type { RecentObjects } from './recent.js';
import type { SeededRandom, Weighted } from './random.js';
import { usersWithRole, type RoleName, type Tenant, type TenantUser } from './tenant.js';

export interface OperationContext {
  rng: SeededRandom;
  tenant: Tenant;
  clock: SampleClock;
  events: EventFactory;
  /** Objects created earlier in the run, so later updates and deletes can refer to them. */
  recent: RecentObjects;
}

/** One routine thing an admin, a user or a service does; yields one or more related events. */
export interface Operation extends Weighted {
  /** The first (or only) activity it logs; used in docs, tests and debugging. */
  activity: string;
  /** Why it can fail, in Graph's words; without it the operation never fails. */
  failureReasons?: readonly string[];
  build(ctx: OperationContext, at: number): TimedEvent[];
}

export interface Actor {
  user: TenantUser;
  initiatedBy: AuditActivityInitiator;
  details: KeyValue[];
}

/** Mostly the office, sometimes home, now and then a hotel or a train (for those who travel). */
export function addressOf(ctx: OperationContext, user: TenantUser): string {
  const roll = ctx.rng.next();
  if (roll < 0.72) return user.officeIp;
  if (roll < 0.95 || user.travelIp === null) return user.homeIp;
  return user.travelIp;
}

export function actorFor(ctx: OperationContext, user: TenantUser): Actor {
  return { user, initiatedBy: byUser(user, addressOf(ctx, user)), details: [userAgentDetail(user.userAgent)] };
}

/** An admin holding one of the roles (falls back to a Global Administrator). */
export function adminActor(ctx: OperationContext, ...roles: RoleName[]): Actor {
  const candidates = usersWithRole(ctx.tenant, ...roles);
  const pool = candidates.length > 0 ? candidates : usersWithRole(ctx.tenant, 'Global Administrator');
  return actorFor(ctx, ctx.rng.pick(pool));
}

/** Anyone in the tenant except the emergency-access account, which must stay quiet. */
export function anyMember(ctx: OperationContext): TenantUser {
  for (;;) {
    const user = ctx.rng.pick(ctx.tenant.users);
    if (!user.userPrincipalName.startsWith('breakglass')) return user;
  }
}

export function memberActor(ctx: OperationContext): Actor {
  return actorFor(ctx, anyMember(ctx));
}

/**
 * The events of one operation, a fraction of a second to a few seconds apart, sharing one
 * correlation id (as Core Directory logs the steps of one portal action).
 */
export function chain(ctx: OperationContext, at: number, specs: readonly EventSpec[]): TimedEvent[] {
  const correlationId = ctx.rng.guid();
  const timed: TimedEvent[] = [];
  let ticks = at;
  for (const spec of specs) {
    timed.push(ctx.events.event(spec, ticks, correlationId));
    ticks += ctx.rng.int(150, 4000) * TICKS_PER_MS + ctx.rng.int(0, TICKS_PER_MS - 1);
  }
  return timed;
}

export function single(ctx: OperationContext, at: number, spec: EventSpec): TimedEvent[] {
  return chain(ctx, at, [spec]);
}
