/**
 * The odd one out and the minute it happened, in a real terminal on the bundled sample: the
 * filter menu's Initiated by, fewest first and narrowed by typing, finds the account the attacker
 * made (one audit among 93 initiators), and the insights timeline zoomed from 12h to 1m buckets
 * gives Maren's 02:47 changes a bar of their own, which Enter narrows to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

const rows = (screen: string) => screen.split('\n').filter((line) => /^[ *][ !~]\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(line));
const loaded = (s: string) => s.includes('Sources:') && s.includes('5,154 of 5,154 events');

describe.skipIf(!TmuxSession.available())('rare values and the zoomed timeline on the sample (tmux)', () => {
  it('fewest first and / find the one-off initiator; Enter applies it', { timeout: 60_000 }, async () => {
    session = new TmuxSession();
    session.start(`NO_COLOR=1 node ${CLI}`, 80, 24);
    await session.waitFor(loaded, 'the sample, loaded');
    // Initiated by is the seventh filter.
    session.keys('f', 'jjjjjj', 'Enter');
    await session.waitFor((s) => s.includes('Initiated by, most first') && s.includes('93 values'), 'the initiators');
    session.keys('o');
    let screen = await session.waitFor((s) => s.includes('Initiated by, fewest first'), 'fewest first');
    expect(screen).toMatch(/^> \[ \] \S+ +1$/m);
    session.keys('/', 'svc');
    screen = await session.waitFor((s) => s.includes('1 of 93 match') && /svc-helpdesk-sync@fabrikam-demo\.example +1$/m.test(s), 'the narrowed list');
    session.keys('Enter', 'Enter');
    screen = await session.waitFor((s) => rows(s).length === 1, 'its one audit');
    expect(screen).toContain('actor:=svc-helpdesk-sync@fabrikam-demo.example');
    expect(rows(screen)[0]).toContain('2026-11-19 03:02:05');
    expect(rows(screen)[0]).toContain('User registere');
    session.keys('q');
  });

  it('+ zooms Maren\'s night from 12h to the minute of 02:47, and Enter narrows to it', { timeout: 60_000 }, async () => {
    session = new TmuxSession();
    session.start(`NO_COLOR=1 node ${CLI} --filter 'actor:=maren.bowditch@fabrikam-demo.example'`, 140, 40);
    await session.waitFor((s) => s.includes('Sources:') && s.includes('44 of 5,154 events'), 'Maren\'s audits, loaded');
    session.keys('i');
    await session.waitFor((s) => s.includes('44 events · 12h buckets'), 'the insights');
    // The cursor opens on the Unusual list; Tab goes to the timeline. 12h buckets from
    // 2026-10-29 12:00: the 42nd is 2026-11-19 00:00.
    session.keys('Tab');
    session.keys('j'.repeat(41));
    let screen = await session.waitFor((s) => /^> 2026-11-19 00:00 +8 │/m.test(s), 'the night of the incident');
    session.keys('+', '+', '+', '+', '+', '+');
    screen = await session.waitFor((s) => s.includes('1m buckets') && /^> 2026-11-19 02:47 +2 │/m.test(s), 'the minute of 02:47');
    expect(screen).toMatch(/^ {2}2026-11-19 02:48 +0 │/m);
    session.keys('Enter');
    screen = await session.waitFor((s) => rows(s).length === 2, 'that minute\'s audits');
    expect(screen).toContain('until:2026-11-19T02:47:59.999Z');
    expect(rows(screen).map((row) => row.slice(2, 21))).toEqual(['2026-11-19 02:47:14', '2026-11-19 02:47:13']);
    session.keys('q');
  });
});
