/**
 * Events in transit from a loader (usually a worker thread) to the store: compact columns in
 * transferable typed arrays, strings as ids into the loader's own vocabulary (new strings ride
 * along once), and, for records that have no address in a file (gzip, stdin, CSV rows, expanded
 * tables), the normalised event as JSON bytes.
 */
import type { LoadProblem } from '../model/loaded-event.js';

export const STRING_FIELDS = [
  'service',
  'category',
  'activity',
  'operationType',
  'result',
  'initiator',
  'ip',
  'target',
  // For filtering (the table does not show these):
  'actorKeys',
  'targetKeys',
  'targetTypes',
  'correlation',
  'propNames',
  // Sign-ins and provisioning (empty for audits, but `app`: the initiating app's names):
  'app',
  'location',
  'errorCode',
  'ca',
  'caPolicies',
  'device',
  'riskLevel',
  'job',
  // For the table's optional columns (the column picker, `C`):
  /** Every target's label (a role by its name), joined: what `(+1)` expands to. */
  'targetLabels',
  /** The client's User-Agent (an audit's additionalDetails, a sign-in's userAgent): also unusual values and `agent:`. */
  'userAgent',
  /** The status reason: an audit's resultReason, a sign-in's failure reason, a provisioning error's reason. */
  'resultReason',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];
export const STRING_FIELD_COUNT = STRING_FIELDS.length;

/** Fields that hold several values, one per line (every actor key, every target, every property name). */
export const MULTI_VALUED_FIELDS: ReadonlySet<StringField> = new Set<StringField>(['actorKeys', 'targetKeys', 'targetTypes', 'propNames', 'app', 'caPolicies', 'device', 'job', 'targetLabels']);

/** Where free words look (fuzzy): what people name, not ids. */
export const FREE_TEXT_FIELDS: StringField[] = ['activity', 'category', 'service', 'initiator', 'target', 'targetTypes', 'propNames', 'ip', 'location', 'errorCode'];
const FIELD_INDEX = Object.fromEntries(STRING_FIELDS.map((field, index) => [field, index])) as Record<StringField, number>;
/** A field's column in a row of string ids (a lookup, not a search: it runs per event in scans). */
export const stringFieldIndex = (field: StringField): number => FIELD_INDEX[field];

export const FLAG = {
  writeBack: 2,
  /** The raw record is JSON in the arena, not at an offset in the source file. */
  inArena: 4,
  /** Read from a custom-security source (endpoint, table, diagnostic category): re-applied on re-read. */
  customSecuritySource: 8,
} as const;

export const INITIATOR_KINDS = ['none', 'user', 'app'] as const;

export interface EventBatch {
  source: string;
  count: number;
  time: Float64Array;
  /** Each event's pane, as its index in PANES (model/pane.ts). */
  pane: Uint8Array;
  flags: Uint8Array;
  initiatorKind: Uint8Array;
  targetCount: Uint16Array;
  /** `count × STRING_FIELD_COUNT` ids, row by row, into the loader's vocabulary. */
  strings: Uint32Array;
  /** Strings first used in this batch; their ids are `firstNewString`, `firstNewString + 1`, … */
  newStrings: string[];
  firstNewString: number;
  /** The loader's format index for records re-read from the file (see load/record-reader.ts); unused for arena records. */
  format: Uint8Array;
  /** 1-based line (0 when unknown), relative to `lineBase` of the unit until it is known. */
  line: Uint32Array;
  rawOffset: Float64Array;
  rawLength: Uint32Array;
  /** hashBytes of a record re-read from the file (store/record-hash.ts); 0 for arena records. */
  rawHash: Uint32Array;
  arena: Uint8Array;
  /** Each record's kind (its index in RECORD_KINDS, model/record-kind.ts): ids are unique within a kind. */
  recordKind: Uint8Array;
  /** `count × 2`: each record's id hashed (store/record-ids.ts), (0, 0) for a record without an id. */
  idHash: Uint32Array;
  problems: LoadProblem[];
  /** Bytes of the source consumed so far by this unit (for progress). */
  bytesRead: number;
}

/** The buffers a batch can hand over to another thread without copying. */
export function transferablesOf(batch: EventBatch): ArrayBuffer[] {
  return [batch.time, batch.pane, batch.flags, batch.initiatorKind, batch.targetCount, batch.strings, batch.format, batch.line, batch.rawOffset, batch.rawLength, batch.rawHash, batch.arena, batch.recordKind, batch.idHash].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
