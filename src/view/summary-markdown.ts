/**
 * `entra-audit summary --format markdown`: pastes into an incident channel or ticket as tables.
 * Log strings are sanitised (no control characters reach whoever views the paste) and escaped so
 * a `|` cannot break a table and `*`, `_`, `[`, `<` cannot turn into formatting, links or HTML.
 */
import { headlineOf, headlineText } from '../insights/headline.js';
import type { Summary } from '../insights/summary.js';
import type { TopValues } from '../insights/top-values.js';
import { timelineText } from '../insights/timeline.js';
import { unusualLine } from './unusual-text.js';
import { sanitize } from '../text/sanitize.js';
import { symbolsFor, UNICODE_SYMBOLS, type Symbols } from '../text/symbols.js';
import { EVENT_HEADINGS, eventsHeading, summaryEventCells } from './summary-events.js';
import { auditHeading, count, eventsLine, FIELD_HEADINGS, logHeading, paneText, periodLine, scopeLine, timelineHeading, TOP_TITLES, unusualHeading, type SummaryContext } from './summary-parts.js';

/** Markdown-escape for a table cell: backslash-escape what means something, one line. */
export function escapeMarkdownCell(text: string, symbols: Symbols = UNICODE_SYMBOLS): string {
  return sanitize(text, symbols).replace(/[\\|`*_[\]<>#~]/g, (c) => `\\${c}`);
}

/** Inline code inside a table cell: only `|` needs escaping there (GFM), and backticks cannot be escaped at all. */
const code = (text: string, symbols: Symbols) => `\`${sanitize(text, symbols).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(headings: string[], rows: string[][], numeric: boolean[]): string[] {
  return [row(headings), row(numeric.map((n) => (n ? '---:' : '---'))), ...rows.map(row)];
}

/** Values per field in a question's cell: a chat message is read at a glance, the JSON has the rest. */
const CELL_VALUES = 3;

const topCell = (top: TopValues, symbols: Symbols) =>
  top.values.length === 0 ? '' : `${FIELD_HEADINGS[top.field]}: ${top.values.slice(0, CELL_VALUES).map((v) => `${escapeMarkdownCell(v.value, symbols)} (${count(v.count)})`).join(', ')}`;

export interface MarkdownOptions {
  ascii: boolean;
}

export function summaryMarkdown(summary: Summary, context: SummaryContext, options: MarkdownOptions): string {
  const symbols = symbolsFor(options.ascii);
  const out: string[] = [summary.logs.length > 0 ? '## Entra ID activity summary' : '## Entra ID audit summary', ''];
  const facts: string[][] = [['Sources', context.sources.map((source) => escapeMarkdownCell(source, symbols)).join('<br>')], ['Events', eventsLine(summary)]];
  if (context.filter !== null) facts.push(['Filter', code(context.filter, symbols)]);
  facts.push(['Scope', scopeLine(summary, context)]);
  const period = periodLine(summary, context.timeZone);
  if (period) facts.push(['Period', period]);
  if (context.duplicates > 0) facts.push(['Duplicates', `${count(context.duplicates)} records dropped (the id and time of a record loaded before)`]);
  if (context.problems > 0) facts.push(['Problems', `${count(context.problems)} records could not be used`]);
  out.push(...table(['', ''], facts, [false, false]));

  if (summary.timeline.buckets.length > 0) {
    // A code block keeps the bars aligned; its lines are ours (dates, counts, blocks), never log text.
    out.push('', `### ${timelineHeading(summary, context.timeZone)}`, '', '```text', ...timelineText(summary.timeline, 72, { ascii: options.ascii, timeZone: context.timeZone }), '```');
  }

  for (const { pane, report } of summary.unusual) {
    out.push('', `### ${unusualHeading(pane)}`, '');
    if (report.tooFew) out.push(`Too few events to tell what is usual (${count(report.tooFew.events)}; the measures start at ${count(report.tooFew.needed)}).`);
    else if (report.values.length === 0) out.push('None.');
    for (const value of report.values) out.push(`- ${escapeMarkdownCell(unusualLine(value, report, context.timeZone), symbols)}`);
  }

  if (summary.logs.length > 0 && summary.top.length > 0) out.push('', `### ${auditHeading(summary)}`);
  for (const top of summary.top) {
    out.push('', `### ${TOP_TITLES[top.field] ?? FIELD_HEADINGS[top.field]}`, '');
    out.push(...table([FIELD_HEADINGS[top.field], 'Events'], top.values.map((v) => [escapeMarkdownCell(v.value, symbols), count(v.count)]), [false, true]));
  }

  for (const section of summary.logs) {
    out.push('', `### ${logHeading(section)}`);
    for (const { title, top } of section.lists) {
      out.push('', `#### ${title}`, '');
      out.push(...table([FIELD_HEADINGS[top.field], 'Events'], top.values.map((v) => [escapeMarkdownCell(v.value, symbols), count(v.count)]), [false, true]));
    }
  }

  out.push('', '### Sensitive operations', '');
  const flagged = summary.sensitive.filter((s) => s.count > 0);
  if (flagged.length === 0) out.push('None in scope.');
  else out.push(...table(['Severity', 'Rule', 'Events', 'Why', 'Query'], flagged.map((s) => [s.rule.severity, escapeMarkdownCell(s.rule.id, symbols), count(s.count), escapeMarkdownCell(s.rule.reason, symbols), code(s.rule.query, symbols)]), [false, false, true, false, false]));

  out.push('', '### Questions', '');
  const rows = summary.answers.map((answer) => {
    const { question } = answer;
    // The headline the text summary and the explorer's palette lead with (insights/headline.ts).
    let headline = headlineText(headlineOf(answer));
    if (answer.outsidePane) headline = `not in scope (${paneText(question.pane)})`;
    if (answer.error) headline = `not answered: ${escapeMarkdownCell(answer.error, symbols)}`;
    return [escapeMarkdownCell(question.title, symbols), headline, answer.top.map((top) => topCell(top, symbols)).filter(Boolean).join('<br>'), code(question.query, symbols)];
  });
  out.push(...table(['Question', 'Answer', 'Top values', 'Query'], rows, [false, true, false, false]));

  const heading = eventsHeading(summary);
  if (heading !== null) out.push('', `### ${heading}`);
  const events = summaryEventCells(summary, context.timeZone, symbols);
  if (events.length > 0) {
    // The first column is the risk marker (`!` high, `~` medium), as in the explorer and `query`'s table.
    const cells = events.map((e) => [escapeMarkdownCell(e.markers.trim(), symbols), ...e.cells.map((c) => escapeMarkdownCell(c, symbols))]);
    out.push('', ...table(['', ...EVENT_HEADINGS(context.timeZone)], cells, EVENT_HEADINGS(context.timeZone).map(() => false).concat(false)));
  }
  return out.join('\n') + '\n';
}
