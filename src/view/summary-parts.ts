/** What the text and markdown summaries share: headings for fields, the header facts, numbers. */
import { PANE_LABELS } from '../model/pane.js';
import type { Pane, PaneChoice } from '../model/pane.js';
import type { LogSection } from '../insights/log-sections.js';
import type { Summary } from '../insights/summary.js';
import type { StringField } from '../store/event-batch.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';

/** What the user asked for and where the data came from: not part of the computed summary. */
export interface SummaryContext {
  sources: readonly string[];
  filter: string | null;
  pane: PaneChoice;
  /** Records that could not be used. */
  problems: number;
  /** Records dropped because one of the same kind and id was loaded before (overlapping exports). */
  duplicates: number;
  timeZone: TimeZoneChoice;
}

export const count = (n: number): string => n.toLocaleString('en-US');

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** Column headings for the fields a top list can be about (`target` is each event's first target). */
export const FIELD_HEADINGS: Record<StringField, string> = {
  service: 'Service',
  category: 'Category',
  activity: 'Activity',
  operationType: 'Operation type',
  result: 'Status',
  initiator: 'Initiated by',
  ip: 'IP address',
  target: 'Target',
  actorKeys: 'Actor name or id',
  targetKeys: 'Target name or id',
  targetTypes: 'Target type',
  correlation: 'Correlation id',
  propNames: 'Property',
  app: 'Application',
  location: 'Location',
  errorCode: 'Error code',
  ca: 'Conditional Access',
  caPolicies: 'CA policy',
  device: 'Device',
  riskLevel: 'Risk level',
  job: 'Job',
  targetLabels: 'Targets',
  userAgent: 'User agent',
  resultReason: 'Status reason',
};

/** The overall lists' titles. */
export const TOP_TITLES: Partial<Record<StringField, string>> = {
  activity: 'Top activities',
  initiator: 'Top initiators',
  target: 'Top targets (first target of each event)',
  ip: 'Top IP addresses',
};

export const paneText = (pane: PaneChoice): string => (pane === 'all' ? 'all panes' : `${PANE_LABELS[pane]} pane`);

export function eventsLine(summary: Summary): string {
  const { totals } = summary;
  const panes = [`${PANE_LABELS.directory} ${count(totals.directory)}`, `${PANE_LABELS['custom-security']} ${count(totals.customSecurity)}`];
  // The other logs are named when loaded: an audit export's summary reads as it always has.
  if (totals.signIns > 0) panes.push(`${PANE_LABELS['sign-ins']} ${count(totals.signIns)}`);
  if (totals.provisioning > 0) panes.push(`${PANE_LABELS.provisioning} ${count(totals.provisioning)}`);
  return `${plural(totals.loaded, 'event')} loaded (${panes.join(', ')})`;
}

/** Above the audit lists when other logs follow: they count the audits only. */
export const auditHeading = (summary: Summary): string => `Audits: ${plural(summary.totals.inScope - summary.logs.reduce((sum, log) => sum + log.inScope, 0), 'event')} in scope`;

/** A log section's heading: `Sign-ins: 4,512 in scope`. */
export const logHeading = (section: LogSection): string => `${PANE_LABELS[section.pane]}: ${plural(section.inScope, 'event')} in scope`;

export function scopeLine(summary: Summary, context: SummaryContext): string {
  const what = context.filter === null ? 'no filter' : 'matching the filter';
  return `${plural(summary.totals.inScope, 'event')} in scope (${paneText(context.pane)}, ${what})`;
}

/** First and last event, in the chosen zone, or null when nothing is in scope. */
export function periodLine(summary: Summary, timeZone: TimeZoneChoice): string | null {
  const { firstMs, lastMs } = summary.timeline;
  if (Number.isNaN(firstMs)) return null;
  const at = (ms: number) => formatInZone(new Date(ms).toISOString(), timeZone);
  return `${at(firstMs)} to ${at(lastMs)} ${timeZone.label}`;
}

export const timelineHeading = (summary: Summary, timeZone: TimeZoneChoice): string =>
  `Timeline (one bar per ${summary.timeline.bucketLabel}, buckets aligned in UTC${timeZone.zone === 'UTC' ? '' : `, labels in ${timeZone.label}`})`;

/** `Unusual in the Directory pane (first seen late, one day, off hours, rare, bursts)`. */
export const unusualHeading = (pane: Pane): string => `Unusual in the ${PANE_LABELS[pane]} pane (new, one day, off hours, rare, bursts; strongest first)`;
