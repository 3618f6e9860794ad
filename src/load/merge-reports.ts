/** The reports of a load's units, one per input: the parts of a split file added up, in input order. */
import type { SourceReport } from '../ingest/classify.js';

export function mergeReports(reports: readonly SourceReport[]): SourceReport[] {
  const bySource = new Map<string, SourceReport>();
  for (const report of reports) {
    const merged = bySource.get(report.source);
    if (!merged) {
      bySource.set(report.source, { ...report, formats: [...report.formats] });
      continue;
    }
    merged.events += report.events;
    merged.problems += report.problems;
    merged.bytesRead += report.bytesRead;
    for (const format of report.formats) if (!merged.formats.includes(format)) merged.formats.push(format);
    merged.error ??= report.error;
    if (report.unread) merged.unread = (merged.unread ?? 0) + report.unread;
  }
  return [...bySource.values()];
}
