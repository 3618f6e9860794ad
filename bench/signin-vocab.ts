/**
 * The tenant the sign-in generator (signin-generator.ts) draws from: a few thousand users, hundreds
 * of IP addresses, dozens of apps and resources, a dozen conditional access policies, the error
 * codes responders key on. Written from the Graph beta `signIn` resource as documented
 * (shared/reference/signins-and-live-sources.md §d.1), not from the project's own sample
 * generator, so the loader meets data it was not shaped around. Everything is drawn from a seeded
 * generator: the same seed writes the same file.
 */

/** mulberry32: a tiny, fast, seedable generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

/**
 * The held-out files' draws (held-out-audits.ts, held-out-signins.ts): an index below `n` from a
 * linear congruential sequence, kept as it was so those files, and the truths quoted from them,
 * stay the same.
 */
export function seededIndex(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** A skewed pick (a few values take most draws, as a few users and apps do in every tenant). */
export const pickSkewed = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * random() * list.length)];

const hex = (random: Random, digits: number) => {
  let out = '';
  while (out.length < digits) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
};

export const guid = (random: Random): string => {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const DOMAIN = 'northwind-bench.example';

const FIRST = ['Ada', 'Bram', 'Chiara', 'Dmitri', 'Esi', 'Farah', 'Gustav', 'Hana', 'Ines', 'Jonas', 'Kwame', 'Lucía', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rania', 'Søren', 'Tomasz', 'Ulla', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia'];
const LAST = ['Okafor', 'Janssen', 'Rossi', 'Volkov', 'Mensah', 'Haddad', 'Lindqvist', 'Sato', 'Moreau', 'Becker', 'Owusu', 'García', 'Silva', 'Karimi', 'Nyberg', 'Raman', 'Dubois', 'Nasser', 'Madsen', 'Nowak', 'Virtanen', 'Horvat', 'Zhang', 'López', 'Demir', 'Kowalska'];

export interface User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  userType: 'Member' | 'Guest';
  /** Where this user usually signs in from (an index into IPS). */
  homeIp: number;
  device: Device;
}

export interface Device {
  deviceId: string;
  displayName: string;
  operatingSystem: string;
  browser: string;
  isCompliant: boolean;
  isManaged: boolean;
  trustType: string;
  userAgent: string;
}

const DEVICE_KINDS = [
  { os: 'Windows10', browser: 'Edge 130.0.2849', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0', trust: 'Azure AD joined', prefix: 'LT' },
  { os: 'Windows10', browser: 'Chrome 131.0.0', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', trust: 'Hybrid Azure AD joined', prefix: 'WS' },
  { os: 'MacOs', browser: 'Safari 18.1', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', trust: 'Azure AD registered', prefix: 'MB' },
  { os: 'Ios 18.1', browser: 'Mobile Safari', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', trust: 'Azure AD registered', prefix: 'IP' },
  { os: 'Android 14', browser: 'Rich Client 6.2411.1', ua: 'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)', trust: 'Azure AD registered', prefix: 'AN' },
] as const;

export function makeUsers(random: Random, count: number, ipCount: number): User[] {
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const guest = random() < 0.04;
    const local = `${first}.${last}${i}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
    const kind = pick(random, DEVICE_KINDS);
    // About one in six has no registered device (a browser on a home machine): no device id.
    const registered = random() > 0.17;
    users.push({
      id: guid(random),
      displayName: `${first} ${last}`,
      userPrincipalName: guest ? `${local}_partner.example#EXT#@${DOMAIN}` : `${local}@${DOMAIN}`,
      userType: guest ? 'Guest' : 'Member',
      homeIp: Math.floor(random() * random() * ipCount),
      device: {
        deviceId: registered ? guid(random) : '',
        displayName: registered ? `${kind.prefix}-${hex(random, 7).toUpperCase()}` : '',
        operatingSystem: kind.os,
        browser: kind.browser,
        isCompliant: registered && random() > 0.1,
        isManaged: registered && random() > 0.2,
        trustType: registered ? kind.trust : '',
        userAgent: kind.ua,
      },
    });
  }
  return users;
}

export interface Place {
  ip: string;
  city: string;
  state: string;
  countryOrRegion: string;
  latitude: number;
  longitude: number;
  asn: number;
}

const CITIES = [
  ['Amsterdam', 'Noord-Holland', 'NL', 52.37, 4.89, 1136],
  ['Rotterdam', 'Zuid-Holland', 'NL', 51.92, 4.48, 1136],
  ['Berlin', 'Berlin', 'DE', 52.52, 13.4, 3320],
  ['Lagos', 'Lagos', 'NG', 6.45, 3.39, 37148],
  ['Seattle', 'Washington', 'US', 47.61, -122.33, 8075],
  ['Dublin', 'Dublin', 'IE', 53.35, -6.26, 5466],
  ['Singapore', 'Central Singapore', 'SG', 1.29, 103.85, 9506],
  ['São Paulo', 'São Paulo', 'BR', -23.55, -46.63, 28573],
  ['Warsaw', 'Mazowieckie', 'PL', 52.23, 21.01, 5617],
  ['Frankfurt am Main', 'Hessen', 'DE', 50.11, 8.68, 16509],
] as const;

/** Hundreds of addresses: offices and VPN egresses (IPv4, a few IPv6) and the odd hosting range. */
export function makePlaces(random: Random, count: number): Place[] {
  const places: Place[] = [];
  for (let i = 0; i < count; i++) {
    const [city, state, countryOrRegion, latitude, longitude, asn] = pick(random, CITIES);
    const v6 = random() < 0.1;
    const ip = v6
      ? `2001:db8:${(i * 7).toString(16)}:${hex(random, 4)}::${hex(random, 3)}`
      : `${pick(random, [198, 203, 192, 100])}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + (i % 254)}`;
    places.push({ ip, city, state, countryOrRegion, latitude, longitude, asn });
  }
  // Addresses must be distinct, or a count by IP would mix two places.
  return places.filter((place, index) => places.findIndex((p) => p.ip === place.ip) === index);
}

export interface App {
  appId: string;
  displayName: string;
  clientAppUsed: string;
  protocol: string;
}

const APP_NAMES = [
  'Microsoft Teams', 'Office 365 Exchange Online', 'Microsoft Outlook', 'OneDrive SyncEngine', 'Microsoft Office', 'OfficeHome', 'Microsoft Authentication Broker',
  'Azure Portal', 'Microsoft Edge', 'SharePoint Online Web Client Extensibility', 'Windows Sign In', 'Microsoft Intune Company Portal', 'Power BI Desktop',
  'Visual Studio Code', 'Azure CLI', 'Microsoft Azure PowerShell', 'Microsoft To-Do client', 'Microsoft Whiteboard Client', 'Outlook Mobile', 'Microsoft Planner',
  'Dynamics CRM Online', 'Microsoft Stream Portal', 'Viva Engage', 'Microsoft Forms', 'Zoom', 'Slack', 'Salesforce', 'ServiceNow', 'Workday', 'GitHub Enterprise Cloud',
  'Atlassian Cloud', 'Adobe Document Cloud', 'Box', 'DocuSign', 'Contoso Expenses', 'Contoso HR Portal', 'Northwind Inventory', 'Fabrikam Timesheets', 'Graph Explorer', 'My Apps',
];

export function makeApps(random: Random): App[] {
  return APP_NAMES.map((displayName) => ({
    appId: guid(random),
    displayName,
    clientAppUsed: pick(random, ['Browser', 'Mobile Apps and Desktop clients', 'Mobile Apps and Desktop clients', 'Browser']),
    protocol: 'none',
  }));
}

export const RESOURCES = [
  ['Microsoft Graph', '00000003-0000-0000-c000-000000000000'],
  ['Office 365 Exchange Online', '00000002-0000-0ff1-ce00-000000000000'],
  ['Office 365 SharePoint Online', '00000003-0000-0ff1-ce00-000000000000'],
  ['Windows Azure Service Management API', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
  ['Microsoft Teams Services', 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe'],
  ['Windows Azure Active Directory', '00000002-0000-0000-c000-000000000000'],
  ['Azure Key Vault', 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093'],
  ['Microsoft Intune', '0000000a-0000-0000-c000-000000000000'],
  ['Power BI Service', '00000009-0000-0000-c000-000000000000'],
  ['Substrate Context Service', '13937bba-652e-4c46-b222-3003f4d1ff97'],
] as const;

export const SERVICE_PRINCIPALS = ['backup-runner', 'hr-sync-connector', 'invoice-ingest', 'ci-deploy', 'monitoring-agent', 'crm-bridge'];

/** A dozen policies; each sign-in lists 9 of them (every enabled or report-only policy is evaluated). */
export const POLICIES = [
  ['Require MFA for all users', ['Mfa'], []],
  ['Block legacy authentication', ['Block'], []],
  ['Admins: compliant or hybrid device', ['CompliantDevice', 'DomainJoinedDevice'], []],
  ['Require MFA for Azure management', ['Mfa'], []],
  ['Unmanaged devices: 12 h sign-in', [], ['SignInFrequency']],
  ['Block untrusted countries', ['Block'], []],
  ['Mobile: app protection', ['ApprovedApplication', 'CompliantApplication'], []],
  ['Report-only: phish-resistant MFA', ['Mfa'], []],
  ['Require terms of use for guests', ['Terms of Use'], []],
  ['Block device code flow', ['Block'], []],
  ['CAE strict location', [], ['ContinuousAccessEvaluation']],
  ['High user risk: change password', ['PasswordChange', 'Mfa'], []],
] as const;

/** Error codes and how often each turns up; a non-interactive sign-in sees the token ones. */
export const INTERACTIVE_ERRORS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 0.82, ''],
  [50126, 0.05, 'Error validating credentials due to invalid username or password.'],
  [50074, 0.05, 'Strong Authentication is required.'],
  [53003, 0.02, 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
  [50140, 0.02, 'This error occurred due to "Keep me signed in" interrupt when the user was signing in.'],
  [50053, 0.01, 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.'],
  [50076, 0.02, 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.'],
  [50158, 0.01, 'External security challenge not satisfied.'],
];

export const NON_INTERACTIVE_ERRORS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 0.9, ''],
  [50173, 0.03, 'The provided grant has expired due to it being revoked, a fresh auth token is needed.'],
  [70044, 0.02, 'The session has expired or is invalid due to sign-in frequency checks by conditional access.'],
  [50133, 0.02, 'Session is invalid due to expiration or recent password change.'],
  [50126, 0.01, 'Error validating credentials due to invalid username or password.'],
  [53003, 0.02, 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
];

/** Draw from a weighted table. */
export function weighted<T extends readonly [number, number, string]>(random: Random, table: readonly T[]): T {
  let r = random();
  for (const row of table) {
    r -= row[1];
    if (r < 0) return row;
  }
  return table[0];
}
