/** `entra-audit summary --format json`: the same facts for scripts; times in UTC ISO 8601. */
import { headlineOf, headlineText } from '../insights/headline.js';
import { safeJsonStringify } from '../export/safe-json.js';
import type { Summary } from '../insights/summary.js';
import type { SummaryContext } from './summary-parts.js';
import { exactTerm } from '../query/edit.js';
import { unusualReasons } from './unusual-text.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `records`: the listed events (summary.events) re-read in their own Graph shape, as `query
 * --format json` prints them; the caller reads them, so drawing never does I/O.
 */
export function summaryJson(summary: Summary, context: SummaryContext, records: readonly unknown[] | null = null): string {
  const { timeline } = summary;
  const value = {
    sources: context.sources,
    filter: context.filter,
    pane: context.pane,
    problems: context.problems,
    // Records not counted anywhere below because a record with the same id was loaded before them.
    duplicates: context.duplicates,
    totals: summary.totals,
    period: Number.isNaN(timeline.firstMs) ? null : { first: iso(timeline.firstMs), last: iso(timeline.lastMs) },
    timeline: { bucket: timeline.bucketLabel, bucketMs: timeline.bucketMs, buckets: timeline.buckets.map((b) => ({ start: iso(b.startMs), count: b.count })) },
    top: Object.fromEntries(summary.top.map((t) => [t.field, { values: t.values, distinct: t.distinct, empty: t.empty }])),
    logs: Object.fromEntries(
      summary.logs.map((section) => [section.pane, { inScope: section.inScope, lists: section.lists.map(({ title, top }) => ({ title, field: top.field, values: top.values, distinct: top.distinct })) }]),
    ),
    unusual: Object.fromEntries(
      summary.unusual.map(({ pane, report }) => [
        pane,
        report.values.map((value) => ({
          field: value.field.queryField,
          value: value.value,
          count: value.count,
          first: iso(value.firstMs),
          last: iso(value.lastMs),
          days: value.days,
          measures: value.measures,
          score: value.score,
          why: unusualReasons(value, report, context.timeZone),
          query: exactTerm(value.field.queryField, [value.value], false),
        })),
      ]),
    ),
    sensitive: summary.sensitive.map(({ rule, count }) => ({ id: rule.id, severity: rule.severity, count, reason: rule.reason, query: rule.query })),
    ruleProblems: summary.ruleProblems,
    questions: summary.answers.map((a) => ({
      id: a.question.id,
      title: a.question.title,
      query: a.question.query,
      pane: a.question.pane,
      count: a.count,
      // What the text, the markdown and the explorer's palette lead with.
      headline: headlineText(headlineOf(a)),
      ...(a.distinct !== undefined ? { distinct: a.distinct, distinctField: a.question.distinct } : {}),
      top: Object.fromEntries(a.top.map((t) => [t.field, { values: t.values, distinct: t.distinct }])),
      ...(a.outsidePane ? { outsidePane: true } : {}),
      ...(a.error ? { error: a.error } : {}),
    })),
    // Null when more than eventLimit are in scope (or none).
    eventLimit: summary.events.limit,
    events: records,
  };
  return safeJsonStringify(value, 2) + '\n';
}
