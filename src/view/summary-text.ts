/**
 * `entra-audit summary --format text`: for reading in the terminal. Every log string is
 * sanitised and cut to a bounded width, so a hostile or very long value cannot act on the
 * terminal or push the counts off the screen.
 */
import { headlineOf, headlineText } from '../insights/headline.js';
import type { Summary } from '../insights/summary.js';
import type { TopValues } from '../insights/top-values.js';
import { timelineText } from '../insights/timeline.js';
import { sanitize } from '../text/sanitize.js';
import { symbolsFor, type Symbols } from '../text/symbols.js';
import { displayWidth, fitToWidth, truncateToWidth, wrapToWidth } from '../text/width.js';
import { unusualName, unusualReasonList } from './unusual-text.js';
import { EVENT_HEADINGS, eventsHeading, summaryEventCells } from './summary-events.js';
import { auditHeading, count, eventsLine, FIELD_HEADINGS, logHeading, paneText, unusualHeading, periodLine, plural, scopeLine, timelineHeading, TOP_TITLES, type SummaryContext } from './summary-parts.js';

export interface TextOptions {
  width: number;
  ascii: boolean;
}

const safe = (text: string, width: number, symbols: Symbols) => truncateToWidth(sanitize(text, symbols), width, symbols.ellipsis);

/** `  1,096  Update user` lines, counts right-aligned to the widest. */
function valueLines(top: TopValues, indent: string, width: number, symbols: Symbols): string[] {
  if (top.values.length === 0) return [`${indent}(none)`];
  const countWidth = Math.max(...top.values.map((v) => count(v.count).length));
  const room = Math.max(10, width - indent.length - countWidth - 2);
  const lines = top.values.map((v) => `${indent}${count(v.count).padStart(countWidth)}  ${safe(v.value, room, symbols)}`);
  if (top.distinct > top.values.length) lines.push(`${indent}${' '.repeat(countWidth)}  ${symbols.ellipsis} ${plural(top.distinct - top.values.length, 'more value')}`);
  return lines;
}

/** `  head reason, reason,` then `    reason, …` lines within `width` (a reason longer than a line is hard-wrapped). */
function wrapReasons(head: string, reasons: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = `  ${head}`;
  reasons.forEach((reason, i) => {
    const part = `${reason}${i < reasons.length - 1 ? ',' : ''}`;
    if (displayWidth(line) + 1 + displayWidth(part) <= width) line += ` ${part}`;
    else {
      lines.push(line);
      const [first, ...rest] = wrapToWidth(part, width - 4);
      lines.push(...rest.length > 0 ? [`    ${first}`, ...rest.slice(0, -1).map((piece) => `    ${piece}`)] : []);
      line = `    ${rest.length > 0 ? rest[rest.length - 1] : first}`;
    }
  });
  lines.push(line);
  return lines;
}

export function summaryText(summary: Summary, context: SummaryContext, options: TextOptions): string {
  const symbols = symbolsFor(options.ascii);
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const fact = (name: string, value: string) => out.push(`${fitToWidth(name, 9, symbols.ellipsis)} ${value}`);
  out.push('entra-audit summary', '');
  context.sources.forEach((source, i) => fact(i === 0 ? 'Sources' : '', safe(source, width - 10, symbols)));
  fact('Events', eventsLine(summary));
  if (context.filter !== null) fact('Filter', safe(context.filter, width - 10, symbols));
  fact('Scope', scopeLine(summary, context));
  const period = periodLine(summary, context.timeZone);
  if (period) fact('Period', period);
  if (context.duplicates > 0) fact('Dropped', `${plural(context.duplicates, 'duplicate record')} (the id and time of a record loaded before)`);
  if (context.problems > 0) fact('Problems', `${plural(context.problems, 'record')} could not be used (see stderr)`);

  if (summary.timeline.buckets.length > 0) {
    out.push('', timelineHeading(summary, context.timeZone));
    out.push(...timelineText(summary.timeline, width, { ascii: options.ascii, timeZone: context.timeZone }));
  }

  for (const { pane, report } of summary.unusual) {
    out.push('', `${unusualHeading(pane)}`);
    if (report.tooFew) out.push(`  too few events to tell what is usual (${count(report.tooFew.events)}; the measures start at ${count(report.tooFew.needed)})`);
    else if (report.values.length === 0) out.push('  none');
    // Wrapped between reasons, never cut: the reasons are the point of the line.
    for (const value of report.values) out.push(...wrapReasons(`${safe(unusualName(value), width - 4, symbols)}:`, unusualReasonList(value, report, context.timeZone).map((reason) => sanitize(reason, symbols)), width));
  }

  if (summary.logs.length > 0 && summary.top.length > 0) out.push('', auditHeading(summary));
  for (const top of summary.top) out.push('', TOP_TITLES[top.field] ?? FIELD_HEADINGS[top.field], ...valueLines(top, '  ', width, symbols));
  for (const section of summary.logs) {
    out.push('', logHeading(section));
    for (const { title, top } of section.lists) out.push('', `  ${title}`, ...valueLines(top, '    ', width, symbols));
  }

  out.push('', 'Sensitive operations (each event under the first rule it matches; high first)');
  const flagged = summary.sensitive.filter((s) => s.count > 0);
  if (flagged.length === 0) out.push('  none');
  const idWidth = Math.max(0, ...flagged.map((s) => displayWidth(s.rule.id)));
  const countWidth = Math.max(0, ...flagged.map((s) => count(s.count).length));
  for (const { rule, count: n } of flagged) {
    const head = `  ${rule.severity.padEnd(6)} ${count(n).padStart(countWidth)}  ${rule.id.padEnd(idWidth)}  `;
    // Reasons and queries are our files' (or the user's), not log text: shown whole, to read and copy.
    out.push(head + sanitize(rule.reason, symbols));
  }
  for (const problem of summary.ruleProblems) out.push(`  (left out: ${safe(problem, width - 14, symbols)})`);

  out.push('', 'Questions (data/questions.json; narrow with --filter, e.g. since:7d)');
  for (const answer of summary.answers) {
    const { question } = answer;
    out.push('');
    const headline = headlineText(headlineOf(answer));
    if (answer.outsidePane) out.push(`${safe(question.title, width, symbols)}  (about the ${paneText(question.pane)}: not in scope)`);
    else if (answer.error) out.push(`${safe(question.title, width, symbols)}  (not answered: ${safe(answer.error, width, symbols)})`);
    else out.push(`${safe(question.title, width - headline.length - 3, symbols)} ${options.ascii ? '--' : '—'} ${headline}`);
    out.push(`  query: ${sanitize(question.query, symbols)}`);
    if (answer.count === 0) continue;
    for (const top of answer.top) {
      out.push(`  ${FIELD_HEADINGS[top.field]}:`);
      out.push(...valueLines(top, '    ', width, symbols));
    }
  }
  const heading = eventsHeading(summary);
  if (heading !== null) out.push('', heading, ...eventLines(summary, context, symbols));
  return out.join('\n') + '\n';
}

/** Wider than any UPN or activity name: a cell cut here is hostile or broken, and still shows where it was cut. */
const EVENT_CELL_MAX = 120;

/** Aligned columns, each as wide as its widest value (up to EVENT_CELL_MAX), not fitted to the terminal: a pasted line keeps every value. */
function eventLines(summary: Summary, context: SummaryContext, symbols: Symbols): string[] {
  const events = summaryEventCells(summary, context.timeZone, symbols);
  if (events.length === 0) return [];
  const headings = EVENT_HEADINGS(context.timeZone);
  const markers = ' '.repeat(events[0].markers.length);
  const widths = headings.map((h, i) => Math.min(EVENT_CELL_MAX, Math.max(displayWidth(h), ...events.map((e) => displayWidth(e.cells[i])))));
  const line = (marks: string, cells: string[]) => `  ${marks} ${cells.map((c, i) => fitToWidth(c, widths[i], symbols.ellipsis)).join('  ')}`.trimEnd();
  return [line(markers, headings), ...events.map((e) => line(e.markers, e.cells))];
}
