/**
 * A sign-in's details tabs as an admin reads them: the labels and values, the failure tone where
 * something went wrong, and hostile strings made visible instead of acted on.
 */
import { describe, expect, it } from 'vitest';
import { detailLines, DETAIL_TAB_LABELS, SIGN_IN_DETAIL_TABS, type DetailLine, type DetailTab } from '../../src/view/details.js';
import { PANE_DEFINITIONS } from '../../src/view/panes.js';
import { ASCII_SYMBOLS, UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { resolveTimeZone, UTC } from '../../src/text/time-zone.js';
import type { SignIn } from '../../src/model/sign-in.js';
import { loadedSignIn, makeSignIn } from '../helpers/sign-ins.js';

const options = { width: 100, timeZone: UTC, symbols: UNICODE_SYMBOLS };
const linesOf = (signIn: SignIn, tab: DetailTab, extra: Partial<typeof options> = {}) => detailLines(loadedSignIn(signIn), tab, { ...options, ...extra });
/** The line a label starts (labels are padded to 20 columns). */
const field = (lines: DetailLine[], label: string): DetailLine | undefined => lines.find((line) => line.labelWidth && line.text.startsWith(label.padEnd(20)));
const valueOf = (lines: DetailLine[], label: string) => field(lines, label)?.text.slice(20);
const texts = (lines: DetailLine[]) => lines.map((line) => line.text);

/** A password spray's failed attempt: wrong password, 50126, from a browser on an unknown device. */
const wrongPassword = makeSignIn({
  status: { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.', additionalDetails: 'The user didn\'t enter the right credentials.' },
  conditionalAccessStatus: 'notApplied',
  authenticationRequirement: 'singleFactorAuthentication',
  authenticationDetails: [
    { authenticationMethod: 'Password', authenticationStepRequirement: 'Primary authentication', authenticationStepResultDetail: 'Invalid username or password or Invalid on-premise username or password.', succeeded: false, authenticationStepDateTime: '2026-11-20T09:29:59Z' },
  ],
  riskLevelDuringSignIn: 'high',
  riskLevelAggregated: 'medium',
  riskState: 'atRisk',
  riskDetail: 'none',
  riskEventTypes_v2: ['passwordSpray', 'unfamiliarFeatures'],
});

/** A daemon's client-credentials sign-in: a service principal, no user at all. */
const backupRunner = makeSignIn({
  userDisplayName: null,
  userPrincipalName: null,
  userId: null,
  userType: null,
  appDisplayName: 'Backup Runner',
  appId: 'eeeeeeee-0000-4000-8000-00000000000e',
  servicePrincipalName: 'Backup Runner',
  servicePrincipalId: 'ffffffff-0000-4000-8000-00000000000f',
  signInEventTypes: ['servicePrincipal'],
  isInteractive: false,
  clientAppUsed: null,
  authenticationDetails: [],
  resourceDisplayName: 'Microsoft Graph',
  resourceId: '00000003-0000-0000-c000-000000000000',
  deviceDetail: { deviceId: null, displayName: null, operatingSystem: null, browser: null, isCompliant: null, isManaged: null, trustType: null },
  userAgent: null,
});

/** The AiTM shape: a token from a browser that no registered device stands behind, one of three policies blocking. */
const noDeviceThreePolicies = makeSignIn({
  ipAddress: '198.51.100.77',
  location: { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL' },
  deviceDetail: { deviceId: null, displayName: null, operatingSystem: 'Linux', browser: 'Chrome 120.0.0', isCompliant: false, isManaged: false, trustType: null },
  status: { errorCode: 53000, failureReason: 'Device is not in required device state: compliant.', additionalDetails: null },
  conditionalAccessStatus: 'failure',
  appliedConditionalAccessPolicies: [
    { id: '11111111-aaaa-4000-8000-000000000001', displayName: 'Require compliant device for Exchange', result: 'failure', enforcedGrantControls: ['RequireCompliantDevice'], enforcedSessionControls: [] },
    { id: '11111111-aaaa-4000-8000-000000000002', displayName: 'Require MFA for all users', result: 'success', enforcedGrantControls: ['Mfa'], enforcedSessionControls: ['SignInFrequency'] },
    { id: '11111111-aaaa-4000-8000-000000000003', displayName: 'Block legacy authentication', result: 'notApplied', enforcedGrantControls: [], enforcedSessionControls: [] },
  ],
});

describe('a sign-in\'s details', () => {
  it('are the portal\'s tabs, on the Sign-ins pane', () => {
    expect(PANE_DEFINITIONS['sign-ins'].detailTabs).toEqual(SIGN_IN_DETAIL_TABS);
    expect(SIGN_IN_DETAIL_TABS.map((tab) => DETAIL_TAB_LABELS[tab])).toEqual(['Basic info', 'Location & device', 'Authentication', 'Conditional Access', 'Risk', 'Raw']);
  });

  it('show a 50126 failure on Basic info: the status, code and reason in the failure tone, and who it was', () => {
    const lines = linesOf(wrongPassword, 'basic');
    expect(field(lines, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Failure`, tone: 'bad' });
    expect(field(lines, 'Error code')).toMatchObject({ text: `${'Error code'.padEnd(20)}50126`, tone: 'bad' });
    expect(field(lines, 'Failure reason')).toMatchObject({ tone: 'bad' });
    expect(valueOf(lines, 'Failure reason')).toBe('Error validating credentials due to invalid username or password.');
    expect(valueOf(lines, 'Date (UTC)')).toBe('2026-11-20 09:30:00  (2026-11-20T09:30:00Z)');
    expect(valueOf(lines, 'Request ID')).toBe('66ea54eb-6301-4ee5-be62-ff5a759b0100');
    expect(valueOf(lines, 'Correlation ID')).toBe('cccccccc-1111-4222-8333-444444444444');
    expect(valueOf(lines, 'User')).toBe('Ada Admin');
    expect(valueOf(lines, 'Username')).toBe('ada.admin@contoso.example');
    expect(valueOf(lines, 'User ID')).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(valueOf(lines, 'Application')).toBe('Office 365 Exchange Online');
    expect(valueOf(lines, 'Application ID')).toBe('00000002-0000-0ff1-ce00-000000000000');
    expect(valueOf(lines, 'Resource ID')).toBe('00000002-0000-0ff1-ce00-000000000000');
    expect(valueOf(lines, 'Client app')).toBe('Browser');
    expect(valueOf(lines, 'Event type')).toBe('Interactive user');
    expect(valueOf(lines, 'Interactive')).toBe('Yes');
    expect(valueOf(lines, 'Token issuer type')).toBe('AzureAD');
    expect(valueOf(lines, 'Incoming token type')).toBe('none');
    expect(valueOf(lines, 'Session ID')).toBe('5a5a5a5a-0000-4000-8000-00000000000a');
    expect(valueOf(lines, 'Unique token ID')).toBe('utiAAAAAAAAAAAAAAAAAAA');
    expect(valueOf(lines, 'Loaded from')).toBe('sign-ins.json:1');
  });

  it('date the sign-in in the chosen time zone, as the audit tabs do', () => {
    const berlin = resolveTimeZone('Europe/Berlin')!;
    expect(valueOf(linesOf(wrongPassword, 'basic', { timeZone: berlin }), 'Date (Europe/Berlin)')).toBe('2026-11-20 10:30:00  (2026-11-20T09:30:00Z)');
  });

  it('say Success plainly, with no error code, and an interrupt is not a failure', () => {
    const ok = linesOf(makeSignIn(), 'basic');
    expect(field(ok, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Success`, tone: 'plain' });
    expect(field(ok, 'Error code')).toBeUndefined();
    const mfa = linesOf(makeSignIn({ status: { errorCode: 50074, failureReason: 'Strong Authentication is required.', additionalDetails: null } }), 'basic');
    expect(field(mfa, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Interrupted`, tone: 'plain' });
    expect(valueOf(mfa, 'Error code')).toBe('50074');
  });

  it('show a service principal\'s sign-in as the service principal, marked ⚙, with no user', () => {
    const lines = linesOf(backupRunner, 'basic');
    expect(valueOf(lines, 'Service principal')).toBe('⚙ Backup Runner');
    expect(valueOf(lines, 'SP object ID')).toBe('ffffffff-0000-4000-8000-00000000000f');
    expect(valueOf(lines, 'Application ID')).toBe('eeeeeeee-0000-4000-8000-00000000000e');
    expect(valueOf(lines, 'Resource')).toBe('Microsoft Graph');
    expect(valueOf(lines, 'Event type')).toBe('Service principal');
    expect(valueOf(lines, 'Interactive')).toBe('No');
    expect(field(lines, 'User')).toBeUndefined();
    expect(field(lines, 'Username')).toBeUndefined();
    expect(valueOf(linesOf(backupRunner, 'basic', { symbols: ASCII_SYMBOLS }), 'Service principal')).toBe('app:Backup Runner');
    const managed = linesOf({ ...backupRunner, signInEventTypes: ['managedIdentity'], managedIdentityType: 'systemAssigned' }, 'basic');
    expect(valueOf(managed, 'Managed identity')).toBe('⚙ Backup Runner');
    expect(valueOf(managed, 'MSI type')).toBe('systemAssigned');
  });

  it('say "no device id" plainly on Location & device, beside the IP and place', () => {
    const lines = linesOf(noDeviceThreePolicies, 'location');
    expect(valueOf(lines, 'IP address')).toBe('198.51.100.77');
    expect(valueOf(lines, 'City')).toBe('Amsterdam');
    expect(valueOf(lines, 'State')).toBe('Noord-Holland');
    expect(valueOf(lines, 'Country or region')).toBe('NL');
    expect(valueOf(lines, 'Device ID')).toMatch(/^no device id\b/);
    expect(valueOf(lines, 'Operating system')).toBe('Linux');
    expect(valueOf(lines, 'Browser')).toBe('Chrome 120.0.0');
    expect(valueOf(lines, 'Compliant')).toBe('No');
    expect(valueOf(lines, 'Managed')).toBe('No');
    const joined = linesOf(makeSignIn(), 'location');
    expect(valueOf(joined, 'Device ID')).toBe('dddddddd-0000-4000-8000-000000000009');
    expect(valueOf(joined, 'Display name')).toBe('ADA-LAPTOP');
    expect(valueOf(joined, 'Trust type')).toBe('Azure AD joined');
  });

  it('list each of three Conditional Access policies with its result: the failed one bad, the one not applied dim', () => {
    const lines = linesOf(noDeviceThreePolicies, 'conditional-access');
    expect(field(lines, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Failure`, tone: 'bad' });
    expect(valueOf(lines, 'Policies')).toBe('3 evaluated: 1 failure, 1 success, 1 not applied');
    const headings = lines.filter((line) => line.tone === 'heading').map((line) => line.text);
    expect(headings).toEqual(['Require compliant device for Exchange', 'Require MFA for all users', 'Block legacy authentication']);
    const results = lines.filter((line) => line.text.startsWith('Result'.padEnd(20)));
    expect(results.map((line) => [line.text.slice(20), line.tone])).toEqual([
      ['Failure', 'bad'],
      ['Success', 'plain'],
      ['Not applied', 'dim'],
    ]);
    expect(texts(lines)).toContain(`${'Grant controls'.padEnd(20)}RequireCompliantDevice`);
    expect(texts(lines)).toContain(`${'Session controls'.padEnd(20)}SignInFrequency`);
    expect(lines.find((line) => line.text.endsWith('11111111-aaaa-4000-8000-000000000003'))?.tone).toBe('dim');
  });

  it('show each authentication step, a failed one in the failure tone', () => {
    const lines = linesOf(wrongPassword, 'authentication');
    expect(valueOf(lines, 'Requirement')).toBe('singleFactorAuthentication');
    expect(valueOf(lines, 'Protocol')).toBe('none');
    expect(valueOf(lines, 'Transfer method')).toBe('none');
    expect(texts(lines)).toContain('Step 1 of 1: Password');
    expect(field(lines, 'Succeeded')).toMatchObject({ text: `${'Succeeded'.padEnd(20)}No`, tone: 'bad' });
    expect(field(lines, 'Result detail')?.tone).toBe('bad');
    expect(valueOf(lines, 'Time (UTC)')).toBe('2026-11-20 09:29:59  (2026-11-20T09:29:59Z)');
    const mfa = linesOf(makeSignIn(), 'authentication');
    expect(texts(mfa)).toContain('Step 2 of 2: Mobile app notification');
    expect(mfa.filter((line) => line.tone === 'bad')).toEqual([]);
    expect(texts(linesOf(backupRunner, 'authentication'))).toContain('(no authentication steps recorded)');
  });

  it('show the risk, high and atRisk in the failure tone, and the risk event types', () => {
    const lines = linesOf(wrongPassword, 'risk');
    expect(field(lines, 'During sign-in')).toMatchObject({ text: `${'During sign-in'.padEnd(20)}high`, tone: 'bad' });
    expect(field(lines, 'Aggregated')).toMatchObject({ tone: 'bad' });
    expect(field(lines, 'State')).toMatchObject({ text: `${'State'.padEnd(20)}atRisk`, tone: 'bad' });
    expect(valueOf(lines, 'Detail')).toBe('none');
    expect(valueOf(lines, 'Risk event types')).toBe('passwordSpray, unfamiliarFeatures');
    expect(linesOf(makeSignIn(), 'risk').filter((line) => line.tone === 'bad')).toEqual([]);
  });

  it('show the record in its own shape on Raw, as JSON', () => {
    const raw = linesOf(noDeviceThreePolicies, 'raw').map((line) => line.text).join('\n');
    expect(JSON.parse(raw)).toEqual(noDeviceThreePolicies);
  });

  it('escape a hostile user agent: an ESC sequence and a newline are shown, not obeyed, and forge no line', () => {
    const hostile = makeSignIn({ userAgent: 'Mozilla/5.0\u001b[2J\u001b]0;pwned\u0007\nStatus              Success', userDisplayName: 'Eve\u009b31m\u202eAdmin' });
    const basic = linesOf(hostile, 'basic');
    expect(valueOf(basic, 'User agent')).toBe('Mozilla/5.0␛[2J␛]0;pwned␇␊Status              Success');
    expect(valueOf(basic, 'User')).toBe('Eve⟨U+009B⟩31m⟨U+202E⟩Admin');
    // The only Status line is the real one.
    expect(basic.filter((line) => line.text.startsWith('Status '))).toHaveLength(1);
    for (const tab of SIGN_IN_DETAIL_TABS) {
      for (const line of linesOf(hostile, tab)) expect(line.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    }
    expect(linesOf(hostile, 'raw').map((line) => line.text).join('\n')).toContain('"userAgent": "Mozilla/5.0\\u001b[2J\\u001b]0;pwned\\u0007\\nStatus');
  });

  it('show Basic info for a tab a sign-in does not have, never an audit\'s view of it', () => {
    expect(linesOf(wrongPassword, 'activity')).toEqual(linesOf(wrongPassword, 'basic'));
  });
});
