/**
 * The details of a sign-in on screen: the Sign-ins pane opens it on Basic info with the sign-in's
 * own tab bar, and the details' next-tab key walks that bar to Conditional Access.
 */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { loadedProvisioning, loadedSignIn, makeProvisioning, makeSignIn } from '../helpers/sign-ins.js';

afterEach(() => cleanup());

const blocked = makeSignIn({
  status: { errorCode: 53000, failureReason: 'Device is not in required device state: compliant.', additionalDetails: null },
  deviceDetail: { deviceId: null, displayName: null, operatingSystem: 'Linux', browser: 'Chrome 120.0.0', isCompliant: false, isManaged: false, trustType: null },
  conditionalAccessStatus: 'failure',
  appliedConditionalAccessPolicies: [
    { id: 'p-1', displayName: 'Require compliant device for Exchange', result: 'failure', enforcedGrantControls: ['RequireCompliantDevice'], enforcedSessionControls: [] },
    { id: 'p-2', displayName: 'Require MFA for all users', result: 'success', enforcedGrantControls: ['Mfa'], enforcedSessionControls: [] },
    { id: 'p-3', displayName: 'Block legacy authentication', result: 'notApplied', enforcedGrantControls: [], enforcedSessionControls: [] },
  ],
  userAgent: 'Mozilla/5.0\u001b[2J\nStatus              Success',
});

const size = { columns: 100, rows: 30 };
const SIGN_IN_TAB_BAR = ' Basic info  Location & device  Authentication  Conditional Access  Risk  Raw';

describe('a sign-in\'s details on screen', () => {
  it('opens on Basic info in the Sign-ins pane, and the next-tab key walks to Conditional Access', async () => {
    const records = [...loaded(graphEvent()), loadedSignIn(blocked), loadedProvisioning(makeProvisioning())];
    const app = renderExplorer(records, size);
    await app.press('3');
    expect(await app.waitFor('Office 365 Exchange')).toContain('3 Sign-ins (1)');
    await app.press(KEYS.enter);
    const basic = (await app.waitFor('Request ID')).split('\n');
    const bar = basic.findIndex((line) => line.includes('Basic info'));
    expect(basic[bar]).toContain(SIGN_IN_TAB_BAR);
    expect(basic[bar]).not.toContain('Activity');
    const body = basic.slice(bar + 1).join('\n');
    expect(body).toContain('Request ID          66ea54eb-6301-4ee5-be62-ff5a759b0100');
    expect(body).toContain('Status              Failure');
    expect(body).toContain('Error code          53000');
    expect(body).toContain('User agent          Mozilla/5.0␛[2J␊Status              Success');
    // The frame holds no raw ESC from the log, and stays within the terminal's width.
    expect(app.frame()).not.toContain('\u001b[2J');
    for (const line of basic) expect(stringWidth(line)).toBeLessThanOrEqual(size.columns);

    await app.press(KEYS.tab, KEYS.tab, KEYS.tab);
    const ca = await app.waitFor('Require compliant device for Exchange');
    expect(ca).toContain('3 evaluated: 1 failure, 1 success, 1 not applied');
    expect(ca).toContain('Result              Failure');
    expect(ca).toContain('Result              Not applied');
    expect(ca).toContain('Grant controls      RequireCompliantDevice');

    // Back to the list and over to Provisioning: its record opens on its own first tab.
    await app.press(KEYS.escape, '4');
    await app.waitFor('4 Provisioning (1)');
    await app.press(KEYS.enter);
    const overview = await app.waitFor('Recommended action');
    expect(overview).toContain(' Overview  Source & target  Modified properties  Steps  Raw');
    expect(overview).toContain('Status              Failure');
  });
});
