/**
 * Real records written outside this project: Elastic's Azure SignInLogs and ProvisioningLogs
 * pipeline test inputs (Elastic License 2.0), read in place from
 * ../shared/samples/elastic-azure-signinlogs/ and never copied into the repository. Every record
 * must load into its pane with the right time, who, app, IP and error code (sign-ins) or time,
 * action, status, source identity and target system (provisioning), and no problem.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll, type LoadedSet } from '../../src/ingest/read-input.js';
import { LoadSession } from '../../src/load/load-session.js';
import { signInEventTypeOf } from '../../src/model/sign-in.js';

const DIR = fileURLToPath(new URL('../../../shared/samples/elastic-azure-signinlogs/', import.meta.url));
const HERE = existsSync(DIR);

async function load(name: string): Promise<LoadedSet> {
  const loaded = await loadAll([{ kind: 'file', path: join(DIR, name) }]);
  expect(loaded.problems).toEqual([]);
  expect(loaded.reports.map((r) => [r.formats, r.error])).toEqual([[['azure-monitor'], undefined]]);
  return loaded;
}

/** In file order (the loader gives newest first, ties in file order): line, time, who, app, IP, error code, event type. */
function signIns(loaded: LoadedSet) {
  return [...loaded.events]
    .sort((a, b) => (a.origin.line ?? 0) - (b.origin.line ?? 0))
    .map((e) => {
      if (e.own?.kind !== 'sign-in') throw new Error(`line ${e.origin.line} is no sign-in`);
      const s = e.own.signIn;
      expect(e.pane).toBe('sign-ins');
      return [e.origin.line, s.createdDateTime, s.userPrincipalName ?? s.servicePrincipalName, s.appDisplayName ?? s.appId, s.ipAddress, s.status.errorCode, signInEventTypeOf(s)];
    });
}

const KMSI = "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.";

describe.skipIf(!HERE)('Elastic SignInLogs samples', () => {
  it('signinlogs-raw.log: one record in every sign-in category, times with a -05:00 offset', async () => {
    const loaded = await load('signinlogs-raw.log');
    expect(signIns(loaded)).toEqual([
      [1, '2019-10-18T09:45:48.0729893Z', 'test@elastic.co', 'Office 365', '81.2.69.144', 50140, 'interactiveUser'],
      [2, '2019-10-18T09:45:48.0729893Z', 'c3813493-bf92-5123-2717-8a8b2979c38b', 'Office 365', '81.2.69.144', 50140, 'nonInteractiveUser'],
      [3, '2019-10-18T09:45:48.0729893Z', 'c3813493-bf92-5123-2717-8a8b2979c38b', 'Office 365', '81.2.69.144', 50140, 'servicePrincipal'],
      [4, '2019-10-18T09:45:48.0729893Z', 'c3813493-bf92-5123-2717-8a8b2979c38b', 'Office 365', '81.2.69.144', 50140, 'servicePrincipal'],
      [5, '2019-10-18T09:45:48.0729893Z', 'c3813493-bf92-5123-2717-8a8b2979c38b', 'Office 365', '81.2.69.144', 50140, 'managedIdentity'],
    ]);
    const first = loaded.events.find((e) => e.origin.line === 1)?.own;
    expect(first?.kind === 'sign-in' && first.signIn.status).toEqual({ errorCode: 50140, failureReason: KMSI, additionalDetails: null });
    // 50140 asks the user for more: the portal's "Interrupted", not a failure.
    expect(loaded.events.map((e) => e.event.result)).toEqual(Array(5).fill('interrupted'));
  });

  it('the five share one id, so a session keeps the first and counts four repeats', async () => {
    const session = new LoadSession([{ kind: 'file', path: join(DIR, 'signinlogs-raw.log') }], { workers: 0 });
    await session.done;
    expect([session.store.paneCounts['sign-ins'], session.duplicates]).toEqual([1, 4]);
  });

  it('signinlogs.log: no final newline; the callerIpAddress differs from the sign-in\'s own', async () => {
    expect(signIns(await load('signinlogs.log'))).toEqual([
      [1, '2019-10-18T09:45:48.0729893Z', 'test@elastic.co', 'Office 365', '81.171.241.231', 50140, 'interactiveUser'],
      [2, '2019-10-18T09:45:48.0729893Z', 'c3813493-bf92-5123-2717-8a8b2979c38b', 'Office 365', '81.171.241.231', 50140, 'interactiveUser'],
    ]);
  });

  it('signinlogs-sample.log: interactive successes with authentication steps and a user agent', async () => {
    const loaded = await load('signinlogs-sample.log');
    expect(signIns(loaded)).toEqual([
      [1, '2022-01-24T05:10:08.6816663Z', 'mpliftrelastic20210901@outlook.com', 'Azure Portal', '1.128.3.4', 0, 'interactiveUser'],
      [2, '2022-01-24T05:10:12.2444226Z', 'mpliftrelastic20210901@outlook.com', 'Azure Portal', '1.128.3.4', 0, 'interactiveUser'],
    ]);
    const own = loaded.events[0].own;
    expect(own?.kind === 'sign-in' && [own.signIn.authenticationDetails[0]?.authenticationMethod, own.signIn.userAgent?.startsWith('Mozilla/5.0'), own.signIn.location.city]).toEqual(['Previously satisfied', true, 'Nizampet']);
  });

  it('non-interactive-user-signinlogs-sample.log: six non-interactive successes', async () => {
    const rows = signIns(await load('non-interactive-user-signinlogs-sample.log'));
    expect(rows.map(([line, time, , app, , , type]) => [line, time, app, type])).toEqual([
      [1, '2022-01-24T05:10:14.1875602Z', 'Azure Portal', 'nonInteractiveUser'],
      [2, '2022-01-24T05:10:10.7049258Z', 'ADIbizaUX', 'nonInteractiveUser'],
      [3, '2022-01-24T05:10:11.0486624Z', 'ADIbizaUX', 'nonInteractiveUser'],
      [4, '2022-01-24T05:10:27.2010673Z', 'Azure Portal', 'nonInteractiveUser'],
      [5, '2022-01-24T05:10:27.7841951Z', 'ADIbizaUX', 'nonInteractiveUser'],
      [6, '2022-01-24T05:10:11.429773Z', 'ADIbizaUX', 'nonInteractiveUser'],
    ]);
    expect(new Set(rows.map((row) => [row[2], row[4], row[5]].join(' ')))).toEqual(new Set(['mpliftrelastic20210901@outlook.com 1.128.3.4 0']));
  });

  it('service-principal-signinlogs-sample.log: the service principal signs in, no user', async () => {
    const rows = signIns(await load('service-principal-signinlogs-sample.log'));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual([1, '2022-02-08T06:22:28.3518405Z', 'Terraform-Datadog-CLI', '6131d760-7fda-4db5-8bb1-b771898e9f15', '1.128.3.4', 0, 'servicePrincipal']);
    expect(rows[2]).toEqual([3, '2022-02-08T06:22:13.161064Z', 'Terraform-Datadog-CLI', '6131d760-7fda-4db5-8bb1-b771898e9f15', '1.128.3.4', 0, 'servicePrincipal']);
    expect(new Set(rows.map((row) => row.slice(2).join(' ')))).toEqual(new Set(['Terraform-Datadog-CLI 6131d760-7fda-4db5-8bb1-b771898e9f15 1.128.3.4 0 servicePrincipal']));
  });

  it('managed-identity-signinlogs-sample.log: managed identities, no IP (the stream writes "")', async () => {
    const rows = signIns(await load('managed-identity-signinlogs-sample.log'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([1, '2022-01-24T04:59:49.2279838Z', 'testplatformlogslube', 'b3b975ac-995b-426e-8b5d-363a165df41c', null, 0, 'managedIdentity']);
    expect(rows[9]).toEqual([10, '2022-01-24T05:02:13.5873965Z', 'testmigrate', 'b6e10128-f4bf-4134-99c2-ea60b8057ac4', null, 0, 'managedIdentity']);
    expect(rows.every((row) => row[4] === null && row[5] === 0 && row[6] === 'managedIdentity')).toBe(true);
  });

  it('adfs-signin.log: an AD FS sign-in, read as the Graph signIn it is (the outer time is US-formatted)', async () => {
    const loaded = await load('adfs-signin.log');
    expect(signIns(loaded)).toEqual([[1, '2025-12-12T14:56:31Z', 'april.oniel@turtles.com', 'Shield Autho - Native application', '10.205.19.37', 0, 'interactiveUser']]);
    const own = loaded.events[0].own;
    expect(own?.kind === 'sign-in' && own.signIn.tokenIssuerType).toBe('ADFederationServices');
  });
});

/** In file order: line, time, action, status, source identity, target system. */
function provisioning(loaded: LoadedSet) {
  return [...loaded.events]
    .sort((a, b) => (a.origin.line ?? 0) - (b.origin.line ?? 0))
    .map((e) => {
      if (e.own?.kind !== 'provisioning') throw new Error(`line ${e.origin.line} is no provisioning record`);
      const p = e.own.provisioning;
      expect(e.pane).toBe('provisioning');
      return [e.origin.line, p.activityDateTime, p.provisioningAction, p.provisioningStatusInfo.status, p.sourceIdentity.displayName, p.targetSystem.displayName];
    });
}

describe.skipIf(!HERE)('Elastic ProvisioningLogs samples', () => {
  it('provisioninglogs-raw.log: skipped, success and failure, identities and systems as Id/Name', async () => {
    const loaded = await load('provisioninglogs-raw.log');
    expect(provisioning(loaded)).toEqual([
      [1, '2022-08-23T13:36:50.3538931Z', 'create', 'skipped', 'Ellie', 'Dropbox'],
      [2, '2022-08-23T13:36:52.869547Z', 'create', 'success', 'Joel Miller', 'Dropbox'],
      [3, '2022-08-23T13:36:52.869547Z', 'create', 'failure', 'Joel Miller', 'Contoso'],
    ]);
    const failure = loaded.events.find((e) => e.origin.line === 3)?.own;
    expect(failure?.kind === 'provisioning' && [failure.provisioning.provisioningStatusInfo.errorInformation?.errorCode, failure.provisioning.servicePrincipal.displayName, failure.provisioning.initiatedBy]).toEqual([
      'ContosoEntryConflict',
      'Contoso',
      { id: null, displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    ]);
  });

  it('provisioning-caller-ip.log: the record\'s activity time, not the stream\'s', async () => {
    expect(provisioning(await load('provisioning-caller-ip.log'))).toEqual([[1, '2022-08-23T13:36:50.3538931Z', 'create', 'skipped', 'Ellie', 'Dropbox']]);
  });
});
