/**
 * A provisioning record's details, tab by tab, as the Entra portal groups them: overview (with
 * the error and what to do about it), source and target, modified properties (drawn as an
 * audit's are), the provisioning steps, and the record in its own Graph shape.
 */
import type { LoadedEvent } from '../model/loaded-event.js';
import { PANE_LABELS } from '../model/pane.js';
import type { ProvisionedIdentity, ProvisioningRecord, ProvisioningStep, ProvisioningSystem } from '../model/provisioning.js';
import { safeJsonStringify } from '../export/safe-json.js';
import { whenText, wordsOf, type DetailOptions, type LineBuilder, type Tone } from './detail-lines.js';
import { writePropertyChange } from './property-values.js';

/** `modified` is the audit's tab id too: moving between panes keeps you on the changes. */
export type ProvisioningDetailTab = 'overview' | 'source-target' | 'modified' | 'steps' | 'raw';

/** A provisioning record's tabs, in the portal's order plus the raw record. */
export const PROVISIONING_DETAIL_TABS: readonly ProvisioningDetailTab[] = ['overview', 'source-target', 'modified', 'steps', 'raw'];

export const PROVISIONING_DETAIL_TAB_LABELS: Record<ProvisioningDetailTab, string> = {
  overview: 'Overview',
  'source-target': 'Source & target',
  modified: 'Modified properties',
  steps: 'Steps',
  raw: 'Raw',
};

export const isProvisioningDetailTab = (tab: string): tab is ProvisioningDetailTab => (PROVISIONING_DETAIL_TABS as readonly string[]).includes(tab);

/** Graph's status words that mean the change did not go through. */
const isFailed = (status: string | null): boolean => status?.toLowerCase() === 'failure';

/** Write `tab` of `record` into `out`; a tab that is not a provisioning record's shows the first one. */
export function writeProvisioningTab(out: LineBuilder, loaded: LoadedEvent, record: ProvisioningRecord, tab: string, options: DetailOptions): void {
  const shown: ProvisioningDetailTab = isProvisioningDetailTab(tab) ? tab : PROVISIONING_DETAIL_TABS[0];
  switch (shown) {
    case 'overview':
      overviewTab(out, loaded, record, options);
      break;
    case 'source-target':
      systemSection(out, 'Source system', record.sourceSystem);
      identitySection(out, 'Source identity', record.sourceIdentity);
      systemSection(out, 'Target system', record.targetSystem);
      identitySection(out, 'Target identity', record.targetIdentity);
      break;
    case 'modified':
      if (record.modifiedProperties.length === 0) out.text('(no modified properties)', 'dim');
      for (const property of record.modifiedProperties) writePropertyChange(out, property);
      break;
    case 'steps':
      if (record.provisioningSteps.length === 0) out.text('(no provisioning steps recorded)', 'dim');
      record.provisioningSteps.forEach((step, index) => stepSection(out, step, index, record.provisioningSteps.length));
      break;
    case 'raw':
      out.text(safeJsonStringify(record, 2));
      break;
  }
}

/** A one-line value: its line breaks shown, never followed. */
const one = (out: LineBuilder, label: string, value: string | null | undefined, tone: Tone = 'plain') => out.field(label, value, tone, 'show');

/** 850 ms, 12.4 s, 3 min 5 s: a cycle's slow change reads at a glance. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  // Rounded once, so 119.7 s reads "2 min 0 s", not "1 min 60 s".
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function overviewTab(out: LineBuilder, loaded: LoadedEvent, record: ProvisioningRecord, options: DetailOptions): void {
  const zone = options.timeZone;
  const { status, errorInformation: error } = record.provisioningStatusInfo;
  const tone: Tone = isFailed(status) ? 'bad' : 'plain';
  if (options.sensitive) out.field('Sensitive', `${options.sensitive.severity.toUpperCase()}: ${options.sensitive.reason} (rule ${options.sensitive.id})`, 'bad');
  one(out, `Date (${zone.label})`, whenText(record.activityDateTime, zone));
  one(out, 'Action', record.provisioningAction ? wordsOf(record.provisioningAction) : null);
  one(out, 'Status', status ? wordsOf(status) : '(not recorded)', status ? tone : 'dim');
  if (error) {
    one(out, 'Error code', error.errorCode, tone);
    out.field('Reason', error.reason, tone);
    one(out, 'Error category', error.errorCategory);
    out.field('Recommended action', error.recommendedAction);
    out.field('Additional details', error.additionalDetails);
  }
  one(out, 'Job ID', record.jobId);
  one(out, 'Cycle ID', record.cycleId);
  one(out, 'Change ID', record.changeId);
  one(out, 'Record ID', record.id);
  one(out, 'Duration', record.durationInMilliseconds === null ? null : durationText(record.durationInMilliseconds));

  out.heading('Initiated by');
  const { initiatedBy, servicePrincipal } = record;
  if (!initiatedBy.displayName && !initiatedBy.id) out.text('(not recorded)', 'dim');
  one(out, 'Name', initiatedBy.displayName);
  one(out, 'Type', initiatedBy.initiatorType);
  one(out, 'ID', initiatedBy.id);
  one(out, 'Service principal', servicePrincipal.displayName ? `${out.symbols.appMarker}${servicePrincipal.displayName}` : null);
  one(out, 'SP object ID', servicePrincipal.id);

  out.heading('Source');
  one(out, 'Pane', PANE_LABELS[loaded.pane]);
  one(out, 'Loaded from', loaded.origin.line ? `${loaded.origin.source}:${loaded.origin.line}` : loaded.origin.source);
}

function systemSection(out: LineBuilder, title: string, system: ProvisioningSystem): void {
  out.heading(title);
  if (!system.displayName && !system.id) out.text('(not recorded)', 'dim');
  one(out, 'Name', system.displayName);
  one(out, 'ID', system.id);
}

function identitySection(out: LineBuilder, title: string, identity: ProvisionedIdentity): void {
  out.heading(title);
  if (!identity.displayName && !identity.id && !identity.identityType) out.text('(not recorded)', 'dim');
  one(out, 'Name', identity.displayName);
  one(out, 'ID', identity.id);
  one(out, 'Type', identity.identityType);
}

function stepSection(out: LineBuilder, step: ProvisioningStep, index: number, count: number): void {
  out.heading(`Step ${index + 1} of ${count}: ${step.name || '(unnamed step)'}`);
  const tone: Tone = isFailed(step.status) ? 'bad' : 'plain';
  one(out, 'Type', step.provisioningStepType);
  one(out, 'Status', step.status ? wordsOf(step.status) : null, tone);
  out.field('Description', step.description, tone);
}
