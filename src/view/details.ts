/**
 * The details view's content, tab by tab, as ready-to-draw lines: sanitised, wrapped to the
 * width, each with a tone the component maps to a style. Pure, so every tab is testable
 * without rendering.
 */
import type { AuditEvent, TargetResource } from '../model/audit-event.js';
import type { LoadedEvent } from '../model/loaded-event.js';
import { initiatorOf, targetLabel, userAgentOf } from '../model/accessors.js';
import { PANE_LABELS } from '../model/pane.js';
import { safeJsonStringify } from '../export/safe-json.js';
import type { RecordRead } from '../store/record-address.js';
import { formatInZone } from '../text/time-zone.js';
import { LineBuilder, type DetailLine, type DetailOptions } from './detail-lines.js';
import { writePropertyChange } from './property-values.js';
import { PROVISIONING_DETAIL_TAB_LABELS, PROVISIONING_DETAIL_TABS, writeProvisioningTab, type ProvisioningDetailTab } from './provisioning-details.js';
import { SIGN_IN_DETAIL_TAB_LABELS, SIGN_IN_DETAIL_TABS, writeSignInTab, type SignInDetailTab } from './sign-in-details.js';
import { statusText } from './columns.js';

export type AuditDetailTab = 'activity' | 'targets' | 'modified' | 'additional' | 'raw';

/** Every tab a record's details can have; a pane's definition lists the ones it shows. */
export type DetailTab = AuditDetailTab | SignInDetailTab | ProvisioningDetailTab;

/** An audit event's tabs, in the portal's order plus the raw record. */
export const AUDIT_DETAIL_TABS: readonly AuditDetailTab[] = ['activity', 'targets', 'modified', 'additional', 'raw'];

export { PROVISIONING_DETAIL_TABS, SIGN_IN_DETAIL_TABS };

/** Each kind's labels; a tab id two kinds share ('modified', 'raw') means the same, and says so. */
export const DETAIL_TAB_LABELS: Record<DetailTab, string> = {
  ...SIGN_IN_DETAIL_TAB_LABELS,
  ...PROVISIONING_DETAIL_TAB_LABELS,
  activity: 'Activity',
  targets: 'Target(s)',
  modified: 'Modified properties',
  additional: 'Additional details',
  raw: 'Raw',
};

// The line types are the details view's interface: its callers import them from here.
export type { DetailLine, DetailOptions, Tone } from './detail-lines.js';

/**
 * The tab's lines for a record as re-read from its source; a record that can no longer be read
 * (its file changed, shrank or went away since the load) says so, and why, on every tab.
 */
export function recordLines(read: RecordRead, tab: DetailTab, options: DetailOptions): DetailLine[] {
  if (read.ok) return detailLines(read.loaded, tab, options);
  const out = new LineBuilder(options.width, options.symbols);
  const where = read.origin.line ? `${read.origin.source}:${read.origin.line}` : read.origin.source;
  out.heading(`This record can no longer be read from ${where}`);
  const reason = read.reason || 'no reason was given';
  out.text(`${reason[0].toUpperCase()}${reason.slice(1)}.`, 'bad');
  out.text('');
  out.text('The table, filters and counts still show it as it was loaded. Open the file again to see what it holds now.', 'dim');
  return out.finish();
}

export function detailLines(loaded: LoadedEvent, tab: DetailTab, options: DetailOptions): DetailLine[] {
  const out = new LineBuilder(options.width, options.symbols, options.full);
  // A sign-in or provisioning record is shown in its own shape, not as its audit projection.
  if (loaded.own?.kind === 'sign-in') {
    writeSignInTab(out, loaded, loaded.own.signIn, tab, options);
    return out.finish();
  }
  if (loaded.own?.kind === 'provisioning') {
    writeProvisioningTab(out, loaded, loaded.own.provisioning, tab, options);
    return out.finish();
  }
  const { event } = loaded;
  switch (tab) {
    case 'activity':
      activityTab(out, loaded, options);
      break;
    case 'targets':
      if (event.targetResources.length === 0) out.text('(no targets)', 'dim');
      event.targetResources.forEach((target, index) => targetSection(out, target, index));
      break;
    case 'modified':
      modifiedTab(out, event);
      break;
    case 'additional':
      if (event.additionalDetails.length === 0) out.text('(no additional details)', 'dim');
      for (const detail of event.additionalDetails) out.field(detail.key || '(no key)', detail.value ?? '(null)');
      break;
    case 'raw':
      out.text(safeJsonStringify(event, 2));
      break;
  }
  return out.finish();
}

function activityTab(out: LineBuilder, loaded: LoadedEvent, options: DetailOptions): void {
  const { event } = loaded;
  const zone = options.timeZone;
  const failed = event.result === 'failure' || event.result === 'timeout';
  if (options.sensitive) out.field('Sensitive', `${options.sensitive.severity.toUpperCase()}: ${options.sensitive.reason} (rule ${options.sensitive.id})`, 'bad');
  out.field(`Date (${zone.label})`, `${formatInZone(event.activityDateTime, zone)}  (${event.activityDateTime})`);
  out.field('Activity', event.activityDisplayName.trim());
  out.field('Service', event.loggedByService);
  out.field('Category', event.category);
  out.field('Operation type', event.operationType);
  out.field('Status', statusText(event.result), failed ? 'bad' : 'plain');
  out.field('Status reason', event.resultReason, failed ? 'bad' : 'plain');
  out.field('Correlation ID', event.correlationId);
  out.field('Event ID', event.id);
  out.field('Pane', PANE_LABELS[loaded.pane]);

  out.heading('Initiated by');
  const initiator = initiatorOf(event);
  const { user, app } = event.initiatedBy;
  if (initiator.kind === 'none') out.text('(not recorded)', 'dim');
  if (user && initiator.kind === 'user') {
    out.field('Type', 'User');
    out.field('UPN', user.userPrincipalName);
    out.field('Display name', user.displayName);
    out.field('Object ID', user.id);
    out.field('User type', user.userType);
    out.field('Home tenant', user.homeTenantName || user.homeTenantId);
  }
  if (app && initiator.kind === 'app') {
    out.field('Type', 'Application / service principal');
    out.field('Name', app.displayName);
    out.field('App ID', app.appId);
    out.field('Service principal', app.servicePrincipalName);
    out.field('SP object ID', app.servicePrincipalId);
  }
  out.field('IP address', initiator.ipAddress);
  out.field('User agent', userAgentOf(event));

  out.heading('Source');
  out.field('Loaded from', loaded.origin.line ? `${loaded.origin.source}:${loaded.origin.line}` : loaded.origin.source);
}

function targetSection(out: LineBuilder, target: TargetResource, index: number): void {
  out.heading(`Target ${index + 1}: ${targetLabel(target) || '(unnamed)'}`);
  out.field('Type', target.type);
  out.field('Object ID', target.id);
  out.field('Display name', target.displayName);
  out.field('UPN', target.userPrincipalName);
  out.field('Group type', target.groupType);
  out.field('Modified properties', String(target.modifiedProperties.length));
}

function modifiedTab(out: LineBuilder, event: AuditEvent): void {
  const withChanges = event.targetResources.filter((t) => t.modifiedProperties.length > 0);
  if (withChanges.length === 0) {
    out.text('(no modified properties)', 'dim');
    return;
  }
  for (const target of withChanges) {
    out.heading(`${targetLabel(target) || '(unnamed)'}${target.type ? ` (${target.type})` : ''}`);
    for (const property of target.modifiedProperties) writePropertyChange(out, property);
  }
}
