/**
 * One hand-written fixture per sign-in and provisioning export shape (test/fixtures/formats/
 * signins-*, provisioning-*), loaded end to end through the real loader: each record's pane, time,
 * who (user or service principal), app, IP and error code; one record field by field; a stream
 * and a workspace union mixing every log; and a sign-in found in two exports counted once. Names,
 * ids and addresses are invented (contoso.example, RFC 5737 / RFC 3849 addresses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rereadRecord } from '../../src/ingest/classify.js';
import { OBJECT_FORMATS } from '../../src/ingest/formats/index.js';
import { loadAll, type LoadedSet } from '../../src/ingest/read-input.js';
import { LoadSession } from '../../src/load/load-session.js';
import type { LoadedEvent } from '../../src/model/loaded-event.js';
import { signInEventTypeOf, type SignIn } from '../../src/model/sign-in.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

async function load(name: string): Promise<LoadedSet & { path: string }> {
  const path = join(FIXTURES, name);
  return { path, ...(await loadAll([{ kind: 'file', path }])) };
}

const signInOf = (loaded: LoadedEvent): SignIn => {
  if (loaded.own?.kind !== 'sign-in') throw new Error(`not a sign-in: ${loaded.event.id}`);
  return loaded.own.signIn;
};

/** Oldest first: pane, time, who, app, IP, error code, event type. */
function signInRows(loaded: LoadedSet) {
  return loaded.events
    .filter((e) => e.own?.kind === 'sign-in')
    .map((e) => {
      const s = signInOf(e);
      return [e.pane, e.event.activityDateTime, s.userPrincipalName ?? s.servicePrincipalName, s.appDisplayName ?? s.appId, s.ipAddress, s.status.errorCode, signInEventTypeOf(s)];
    })
    .reverse();
}

function provisioningRows(loaded: LoadedSet) {
  return loaded.events
    .flatMap((e) => (e.own?.kind === 'provisioning' ? [[e.pane, e.own.provisioning.activityDateTime, e.own.provisioning.provisioningAction, e.own.provisioning.provisioningStatusInfo.status, e.own.provisioning.sourceIdentity.displayName, e.own.provisioning.targetSystem.displayName]] : []))
    .reverse();
}

const paneCounts = (loaded: LoadedSet) => loaded.events.reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.pane]: (counts[e.pane] ?? 0) + 1 }), {});

const INES = 'ines.okafor@contoso.example';
const TOMAS = 'tomas.rieger@contoso.example';

describe('Microsoft Graph sign-ins', () => {
  it('a beta page: users, a service principal and a managed identity, each with its error code', async () => {
    const loaded = await load('signins-graph-beta-page.json');
    expect(loaded.reports.map((r) => [r.formats, r.events, r.problems])).toEqual([[['graph-sign-ins-provisioning'], 4, 0]]);
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-19T02:47:12.4730012Z', INES, 'Azure Portal', '203.0.113.66', 0, 'interactiveUser'],
      ['sign-ins', '2026-11-19T02:52:40Z', TOMAS, 'Azure Portal', '198.51.100.23', 50126, 'interactiveUser'],
      ['sign-ins', '2026-11-19T03:05:00Z', 'Contoso Payroll Connector', 'Contoso Payroll Connector', '192.0.2.44', 0, 'servicePrincipal'],
      ['sign-ins', '2026-11-19T03:10:30Z', 'vm-payroll-batch', '2b4d6f8a-0c2e-4a6c-8e0a-2c4e6a8c0e86', null, 0, 'managedIdentity'],
    ]);
    const managed = signInOf(loaded.events[0]);
    expect(managed.managedIdentityType).toBe('systemAssigned');
    // msiType "none" on a user's sign-in says it is no managed identity's.
    expect(signInOf(loaded.events[3]).managedIdentityType).toBeNull();
  });

  it('reads the interactive sign-in field by field', async () => {
    const loaded = await load('signins-graph-beta-page.json');
    expect(signInOf(loaded.events[3])).toStrictEqual<SignIn>({
      id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
      createdDateTime: '2026-11-19T02:47:12.4730012Z',
      userDisplayName: 'Ines Okafor',
      userPrincipalName: INES,
      userId: 'd2a7f4c9-1b6e-4c3a-9e8d-5f0a2b7c4e61',
      userType: 'Member',
      appDisplayName: 'Azure Portal',
      appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      ipAddress: '203.0.113.66',
      clientAppUsed: 'Browser',
      correlationId: '5b1d9e2a-7c3f-4a8e-9d61-0f2e4c6a8b10',
      conditionalAccessStatus: 'success',
      appliedConditionalAccessPolicies: [
        { id: '8e0c2a4f-6b1d-4f3a-9e5c-7a9b1d3f5e72', displayName: 'Require MFA for admins', result: 'success', enforcedGrantControls: ['Mfa'], enforcedSessionControls: [] },
        { id: '1f3b5d7e-9a2c-4e6f-8b0d-2c4e6a8f0b13', displayName: 'Block legacy authentication', result: 'notApplied', enforcedGrantControls: ['Block'], enforcedSessionControls: [] },
      ],
      isInteractive: true,
      signInEventTypes: ['interactiveUser'],
      status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
      location: { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG' },
      deviceDetail: { deviceId: '3c6e9f1a-2b4d-4e8a-9c7f-1d3b5a7c9e20', displayName: 'INES-LAPTOP', operatingSystem: 'Windows10', browser: 'Edge 131.0.0', isCompliant: true, isManaged: true, trustType: 'Azure AD joined' },
      riskLevelDuringSignIn: 'none',
      riskLevelAggregated: 'none',
      riskState: 'none',
      riskDetail: 'none',
      riskEventTypes_v2: [],
      authenticationRequirement: 'multiFactorAuthentication',
      authenticationProtocol: 'none',
      originalTransferMethod: 'none',
      incomingTokenType: 'none',
      tokenIssuerType: 'AzureAD',
      authenticationDetails: [
        { authenticationMethod: 'Password', authenticationStepRequirement: 'Primary authentication', authenticationStepResultDetail: 'Correct password', succeeded: true, authenticationStepDateTime: '2026-11-19T02:47:10Z' },
        { authenticationMethod: 'Mobile app notification', authenticationStepRequirement: 'Secondary authentication', authenticationStepResultDetail: 'MFA completed in Azure AD', succeeded: true, authenticationStepDateTime: '2026-11-19T02:47:12Z' },
      ],
      resourceDisplayName: 'Windows Azure Service Management API',
      resourceId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
      servicePrincipalName: null,
      servicePrincipalId: null,
      managedIdentityType: null,
      uniqueTokenIdentifier: 'ZmE1Yjk4YzQtYjFiNy00NmE0LWE0ZDAtZTVmYTNjMDAwMDAw',
      sessionId: '2a4c6e8f-0b1d-4f3a-8c5e-7a9b1d3f5e04',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    });
  });

  it('v1.0 JSON Lines: no signInEventTypes, so isInteractive says interactive or not', async () => {
    const loaded = await load('signins-graph-v1.jsonl');
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-18T22:14:03Z', INES, 'Azure Portal', '203.0.113.66', 0, 'interactiveUser'],
      ['sign-ins', '2026-11-18T22:19:44Z', INES, 'Microsoft Teams', '203.0.113.66', 0, 'nonInteractiveUser'],
      ['sign-ins', '2026-11-18T22:31:09Z', TOMAS, 'Azure Portal', '198.51.100.23', 50074, 'interactiveUser'],
    ]);
    expect(loaded.events.map((e) => signInOf(e).signInEventTypes)).toEqual([['interactiveUser'], ['nonInteractiveUser'], ['interactiveUser']]);
    expect(loaded.events[0].event.result).toBe('interrupted');
  });

  it("the portal's JSON download (a bare array), IPv6 included", async () => {
    const loaded = await load('signins-portal-download.json');
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-17T08:00:01Z', INES, 'Azure Portal', '2001:db8:4a::17', 0, 'interactiveUser'],
      ['sign-ins', '2026-11-17T08:03:12Z', TOMAS, 'Azure Portal', '198.51.100.23', 53003, 'interactiveUser'],
    ]);
  });

  it('Graph PowerShell ConvertTo-Json: PascalCase, IPAddress, /Date(ms)/, AdditionalProperties, lists cut to type names', async () => {
    const loaded = await load('signins-powershell.json');
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-16T10:20:00Z', TOMAS, 'Microsoft Azure CLI', '192.0.2.200', 50140, 'interactiveUser'],
      ['sign-ins', '2026-11-16T10:20:30Z', INES, 'Azure Portal', '203.0.113.91', 0, 'interactiveUser'],
    ]);
    const [ines, tomas] = loaded.events.map(signInOf);
    // Below ConvertTo-Json's depth a list is "System.String[]": no value, so no list item.
    expect(ines.appliedConditionalAccessPolicies).toEqual([{ id: '8e0c2a4f-6b1d-4f3a-9e5c-7a9b1d3f5e72', displayName: 'Require MFA for admins', result: 'success', enforcedGrantControls: [], enforcedSessionControls: [] }]);
    expect(ines.location).toEqual({ city: 'Porto', state: 'Porto', countryOrRegion: 'PT' });
    expect(ines.status).toEqual({ errorCode: 0, failureReason: 'Other.', additionalDetails: 'MFA requirement satisfied by claim in the token' });
    expect({ type: tomas.userType, protocol: tomas.authenticationProtocol, transfer: tomas.originalTransferMethod }).toEqual({ type: 'Guest', protocol: 'deviceCode', transfer: 'deviceCodeFlow' });
  });
});

describe('Microsoft Graph provisioning', () => {
  it('a v1.0 page: action, status, source identity, target system, the error of a failure', async () => {
    const loaded = await load('provisioning-graph-page.json');
    expect(loaded.reports.map((r) => [r.formats, r.events, r.problems])).toEqual([[['graph-sign-ins-provisioning'], 2, 0]]);
    expect(provisioningRows(loaded)).toEqual([
      ['provisioning', '2026-11-19T03:00:00Z', 'create', 'success', 'Ines Okafor', 'Amazon Web Services (AWS)'],
      ['provisioning', '2026-11-19T03:00:05Z', 'update', 'failure', 'Tomas Rieger', 'Amazon Web Services (AWS)'],
    ]);
    expect(loaded.events[0].event.resultReason).toBe('AWSEntryConflict: AWS returned 409 Conflict: a user with this userName exists.');
  });
});

describe('a diagnostic batch with every category', () => {
  it('gives each pane its records and one problem, naming the Administrative category', async () => {
    const loaded = await load('signins-diagnostic-all-categories.json');
    expect(paneCounts(loaded)).toEqual({ directory: 1, 'custom-security': 1, 'sign-ins': 5, provisioning: 1 });
    expect(loaded.problems.map((p) => [p.line, p.reason])).toEqual([[expect.any(Number), 'diagnostic category "Administrative" is not an Entra activity log']]);
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-19T02:47:12.4730012Z', INES, 'Azure Portal', '203.0.113.66', 0, 'interactiveUser'],
      // Microsoft's spelling (NonInteractiveUserSIgnInLogs) and the corrected one alike.
      ['sign-ins', '2026-11-19T02:49:01Z', INES, 'Microsoft Office', '203.0.113.66', 0, 'nonInteractiveUser'],
      ['sign-ins', '2026-11-19T02:49:31Z', INES, 'Microsoft Office', '203.0.113.66', 0, 'nonInteractiveUser'],
      ['sign-ins', '2026-11-19T03:05:00Z', 'Contoso Payroll Connector', 'Contoso Payroll Connector', '192.0.2.44', 0, 'servicePrincipal'],
      ['sign-ins', '2026-11-19T03:10:30Z', 'vm-payroll-batch', '2b4d6f8a-0c2e-4a6c-8e0a-2c4e6a8c0e86', null, 0, 'managedIdentity'],
    ]);
    // Identities and systems as Id/Name, steps as enum numbers.
    expect(provisioningRows(loaded)).toEqual([['provisioning', '2026-11-19T03:00:00Z', 'create', 'success', 'Ines Okafor', 'Amazon Web Services (AWS)']]);
    const provisioning = loaded.events.find((e) => e.own?.kind === 'provisioning')?.own;
    expect(provisioning?.kind === 'provisioning' && provisioning.provisioning.provisioningSteps).toEqual([{ name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', description: 'Received User change of type (Add) from Microsoft Entra ID' }]);
  });

  it('re-reads a diagnostic sign-in from its record alone, as when it was loaded', async () => {
    const batch = JSON.parse(readFileSync(join(FIXTURES, 'signins-diagnostic-all-categories.json'), 'utf8')) as { records: unknown[] };
    const index = OBJECT_FORMATS.findIndex((format) => format.id === 'azure-monitor');
    const reread = rereadRecord(JSON.stringify(batch.records[5]), index, false, { source: 'x' });
    expect('reason' in reread ? reread.reason : [reread.pane, reread.event.id, signInEventTypeOf(signInOf(reread))]).toEqual(['sign-ins', '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a31', 'servicePrincipal']);
  });
});

describe('Log Analytics', () => {
  it('a union (query API tables with a Type column): SigninLogs, AADNonInteractiveUserSignInLogs as JSON text, AuditLogs, AzureActivity', async () => {
    const loaded = await load('signins-log-analytics-union.json');
    expect(paneCounts(loaded)).toEqual({ directory: 1, 'sign-ins': 4 });
    expect(loaded.problems.map((p) => p.reason)).toEqual(['Log Analytics table "AzureActivity" is not an Entra activity log']);
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-20T08:01:00.1234567Z', INES, 'Azure Portal', '203.0.113.66', 0, 'interactiveUser'],
      ['sign-ins', '2026-11-20T08:04:00Z', TOMAS, 'Office 365 Exchange Online', '198.51.100.23', 50126, 'interactiveUser'],
      ['sign-ins', '2026-11-20T08:06:30Z', INES, 'Microsoft Teams', '203.0.113.66', 0, 'nonInteractiveUser'],
      ['sign-ins', '2026-11-20T08:07:45Z', TOMAS, 'Microsoft Office', '198.51.100.23', 50173, 'nonInteractiveUser'],
    ]);
    const [, damaged, text, , dynamic] = loaded.events.map((e) => (e.own ? signInOf(e) : null));
    // ResourceIdentity is the resource's app id; ResourceId is the workspace resource path.
    expect(dynamic?.resourceId).toBe('797f4846-ba00-4fd7-ba43-dac1f8f63013');
    expect(dynamic?.appliedConditionalAccessPolicies.map((p) => p.displayName)).toEqual(['Require MFA for admins']);
    expect(text?.deviceDetail.displayName).toBe('INES-LAPTOP');
    expect(text?.status.additionalDetails).toBe('MFA requirement satisfied by claim in the token');
    // Bad JSON text in a column: the record is kept and the field is empty.
    expect(damaged?.deviceDetail).toEqual({ deviceId: null, displayName: null, operatingSystem: null, browser: null, isCompliant: null, isManaged: null, trustType: null });
    expect({ policies: damaged?.appliedConditionalAccessPolicies, steps: damaged?.authenticationDetails, risk: damaged?.riskEventTypes_v2 }).toEqual({ policies: [], steps: [], risk: ['unlikelyTravel'] });
  });

  it('JSON rows of the service principal, managed identity and provisioning tables', async () => {
    const loaded = await load('signins-log-analytics-rows.json');
    expect(loaded.problems).toEqual([]);
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-20T09:00:00Z', 'Contoso Payroll Connector', '7f0c4b2a-3e9d-4c61-a8b5-2d6e1f9a0c47', '192.0.2.44', 7000215, 'servicePrincipal'],
      ['sign-ins', '2026-11-20T09:05:00Z', 'vm-payroll-batch', '2b4d6f8a-0c2e-4a6c-8e0a-2c4e6a8c0e86', null, 0, 'managedIdentity'],
    ]);
    expect(signInOf(loaded.events[2]).status.failureReason).toBe('Invalid client secret provided.');
    expect(provisioningRows(loaded)).toEqual([['provisioning', '2026-11-20T09:09:58.5Z', 'update', 'failure', 'Tomas Rieger', 'Amazon Web Services (AWS)']]);
    const own = loaded.events[0].own;
    expect(own?.kind === 'provisioning' && [own.provisioning.provisioningStatusInfo.errorInformation?.errorCode, own.provisioning.durationInMilliseconds, own.provisioning.modifiedProperties]).toEqual([
      'AWSEntryConflict',
      905,
      [{ displayName: 'title', oldValue: 'Analyst', newValue: 'Lead Analyst' }],
    ]);
  });

  it("the portal's CSV export of SigninLogs: US dates, dynamic columns as JSON text", async () => {
    const loaded = await load('signins-log-analytics-export.csv');
    expect(loaded.reports.map((r) => [r.formats, r.events, r.problems])).toEqual([[['log-analytics-csv'], 2, 0]]);
    expect(signInRows(loaded)).toEqual([
      ['sign-ins', '2026-11-21T07:15:01.907Z', INES, 'Azure Portal', '203.0.113.70', 0, 'interactiveUser'],
      ['sign-ins', '2026-11-21T07:20:43.500Z', TOMAS, 'Microsoft Authentication Broker', '198.51.100.23', 50074, 'interactiveUser'],
    ]);
    const tomas = signInOf(loaded.events[0]);
    expect([tomas.originalTransferMethod, tomas.authenticationDetails.length, tomas.location.city, tomas.isInteractive]).toEqual(['deviceCodeFlow', 1, 'Rotterdam', true]);
  });
});

describe('the same sign-in in two exports', () => {
  it('a Graph page and a diagnostic stream: loaded once, the first file\'s copy kept', async () => {
    const paths = ['signins-graph-beta-page.json', 'signins-diagnostic-all-categories.json'].map((name) => ({ kind: 'file' as const, path: join(FIXTURES, name) }));
    const session = new LoadSession(paths, { workers: 0 });
    await session.done;
    expect(session.store.paneCounts['sign-ins']).toBe(6);
    expect(session.duplicates).toBe(3);
  });
});
