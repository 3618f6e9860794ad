import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded, manyEvents } from '../helpers/loaded.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const lines = (frame: string) => stripAnsi(frame).split('\n');

const policy = (state: string, excluded: string[]) =>
  JSON.stringify({ id: 'ca-1', displayName: 'Require MFA for admins', state, conditions: { users: { includeRoles: ['admins'], excludeUsers: excluded } } });

const caChange = graphEvent({
  id: 'ca',
  activityDateTime: '2026-11-21T09:00:00Z',
  category: 'Policy',
  loggedByService: 'Conditional Access',
  activityDisplayName: 'Update conditional access policy',
  targetResources: [
    {
      id: 'ca-1',
      displayName: 'Require MFA for admins',
      type: 'Policy',
      userPrincipalName: null,
      groupType: null,
      modifiedProperties: [
        { displayName: 'ConditionalAccessPolicy', oldValue: policy('enabled', []), newValue: policy('enabledForReportingButNotEnforced', ['mallory@contoso.example']) },
        { displayName: 'Included Updated Properties', oldValue: null, newValue: '"ConditionalAccessPolicy, State"' },
      ],
    },
  ],
});
const appEvent = graphEvent({
  id: 'app',
  activityDateTime: '2026-11-21T08:00:00Z',
  activityDisplayName: 'Add service principal credentials',
  initiatedBy: { user: null, app: { appId: 'app-1', displayName: 'Payroll Sync', servicePrincipalId: 'sp-1', servicePrincipalName: null } },
});
const failed = graphEvent({ id: 'failed', activityDateTime: '2026-11-21T07:00:00Z', result: 'failure', resultReason: 'Insufficient privileges' });

describe('the explorer on screen', () => {
  it('shows the pane tabs, the table newest first with an app marker, and the status line', () => {
    const app = renderExplorer(loaded(failed, appEvent, caChange));
    const screen = lines(app.frame());
    expect(screen[0]).toContain('1 Directory (3)');
    expect(screen[0]).toContain('2 Custom Security (0)');
    expect(screen[1]).toContain('Sources: fixture.jsonl');
    expect(screen[2]).toContain('No filter: / search, f filter menu');
    // Newest first, said in the header; the columns sized to the values shown.
    expect(screen[3]).toMatch(/^  Date \(UTC\) ▼\s+Service\s+Category\s+Activity\s+Status\s+Target\(s\)\s+Initiated by/);
    expect(screen[4]).toMatch(/^ ~2026-11-21 09:00:00 Conditional Acc… Policy\s+Update conditional access po…\s+Success\s+Require MFA for admins/);
    expect(screen[5]).toContain('⚙ Payroll Sync');
    expect(screen[6]).toMatch(/Failure\s+bo\.user@contoso\.examp…\s+ada\.admin@contoso\.example/);
    expect(screen).toHaveLength(39);
    expect(screen[37]).toContain('3 of 3 events · row 1');
    expect(screen[38]).toContain('? help');
  });

  it('draws only the rows that fit, and moves the window with the selection', async () => {
    const app = renderExplorer(manyEvents(5000), { columns: 100, rows: 24 });
    expect(lines(app.frame()).filter((l) => l.includes('Update user'))).toHaveLength(17);
    await app.press('G');
    const screen = lines(app.frame());
    expect(screen.some((l) => l.includes('Update user 4999'))).toBe(true);
    expect(screen.join('\n')).toContain('5,000 of 5,000 events · row 5,000');
    await app.press('g', 'j', 'j', KEYS.down);
    expect(app.frame()).toContain('row 4');
  });

  it('opens details on Enter and walks the tabs to a field-level policy diff', async () => {
    const app = renderExplorer(loaded(caChange, appEvent));
    await app.press(KEYS.enter);
    let screen = stripAnsi(app.frame());
    expect(screen).toContain(' Activity  Target(s)  Modified properties  Additional details  Raw');
    expect(screen).toMatch(/Activity\s+Update conditional access policy/);
    expect(screen).toMatch(/IP address\s+203\.0\.113\.10/);
    await app.press('l');
    expect(stripAnsi(app.frame())).toMatch(/Target 1: Require MFA for admins/);
    await app.press(KEYS.right);
    screen = stripAnsi(app.frame());
    expect(screen).toContain('ConditionalAccessPolicy');
    expect(screen).toContain('2 fields changed:');
    expect(screen).toContain('state:');
    expect(screen).toContain('- "enabled"');
    expect(screen).toContain('+ "enabledForReportingButNotEnforced"');
    expect(screen).toContain('conditions.users.excludeUsers:');
    expect(screen).toContain('+ ["mallory@contoso.example"]');
    expect(screen).not.toContain('displayName:');
    expect(screen).toContain('Included Updated Properties:');
    expect(screen).toContain('• ConditionalAccessPolicy');
    expect(screen).toContain('• State');
    await app.press('l', 'l');
    expect(stripAnsi(app.frame())).toContain('"activityDisplayName": "Update conditional access policy"');
    await app.press(KEYS.escape);
    expect(stripAnsi(app.frame())).toMatch(/Date \(UTC\) ▼\s+Service/);
  });

  it('shows old → new for simple modified properties, decoded from their JSON text', async () => {
    const app = renderExplorer(loaded(graphEvent()));
    await app.press(KEYS.enter, 'l', 'l');
    const screen = stripAnsi(app.frame());
    expect(screen).toContain('Department');
    expect(screen).toContain('old: Sales');
    expect(screen).toContain('new: Finance');
  });

  it('explains an empty Custom Security pane', async () => {
    const app = renderExplorer(loaded(graphEvent()));
    await app.press('2');
    const screen = stripAnsi(app.frame()).replace(/\s+/g, ' ');
    expect(screen).toContain('No custom security attribute audit events were loaded.');
    expect(screen).toContain('auditLogs/customSecurityAttributeAudits');
    expect(screen).toContain('AADCustomSecurityAttributeAuditLogs');
    expect(screen).toContain('Attribute Log Reader or Attribute Log Administrator');
    // Tab goes on to Sign-ins, empty too and explained the same way; 1 goes back to the events.
    await app.press(KEYS.tab);
    expect(stripAnsi(app.frame()).replace(/\s+/g, ' ')).toContain('No sign-in events were loaded.');
    await app.press('1');
    expect(stripAnsi(app.frame())).toMatch(/Date \(UTC\)/);
  });

  it('renders hostile strings harmless in the table and the details', async () => {
    const hostile = graphEvent({
      activityDisplayName: 'Pwn\u001b]0;owned\u0007\u001b[2J\u001b[H\u009b31m\u202eevil',
      targetResources: [{ id: 'x', displayName: 'T\u001b[1;1H', type: 'User', userPrincipalName: null, groupType: null, modifiedProperties: [] }],
    });
    const app = renderExplorer(loaded(hostile));
    const table = app.frame();
    expect(stripAnsi(table)).toContain('Pwn␛]0;owned␇␛[2J␛[H');
    await app.press(KEYS.enter);
    const details = app.frame();
    expect(stripAnsi(details)).toContain('Pwn␛]0;owned␇␛[2J␛[H⟨U+009B⟩31m⟨U+202E⟩evil');
    for (const frame of [table, details]) {
      // Only Ink's own SGR styling may remain: no OSC, no cursor moves, no clears, no C1, no bidi.
      expect(frame.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('keeps every line within the terminal width with CJK and emoji names', () => {
    const wide = graphEvent({
      activityDisplayName: 'Update user',
      targetResources: [{ id: 'x', displayName: '山田太郎のとても長い表示名🚀🚀🚀 テスト用アカウント', type: 'User', userPrincipalName: null, groupType: null, modifiedProperties: [] }],
    });
    const app = renderExplorer(loaded(wide), { columns: 80, rows: 24 });
    const screen = lines(app.frame());
    for (const line of screen) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(screen[4]).toContain('山田太郎');
    expect(screen[4]).toContain('…');
  });

  it('says the window is too small instead of drawing garbage', () => {
    const app = renderExplorer(loaded(graphEvent()), { columns: 50, rows: 12 });
    expect(stripAnsi(app.frame())).toContain('Window too small (50×12)');
  });

  it('shows help built from the keymap, and closes it', async () => {
    const app = renderExplorer(loaded(graphEvent()), { columns: 140, rows: 60 });
    await app.press('?');
    const screen = stripAnsi(app.frame());
    expect(screen).toContain('Keys (Esc, q or ? to close)');
    expect(screen).toMatch(/j ↓\s+Down one line/);
    expect(screen).toMatch(/Enter\s+Open the selected event/);
    expect(screen).toMatch(/3\s+Sign-ins pane/);
    expect(screen).toMatch(/s\s+Hide\/show Microsoft Substrate Management write-backs/);
    await app.press('q');
    expect(stripAnsi(app.frame())).toMatch(/Date \(UTC\)/);
  });

  it('lists load problems with file:line and reason', async () => {
    const app = renderExplorer(loaded(graphEvent()), undefined, {
      problems: [{ source: 'export.json', line: 42, reason: 'invalid JSON (Unexpected end of JSON input)' }],
    });
    expect(stripAnsi(app.frame())).toContain('1 load problem (P)');
    await app.press('P');
    expect(stripAnsi(app.frame())).toContain('export.json:42  invalid JSON (Unexpected end of JSON input)');
  });

  it('shows load progress in the header while loading, and "Loading…" in an empty list', () => {
    const loading = { bytesRead: 300 * 1024 * 1024, bytesTotal: 1200 * 1024 * 1024, events: 250_000, problemCount: 0, done: false, startedAt: Date.now() - 3000, finishedAt: null };
    const app = renderExplorer([], { columns: 140, rows: 30 }, { loading });
    const screen = stripAnsi(app.frame());
    expect(screen).toMatch(/Loading 300 MB of 1\.2 GB \(25%\) · 250,000 events so far · \d+(\.\d)? MB\/s · about \d+ s left/);
    expect(screen).toContain('Loading…');
  });

  it('filters from the / bar, shows the filter in the header, and shows a bad query inline', async () => {
    const app = renderExplorer(loaded(failed, appEvent, caChange));
    await app.press('/');
    expect(lines(app.frame()).at(-1)).toBe('/');
    // Typed as one burst, as a paste arrives: every character lands, in order.
    await app.press('status:failure');
    // The results follow the typing, before Enter.
    expect(stripAnsi(app.frame())).toContain('/ status:failure');
    expect(stripAnsi(app.frame())).toContain('1 of 3 events');
    await app.press(KEYS.enter);
    let screen = stripAnsi(app.frame());
    expect(screen).toContain('Filter:  status:failure  f edits, x clears');
    expect(screen).toContain('1 of 3 events');
    expect(lines(screen).filter((l) => /^[ *][ !~?]2026-/.test(l))).toHaveLength(1);
    // `/` reopens on the filter with a space after it: what is typed is a new term.
    await app.press('/', '-xyz:1');
    await app.press(KEYS.enter);
    screen = stripAnsi(app.frame());
    expect(screen).toContain('unknown field "xyz"');
    expect(screen).toContain('/ status:failure -xyz:1');
    await app.press(KEYS.escape);
    expect(stripAnsi(app.frame())).toContain('1 of 3 events');
    await app.press('x');
    expect(stripAnsi(app.frame())).toContain('3 of 3 events');
  });

  it('dims and hides Substrate write-backs', async () => {
    const writeBack = graphEvent({
      id: 'wb',
      activityDateTime: '2026-11-21T10:00:00Z',
      initiatedBy: { user: null, app: { appId: null, displayName: 'Microsoft Substrate Management', servicePrincipalId: null, servicePrincipalName: null } },
    });
    const app = renderExplorer(loaded(graphEvent(), writeBack));
    expect(stripAnsi(app.frame())).toContain('⚙ Microsoft Substrate');
    await app.press('s');
    const screen = stripAnsi(app.frame());
    expect(screen).not.toContain('⚙ Microsoft Substrate');
    expect(screen).toContain('1 of 2 events');
    expect(screen).toContain('Substrate write-backs hidden (s)');
  });
});
