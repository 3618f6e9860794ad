/**
 * The tenant's outbound provisioning job, Entra ID → ServiceNow. It watches the audits as they are
 * written (joiners, profile changes, leavers, licences) and, every 40 minutes in working hours
 * (07:12–18:52 UTC on weekdays), exports what changed since the last cycle: it creates licensed
 * members, updates the attributes it maps, disables leavers, and skips accounts out of its scope
 * (guests, and accounts without a licence — the incident's svc-helpdesk-sync among them).
 * A rehire whose email is already in ServiceNow fails as a duplicate; ServiceNow throttling
 * fails an update now and then, retried in the next cycle. Cycles with nothing to do log nothing.
 *
 * Its randomness is its own seeded stream, so the audits it reads stay exactly what they were.
 */
import type { AuditEvent } from '../model/audit-event.js';
import type { ProvisioningErrorInformation, ProvisioningRecord, ProvisioningStep } from '../model/provisioning.js';
import { TICKS_PER_MINUTE, TICKS_PER_SECOND, type SampleClock } from './clock.js';
import { SeededRandom, deriveSeed, stableGuid } from './random.js';
import type { Tenant } from './tenant.js';

export interface TimedProvisioning {
  ticks: number;
  record: ProvisioningRecord;
}

const TARGET = 'ServiceNow';
const CYCLE_MINUTES = 40;
const FIRST_CYCLE_MINUTES = 7 * 60 + 12;
const LAST_CYCLE_BEFORE_MINUTES = 19 * 60;
/** Changes reach the job's delta a little after they are made; younger ones wait a cycle. */
const PICK_UP_DELAY_TICKS = 60 * TICKS_PER_SECOND;
const THROTTLED_SHARE = 0.03;

/** Entra attribute (as the audits name it) → ServiceNow attribute, for the ones the job maps. */
const MAPPED: Readonly<Record<string, string>> = {
  JobTitle: 'title',
  Department: 'department',
};

interface Identity {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

interface Pending {
  kind: 'create' | 'update' | 'disable';
  user: Identity;
  guest: boolean;
  observedAt: number;
  changes: Map<string, { oldValue: string | null; newValue: string | null }>;
}

interface Provisioned {
  sysId: string;
  email: string;
  active: boolean;
}

export class ProvisioningJob {
  private readonly rng: SeededRandom;
  private readonly cycles: number[] = [];
  private nextCycle = 0;
  private readonly pending = new Map<string, Pending>();
  /** Users in ServiceNow by Entra object id; everyone but the emergency account is there when the window opens. */
  private readonly provisioned = new Map<string, Provisioned>();
  private readonly emailsInTarget = new Set<string>();
  private readonly licensed = new Set<string>();
  private readonly jobId: string;
  private readonly systems: { source: { id: string; displayName: string }; target: { id: string; displayName: string } };
  private readonly servicePrincipal: { id: string; displayName: string };

  constructor(
    private readonly tenant: Tenant,
    private readonly clock: SampleClock,
  ) {
    this.rng = new SeededRandom(deriveSeed(tenant.seed, 'provisioning'));
    const hex = (label: string) => stableGuid(tenant.seed, label).replace(/-/g, '');
    // Entra names a job after its template, the tenant and the job itself.
    this.jobId = `ServiceNowOutDelta.${tenant.tenantId.replace(/-/g, '')}.${hex('provisioning:job')}`;
    this.systems = {
      source: { id: stableGuid(tenant.seed, 'provisioning:source'), displayName: 'Azure Active Directory' },
      target: { id: stableGuid(tenant.seed, 'provisioning:target'), displayName: TARGET },
    };
    this.servicePrincipal = { id: stableGuid(tenant.seed, `sp:${TARGET}`), displayName: TARGET };
    for (const user of tenant.users) {
      if (user.userPrincipalName.startsWith('breakglass')) continue;
      this.provisioned.set(user.id, { sysId: this.sysId(user.id), email: user.userPrincipalName, active: true });
      this.emailsInTarget.add(user.userPrincipalName);
      this.licensed.add(user.id);
    }
    for (let dayMs = clock.utcMidnightMs(0); dayMs < clock.endMs; dayMs += 86_400_000) {
      const weekday = new Date(dayMs).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let minutes = FIRST_CYCLE_MINUTES; minutes < LAST_CYCLE_BEFORE_MINUTES; minutes += CYCLE_MINUTES) {
        const ticks = clock.ticksAt(dayMs) + minutes * TICKS_PER_MINUTE;
        if (ticks >= 0 && ticks < clock.endTicks) this.cycles.push(ticks);
      }
    }
  }

  /** Reads one audit event, in log order. */
  observe(event: AuditEvent, ticks: number): void {
    if (event.result !== 'success') return;
    const target = event.targetResources[0];
    if (!target || target.type !== 'User' || !target.id) return;
    const user: Identity = { id: target.id, displayName: target.displayName ?? '', userPrincipalName: undeleted(target.userPrincipalName ?? '') };
    const known = this.provisioned.get(user.id);
    const waiting = this.pending.get(user.id);
    switch (event.activityDisplayName) {
      case 'Add user': {
        const userType = target.modifiedProperties.find((prop) => prop.displayName === 'UserType')?.newValue ?? '';
        this.pending.set(user.id, { kind: 'create', user, guest: userType.includes('Guest'), observedAt: ticks, changes: new Map() });
        return;
      }
      case 'Change user license':
        this.licensed.add(user.id);
        return;
      case 'Update user': {
        if (!known?.active || waiting?.kind === 'create' || waiting?.kind === 'disable') return;
        const changes = waiting?.changes ?? new Map();
        for (const prop of target.modifiedProperties) {
          if (MAPPED[prop.displayName]) changes.set(MAPPED[prop.displayName], { oldValue: plain(prop.oldValue), newValue: plain(prop.newValue) });
        }
        if (changes.size > 0) this.pending.set(user.id, { kind: 'update', user, guest: false, observedAt: waiting?.observedAt ?? ticks, changes });
        return;
      }
      case 'Delete user':
      case 'Disable account':
        // Never exported: nothing to disable, and nothing to create any more.
        if (waiting?.kind === 'create') this.pending.delete(user.id);
        else if (known?.active) this.pending.set(user.id, { kind: 'disable', user, guest: false, observedAt: ticks, changes: new Map() });
        return;
    }
  }

  /** Runs every cycle due before `ticks`; their records, oldest first. */
  runCyclesBefore(ticks: number): TimedProvisioning[] {
    const out: TimedProvisioning[] = [];
    while (this.nextCycle < this.cycles.length && this.cycles[this.nextCycle] < ticks) out.push(...this.cycle(this.cycles[this.nextCycle++]));
    return out;
  }

  private cycle(startTicks: number): TimedProvisioning[] {
    const cycleId = this.rng.guid();
    const out: TimedProvisioning[] = [];
    let at = startTicks + this.rng.int(5, 40) * TICKS_PER_SECOND;
    for (const [id, change] of [...this.pending]) {
      if (change.observedAt > startTicks - PICK_UP_DELAY_TICKS) continue;
      const record = this.process(change, cycleId);
      // A throttled update waits for the next cycle; everything else is done with, one way or another.
      const retry = change.kind === 'update' && record?.provisioningStatusInfo.status === 'failure';
      if (!retry) this.pending.delete(id);
      if (!record) continue;
      at += this.rng.int(1, 6) * TICKS_PER_SECOND + this.rng.int(0, TICKS_PER_SECOND - 1);
      out.push({ ticks: this.clock.clamp(at), record: { ...record, activityDateTime: this.clock.iso(this.clock.clamp(at)) } });
    }
    return out;
  }

  private process(change: Pending, cycleId: string): ProvisioningRecord | null {
    const { user } = change;
    const upn = user.userPrincipalName;
    const verb = change.kind === 'create' ? 'Add' : change.kind === 'update' ? 'Update' : 'Delete';
    const steps: ProvisioningStep[] = [
      { name: `EntryImport${verb}`, provisioningStepType: 'import', status: 'success', description: `Received User '${upn}' change of type (${verb}) from Azure Active Directory` },
    ];
    if (change.kind === 'create' && (change.guest || !this.licensed.has(user.id))) {
      const reason = change.guest ? 'the user is a guest, and the scoping filter takes members only' : 'the user has no licence, and the scoping filter takes licensed users only';
      steps.push({ name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'skipped', description: `User '${upn}' will be skipped: ${reason} (NotEffectivelyEntitled)` });
      return this.record(change, cycleId, 'other', 'skipped', null, steps, [], null);
    }
    steps.push({ name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'success', description: `Determine if User in scope by evaluating against each scoping filter` });

    if (change.kind === 'create') {
      const duplicate = this.emailsInTarget.has(upn);
      steps.push({ name: 'EntryMatching', provisioningStepType: 'matching', status: duplicate ? 'failure' : 'success',
        description: duplicate ? `More than one User in ${TARGET} matched email '${upn}'` : `No User found in ${TARGET} matching email '${upn}'` });
      if (duplicate) {
        return this.record(change, cycleId, 'create', 'failure', null, steps, [], {
          errorCode: 'DuplicateTargetEntries', errorCategory: 'NonServiceFailure', additionalDetails: null,
          reason: `The operation couldn't be completed because more than one user in ${TARGET} was found with the email '${upn}'.`,
          recommendedAction: `Remove the duplicate users from ${TARGET}, or change the matching attribute.`,
        });
      }
      const sysId = this.sysId(user.id);
      steps.push({ name: 'EntrySynchronizationAdd', provisioningStepType: 'processing', status: 'success', description: `User '${upn}' will be created in ${TARGET}` });
      steps.push({ name: 'EntryExportAdd', provisioningStepType: 'export', status: 'success', description: `User '${upn}' was created in ${TARGET}` });
      this.provisioned.set(user.id, { sysId, email: upn, active: true });
      this.emailsInTarget.add(upn);
      const [first, ...rest] = user.displayName.split(' ');
      const props = [['user_name', upn], ['email', upn], ['first_name', first], ['last_name', rest.join(' ')], ['active', 'True']].map(([displayName, newValue]) => ({ displayName, oldValue: null, newValue }));
      return this.record(change, cycleId, 'create', 'success', sysId, steps, props, null);
    }

    const known = this.provisioned.get(user.id);
    if (!known) return null;
    steps.push({ name: 'EntryMatching', provisioningStepType: 'matching', status: 'success', description: `User '${upn}' was found in ${TARGET}` });
    if (change.kind === 'disable') {
      steps.push({ name: 'EntrySynchronizationUpdate', provisioningStepType: 'processing', status: 'success', description: `User '${upn}' will be disabled in ${TARGET}` });
      steps.push({ name: 'EntryExportUpdate', provisioningStepType: 'export', status: 'success', description: `User '${upn}' was disabled in ${TARGET}` });
      known.active = false;
      return this.record(change, cycleId, 'disable', 'success', known.sysId, steps, [{ displayName: 'active', oldValue: 'True', newValue: 'False' }], null);
    }
    const props = [...change.changes].map(([displayName, values]) => ({ displayName, ...values }));
    steps.push({ name: 'EntrySynchronizationUpdate', provisioningStepType: 'processing', status: 'success', description: `User '${upn}' will be updated in ${TARGET}: ${props.map((prop) => prop.displayName).join(', ')}` });
    if (this.rng.chance(THROTTLED_SHARE)) {
      steps.push({ name: 'EntryExportUpdate', provisioningStepType: 'export', status: 'failure', description: `Failed to update User '${upn}' in ${TARGET}` });
      return this.record(change, cycleId, 'update', 'failure', known.sysId, steps, props, {
        errorCode: 'ServiceNowTooManyRequests', errorCategory: 'NonServiceFailure', additionalDetails: 'HTTP 429 from the ServiceNow Table API',
        reason: `${TARGET} refused the request because too many were made in a short time.`,
        recommendedAction: 'None: the change is retried in the next cycle.',
      });
    }
    steps.push({ name: 'EntryExportUpdate', provisioningStepType: 'export', status: 'success', description: `User '${upn}' was updated in ${TARGET}` });
    return this.record(change, cycleId, 'update', 'success', known.sysId, steps, props, null);
  }

  private record(
    change: Pending, cycleId: string, action: string, status: string, sysId: string | null,
    steps: ProvisioningStep[], modifiedProperties: ProvisioningRecord['modifiedProperties'], errorInformation: ProvisioningErrorInformation | null,
  ): ProvisioningRecord {
    return {
      id: this.rng.guid(),
      activityDateTime: '', // set by the cycle, which knows when the record is written
      jobId: this.jobId,
      cycleId,
      changeId: this.rng.guid(),
      provisioningAction: action,
      provisioningStatusInfo: { status, errorInformation },
      sourceSystem: this.systems.source,
      targetSystem: this.systems.target,
      sourceIdentity: { id: change.user.id, displayName: change.user.displayName, identityType: 'User' },
      targetIdentity: { id: sysId, displayName: sysId ? change.user.displayName : null, identityType: 'sys_user' },
      servicePrincipal: this.servicePrincipal,
      initiatedBy: { id: null, displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      modifiedProperties,
      provisioningSteps: steps,
      durationInMilliseconds: this.rng.int(180, 3800),
    };
  }

  /** ServiceNow's record ids are 32 hex digits; one per person, whichever cycle creates them. */
  private sysId(userId: string): string {
    return stableGuid(this.tenant.seed, `servicenow:${userId}`).replace(/-/g, '');
  }
}

/** A deleted user's UPN is logged with its object id in front; the person is the part after it. */
function undeleted(userPrincipalName: string): string {
  return userPrincipalName.replace(/^[0-9a-f]{32}/, '');
}

/** Audit values are JSON text, often one-element arrays; ServiceNow gets the plain value. */
function plain(value: string | null): string | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    const single = Array.isArray(parsed) ? parsed[0] : parsed;
    return single === undefined || single === null ? null : String(single);
  } catch {
    return value;
  }
}
