/**
 * Objects the routine traffic creates (new hires, guests, app registrations, groups, devices)
 * and remembers for a while, so that a later "Delete user" or "Update device" names something
 * that was really added. Each memory is a small ring, keeping a million-event run in bounded
 * memory.
 */
import type { SeededRandom } from './random.js';
import { SAMPLE_DOMAIN, type TenantApp, type TenantGroup, type TenantUser } from './tenant.js';

const RING_SIZE = 24;

export interface SampleDevice {
  id: string;
  displayName: string;
  os: 'Windows' | 'MacMDM' | 'iOS' | 'Android';
  osVersion: string;
  owner: TenantUser;
}

class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;

  add(item: T): void {
    if (this.items.length < RING_SIZE) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % RING_SIZE;
  }

  /** A remembered item, or null when nothing has been remembered yet. */
  pick(rng: SeededRandom): T | null {
    return this.items.length === 0 ? null : rng.pick(this.items);
  }
}

/** [display name, UPN local part]: the people who join, visit and leave during the window. */
const NEWCOMERS: ReadonlyArray<[string, string]> = [
  ['Harper Quinn', 'harper.quinn'], ['Felix Wagner', 'felix.wagner'], ['Maya Goldberg', 'maya.goldberg'],
  ['Noah Fischer', 'noah.fischer'], ['Elif Yılmaz', 'elif.yilmaz'], ['Tariq Aziz', 'tariq.aziz'],
  ['Ingrid Berg', 'ingrid.berg'], ['Leo Marchetti', 'leo.marchetti'], ['Aiko Mori', 'aiko.mori'],
  ['中村 陽斗', 'haruto.nakamura'], ['张伟', 'wei.zhang'], ['Юлия Кузнецова', 'yulia.kuznetsova'],
  ['Σοφία Κωνσταντίνου', 'sofia.konstantinou'], ['يوسف منصور', 'yousef.mansour'], ['박지훈', 'jihoon.park'],
  ['Rosa Jiménez', 'rosa.jimenez'], ['Chidi Eze', 'chidi.eze'], ['Nina Horvat', 'nina.horvat'],
  ['Theo Laurent', 'theo.laurent'], ['Priyanka Das', 'priyanka.das'], ['Jonas Weber', 'jonas.weber'],
  ['Camille Roux', 'camille.roux'], ['Omar Farouk', 'omar.farouk'], ['Lina Svensson', 'lina.svensson'],
  ['Riley Park 🎸', 'riley.park'], ['Mila Jovanović', 'mila.jovanovic'], ['Arjun Mehta', 'arjun.mehta'],
];

const PARTNER_DOMAINS = ['northwind-partners.example', 'tailspin.example', 'adatum.example', 'woodgrove-consulting.example'];

const NEW_APP_NAMES = [
  'Contractor Onboarding', 'Survey Bot', 'Release Notes Publisher', 'Invoice OCR', 'Room Booking',
  'Slack Bridge', 'Asset Inventory', 'Grafana SSO', 'Docs Search', 'Travel Booking', 'Badge Printer',
  'Feedback Widget', 'Git Mirror', 'Lab Scheduler',
];

const NEW_GROUP_NAMES = [
  'Project Baltic', 'Offsite 2026 Planning', 'Q4 Launch War Room', 'Finance – Audit 2026', 'Data Platform Guild',
  'Interns 2026', 'Incident Review Board', 'Accessibility Champions', 'Δίκτυο Πωλήσεων', 'Équipe Paris',
  'Security Champions', 'Customer Advisory Board',
];

const DEVICE_MODELS: ReadonlyArray<[SampleDevice['os'], string, string]> = [
  ['Windows', 'LT-', '10.0.22631.4460'],
  ['Windows', 'DESKTOP-', '10.0.26100.2314'],
  ['MacMDM', 'MBP-', '15.1.1'],
  ['iOS', 'iPhone-', '18.1.1'],
  ['Android', 'Pixel-', '15'],
];

export class RecentObjects {
  readonly users = new Ring<TenantUser>();
  readonly apps = new Ring<TenantApp>();
  readonly groups = new Ring<TenantGroup>();
  readonly devices = new Ring<SampleDevice>();
  private appSerial = 0;

  constructor(private readonly rng: SeededRandom) {}

  newHire(template: TenantUser): TenantUser {
    const [displayName, local] = this.rng.pick(NEWCOMERS);
    // A second person with the same name gets a number, as admins do it.
    const suffix = this.rng.chance(0.3) ? String(this.rng.int(2, 9)) : '';
    const user: TenantUser = {
      ...template,
      id: this.rng.guid(),
      displayName,
      userPrincipalName: `${local}${suffix}@${SAMPLE_DOMAIN}`,
      userType: 'Member',
      roles: [],
    };
    this.users.add(user);
    return user;
  }

  newGuest(template: TenantUser): TenantUser {
    const [displayName, local] = this.rng.pick(NEWCOMERS);
    const partner = this.rng.pick(PARTNER_DOMAINS);
    const guest: TenantUser = {
      ...template,
      id: this.rng.guid(),
      displayName,
      // How Entra spells a B2B guest's UPN.
      userPrincipalName: `${local}_${partner}#EXT#@${SAMPLE_DOMAIN}`,
      department: 'External',
      jobTitle: 'Partner',
      userType: 'Guest',
      roles: [],
      officeIp: `198.51.100.${this.rng.int(200, 250)}`,
      homeIp: `198.51.100.${this.rng.int(200, 250)}`,
      travelIp: null,
    };
    this.users.add(guest);
    return guest;
  }

  newApp(): TenantApp {
    this.appSerial += 1;
    const name = this.rng.pick(NEW_APP_NAMES);
    const stage = this.rng.pick(['', ' (dev)', ' (test)', ' – staging']);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const app: TenantApp = {
      displayName: `${name}${stage}`,
      appId: this.rng.guid(),
      objectId: this.rng.guid(),
      servicePrincipalId: this.rng.guid(),
      actsOnItsOwn: false,
      replyUrl: `https://${slug}.fabrikam-demo.example/signin-oidc`,
    };
    this.apps.add(app);
    return app;
  }

  newGroup(): TenantGroup {
    const displayName = this.rng.pick(NEW_GROUP_NAMES);
    const unified = this.rng.chance(0.6);
    const group: TenantGroup = {
      id: this.rng.guid(),
      displayName,
      mailNickname: `grp-${this.rng.code(6).toLowerCase()}`,
      groupType: unified ? 'unifiedGroups' : 'azureAD',
      isAssignableToRole: false,
      licenceSku: null,
    };
    this.groups.add(group);
    return group;
  }

  newDevice(owner: TenantUser): SampleDevice {
    const [os, prefix, osVersion] = this.rng.pick(DEVICE_MODELS);
    const device: SampleDevice = { id: this.rng.guid(), displayName: `${prefix}${this.rng.code(7)}`, os, osVersion, owner };
    this.devices.add(device);
    return device;
  }
}
