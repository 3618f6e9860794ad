/**
 * The whole sample file: the directory audits of generate.ts, exactly as they are, with the
 * tenant's sign-ins and the provisioning job's records between them in time order. The audits
 * are the spine: the sign-ins are drawn up front (a few thousand, bounded by people × days), and
 * the provisioning job reads each audit as it passes and writes its cycles as their time comes,
 * so memory stays flat however many audits are asked for.
 */
import type { AuditEvent } from '../model/audit-event.js';
import type { ProvisioningRecord } from '../model/provisioning.js';
import type { SignIn } from '../model/sign-in.js';
import { SampleClock, TICKS_PER_MS } from './clock.js';
import { generateSampleEvents } from './generate.js';
import { incidentSignInsFor } from './incident-sign-ins.js';
import type { SampleOptions } from './options.js';
import { peopleSignIns } from './people-sign-ins.js';
import { ProvisioningJob, type TimedProvisioning } from './provisioning.js';
import type { TimedSignIn } from './sign-in-parts.js';
import { createTenant, type Tenant } from './tenant.js';
import { workloadSignIns } from './workload-sign-ins.js';

export type SampleRecord = AuditEvent | SignIn | ProvisioningRecord;

/** Every sign-in of the sample (routine and incident), oldest first; none when options say so. */
export function sampleSignIns(tenant: Tenant, clock: SampleClock, options: SampleOptions): TimedSignIn[] {
  if (!options.signIns) return [];
  const incident = incidentSignInsFor(tenant, clock, options)?.signIns ?? [];
  return [...peopleSignIns(tenant, clock), ...workloadSignIns(tenant, clock), ...incident].sort((a, b) => a.ticks - b.ticks);
}

/** Yields the audits of generateSampleEvents(options), in their order, with the other logs interleaved by time. */
export function* generateSampleRecords(options: SampleOptions): Generator<SampleRecord> {
  const audits = generateSampleEvents(options);
  const tenant = createTenant(options.seed);
  const clock = new SampleClock(options.end, options.days);
  const signIns = sampleSignIns(tenant, clock, options);
  const job = options.provisioning ? new ProvisioningJob(tenant, clock) : null;
  let nextSignIn = 0;
  const provisioning: TimedProvisioning[] = [];
  let nextProvisioning = 0;

  // Everything not an audit that happens before `ticks`, oldest first.
  function* before(ticks: number): Generator<SignIn | ProvisioningRecord> {
    if (job) provisioning.push(...job.runCyclesBefore(ticks));
    for (;;) {
      const signIn = signIns[nextSignIn];
      const provisioned = provisioning[nextProvisioning];
      const signInDue = signIn !== undefined && signIn.ticks < ticks;
      const provisionedDue = provisioned !== undefined && provisioned.ticks < ticks;
      if (!signInDue && !provisionedDue) break;
      if (signInDue && (!provisionedDue || signIn.ticks <= provisioned.ticks)) {
        yield signIn.record;
        nextSignIn++;
      } else {
        yield provisioned.record;
        nextProvisioning++;
      }
    }
    // Drop what has been written so the buffer stays one cycle long.
    if (nextProvisioning > 1024) {
      provisioning.splice(0, nextProvisioning);
      nextProvisioning = 0;
    }
  }

  for (const audit of audits) {
    const ticks = ticksOf(clock, audit.activityDateTime);
    yield* before(ticks);
    yield audit;
    job?.observe(audit, ticks);
  }
  yield* before(Infinity);
}

/** The ticks of a seven-digit ISO time, exactly (Date.parse keeps only the milliseconds). */
function ticksOf(clock: SampleClock, iso: string): number {
  return clock.ticksAt(Date.parse(iso)) + Number(iso.slice(23, 27)) % TICKS_PER_MS;
}
