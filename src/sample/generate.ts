/**
 * The deterministic sample tenant: routine Entra audit traffic for a fictional organisation
 * with one incident hidden in it. Same options, same events, byte for byte.
 *
 * It streams: the only memory proportional to the output is one typed array of timestamps, so
 * a million events cost about 8 MB plus whatever the consumer keeps.
 */
import type { AuditEvent } from '../model/audit-event.js';
import { pickOperation, runOperation } from './activities.js';
import { SampleClock } from './clock.js';
import { EventFactory } from './event-parts.js';
import { EventQueue } from './event-queue.js';
import { buildIncident, incidentFits, incidentHidden } from './incident.js';
import type { OperationContext } from './operation.js';
import { SeededRandom, deriveSeed } from './random.js';
import { RecentObjects } from './recent.js';
import { sampleTimes } from './rhythm.js';
import { createTenant } from './tenant.js';
import type { SampleOptions } from './options.js';

export { DEFAULT_SAMPLE_OPTIONS, type SampleOptions } from './options.js';

/** Yields exactly `options.events` events, oldest first. */
export function* generateSampleEvents(options: SampleOptions): Generator<AuditEvent> {
  validate(options);
  const tenant = createTenant(options.seed);
  const clock = new SampleClock(options.end, options.days);
  const queue = new EventQueue();

  const incident = incidentFits(options) ? buildIncident(tenant, clock, options).events : [];
  // Too few events to hold the incident and still look like a log: leave it out.
  const withIncident = incidentHidden(options, incident.length) ? incident : [];
  for (const timed of withIncident) queue.push(timed);

  const routineCount = options.events - withIncident.length;
  // Separate streams: changing how many events are drawn must not reshuffle the tenant's
  // behaviour, and vice versa.
  const times = sampleTimes(clock, routineCount, new SeededRandom(deriveSeed(options.seed, 'times')));
  const rng = new SeededRandom(deriveSeed(options.seed, 'operations'));
  const ctx: OperationContext = {
    rng,
    tenant,
    clock,
    events: new EventFactory(rng, clock, rng.int(20_000_000, 29_999_999)),
    recent: new RecentObjects(rng),
  };

  let slot = 0;
  while (slot < routineCount) {
    const at = times[slot];
    for (let due = queue.popDue(at); due; due = queue.popDue(at)) yield due.event;
    const produced = runOperation(ctx, pickOperation(ctx), at);
    // An operation's follow-up steps use up the slots after its start, so the total stays exact.
    const take = Math.min(produced.length, routineCount - slot);
    for (let i = 0; i < take; i++) queue.push(produced[i]);
    slot += take;
  }
  for (let due = queue.popDue(Infinity); due; due = queue.popDue(Infinity)) yield due.event;
}

function validate(options: SampleOptions): void {
  if (!Number.isInteger(options.events) || options.events < 0) throw new Error(`sample events must be a whole number ≥ 0, got ${options.events}`);
  if (!Number.isInteger(options.seed)) throw new Error(`sample seed must be an integer, got ${options.seed}`);
  if (!(options.days > 0)) throw new Error(`sample days must be positive, got ${options.days}`);
  if (!/Z$|[+-]\d{2}:?\d{2}$/.test(options.end) || !Number.isFinite(Date.parse(options.end))) {
    throw new Error(`sample end must be an ISO 8601 date-time with a zone, got ${options.end}`);
  }
}
