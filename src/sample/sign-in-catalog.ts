/**
 * The fixed vocabulary of the sample's sign-ins: Microsoft's first-party client apps and
 * resources (their app ids are the same in every tenant, so they are real), where each address
 * is, what each browser looks like in deviceDetail, and Entra's words for each error code.
 */
import type { SignInDevice, SignInLocation } from '../model/sign-in.js';
import type { TenantUser } from './tenant.js';

export interface WellKnownApp {
  displayName: string;
  appId: string;
}

/** Client apps people sign in to (first-party, well-known ids). */
export const CLIENT_APPS = {
  officeHome: { displayName: 'OfficeHome', appId: '4765445b-32c6-49b0-83e6-1d93765276ca' },
  office365Portal: { displayName: 'Microsoft Office 365 Portal', appId: '00000006-0000-0ff1-ce00-000000000000' },
  azurePortal: { displayName: 'Azure Portal', appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' },
  teams: { displayName: 'Microsoft Teams', appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' },
  teamsWeb: { displayName: 'Microsoft Teams Web Client', appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' },
  outlook: { displayName: 'Microsoft Outlook', appId: '5d661950-3475-41cd-a2c3-d671a3162bc1' },
  outlookWeb: { displayName: 'One Outlook Web', appId: '9199bf20-a13f-4107-85dc-02114787ef48' },
  aadPowerShell: { displayName: 'Azure Active Directory PowerShell', appId: '1b730954-1685-4b74-9bfd-dac224a7b894' },
  mySignins: { displayName: 'My Signins', appId: '19db86c3-b2b9-44cc-b339-36da233a3be2' },
  exchangeOnline: { displayName: 'Office 365 Exchange Online', appId: '00000002-0000-0ff1-ce00-000000000000' },
} satisfies Record<string, WellKnownApp>;

/** Resources tokens are issued for (their ids are the resources' well-known app ids). */
export const RESOURCES = {
  graph: { displayName: 'Microsoft Graph', appId: '00000003-0000-0000-c000-000000000000' },
  exchange: { displayName: 'Office 365 Exchange Online', appId: '00000002-0000-0ff1-ce00-000000000000' },
  sharePoint: { displayName: 'Office 365 SharePoint Online', appId: '00000003-0000-0ff1-ce00-000000000000' },
  teamsServices: { displayName: 'Microsoft Teams Services', appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe' },
  azureManagement: { displayName: 'Windows Azure Service Management API', appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013' },
  aadGraph: { displayName: 'Windows Azure Active Directory', appId: '00000002-0000-0000-c000-000000000000' },
  officeHome: { displayName: 'OfficeHome', appId: '4765445b-32c6-49b0-83e6-1d93765276ca' },
  keyVault: { displayName: 'Azure Key Vault', appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093' },
  storage: { displayName: 'Azure Storage', appId: 'e406a681-f3d4-42a8-90b6-c2b029497af1' },
} satisfies Record<string, WellKnownApp>;

/** Where each office is, as Entra's IP geolocation names it. Indexed like tenant-roster's OFFICES. */
const OFFICE_PLACES: Record<string, SignInLocation & { utcOffsetHours: number }> = {
  London: { city: 'London', state: 'England', countryOrRegion: 'GB', utcOffsetHours: 0 },
  'New York': { city: 'New York', state: 'New York', countryOrRegion: 'US', utcOffsetHours: -5 },
  Tokyo: { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', utcOffsetHours: 9 },
  Athens: { city: 'Athens', state: 'Attiki', countryOrRegion: 'GR', utcOffsetHours: 2 },
};

/**
 * Hotels and trains: a travel address (203.0.113.10–60) always resolves to the same city, so an
 * address has one place however many people use it. All in the tenant's trusted countries.
 */
const TRAVEL_PLACES: readonly SignInLocation[] = [
  { city: 'Manchester', state: 'England', countryOrRegion: 'GB' },
  { city: 'Boston', state: 'Massachusetts', countryOrRegion: 'US' },
  { city: 'Osaka', state: 'Osaka', countryOrRegion: 'JP' },
  { city: 'Thessaloniki', state: 'Central Macedonia', countryOrRegion: 'GR' },
  { city: 'Edinburgh', state: 'Scotland', countryOrRegion: 'GB' },
  { city: 'Chicago', state: 'Illinois', countryOrRegion: 'US' },
];

/** A personal phone: the unmanaged device a Finance person is sometimes refused on. */
export const PERSONAL_PHONE_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** Where Entra places the attacker's address: a hosting provider in a trusted country, not Maren's. */
export const ATTACKER_PLACE: SignInLocation = { city: 'Ashburn', state: 'Virginia', countryOrRegion: 'US' };

/** Where the daemons and managed identities run: the tenant's Azure region. */
export const AZURE_REGION: SignInLocation = { city: 'London', state: 'England', countryOrRegion: 'GB' };

/** The person's office place (home addresses are in the same city). */
export function officePlace(user: TenantUser): SignInLocation & { utcOffsetHours: number } {
  return OFFICE_PLACES[user.officeLocation] ?? OFFICE_PLACES.London;
}

/** Where an address a person signs in from is: office and home in their city, travel by address. */
export function placeOf(user: TenantUser, ip: string): SignInLocation {
  if (ip === user.travelIp) return TRAVEL_PLACES[Number(ip.split('.')[3]) % TRAVEL_PLACES.length];
  const { city, state, countryOrRegion } = officePlace(user);
  return { city, state, countryOrRegion };
}

/** deviceDetail.operatingSystem and .browser as Entra derives them from a user agent. */
export function deviceFromUserAgent(userAgent: string): Pick<SignInDevice, 'operatingSystem' | 'browser'> {
  const version = (pattern: RegExp) => pattern.exec(userAgent)?.[1] ?? '';
  const os = userAgent.includes('iPhone') ? 'Ios' : userAgent.includes('Windows') ? 'Windows10' : userAgent.includes('Mac OS X') ? 'MacOs' : userAgent.includes('Linux') ? 'Linux' : null;
  if (userAgent.includes('Edg/')) return { operatingSystem: os, browser: `Edge ${version(/Edg\/([\d.]+)/)}` };
  if (userAgent.includes('Firefox/')) return { operatingSystem: os, browser: `Firefox ${version(/Firefox\/([\d.]+)/)}` };
  if (userAgent.includes('Chrome/')) return { operatingSystem: os, browser: `Chrome ${version(/Chrome\/([\d.]+)/)}` };
  if (userAgent.includes('Mobile/')) return { operatingSystem: os, browser: `Mobile Safari ${version(/Version\/([\d.]+)/)}` };
  if (userAgent.includes('Safari/')) return { operatingSystem: os, browser: `Safari ${version(/Version\/([\d.]+)/)}` };
  if (userAgent.startsWith('python-requests/')) return { operatingSystem: os, browser: `Python Requests ${version(/python-requests\/(\d+\.\d+)/)}` };
  if (userAgent.includes('PowerShell/')) return { operatingSystem: os, browser: 'Rich Client 7.4.6' };
  return { operatingSystem: os, browser: null };
}

/** Entra's failureReason and additionalDetails per error code, in its own words. */
export const SIGN_IN_ERRORS: Readonly<Record<number, { failureReason: string; additionalDetails: string | null }>> = {
  0: { failureReason: 'Other.', additionalDetails: null },
  50053: {
    failureReason: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
    additionalDetails: 'The account is locked because the user tried to sign in too many times with an incorrect user ID or password.',
  },
  50055: {
    failureReason: 'The password is expired.',
    additionalDetails: "The user's password is expired, and therefore their login or session was ended. They will be offered the opportunity to reset it.",
  },
  50074: {
    failureReason: 'Strong Authentication is required.',
    additionalDetails: 'The user was presented with the multi-factor authentication prompt.',
  },
  50079: {
    failureReason: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access this resource.',
    additionalDetails: 'User needs to perform multi-factor authentication registration.',
  },
  50126: {
    failureReason: 'Error validating credentials due to invalid username or password.',
    additionalDetails: "The user didn't enter the right credentials. It's expected to see some number of these errors in your logs due to users making mistakes.",
  },
  53000: {
    failureReason: 'Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant.',
    additionalDetails: null,
  },
  53003: {
    failureReason: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    additionalDetails: null,
  },
  500121: {
    failureReason: 'Authentication failed during strong authentication request.',
    additionalDetails: "The user didn't complete the MFA prompt. They may have decided not to authenticate, timed out while doing other work, or has an issue with their authentication setup.",
  },
  7000215: {
    failureReason: 'Invalid client secret is provided.',
    additionalDetails: null,
  },
};
