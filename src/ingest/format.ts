import { LazyProjection } from '../model/activity-projection.js';
import type { AuditEvent } from '../model/audit-event.js';
import type { OwnRecord } from '../model/loaded-event.js';
import type { ParsedTimestamp } from '../text/timestamp.js';
import type { JsonObject } from './fields.js';
import type { EnvelopeInfo } from './json-lines.js';

/** What a normaliser makes of one record: an event, or the reason it cannot be one. */
export type Normalised =
  /** `customSecuritySource`: read from a custom-security source; finishRecord (classify.ts) gives it its category and pane. */
  /** `own`: a sign-in or provisioning record in its own shape, `event` its projection (model/activity-projection.ts). */
  | { event: AuditEvent; time: ParsedTimestamp; customSecuritySource?: boolean; own?: OwnRecord }
  | { reason: string };

/**
 * A sign-in's or provisioning record's result: `event`, its projection, is made only when read
 * (loading keeps only the record's summary; see model/activity-projection.ts).
 */
class OwnRecordResult extends LazyProjection {
  constructor(
    own: OwnRecord,
    readonly time: ParsedTimestamp,
  ) {
    super(own);
  }
}

export function ownRecordNormalised(own: OwnRecord, time: ParsedTimestamp): Normalised {
  return new OwnRecordResult(own, time);
}

export interface RecordContext {
  /** The envelope the record sat in (Graph page, Event Hub batch), when there was one. */
  envelope?: EnvelopeInfo;
}

/** One export shape whose records are JSON objects. */
export interface ObjectFormat {
  id: string;
  /** What users call it, for the "supported formats" list and the load summary. */
  label: string;
  /** A cheap structural test on a parsed record; the first matching format wins. */
  matches(record: JsonObject, context: RecordContext): boolean;
  /**
   * Either one record → one event, or a container record that expands into more records
   * (a Log Analytics result table holds many rows).
   */
  normalise(record: JsonObject, context: RecordContext): Normalised | { expand: JsonObject[] };
}

/** One export shape that arrives as CSV, recognised by its header row. */
export interface CsvFormat {
  id: string;
  label: string;
  matchesHeader(header: string[]): boolean;
  /**
   * A header damage changed (a cell cut or misspelt, a separator lost) that is still this
   * format's: the header to bind instead, and what was repaired, in words. Null: not this format's.
   */
  repairHeader?(header: string[]): { header: string[]; repaired: string } | null;
  /** A format read by position: rows of exactly this many cells are its rows even without a header. */
  positionalWidth?: number;
  /** Bind to this file's header once, then convert each row. */
  bind(header: string[]): (row: string[]) => Normalised;
}
