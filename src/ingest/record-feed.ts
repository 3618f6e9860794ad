/**
 * Records that arrive as parsed values rather than bytes of a file: a live source (a Log
 * Analytics query's result tables, slice after slice). They go through the same classifier and
 * normalisers as a file's records, so a row from a workspace is the event the same row exported
 * to a file would be. A feed that fails (the service refused, an answer stayed truncated) is the
 * source's error: its events so far count, and the load says it is incomplete.
 */
import { RecordClassifier, type LoadSink, type SourceReport } from './classify.js';

export interface FeedItem {
  /** A parsed record, or a container of records (a query API result table). */
  value: unknown;
  /** The size of the answer it came in, for progress. */
  bytes: number;
}

export interface RecordFeed {
  /** How the source is named in reports and messages (`workspace 1b2c…`). */
  readonly name: string;
  /** Every item, in order; throws when the source fails. */
  items(signal: AbortSignal): AsyncIterable<FeedItem>;
  /** What it is doing now (which table, which slice, waiting for the service), for the progress line. */
  status(): string;
  /** What the user should know that is not an error (a table the workspace does not have). */
  notes(): string[];
}

export async function loadFeed(feed: RecordFeed, sink: LoadSink, counter: { read: number }, signal: AbortSignal): Promise<SourceReport> {
  const report: SourceReport = { source: feed.name, formats: [], events: 0, problems: 0, bytesRead: 0 };
  const counted: LoadSink = {
    event(event, provenance) {
      report.events++;
      sink.event(event, provenance);
    },
    problem(problem) {
      report.problems++;
      sink.problem(problem);
    },
  };
  const classifier = new RecordClassifier(feed.name, counted, report);
  let item = 0;
  try {
    for await (const { value, bytes } of feed.items(signal)) {
      counter.read += bytes;
      // No lines in a live source: the answer's number stands in, so a problem says where it came from.
      classifier.takeValue(value, ++item, undefined);
    }
  } catch (error) {
    if (!signal.aborted) report.error = `${feed.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
  report.bytesRead = counter.read;
  return report;
}
