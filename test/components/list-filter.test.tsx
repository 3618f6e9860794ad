import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { byApp, byUser } from '../helpers/insights.js';
import { loaded } from '../helpers/loaded.js';

afterEach(() => cleanup());

/**
 * Like the sample: a few busy initiators and one that acted once (the odd one an incident looks
 * for), 16 events in all.
 */
const initiators: Array<[number, ReturnType<typeof byUser>]> = [
  [6, byUser('priya.raman@fabrikam.example')],
  [4, byApp('MS-PIM')],
  [3, byUser('maren.bowditch@fabrikam.example', '203.0.113.66')],
  [2, byUser('amara.nwosu@fabrikam.example')],
  [1, byUser('omar.farouk_partner.example#EXT#@fabrikam.example')],
];
let n = 0;
const events = loaded(
  ...initiators.flatMap(([count, initiatedBy]) =>
    Array.from({ length: count }, () => graphEvent({ id: `e${n}`, correlationId: `c${n}`, activityDateTime: `2026-11-19T02:${String(n++).padStart(2, '0')}:00Z`, initiatedBy })),
  ),
);

/** `f`, then the seventh filter: Initiated by. */
const OPEN_INITIATORS = ['f', ...Array(6).fill(KEYS.down), KEYS.enter];

/** The list's lines, from the first value line on (marked or not). */
const valueLines = (frame: string) => frame.split('\n').filter((line) => /^[> ] \[[ x]\] /.test(line));

describe.each([
  { columns: 80, rows: 24 },
  { columns: 140, rows: 40 },
])('the filter menu values at $columns×$rows', (size) => {
  it('o orders them fewest first: the initiator seen once is on top, and the header says the order', async () => {
    const app = renderExplorer(events, size);
    await app.press(...OPEN_INITIATORS);
    let frame = await app.waitFor('most first');
    expect(frame).toContain('Initiated by, most first');
    expect(valueLines(frame)[0]).toMatch(/^> \[ \] priya\.raman@fabrikam\.example +6$/);
    await app.press('o');
    frame = await app.waitFor('fewest first');
    expect(frame).toContain('Initiated by, fewest first');
    expect(valueLines(frame)[0]).toMatch(/^> \[ \] omar\.farouk_partner\.example#EXT#@fabrikam\.example +1$/);
    // Enter: the one under the cursor, the second key after opening the list.
    await app.press(KEYS.enter);
    frame = await app.waitFor('1 of 16 events');
    expect(frame).toContain('actor:=omar.farouk_partner.example#EXT#@fabrikam.example');
    app.unmount();
  });

  it('o again orders them A to Z, then most first again', async () => {
    const app = renderExplorer(events, size);
    await app.press(...OPEN_INITIATORS, 'o', 'o');
    let frame = await app.waitFor('A to Z');
    expect(valueLines(frame).map((line) => line.slice(6, 14))).toEqual(['amara.nw', 'maren.bo', 'MS-PIM  ', 'omar.far', 'priya.ra']);
    await app.press('o');
    frame = await app.waitFor('most first');
    expect(valueLines(frame)[0]).toContain('priya.raman');
    app.unmount();
  });

  it('/ narrows the list as it is typed, with the true counts; Enter keeps it to mark several; Esc clears it', async () => {
    const app = renderExplorer(events, size);
    await app.press(...OPEN_INITIATORS, '/', 'MAR');
    let frame = await app.waitFor('3 of 5 match');
    // Every value containing "mar", any case, each with its count under the other filters.
    expect(valueLines(frame)).toHaveLength(3);
    expect(frame).toMatch(/maren\.bowditch@fabrikam\.example +3/);
    expect(frame).toMatch(/amara\.nwosu@fabrikam\.example +2/);
    expect(frame).toMatch(/omar\.farouk_partner\.example#EXT#@fabrikam\.exa.* +1/);
    expect(frame).not.toContain('priya.raman');
    await app.press('e', 'n');
    frame = await app.waitFor('1 of 5 match');
    expect(valueLines(frame)).toEqual([expect.stringMatching(/^> \[ \] maren\.bowditch@fabrikam\.example +3$/)]);
    // Backspace edits the typed text; Enter keeps the list narrowed, and keys move and mark in it.
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.enter);
    frame = await app.waitFor('/ edits');
    expect(valueLines(frame)).toHaveLength(3);
    await app.press(' ', 'j', ' ');
    frame = await app.waitFor('2 marked');
    expect(valueLines(frame).filter((line) => line.includes('[x]'))).toHaveLength(2);
    await app.press(KEYS.enter);
    frame = await app.waitFor('5 of 16 events');
    expect(frame).toContain('actor:=maren.bowditch@fabrikam.example|amara.nwosu@fabrikam.example');
    app.unmount();
  });

  it('Esc while typing clears the narrowing; Esc on a kept narrowing clears it before going back', async () => {
    const app = renderExplorer(events, size);
    await app.press(...OPEN_INITIATORS, '/', 'priya');
    let frame = await app.waitFor('1 of 5 match');
    expect(valueLines(frame)).toHaveLength(1);
    await app.press(KEYS.escape);
    frame = await app.waitFor('MS-PIM');
    expect(valueLines(frame)).toHaveLength(5);
    expect(frame).not.toContain('match');
    await app.press('/', 'zz', KEYS.enter);
    frame = await app.waitFor('No value matches what is typed.');
    expect(frame).toContain('0 of 5 match');
    await app.press(KEYS.escape);
    frame = await app.waitFor('MS-PIM');
    expect(valueLines(frame)).toHaveLength(5);
    expect(frame).toContain('Initiated by, most first');
    await app.press(KEYS.escape);
    frame = await app.waitFor('Filters: Enter opens one');
    expect(frame).toContain('Correlation ID');
    app.unmount();
  });
});

describe.each([
  { columns: 80, rows: 24 },
  { columns: 140, rows: 40 },
])('the questions palette at $columns×$rows', (size) => {
  it('/ narrows the questions by their titles, and Enter then applies the one chosen', async () => {
    const app = renderExplorer(events, size);
    await app.press(':');
    await app.waitFor('Questions (counts');
    await app.press('/', 'password');
    const frame = await app.waitFor(/ of \d+ match/);
    const shown = frame.split('\n').filter((line) => /^[> ] \S/.test(line));
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(line.toLowerCase()).toContain('password');
    expect(frame).not.toContain('groups added');
    expect(frame).toMatch(new RegExp(`${shown.length} of \\d+ match`));
    await app.press(KEYS.enter, KEYS.enter);
    const table = await app.waitFor('Filter:');
    expect(table).toMatch(/activity:"Change user password"/);
    app.unmount();
  });
});
