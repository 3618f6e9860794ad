/**
 * The pivot a responder makes first, in a real terminal on the bundled sample: from the role grant
 * made from 203.0.113.66, `S` shows the initiator's sign-ins around it (the spray's last tries on
 * the account, the way in at 02:44:39, the session after), and Backspace returns to the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const rows = (screen: string) => screen.split('\n').filter((line) => /^[ *][ !~?]\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(line));

describe.skipIf(!TmuxSession.available())('S on the sample (tmux)', () => {
  it('goes from the role grant to the sign-ins behind it and back', { timeout: 60_000 }, async () => {
    session = new TmuxSession();
    session.start(`NO_COLOR=1 node ${CLI}`, 140, 40);
    await session.waitFor((s) => s.includes('Sources:') && /of [\d,]+ events/.test(s), 'the sample, loaded');

    // The filter and its Enter in one burst, as a paste or a slow SSH link delivers them.
    session.keys('/');
    await session.waitFor((s) => s.split('\n').some((line) => line.startsWith('/')), 'the filter bar');
    session.keys('ip:203.0.113.66 activity:"Add member to role"\r');
    let screen = await session.waitFor((s) => rows(s).length === 1 && rows(s)[0].includes('Add member to role'), 'the role grant alone');
    expect(rows(screen)[0]).toContain('2026-11-19 02:55:18');

    session.keys('S');
    screen = await session.waitFor((s) => s.includes('Sign-ins:') && rows(s).length > 0, 'the initiator\'s sign-ins');
    expect(screen).toContain('actor:=maren.bowditch@fabrikam-demo.example');
    expect(screen).toMatch(/since:2026-11-19T02:25:18Z/);
    const signIns = rows(screen);
    // Every row is Maren's, inside 02:25:18–03:55:18, and the way in is among them, from the attacker's IP.
    for (const row of signIns) {
      expect(row).toContain('maren.bowditch@');
      const time = /2026-11-19 (\d\d:\d\d:\d\d)/.exec(row)?.[1] ?? '';
      expect(time >= '02:25:18' && time <= '03:55:18').toBe(true);
    }
    expect(signIns.some((row) => row.includes('02:44:39') && row.includes('203.0.113.66') && row.includes('Success'))).toBe(true);

    session.keys('BSpace');
    screen = await session.waitFor((s) => rows(s).length === 1 && rows(s)[0].includes('Add member to role'), 'the change again');
    session.keys('q');
  });
});
