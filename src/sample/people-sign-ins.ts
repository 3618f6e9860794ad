/**
 * The people's routine sign-ins: on most working days (in their office's time zone) each person
 * signs in interactively once or twice, from the office, home or a hotel, to the apps their work
 * needs; the session's client then refreshes tokens silently for a few hours. Now and then a
 * password is mistyped, an account locks, a password has expired, MFA is asked for again, a
 * personal phone is refused or an old IMAP client is blocked.
 *
 * Every person draws from their own seeded stream, so one person's habits never reshuffle
 * another's, and the addresses are exactly the ones the audits already use for them.
 */
import type { SignInDevice } from '../model/sign-in.js';
import { TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND, type SampleClock } from './clock.js';
import { SeededRandom, deriveSeed, stableGuid } from './random.js';
import { CLIENT_APPS, PERSONAL_PHONE_USER_AGENT, RESOURCES, deviceFromUserAgent, officePlace, placeOf, type WellKnownApp } from './sign-in-catalog.js';
import { NO_DEVICE, SignInFactory, evaluateConditionalAccess, type PolicySituation, type TimedSignIn, type UserSignInSpec } from './sign-in-parts.js';
import type { Tenant, TenantUser } from './tenant.js';
import { USER_AGENTS } from './tenant-roster.js';

/** Share of a person's working days they sign in at all (leave, sickness, a day on the road). */
const WORKING_DAY_SHARE = 0.56;
/** Share of working days with a second interactive session (after lunch, another app). */
const SECOND_SESSION_SHARE = 0.1;
/** Share of sessions where MFA is asked for again (new day on a browser, token lifetime over). */
const MFA_PROMPT_SHARE = 0.22;

interface ClientApp {
  app: WellKnownApp;
  desktop: boolean;
  /** What the client's silent refreshes ask tokens for, first the resource it signs in to. */
  resources: WellKnownApp[];
  weight: number;
}

const OFFICE_APPS: readonly ClientApp[] = [
  { app: CLIENT_APPS.officeHome, desktop: false, resources: [RESOURCES.officeHome, RESOURCES.graph, RESOURCES.sharePoint], weight: 3 },
  { app: CLIENT_APPS.teams, desktop: true, resources: [RESOURCES.teamsServices, RESOURCES.graph, RESOURCES.sharePoint], weight: 3 },
  { app: CLIENT_APPS.outlook, desktop: true, resources: [RESOURCES.exchange, RESOURCES.graph], weight: 2.5 },
  { app: CLIENT_APPS.outlookWeb, desktop: false, resources: [RESOURCES.exchange, RESOURCES.graph], weight: 0.8 },
  { app: CLIENT_APPS.teamsWeb, desktop: false, resources: [RESOURCES.teamsServices, RESOURCES.graph], weight: 0.6 },
  { app: CLIENT_APPS.office365Portal, desktop: false, resources: [RESOURCES.graph], weight: 0.4 },
];
const ADMIN_APPS: readonly ClientApp[] = [
  { app: CLIENT_APPS.azurePortal, desktop: false, resources: [RESOURCES.azureManagement, RESOURCES.graph], weight: 3 },
];
const SCRIPT_APPS: readonly ClientApp[] = [
  { app: CLIENT_APPS.aadPowerShell, desktop: true, resources: [RESOURCES.aadGraph, RESOURCES.graph], weight: 2 },
];
const IMAP: ClientApp = { app: CLIENT_APPS.exchangeOnline, desktop: true, resources: [RESOURCES.exchange], weight: 0 };

/** One record of a session: what differs from the session's defaults. */
type SessionStep = Partial<Pick<UserSignInSpec, 'interactive' | 'resource'>> &
  Pick<UserSignInSpec, 'errorCode' | 'authentication'> & { stage: PolicySituation['stage']; phone?: boolean };

/** A person as their sign-ins see them: where, on what, with which apps. */
interface Person {
  user: TenantUser;
  browserAgent: string;
  scriptAgent: string | null;
  device: SignInDevice;
  /**
   * Edge hands the device's identity to Entra; Chrome, Firefox and Safari do not without an
   * extension or a setting, so their browser sign-ins show no device (and count as unmanaged).
   * Finance has the extension rolled out, because its policy demands a compliant device.
   */
  browserSendsDevice: boolean;
  apps: ClientApp[];
}

function personOf(tenant: Tenant, user: TenantUser): Person {
  const powerShell = user.userAgent.includes('PowerShell/');
  // People who script in PowerShell still read mail in a browser: the tenant's default Edge.
  const browserAgent = powerShell ? USER_AGENTS[0] : user.userAgent;
  const { operatingSystem, browser } = deviceFromUserAgent(browserAgent);
  const mac = operatingSystem === 'MacOs';
  // Windows laptops are Entra joined and Intune managed; Macs only for Finance, whose policy demands it.
  const managed = !mac || user.department === 'Finance';
  const name = stableGuid(tenant.seed, `device:${user.userPrincipalName}`).replace(/-/g, '').slice(0, 7).toUpperCase();
  const admin = user.roles.length > 0 || user.department === 'IT';
  return {
    user,
    browserAgent,
    scriptAgent: powerShell ? user.userAgent : null,
    browserSendsDevice: browserAgent.includes('Edg/') || user.department === 'Finance',
    device: {
      deviceId: stableGuid(tenant.seed, `device-id:${user.userPrincipalName}`),
      displayName: `${mac ? 'MBP' : 'LT'}-${name}`,
      operatingSystem,
      browser,
      isCompliant: managed,
      isManaged: managed,
      trustType: mac ? 'Azure AD registered' : 'Azure AD joined',
    },
    apps: [...OFFICE_APPS, ...(admin ? ADMIN_APPS : []), ...(powerShell ? SCRIPT_APPS : [])],
  };
}

/** Every person's routine sign-ins over the window, oldest first. */
export function peopleSignIns(tenant: Tenant, clock: SampleClock): TimedSignIn[] {
  const all: TimedSignIn[] = [];
  for (const user of tenant.users) {
    // The emergency-access account stays quiet, as it does in the audits.
    if (user.userPrincipalName.startsWith('breakglass')) continue;
    const rng = new SeededRandom(deriveSeed(tenant.seed, `sign-ins:${user.userPrincipalName}`));
    const writer = new PersonWriter(tenant, clock, rng, personOf(tenant, user), all);
    writer.month();
  }
  return all.sort((a, b) => a.ticks - b.ticks);
}

class PersonWriter {
  private readonly factory: SignInFactory;

  constructor(
    private readonly tenant: Tenant,
    private readonly clock: SampleClock,
    private readonly rng: SeededRandom,
    private readonly person: Person,
    private readonly out: TimedSignIn[],
  ) {
    this.factory = new SignInFactory(rng, clock);
  }

  month(): void {
    const offsetHours = officePlace(this.person.user).utcOffsetHours;
    const firstDayMs = this.clock.utcMidnightMs(0);
    for (let dayMs = firstDayMs; dayMs < this.clock.endMs; dayMs += 86_400_000) {
      // dayMs is the person's local midnight read as UTC; their working hours sit offsetHours earlier in UTC.
      const weekday = new Date(dayMs).getUTCDay();
      if (weekday === 0 || weekday === 6 || !this.rng.chance(WORKING_DAY_SHARE)) continue;
      const localMidnight = this.clock.ticksAt(dayMs - offsetHours * 3_600_000);
      this.session(localMidnight + this.hourTicks(8, 10.5));
      if (this.rng.chance(SECOND_SESSION_SHARE)) this.session(localMidnight + this.hourTicks(12.5, 16.5));
    }
  }

  private hourTicks(from: number, to: number): number {
    return Math.floor((from + this.rng.next() * (to - from)) * TICKS_PER_HOUR);
  }

  private inWindow(ticks: number): boolean {
    return ticks >= 0 && ticks < this.clock.endTicks;
  }

  private address(): string {
    const { user } = this.person;
    const roll = this.rng.next();
    if (roll < 0.72) return user.officeIp;
    if (roll < 0.95 || user.travelIp === null) return user.homeIp;
    return user.travelIp;
  }

  private session(startTicks: number): void {
    if (!this.inWindow(startTicks)) return;
    const ip = this.address();
    const client = this.rng.weighted(this.person.apps);
    const sessionId = this.rng.guid();
    let correlationId = this.rng.guid();
    let at = startTicks;
    const sign = (overrides: SessionStep, chosen: ClientApp = client): void => {
      if (!this.inWindow(at)) return;
      this.out.push(this.factory.user(this.spec(at, chosen, ip, sessionId, correlationId, overrides)));
    };
    const later = (minSeconds: number, maxSeconds: number) => {
      at += this.rng.int(minSeconds, maxSeconds) * TICKS_PER_SECOND + this.rng.int(0, TICKS_PER_SECOND - 1);
    };

    const roll = this.rng.next();
    if (roll < 0.004) {
      // An old mail client still speaking IMAP: blocked by "Block legacy authentication", then the person gives up on it.
      sign({ errorCode: 53003, authentication: 'passwordOnly', stage: 'legacyBlocked' }, IMAP);
      later(60, 600);
      correlationId = this.rng.guid();
    } else if (roll < 0.016 && ip === this.person.user.homeIp && this.person.user.department === 'Finance') {
      // Finance, from home, on a personal phone: refused for want of a compliant device; back to the laptop.
      sign({ errorCode: 53000, authentication: 'passwordOnly', stage: 'deviceBlocked', phone: true });
      later(120, 900);
      correlationId = this.rng.guid();
    } else if (roll < 0.062) {
      sign({ errorCode: 50126, authentication: 'wrongPassword', stage: 'beforeGrant' });
      later(15, 90);
      if (roll < 0.009) {
        // Two more wrong guesses, and smart lockout steps in; the session ends there.
        sign({ errorCode: 50126, authentication: 'wrongPassword', stage: 'beforeGrant' });
        later(10, 40);
        sign({ errorCode: 50053, authentication: 'wrongPassword', stage: 'beforeGrant' });
        return;
      }
    } else if (roll < 0.067) {
      sign({ errorCode: 50055, authentication: 'passwordOnly', stage: 'beforeGrant' });
      return;
    }

    let story: UserSignInSpec['authentication'] = 'claimInToken';
    if (this.rng.chance(MFA_PROMPT_SHARE)) {
      sign({ errorCode: 50074, authentication: 'passwordThenMfaPrompt', stage: 'beforeGrant' });
      later(8, 45);
      story = 'mfaPush';
    }
    sign({ errorCode: 0, authentication: story, stage: 'granted' });

    // The client refreshes its tokens silently for the rest of the working day.
    const refreshes = this.rng.int(1, 3);
    for (let i = 0; i < refreshes; i++) {
      at += this.rng.int(25, 95) * TICKS_PER_MINUTE + this.rng.int(0, TICKS_PER_MINUTE - 1);
      const resource = client.resources[i % client.resources.length];
      sign({ errorCode: 0, authentication: 'refreshToken', stage: 'granted', interactive: false, resource });
    }
  }

  private spec(
    at: number,
    client: ClientApp,
    ip: string,
    sessionId: string,
    correlationId: string,
    overrides: SessionStep,
  ): UserSignInSpec {
    const { user } = this.person;
    const interactive = overrides.interactive ?? true;
    const phone = overrides.phone ?? false;
    const legacy = client === IMAP;
    const script = client.app === CLIENT_APPS.aadPowerShell;
    const userAgent = legacy ? null : phone ? PERSONAL_PHONE_USER_AGENT : script ? this.person.scriptAgent : this.person.browserAgent;
    const device: SignInDevice = legacy ? NO_DEVICE
      : phone ? { ...NO_DEVICE, ...deviceFromUserAgent(PERSONAL_PHONE_USER_AGENT), isCompliant: false, isManaged: false }
      : client.desktop || this.person.browserSendsDevice ? this.person.device
      : { ...NO_DEVICE, operatingSystem: this.person.device.operatingSystem, browser: this.person.device.browser, isCompliant: false, isManaged: false };
    return {
      ticks: at,
      person: user,
      interactive,
      app: client.app,
      resource: overrides.resource ?? client.resources[0],
      ip,
      location: placeOf(user, ip),
      device,
      userAgent,
      clientAppUsed: legacy ? 'IMAP4' : client.desktop ? 'Mobile Apps and Desktop clients' : 'Browser',
      errorCode: overrides.errorCode,
      authentication: overrides.authentication,
      authenticationProtocol: legacy ? 'ropc' : interactive ? 'none' : 'oAuth2',
      correlationId,
      sessionId,
      conditionalAccess: evaluateConditionalAccess(this.tenant, user, {
        stage: overrides.stage,
        managedDevice: device.isManaged === true,
        listAll: interactive,
      }),
    };
  }
}
