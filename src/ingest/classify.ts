/**
 * From a parsed record to an event, once for every path (the streaming loader, the workers' byte
 * ranges, and a record re-read for the details view): which format it is, its normaliser, and
 * the one rule that finishes it (the custom-security category and the pane). Problems for
 * unrecognised records are held back until one record is recognised: a file where nothing is
 * recognised is refused whole, with one clear error, instead of one problem per line. Only the
 * end decides (a run of unknown records before the first known one is problems, not a refusal),
 * so every part of a split file is judged as the whole file would be.
 */
import { CUSTOM_SECURITY_CATEGORY } from '../model/audit-event.js';
import type { AuditEvent } from '../model/audit-event.js';
import type { LoadedEvent, LoadProblem, OwnRecord, RecordOrigin } from '../model/loaded-event.js';
import type { Pane } from '../model/pane.js';
import { ownPaneOf, paneOf } from '../model/pane.js';
import { isObject } from './fields.js';
import type { CsvFormat, Normalised, ObjectFormat, RecordContext } from './format.js';
import { OBJECT_FORMATS, supportedFormatsText } from './formats/index.js';
import type { EnvelopeInfo, SplitItem } from './json-lines.js';
import { jsonErrorReason } from './json-text.js';

/** How a record became an event, for loaders that keep a way back to the raw record. */
export interface RecordProvenance {
  /** Index into OBJECT_FORMATS; -1 for CSV rows. */
  formatIndex: number;
  /** The parsed value was the whole record as written (not a row of a table, not from an envelope). */
  direct: boolean;
  /** The parsed value was a record of an envelope, as written there (its bytes can be re-read alone). */
  inEnvelope: boolean;
  customSecuritySource: boolean;
}

export interface LoadSink {
  event(event: LoadedEvent, provenance: RecordProvenance): void;
  problem(problem: LoadProblem): void;
}

export interface SourceReport {
  source: string;
  /** Format ids seen in this input (a directory of mixed exports gives several). */
  formats: string[];
  events: number;
  problems: number;
  bytesRead: number;
  /** Set when the input could not be used at all; its events (if any) still count. */
  error?: string;
  /**
   * With an UnknownFormatError's `error`: the problems held back for the unrecognised records. A
   * part of a split file refused this way is not a refusal of the file when another part was
   * recognised: the load session then reports these as problems instead (load-session.ts).
   */
  heldBack?: LoadProblem[];
  /** Lines a text pre-filter passed over unparsed (load/line-prefilter.ts): they cannot match the query. */
  unread?: number;
}

/**
 * Problems held back (one per unrecognised record) until a record is recognised; beyond this
 * many, the rest are counted and told as one problem with their line range, so a large file of
 * something else costs no memory per record.
 */
const HELD_BACK_LIMIT = 1000;

export class UnknownFormatError extends Error {}

export function unknownFormatMessage(source: string, detail: string): string {
  return `${source}: not an Entra audit export I can read (${detail}). Supported formats:\n${supportedFormatsText()}`;
}

/** A record's text may start with a BOM (files pasted together: `cat a.jsonl b.jsonl`); JSON.parse refuses it. */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

type NormalisedEvent = Extract<Normalised, { event: unknown }>;

/** A sign-in or provisioning record as loaded; a class for the reason LazyProjection is one (model/activity-projection.ts). */
class OwnLoadedEvent implements LoadedEvent {
  pane: Pane;

  constructor(
    private readonly result: NormalisedEvent,
    public own: OwnRecord,
    public timeMs: number,
    public origin: RecordOrigin,
  ) {
    this.pane = ownPaneOf(own);
  }

  get event(): AuditEvent {
    return this.result.event;
  }
}

/**
 * The one place a normalised record becomes an event: a record read from a custom-security
 * source (the CSA endpoint, table or diagnostic category) without a category gets
 * AttributeManagement, and the pane follows from the category and the source.
 */
export function finishRecord(result: NormalisedEvent, origin: RecordOrigin, fromCustomSecuritySource = result.customSecuritySource === true): LoadedEvent {
  const { own } = result;
  // `event` is passed on unread: an own record's projection is made only when asked for.
  if (own) return new OwnLoadedEvent(result, own, result.time.ms, origin);
  const { event } = result;
  if (fromCustomSecuritySource && !event.category) event.category = CUSTOM_SECURITY_CATEGORY;
  return { event, pane: paneOf(event, fromCustomSecuritySource), timeMs: result.time.ms, origin };
}

/**
 * A record re-read from its place in a file (JSON text of one record of a known format), made an
 * event exactly as when it was loaded; a reason when it no longer is one.
 */
export function rereadRecord(text: string, formatIndex: number, customSecuritySource: boolean, origin: RecordOrigin): LoadedEvent | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    return { reason: `the record there is no longer JSON (${jsonErrorReason(error)})` };
  }
  const format = OBJECT_FORMATS[formatIndex];
  if (!isObject(value) || !format || !format.matches(value, {})) return { reason: 'the record there is no longer the one loaded' };
  const result = format.normalise(value, {});
  if ('reason' in result) return { reason: `the record there no longer reads as an event (${result.reason})` };
  if ('expand' in result) return { reason: 'the record there is no longer the one loaded' };
  return finishRecord(result, origin, customSecuritySource || result.customSecuritySource === true);
}

export function emitNormalised(source: string, line: number, result: Normalised, sink: LoadSink, formatIndex: number, direct: boolean, inEnvelope = false): void {
  if ('reason' in result) {
    sink.problem({ source, line, reason: result.reason });
    return;
  }
  const customSecuritySource = result.customSecuritySource === true;
  sink.event(finishRecord(result, { source, line }), { formatIndex, direct, inEnvelope, customSecuritySource });
}

export class RecordClassifier {
  private recognised = 0;
  private heldBack: LoadProblem[] = [];
  private unrecognised = 0;
  /** Unrecognised records past HELD_BACK_LIMIT, before any was recognised: how many, from which line. */
  private beyond: { count: number; first?: number } = { count: 0 };

  constructor(
    private readonly source: string,
    private readonly sink: LoadSink,
    private readonly report: SourceReport,
  ) {}

  take(item: SplitItem): void {
    if (item.kind === 'problem') {
      this.sink.problem({ source: this.source, line: item.line, ...(item.column !== undefined ? { column: item.column } : {}), reason: item.reason });
      return;
    }
    this.takeValue(item.value, item.line, item.envelope);
  }

  /**
   * `fromContainer`: a row of a record already recognised (a result table); its format is not the
   * file's, and the row has no address of its own in the file.
   */
  takeValue(value: unknown, line: number, envelope: EnvelopeInfo | undefined, fromContainer = false): void {
    if (!isObject(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      this.sink.problem({ source: this.source, line, reason: `record is ${kind}, not an object` });
      return;
    }
    const context: RecordContext = { envelope };
    const format = OBJECT_FORMATS.find((f) => f.matches(value, context));
    if (!format) {
      this.unrecognised++;
      const keys = Object.keys(value).slice(0, 5).join(', ');
      const problem = { source: this.source, line, reason: `record matches no known audit format (keys: ${keys || 'none'})` };
      if (this.recognised > 0) this.sink.problem(problem);
      else if (this.heldBack.length < HELD_BACK_LIMIT) this.heldBack.push(problem);
      else {
        this.beyond.count++;
        this.beyond.first ??= line;
      }
      return;
    }
    if (!fromContainer) this.noteRecognised(format);
    const result = format.normalise(value, context);
    if ('expand' in result) {
      for (const row of result.expand) this.takeValue(row, line, envelope, true);
      return;
    }
    emitNormalised(this.source, line, result, this.sink, OBJECT_FORMATS.indexOf(format), !fromContainer && envelope === undefined, !fromContainer && envelope !== undefined);
  }

  private noteRecognised(format: ObjectFormat | CsvFormat): void {
    if (!this.report.formats.includes(format.id)) this.report.formats.push(format.id);
    if (this.recognised++ === 0) {
      for (const problem of this.heldBackProblems()) this.sink.problem(problem);
      this.heldBack = [];
      this.beyond = { count: 0 };
    }
  }

  /** Whether records were seen and none was recognised (so far): what a refusal would say. */
  get unrecognisedOnly(): boolean {
    return this.recognised === 0 && this.unrecognised > 0;
  }

  /** The end of the input: refused (UnknownFormatError) when records came and none was recognised. */
  end(): void {
    if (this.unrecognisedOnly) this.refuse();
  }

  /** The refusal, with the problems held back kept in the report (a split file's parts need them). */
  refuse(): never {
    const first = this.heldBack[0]?.reason ?? 'no record matched';
    this.report.heldBack = this.heldBackProblems();
    throw new UnknownFormatError(unknownFormatMessage(this.source, first));
  }

  private heldBackProblems(): LoadProblem[] {
    const { count, first } = this.beyond;
    if (count === 0) return this.heldBack;
    // No line numbers in the text: a split file's parts have theirs made absolute later, in `line` only.
    const reason = count === 1 ? 'one more record matches no known audit format' : `${count} more records, the first here, match no known audit format`;
    return [...this.heldBack, { source: this.source, line: first, reason }];
  }
}
