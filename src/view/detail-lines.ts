/**
 * The details view's line maker, shared by every kind of record's tabs (audits here in
 * details.ts, sign-ins and provisioning records in their own files): sanitises each value, wraps
 * it to the width under its label, and keeps a long value or tab within a budget unless `f`
 * asks for everything.
 */
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { displayWidth, wrapToWidth } from '../text/width.js';
import { plural } from './summary-parts.js';

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

/**
 * What a line break in a value becomes. 'split': the value goes on on the next line (a reason or
 * a note written in lines). 'show': a visible ␊ in one line, for values that are one line by
 * nature (a user agent, a name, an id): there a break is the hostile part, and split it could
 * draw a forged `Status              Success` line under the real label.
 */
export type LineBreaks = 'split' | 'show';

const LABEL_WIDTH = 20;
/**
 * A value is shown up to this many characters, and a tab up to the budget, unless asked for in
 * full: one log field of 200,000 characters must not cost seconds of wrapping on every key.
 */
const VALUE_CHARS = 4096;
const TAB_BUDGET_CHARS = 256 * 1024;

export class LineBuilder {
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

  /**
   * A value part within the limits: its head, and a line saying how much was left out.
   * `breaks: 'show'` keeps the value one line, its line breaks drawn as ␊ by sanitize.
   */
  private parts(value: string, breaks: LineBreaks = 'split'): { parts: string[]; cut: DetailLine | null } {
    const parts = breaks === 'split' ? value.split(/\r?\n/) : [value];
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
  field(label: string, value: string | null | undefined, tone: Tone = 'plain', breaks: LineBreaks = 'split'): void {
    if (value === null || value === undefined || value === '') return;
    const room = Math.max(10, this.width - LABEL_WIDTH);
    const { parts, cut } = this.parts(value, breaks);
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
 * A time as the audit tabs show it: in the chosen zone, then as the log wrote it. A time that
 * does not parse (a hand-edited export) is shown as written: formatting it would throw.
 */
export function whenText(iso: string, zone: TimeZoneChoice): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${formatInZone(iso, zone)}  (${iso})`;
}

/** A Graph flag as the portal words it; null (not recorded) stays null, so the field is left out. */
export const yesNo = (flag: boolean | null): string | null => (flag === null ? null : flag ? 'Yes' : 'No');

/** A Graph enum value as words (`notApplied` → "Not applied"), for results an admin reads at a glance. */
export function wordsOf(value: string): string {
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}
