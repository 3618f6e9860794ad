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
import type { RecordRead } from '../store/event-store.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { displayWidth, wrapToWidth } from '../text/width.js';
import { plural } from './summary-parts.js';
import {
  decodePropertyValue,
  diffObjects,
  INCLUDED_UPDATED_PROPERTIES,
  includedUpdatedProperties,
  objectPair,
  showJsonValue,
  valueLines,
} from './property-values.js';
import { statusText } from './columns.js';

/** Every tab a record's details can have; a pane's definition lists the ones it shows. */
export type DetailTab = 'activity' | 'targets' | 'modified' | 'additional' | 'raw';

/** An audit event's tabs, in the portal's order plus the raw record. */
export const AUDIT_DETAIL_TABS: readonly DetailTab[] = ['activity', 'targets', 'modified', 'additional', 'raw'];

export const DETAIL_TAB_LABELS: Record<DetailTab, string> = {
  activity: 'Activity',
  targets: 'Target(s)',
  modified: 'Modified properties',
  additional: 'Additional details',
  raw: 'Raw',
};

export type Tone = 'plain' | 'heading' | 'label' | 'old' | 'new' | 'dim' | 'bad';

export interface DetailLine {
  text: string;
  tone: Tone;
  /** Width of a leading label drawn in the label tone (the rest is the value). */
  labelWidth?: number;
}

export interface DetailOptions {
  width: number;
  timeZone: TimeZoneChoice;
  symbols: Symbols;
  /** The sensitive-operation rule the event falls under, if any: why it matters, at the top. */
  sensitive?: { id: string; severity: string; reason: string };
  /** `f`: every value in full, however long (otherwise long values and tabs are cut, and say so). */
  full?: boolean;
}

const LABEL_WIDTH = 20;
/**
 * A value is shown up to this many characters, and a tab up to the budget, unless asked for in
 * full: one log field of 200,000 characters must not cost seconds of wrapping on every key.
 */
const VALUE_CHARS = 4096;
const TAB_BUDGET_CHARS = 256 * 1024;

class LineBuilder {
  readonly lines: DetailLine[] = [];
  private shown = 0;
  private omitted = 0;
  constructor(
    private readonly width: number,
    readonly symbols: Symbols,
    private readonly full = false,
  ) {}

  /** The lines, ending with what the budget left out. */
  finish(): DetailLine[] {
    if (this.omitted > 0) {
      this.lines.push({ text: '', tone: 'plain' });
      this.lines.push({ text: `${this.symbols.ellipsis} ${plural(this.omitted, 'more line')} not shown: f shows everything`, tone: 'dim' });
    }
    return this.lines;
  }

  /** A value part within the limits: its head, and a line saying how much was left out. */
  private parts(value: string): { parts: string[]; cut: DetailLine | null } {
    const parts = value.split(/\r?\n/);
    if (this.full) return { parts, cut: null };
    let room = Math.max(0, TAB_BUDGET_CHARS - this.shown);
    const kept: string[] = [];
    let left = 0;
    for (const part of parts) {
      if (room <= 0) {
        this.omitted++;
        continue;
      }
      const head = part.length > Math.min(VALUE_CHARS, room) ? part.slice(0, Math.min(VALUE_CHARS, room)) : part;
      left += part.length - head.length;
      room -= head.length;
      kept.push(head);
    }
    this.shown = TAB_BUDGET_CHARS - room;
    const text = `${this.symbols.ellipsis} ${left.toLocaleString('en-US')} more characters (${value.length.toLocaleString('en-US')} in all): f shows them`;
    return { parts: kept, cut: left > 0 ? { text, tone: 'dim' } : null };
  }

  heading(text: string): void {
    if (this.lines.length > 0) this.lines.push({ text: '', tone: 'plain' });
    // A heading is a name: its head is enough (the fields under it show the rest).
    const head = this.full || text.length <= VALUE_CHARS ? text : `${text.slice(0, VALUE_CHARS)}${this.symbols.ellipsis}`;
    for (const line of wrapToWidth(sanitize(head, this.symbols), this.width)) this.lines.push({ text: line, tone: 'heading' });
  }

  /** `Label              value`, the value wrapped under itself. Empty values are skipped. */
  field(label: string, value: string | null | undefined, tone: Tone = 'plain'): void {
    if (value === null || value === undefined || value === '') return;
    const room = Math.max(10, this.width - LABEL_WIDTH);
    const { parts, cut } = this.parts(value);
    const wrapped = parts.flatMap((part) => wrapToWidth(sanitize(part, this.symbols), room));
    wrapped.forEach((part, index) => {
      const prefix = index === 0 ? label.padEnd(LABEL_WIDTH) : ' '.repeat(LABEL_WIDTH);
      this.lines.push({ text: prefix + part, tone, labelWidth: index === 0 ? displayWidth(label) : 0 });
    });
    if (cut) this.lines.push({ ...cut, text: ' '.repeat(LABEL_WIDTH) + cut.text });
  }

  /** `lead` goes before the value's first line, outside its count (`old: `). */
  text(value: string, tone: Tone = 'plain', indent = 0, lead = ''): void {
    const pad = ' '.repeat(indent);
    const { parts, cut } = this.parts(value);
    if (lead) parts[0] = lead + (parts[0] ?? '');
    for (const part of parts) {
      for (const line of wrapToWidth(sanitize(part, this.symbols), Math.max(10, this.width - indent))) this.lines.push({ text: pad + line, tone });
    }
    if (cut) this.lines.push({ ...cut, text: pad + cut.text });
  }
}

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
    for (const property of target.modifiedProperties) {
      const name = property.displayName || '(unnamed property)';
      if (property.displayName === INCLUDED_UPDATED_PROPERTIES) {
        const names = includedUpdatedProperties(property.newValue);
        out.text(`${name}:${names.length === 0 ? ' (none)' : ''}`, 'label');
        for (const included of names) out.text(`${out.symbols.bullet} ${included}`, 'plain', 2);
        continue;
      }
      out.text(name, 'label');
      const pair = objectPair(property.oldValue, property.newValue);
      if (pair) {
        const changes = diffObjects(pair[0], pair[1]);
        out.text(`${changes.length} field${changes.length === 1 ? '' : 's'} changed:`, 'dim', 2);
        for (const change of changes) {
          out.text(`${change.path}:`, 'plain', 4);
          out.text(`- ${showJsonValue(change.before)}`, 'old', 6);
          out.text(`+ ${showJsonValue(change.after)}`, 'new', 6);
        }
        continue;
      }
      const before = valueLines(decodePropertyValue(property.oldValue));
      const after = valueLines(decodePropertyValue(property.newValue));
      before.forEach((line, i) => out.text(line, 'old', 2, i === 0 ? 'old: ' : '     '));
      after.forEach((line, i) => out.text(line, 'new', 2, i === 0 ? 'new: ' : '     '));
    }
  }
}
