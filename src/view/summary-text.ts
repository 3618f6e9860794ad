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
import { displayWidth, fitToWidth, truncateToWidth } from '../text/width.js';
import { auditHeading, count, eventsLine, FIELD_HEADINGS, logHeading, paneText, periodLine, plural, scopeLine, timelineHeading, TOP_TITLES, type SummaryContext } from './summary-parts.js';

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
  if (context.duplicates > 0) fact('Dropped', `${plural(context.duplicates, 'duplicate record')} (the id of a record loaded before)`);
  if (context.problems > 0) fact('Problems', `${plural(context.problems, 'record')} could not be used (see stderr)`);

  if (summary.timeline.buckets.length > 0) {
    out.push('', timelineHeading(summary, context.timeZone));
    out.push(...timelineText(summary.timeline, width, { ascii: options.ascii, timeZone: context.timeZone }));
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
  return out.join('\n') + '\n';
}
