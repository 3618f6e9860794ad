/**
 * A provisioning record's details tabs as an admin reads them: what failed and what to do about
 * it, where the identity came from and went, what changed, and which step broke.
 */
import { describe, expect, it } from 'vitest';
import { detailLines, DETAIL_TAB_LABELS, PROVISIONING_DETAIL_TABS, type DetailLine, type DetailTab } from '../../src/view/details.js';
import { PANE_DEFINITIONS } from '../../src/view/panes.js';
import { durationText } from '../../src/view/provisioning-details.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { UTC } from '../../src/text/time-zone.js';
import type { ProvisioningRecord } from '../../src/model/provisioning.js';
import { loadedProvisioning, makeProvisioning } from '../helpers/sign-ins.js';

const options = { width: 100, timeZone: UTC, symbols: UNICODE_SYMBOLS };
const linesOf = (record: ProvisioningRecord, tab: DetailTab) => detailLines(loadedProvisioning(record), tab, options);
const field = (lines: DetailLine[], label: string) => lines.find((line) => line.labelWidth && line.text.startsWith(label.padEnd(20)));
const valueOf = (lines: DetailLine[], label: string) => field(lines, label)?.text.slice(20);
const texts = (lines: DetailLine[]) => lines.map((line) => line.text);

/** The helper's record: a create in a SCIM app that failed at the export step. */
const failedCreate = makeProvisioning();

describe('a provisioning record\'s details', () => {
  it('are the portal\'s tabs, on the Provisioning pane', () => {
    expect(PANE_DEFINITIONS.provisioning.detailTabs).toEqual(PROVISIONING_DETAIL_TABS);
    expect(PROVISIONING_DETAIL_TABS.map((tab) => DETAIL_TAB_LABELS[tab])).toEqual(['Overview', 'Source & target', 'Modified properties', 'Steps', 'Raw']);
  });

  it('show the failure on Overview with its error code, reason, category and recommended action', () => {
    const lines = linesOf(failedCreate, 'overview');
    expect(valueOf(lines, 'Date (UTC)')).toBe('2026-11-20 08:15:00  (2026-11-20T08:15:00Z)');
    expect(valueOf(lines, 'Action')).toBe('Create');
    expect(field(lines, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Failure`, tone: 'bad' });
    expect(field(lines, 'Error code')).toMatchObject({ text: `${'Error code'.padEnd(20)}SystemForCrossDomainIdentityManagementBadRequest`, tone: 'bad' });
    expect(field(lines, 'Reason')).toMatchObject({ text: `${'Reason'.padEnd(20)}The target app rejected the request: userName must be unique.`, tone: 'bad' });
    expect(valueOf(lines, 'Error category')).toBe('NonServiceFailure');
    expect(valueOf(lines, 'Recommended action')).toBe('Check the attribute mappings for userName.');
    expect(valueOf(lines, 'Job ID')).toBe('scim.0a1b2c3d4e5f.11112222-3333-4444-5555-666677778888');
    expect(valueOf(lines, 'Cycle ID')).toBe('9f8e7d6c-0000-4000-8000-0000000000bb');
    expect(valueOf(lines, 'Change ID')).toBe('3c2b1a09-0000-4000-8000-0000000000cc');
    expect(valueOf(lines, 'Duration')).toBe('2.4 s');
    expect(texts(lines)).toContain(`${'Name'.padEnd(20)}Azure AD Provisioning Service`);
    expect(valueOf(lines, 'Service principal')).toBe('⚙ Contoso HR SaaS');
    expect(valueOf(lines, 'SP object ID')).toBe('3d4e5f60-0000-4000-8000-0000000000ff');
  });

  it('show a success plainly, without an error section', () => {
    const lines = linesOf(makeProvisioning({ provisioningStatusInfo: { status: 'success', errorInformation: null } }), 'overview');
    expect(field(lines, 'Status')).toMatchObject({ text: `${'Status'.padEnd(20)}Success`, tone: 'plain' });
    expect(field(lines, 'Error code')).toBeUndefined();
    expect(lines.filter((line) => line.tone === 'bad')).toEqual([]);
  });

  it('show the source and target systems and identities', () => {
    const lines = texts(linesOf(failedCreate, 'source-target'));
    const section = (title: string) => lines.slice(lines.indexOf(title) + 1, lines.indexOf(title) + 4);
    expect(section('Source system')).toEqual([`${'Name'.padEnd(20)}Azure Active Directory`, `${'ID'.padEnd(20)}1b2c3d4e-0000-4000-8000-0000000000dd`, '']);
    expect(section('Source identity')).toEqual([`${'Name'.padEnd(20)}Bo User`, `${'ID'.padEnd(20)}bbbbbbbb-0000-4000-8000-000000000002`, `${'Type'.padEnd(20)}User`]);
    expect(section('Target system')[0]).toBe(`${'Name'.padEnd(20)}Contoso HR SaaS`);
    expect(section('Target identity')).toEqual([
      `${'Name'.padEnd(20)}bo.user@contoso.example`,
      `${'Type'.padEnd(20)}urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`,
    ]);
  });

  it('show modified properties old → new as an audit\'s are drawn', () => {
    const record = makeProvisioning({ modifiedProperties: [{ displayName: 'department', oldValue: '["Sales"]', newValue: '["Finance"]' }, ...failedCreate.modifiedProperties] });
    const lines = linesOf(record, 'modified');
    expect(lines.slice(0, 3)).toEqual([
      { text: 'department', tone: 'label' },
      { text: '  old: Sales', tone: 'old' },
      { text: '  new: Finance', tone: 'new' },
    ]);
    expect(texts(lines)).toContain('  new: bo.user@contoso.example');
    expect(texts(linesOf(makeProvisioning({ modifiedProperties: [] }), 'modified'))).toEqual(['(no modified properties)']);
  });

  it('show each step, the failed one in the failure tone', () => {
    const lines = linesOf(failedCreate, 'steps');
    expect(lines.filter((line) => line.tone === 'heading').map((line) => line.text)).toEqual([
      'Step 1 of 3: EntryImport',
      'Step 2 of 3: EntrySynchronizationScoping',
      'Step 3 of 3: EntryExportAdd',
    ]);
    const statuses = lines.filter((line) => line.text.startsWith('Status'.padEnd(20)));
    expect(statuses.map((line) => [line.text.slice(20), line.tone])).toEqual([
      ['Success', 'plain'],
      ['Success', 'plain'],
      ['Failure', 'bad'],
    ]);
    const failed = lines.slice(lines.findIndex((line) => line.text === 'Step 3 of 3: EntryExportAdd'));
    expect(valueOf(failed, 'Type')).toBe('export');
    expect(field(failed, 'Description')).toMatchObject({ text: `${'Description'.padEnd(20)}Failed to create bo.user@contoso.example in Contoso HR SaaS: 400 Bad Request`, tone: 'bad' });
  });

  it('show the record in its own shape on Raw, as JSON', () => {
    expect(JSON.parse(texts(linesOf(failedCreate, 'raw')).join('\n'))).toEqual(failedCreate);
  });

  it('escape hostile names on every tab', () => {
    const hostile = makeProvisioning({ sourceIdentity: { id: 'x', displayName: 'Bo\u001b[31m\nStatus              Success', identityType: 'User' } });
    expect(texts(linesOf(hostile, 'source-target'))).toContain(`${'Name'.padEnd(20)}Bo␛[31m␊Status              Success`);
    for (const tab of PROVISIONING_DETAIL_TABS) {
      for (const line of linesOf(hostile, tab)) expect(line.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  it('word a duration at a glance', () => {
    expect([850, 2350, 185_000, 119_700].map(durationText)).toEqual(['850 ms', '2.4 s', '3 min 5 s', '2 min 0 s']);
  });
});
