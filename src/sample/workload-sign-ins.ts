/**
 * The workloads' sign-ins: the tenant's daemon apps (the app registrations that act on their own)
 * get app-only tokens on their schedules, and two managed identities in the tenant's Azure
 * subscription get tokens for Key Vault and Storage. Each runs from one fixed address in the
 * tenant's Azure region, so a daemon seen anywhere else stands out.
 */
import { TICKS_PER_HOUR, TICKS_PER_SECOND, type SampleClock } from './clock.js';
import { SeededRandom, deriveSeed, stableGuid } from './random.js';
import { AZURE_REGION, RESOURCES, type WellKnownApp } from './sign-in-catalog.js';
import { SignInFactory, type TimedSignIn } from './sign-in-parts.js';
import type { Tenant } from './tenant.js';

interface Schedule {
  /** UTC hours at which it runs, every day or only on weekdays. */
  hours: readonly number[];
  weekdaysOnly: boolean;
  /** Extra runs at random working-hour times on weekdays (a build server's pushes). */
  adHocPerWeekday?: [number, number];
  resource: WellKnownApp;
  /** Share of runs that fail with an expired or wrong secret (7000215) before someone rotates it. */
  failureShare: number;
}

const DAEMON_SCHEDULES: Readonly<Record<string, Schedule>> = {
  'Payroll Connector': { hours: [6.1, 18.1], weekdaysOnly: true, resource: RESOURCES.graph, failureShare: 0 },
  'HR Sync Service': { hours: [0.25, 6.25, 12.25, 18.25], weekdaysOnly: false, resource: RESOURCES.graph, failureShare: 0.01 },
  'Build Pipeline': { hours: [], weekdaysOnly: true, adHocPerWeekday: [1, 4], resource: RESOURCES.azureManagement, failureShare: 0.04 },
  'Backup Vault Agent': { hours: [1.5], weekdaysOnly: false, resource: RESOURCES.storage, failureShare: 0 },
  'Ticketing Bridge': { hours: [7.66, 19.66], weekdaysOnly: false, resource: RESOURCES.graph, failureShare: 0.01 },
  'Data Warehouse Loader': { hours: [4], weekdaysOnly: false, resource: RESOURCES.graph, failureShare: 0 },
};

const MANAGED_IDENTITIES: ReadonlyArray<{ name: string; type: 'systemAssigned' | 'userAssigned'; schedule: Schedule }> = [
  { name: 'func-fabrikam-reports', type: 'systemAssigned', schedule: { hours: [5, 17], weekdaysOnly: true, resource: RESOURCES.keyVault, failureShare: 0 } },
  { name: 'id-backup-automation', type: 'userAssigned', schedule: { hours: [1], weekdaysOnly: false, resource: RESOURCES.storage, failureShare: 0 } },
];

/** Every daemon's and managed identity's sign-ins over the window, oldest first. */
export function workloadSignIns(tenant: Tenant, clock: SampleClock): TimedSignIn[] {
  const all: TimedSignIn[] = [];
  const daemons = tenant.apps.filter((app) => app.actsOnItsOwn && DAEMON_SCHEDULES[app.displayName]);
  daemons.forEach((app, index) => {
    // 198.51.100.150+ is the tenant's Azure egress range; offices and guests use other parts of the block.
    const ip = `198.51.100.${150 + index}`;
    run(tenant, clock, `sign-ins:daemon:${app.displayName}`, DAEMON_SCHEDULES[app.displayName], all, (factory, ticks, failed) =>
      factory.workload({
        ticks, app, resource: DAEMON_SCHEDULES[app.displayName].resource, ip, location: AZURE_REGION,
        errorCode: failed ? 7000215 : 0, managedIdentityType: null,
      }));
  });
  MANAGED_IDENTITIES.forEach((identity, index) => {
    const ip = `198.51.100.${170 + index}`;
    const app = {
      displayName: identity.name,
      appId: stableGuid(tenant.seed, `managed-identity-app:${identity.name}`),
      servicePrincipalId: stableGuid(tenant.seed, `managed-identity-sp:${identity.name}`),
    };
    run(tenant, clock, `sign-ins:managed-identity:${identity.name}`, identity.schedule, all, (factory, ticks) =>
      factory.workload({ ticks, app, resource: identity.schedule.resource, ip, location: AZURE_REGION, errorCode: 0, managedIdentityType: identity.type }));
  });
  return all.sort((a, b) => a.ticks - b.ticks);
}

function run(
  tenant: Tenant,
  clock: SampleClock,
  label: string,
  schedule: Schedule,
  out: TimedSignIn[],
  write: (factory: SignInFactory, ticks: number, failed: boolean) => TimedSignIn,
): void {
  const rng = new SeededRandom(deriveSeed(tenant.seed, label));
  const factory = new SignInFactory(rng, clock);
  for (let dayMs = clock.utcMidnightMs(0); dayMs < clock.endMs; dayMs += 86_400_000) {
    const weekday = new Date(dayMs).getUTCDay();
    const workday = weekday !== 0 && weekday !== 6;
    if (schedule.weekdaysOnly && !workday) continue;
    const hours = [...schedule.hours];
    if (schedule.adHocPerWeekday && workday) {
      const [min, max] = schedule.adHocPerWeekday;
      for (let i = rng.int(min, max); i > 0; i--) hours.push(8 + rng.next() * 10);
    }
    for (const hour of hours.sort((a, b) => a - b)) {
      // Schedulers drift by a minute or two; the token request comes a few seconds into the run.
      const ticks = clock.ticksAt(dayMs) + Math.floor(hour * TICKS_PER_HOUR) + rng.int(0, 150) * TICKS_PER_SECOND + rng.int(0, TICKS_PER_SECOND - 1);
      if (ticks < 0 || ticks >= clock.endTicks) continue;
      out.push(write(factory, ticks, rng.chance(schedule.failureShare)));
    }
  }
}
