/**
 * The table built for triage, as a person sees it at 80×24, 140×40 and 200×50: what is dropped
 * first, what stays whole, where room goes, the targets of a role grant, the `C` picker and the
 * sort keys.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { AuditEvent, TargetResource } from '../../src/model/audit-event.js';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const lines = (frame: string) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split('\n');
const rowWith = (frame: string, text: string) => lines(frame).find((line) => line.includes(text)) ?? '';

const user = (name: string, upn: string, properties: TargetResource['modifiedProperties'] = []): TargetResource => ({ id: `id-${name}`, displayName: name, type: 'User', userPrincipalName: upn, groupType: null, modifiedProperties: properties });
const MAREN = { id: 'maren', displayName: null, userPrincipalName: 'maren.bowditch@fabrikam-demo.example', ipAddress: '203.0.113.66', userType: null, homeTenantId: null, homeTenantName: null };
const byMaren = (overrides: Partial<AuditEvent>): AuditEvent => graphEvent({ initiatedBy: { user: MAREN, app: null }, ...overrides });

// The sample's story: a new account made Global Administrator, then an app consented to.
const roleGrant = byMaren({
  id: 'role',
  activityDateTime: '2026-11-19T02:55:18Z',
  category: 'RoleManagement',
  activityDisplayName: 'Add member to role',
  operationType: 'Assign',
  targetResources: [
    user('Svc Helpdesk Sync', 'svc-helpdesk-sync@fabrikam-demo.example', [{ displayName: 'Role.DisplayName', oldValue: null, newValue: '"Global Administrator"' }]),
    // As the directory often writes it: the role target with no name of its own.
    { id: '62e90394-69f5-4237-9190-012177145e10', displayName: null, type: 'Role', userPrincipalName: null, groupType: null, modifiedProperties: [] },
  ],
});
const consent = byMaren({ id: 'consent', activityDateTime: '2026-11-19T03:20:25Z', category: 'ApplicationManagement', activityDisplayName: 'Consent to application', resultReason: 'Admin consent granted' });
const addUser = byMaren({ id: 'add', activityDateTime: '2026-11-19T02:53:54Z', activityDisplayName: 'Add user', loggedByService: 'Self-service Password Management', targetResources: [user('Svc Helpdesk Sync', 'svc-helpdesk-sync@fabrikam-demo.example')] });
const events = () => loaded(roleGrant, consent, addUser);

describe('the table at three sizes', () => {
  it('at 80×24 drops Service and Category, and gives Activity the room for "Consent to application" whole', () => {
    const app = renderExplorer(events(), { columns: 80, rows: 24 });
    const header = lines(app.frame())[3];
    expect(header).toMatch(/^ {2}Date \(UTC\) ▼\s+Activity\s+Status\s+Target\(s\)\s+Initiated by/);
    expect(header).not.toContain('Service');
    expect(header).not.toContain('Category');
    expect(rowWith(app.frame(), '03:20:25')).toContain('Consent to application Success');
    // No room for both names: the first is cut, never the count of the others.
    expect(rowWith(app.frame(), '02:55:18')).toMatch(/Svc He\S*… \(\+1\)/);
    for (const line of lines(app.frame())) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('at 140×40 keeps Service and Category, each at its ideal width', () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    expect(lines(app.frame())[3]).toMatch(/Date \(UTC\) ▼\s+Service\s+Category\s+Activity\s+Status\s+Target\(s\)\s+Initiated by/);
    expect(rowWith(app.frame(), '02:53:54')).toContain('Self-service Pa… UserManagement Add user');
  });

  it('at 200×50 gives the room to the cut values: the role granted and the whole UPN, not blank Activity cells', () => {
    const app = renderExplorer(events(), { columns: 200, rows: 50 });
    const grant = rowWith(app.frame(), '02:55:18');
    // The role target is named from Role.DisplayName, not shown as an object id.
    expect(grant).toContain('Svc Helpdesk Sync, Global Administrator');
    expect(grant).not.toContain('(+1)');
    expect(grant).toContain('maren.bowditch@fabrikam-demo.example');
    // Activity is as wide as its widest value in view, no wider.
    expect(rowWith(app.frame(), '03:20:25')).toContain('Consent to application Success');
  });
});

describe('the column picker (C)', () => {
  it('lists the pane\'s columns, Space adds one, Enter applies; Esc leaves the table as it was', async () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    await app.press('C');
    let frame = await app.waitFor('Columns of Directory');
    expect(frame).toMatch(/\[x\] Date \(UTC\)\s+▼ sorted, newest first/);
    for (const name of ['Service', 'Category', 'Activity', 'Status', 'Target(s)', 'Initiated by']) expect(frame).toContain(`[x] ${name}`);
    for (const name of ['IP address', 'User agent', 'Status reason', 'Correlation ID', 'Operation', 'Target type']) expect(frame).toContain(`[ ] ${name}`);
    // Down to "Status reason", show it, and Enter.
    await app.press(...Array<string>(9).fill('j'), ' ', KEYS.enter);
    frame = await app.waitFor('Status reason');
    expect(lines(frame)[3]).toMatch(/Initiated by\s+Status reason/);
    expect(rowWith(frame, '03:20:25')).toContain('Admin consent granted');
    // Without a config file to keep them in, the status line says they last for this run.
    expect(await app.waitFor('Columns changed for this run')).toContain('no config file');
    // A fourth flexible column: Service gives its room up first.
    expect(lines(frame)[3]).not.toContain('Service');
    await app.press('C', ...Array<string>(9).fill('j'), ' ', KEYS.escape);
    expect(lines(await app.waitFor('Date (UTC) ▼'))[3]).toContain('Status reason');
  });

  it('refuses to apply with no column shown', async () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    await app.press('C');
    for (let i = 0; i < 7; i++) await app.press(' ', 'j');
    await app.press(KEYS.enter);
    expect(await app.waitFor('Choose at least one column')).toContain('Columns of Directory');
  });

  it('sorts by the column under the cursor with s (again: reverses)', async () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    await app.press('C', 'j', 'j', 'j', 's', 's', KEYS.enter);
    const frame = await app.waitFor('Activity ▼');
    expect(frame).toContain('sorted by Activity ▼');
    const order = ['Consent to application', 'Add user', 'Add member to role'].map((a) => lines(frame).findIndex((l) => l.includes(a)));
    // Z to A: Consent…, Add user, Add member to role.
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('sorting with < > and R', () => {
  it('moves the sort column along the visible columns, says so in the header and status line, and reverses', async () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    const dates = (frame: string) => lines(frame).filter((l) => /^ . ?2026-11-19/.test(l) || /^ {1,2}.2026-11-19/.test(l)).map((l) => /\d\d:\d\d:\d\d/.exec(l)?.[0]);
    expect(dates(app.frame())).toEqual(['03:20:25', '02:55:18', '02:53:54']);
    await app.press('>');
    let frame = await app.waitFor('Service ▲');
    expect(frame).toContain('sorted by Service ▲');
    // Core Directory (A→Z, ties newest first) before Self-service Password Management.
    expect(dates(frame)).toEqual(['03:20:25', '02:55:18', '02:53:54']);
    await app.press('R');
    frame = await app.waitFor('Service ▼');
    expect(dates(frame)).toEqual(['02:53:54', '03:20:25', '02:55:18']);
    await app.press('<');
    frame = await app.waitFor('Date (UTC) ▼');
    expect(frame).not.toContain('sorted by');
    expect(dates(frame)).toEqual(['03:20:25', '02:55:18', '02:53:54']);
    await app.press('R');
    expect(dates(await app.waitFor('Date (UTC) ▲'))).toEqual(['02:53:54', '02:55:18', '03:20:25']);
  });

  it('keeps the sort marker in a narrow column at 80×24 (Status▲)', async () => {
    const app = renderExplorer(events(), { columns: 80, rows: 24 });
    await app.press('>', '>');
    const frame = await app.waitFor('sorted by Status');
    expect(lines(frame)[3]).toMatch(/Activity\s+Status▲ Target\(s\)/);
  });

  it('keeps the selected event selected when the order changes', async () => {
    const app = renderExplorer(events(), { columns: 140, rows: 40 });
    await app.press('j');
    expect(app.frame()).toContain('row 2');
    await app.press('>', 'R');
    // The role grant (Core Directory) is third Z→A; the selection followed it.
    expect(await app.waitFor('row 3')).toContain('sorted by Service ▼');
  });
});
