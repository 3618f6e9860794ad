import type { AuditEvent } from './audit-event.js';
import type { Pane } from './pane.js';
import type { OwnRecord } from './own-record.js';

export type { OwnRecord } from './own-record.js';

/** Where a record came from, so problems and the details view can point back at it. */
export interface RecordOrigin {
  source: string;
  /** 1-based line of the record's first character, when the input is line-oriented text. */
  line?: number;
}

/** A normalised event plus what the loader learnt about it beyond the Graph shape. */
export interface LoadedEvent {
  /** An audit as it is; a sign-in or provisioning record projected (model/activity-projection.ts). */
  event: AuditEvent;
  /** Set for sign-ins and provisioning records: the record in its own shape. */
  own?: OwnRecord;
  pane: Pane;
  /** activityDateTime as epoch milliseconds (sub-millisecond digits live in the ISO text). */
  timeMs: number;
  origin: RecordOrigin;
}

/** A record (or a whole input) that could not be used, and why. */
export interface LoadProblem {
  source: string;
  line?: number;
  /** 1-based column where the loss starts, in documents where a line holds more than one record. */
  column?: number;
  /** Byte offset for inputs where lines mean nothing (e.g. a binary file). */
  offset?: number;
  reason: string;
}

export function formatProblemLocation(problem: LoadProblem): string {
  if (problem.line !== undefined) return `${problem.source}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}`;
  if (problem.offset !== undefined) return `${problem.source}@${problem.offset}`;
  return problem.source;
}
