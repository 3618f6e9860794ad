/**
 * `S` on screen: from a role grant to the sign-ins of the account that made it (30 minutes before
 * to an hour after), landing on the sign-in that led to it; from a sign-in back to the user's
 * changes; Backspace returns to the pane and filter it came from. `p` reaches every pane.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { loadedSignIn, makeSignIn } from '../helpers/sign-ins.js';

afterEach(() => cleanup());

const MAREN = 'maren@contoso.example';
const ATTACKER = '203.0.113.66';
const admin = (upn: string, ip: string) => ({
  user: { id: null, displayName: null, userPrincipalName: upn, ipAddress: ip, userType: null, homeTenantId: null, homeTenantName: null },
  app: null,
});
const grant = graphEvent({ id: 'grant', activityDisplayName: 'Add member to role', activityDateTime: '2026-11-19T02:55:18Z', initiatedBy: admin(MAREN, ATTACKER) });
const routine = graphEvent({ id: 'routine', activityDisplayName: 'Update user', activityDateTime: '2026-11-18T10:00:00Z', initiatedBy: admin('bo@contoso.example', '198.51.100.7') });

const signIn = (id: string, at: string, upn: string, ip: string, errorCode = 0) =>
  loadedSignIn(makeSignIn({ id, createdDateTime: at, userPrincipalName: upn, userDisplayName: upn, ipAddress: ip, status: { errorCode, failureReason: errorCode ? 'Invalid username or password' : null, additionalDetails: null } }));

const records = [
  ...loaded(grant, routine),
  signIn('spray', '2026-11-19T02:20:00Z', 'ken@contoso.example', ATTACKER, 50126),
  signIn('too-early', '2026-11-19T02:20:00Z', MAREN, ATTACKER, 50126),
  signIn('wrong-password', '2026-11-19T02:41:00Z', MAREN, ATTACKER, 50126),
  signIn('got-in', '2026-11-19T02:44:39Z', MAREN, ATTACKER),
  signIn('refresh', '2026-11-19T03:20:13Z', MAREN, ATTACKER),
  signIn('next-day', '2026-11-20T09:00:00Z', MAREN, '198.51.100.20'),
];

const size = { columns: 140, rows: 30 };
const squeezed = (frame: string) => frame.replace(/\s+/g, ' ');

describe('the sign-in pivot (S)', () => {
  it('goes from a change to its initiator\'s sign-ins around it, and Backspace comes back', async () => {
    const app = renderExplorer(records, size);
    await app.press('/');
    await app.press('activity:"Add member to role"', KEYS.enter);
    expect(app.frame()).toContain('Add member to role');
    await app.press('S');
    const signIns = app.frame();
    expect(signIns).toContain(`actor:=${MAREN}`);
    expect(signIns).toContain('since:2026-11-19T02:25:18Z');
    expect(signIns).toContain('until:2026-11-19T03:55:18Z');
    expect(squeezed(signIns)).toContain(`Sign-ins: 3 sign-ins of ${MAREN} 02:25–03:55 UTC`);
    // In the window: the failed password, the way in and the refresh; not the earlier try, not ken's, not the next day.
    expect(signIns).toMatch(/02:41:00 .*Failure 50126/);
    expect(signIns).toContain('02:44:39');
    expect(signIns).toContain('03:20:13');
    expect(signIns).not.toContain('02:20:00');
    expect(signIns).not.toContain('2026-11-20');
    // The cursor is on the sign-in just before the change (02:44:39), the second row of three.
    expect(squeezed(signIns)).toContain('3 of 6 events · row 2');

    await app.press(KEYS.backspace);
    const back = app.frame();
    expect(back).toContain('Add member to role');
    expect(back).toContain('Target(s)');
    expect(back).not.toContain(`actor:=${MAREN}`);
  });

  it('goes from a sign-in to that user\'s changes in the window around it', async () => {
    const app = renderExplorer(records, size);
    await app.press('3');
    await app.press('/');
    await app.press('error:=0 ip:203.0.113.66', KEYS.enter);
    await app.press('G'); // the oldest: 02:44:39
    await app.press('S');
    const changes = app.frame();
    expect(changes).toContain('Add member to role');
    expect(changes).not.toContain('Update user');
    expect(squeezed(changes)).toContain(`Directory: 1 change of ${MAREN}`);
  });

  it('p on a sign-in finds the same IP in the audit panes too', async () => {
    const app = renderExplorer(records, size);
    await app.press('3');
    await app.press('j'); // past the next day's sign-in, to the attacker's refresh
    await app.press('p');
    expect(app.frame()).toContain(`ip:=${ATTACKER}`);
    await app.press('1');
    expect(app.frame()).toContain('Add member to role');
    expect(app.frame()).not.toContain('Update user');
  });
});
