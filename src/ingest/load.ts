/**
 * Loading one input end to end: bytes → text → container (JSON or CSV, by content) → records →
 * the matching format's normaliser → events. Bad records become problems and the load goes on;
 * only an input that is unreadable, or in no known format at all, is an error.
 */
import type { LoadedEvent, LoadProblem } from '../model/loaded-event.js';
import { paneOf } from '../model/pane.js';
import { isObject, type JsonObject } from './fields.js';
import type { CsvFormat, Normalised, ObjectFormat, RecordContext } from './format.js';
import { CSV_FORMATS, OBJECT_FORMATS, supportedFormatsText } from './formats/index.js';
import { describeFsError } from '../text/fs-error.js';
import { inputName, type InputSpec } from './inputs.js';
import { decodeText, gunzipIfNeeded, openBytes, type ByteCounter } from './read-text.js';
import { splitCsvRows } from './split-csv.js';
import { jsonErrorReason, JsonRecordSplitter, type EnvelopeInfo, type SplitItem } from './split-json.js';

/** How a record became an event, for loaders that keep a way back to the raw record. */
export interface RecordOrigin {
  /** Index into OBJECT_FORMATS; -1 for CSV rows. */
  formatIndex: number;
  /** The parsed value was the whole record as written (not a row of a table, not from an envelope). */
  direct: boolean;
  customSecuritySource: boolean;
}

export interface LoadSink {
  event(event: LoadedEvent, origin: RecordOrigin): void;
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
}

/** When this many records in a row match no format and none did, the file is not an audit export. */
const UNRECOGNISED_LIMIT = 100;
const HEAD_CHARS = 64 * 1024;

export class UnknownFormatError extends Error {}

export function unknownFormatMessage(source: string, detail: string): string {
  return `${source}: not an Entra audit export I can read (${detail}). Supported formats:\n${supportedFormatsText()}`;
}

export async function loadInput(spec: InputSpec, sink: LoadSink, counter: ByteCounter = { read: 0 }): Promise<SourceReport> {
  const source = inputName(spec);
  const report: SourceReport = { source, formats: [], events: 0, problems: 0, bytesRead: 0 };
  const countedSink: LoadSink = {
    event(event, origin) {
      report.events++;
      sink.event(event, origin);
    },
    problem(problem) {
      report.problems++;
      sink.problem(problem);
    },
  };
  try {
    const text = decodeText(gunzipIfNeeded(openBytes(spec.kind === 'file' ? spec.path : null), counter));
    const { head, chunks } = await peekHead(text);
    const firstChar = head.replace(/^[\s\uFEFF]+/, '')[0];
    if (firstChar === undefined) {
      countedSink.problem({ source, line: 1, reason: 'empty input: no records' });
    } else if (firstChar === '{' || firstChar === '[') {
      await loadJson(source, chunks, countedSink, report);
    } else {
      await loadCsv(source, chunks, countedSink, report);
    }
  } catch (error) {
    report.error =
      error instanceof UnknownFormatError ? error.message : `${source}: ${describeReadError(error, counter.read)}`;
  }
  report.bytesRead = counter.read;
  return report;
}

function describeReadError(error: unknown, bytesRead: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code?.startsWith('Z_')) return `compressed data is corrupt near byte ${bytesRead} (${(error as Error).message})`;
  return describeFsError(error);
}

/** Read enough text to see what kind of document this is, without losing it. */
async function peekHead(text: AsyncGenerator<string>): Promise<{ head: string; chunks: AsyncGenerator<string> }> {
  const seen: string[] = [];
  let head = '';
  while (head.trim().length === 0 && head.length < HEAD_CHARS) {
    const next = await text.next();
    if (next.done) break;
    seen.push(next.value);
    head += next.value;
  }
  const chunks = (async function* () {
    yield* seen;
    yield* text;
  })();
  return { head, chunks };
}

async function loadJson(source: string, chunks: AsyncIterable<string>, sink: LoadSink, report: SourceReport): Promise<void> {
  const splitter = new JsonRecordSplitter();
  const classifier = new RecordClassifier(source, sink, report);
  for await (const chunk of chunks) {
    for (const item of splitter.push(chunk)) classifier.take(item);
  }
  for (const item of splitter.finish()) classifier.take(item);
  classifier.end();
}

/**
 * Per-record format detection. Problems for unrecognised records are held back until one record
 * is recognised: a file where nothing is recognised is refused whole, with one clear error,
 * instead of one problem per line.
 */
export class RecordClassifier {
  private recognised = 0;
  private heldBack: LoadProblem[] = [];
  private unrecognised = 0;

  constructor(
    private readonly source: string,
    private readonly sink: LoadSink,
    private readonly report: SourceReport,
  ) {}

  take(item: SplitItem): void {
    if (item.kind === 'problem') {
      this.sink.problem({ source: this.source, line: item.line, reason: item.reason });
      return;
    }
    if (item.kind === 'parsed') {
      this.takeValue(item.value, item.line, item.envelope);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (error) {
      this.sink.problem({ source: this.source, line: item.line, reason: `invalid JSON (${jsonErrorReason(error)})` });
      return;
    }
    this.takeValue(value, item.line, item.envelope);
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
      else {
        this.heldBack.push(problem);
        if (this.unrecognised >= UNRECOGNISED_LIMIT) this.refuse();
      }
      return;
    }
    if (!fromContainer) this.noteRecognised(format);
    const result = format.normalise(value, context);
    if ('expand' in result) {
      for (const row of result.expand) this.takeValue(row, line, envelope, true);
      return;
    }
    emit(this.source, line, result, this.sink, OBJECT_FORMATS.indexOf(format), !fromContainer && envelope === undefined);
  }

  private noteRecognised(format: ObjectFormat | CsvFormat): void {
    if (!this.report.formats.includes(format.id)) this.report.formats.push(format.id);
    if (this.recognised++ === 0) {
      for (const problem of this.heldBack) this.sink.problem(problem);
      this.heldBack = [];
    }
  }

  end(): void {
    if (this.recognised === 0 && this.unrecognised > 0) this.refuse();
  }

  private refuse(): never {
    const first = this.heldBack[0]?.reason ?? 'no record matched';
    throw new UnknownFormatError(unknownFormatMessage(this.source, first));
  }
}

function emit(source: string, line: number, result: Normalised, sink: LoadSink, formatIndex: number, direct: boolean): void {
  if ('reason' in result) {
    sink.problem({ source, line, reason: result.reason });
    return;
  }
  const customSecuritySource = result.customSecuritySource === true;
  sink.event(
    { event: result.event, pane: paneOf(result.event, customSecuritySource), timeMs: result.time.ms, origin: { source, line } },
    { formatIndex, direct, customSecuritySource },
  );
}

async function loadCsv(source: string, chunks: AsyncIterable<string>, sink: LoadSink, report: SourceReport): Promise<void> {
  let convert: ((row: string[]) => Normalised) | null = null;
  for await (const item of splitCsvRows(chunks)) {
    if (item.kind === 'problem') {
      if (!convert) throw new UnknownFormatError(unknownFormatMessage(source, 'neither JSON nor a readable CSV header'));
      sink.problem({ source, line: item.line, reason: item.reason });
      continue;
    }
    if (!convert) {
      // Windows PowerShell's Export-Csv starts with `#TYPE <.NET type>` unless told not to.
      if (item.cells.length === 1 && /^\uFEFF?#TYPE /.test(item.cells[0])) continue;
      const header = item.cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
      const format = CSV_FORMATS.find((f) => f.matchesHeader(header));
      if (!format) {
        const shown = header.slice(0, 4).join(',');
        throw new UnknownFormatError(
          unknownFormatMessage(source, header.length > 1 ? `CSV header ${JSON.stringify(shown.slice(0, 60))} is not one I know` : 'neither JSON nor CSV'),
        );
      }
      report.formats.push(format.id);
      convert = format.bind(header);
      continue;
    }
    if (item.cells.length === 1 && item.cells[0] === '') continue;
    emit(source, item.line, convert(item.cells), sink, -1, false);
  }
}

export interface LoadedSet {
  events: LoadedEvent[];
  problems: LoadProblem[];
  reports: SourceReport[];
}

/** Load every input into memory, newest event first (what the table and `query` show). */
export async function loadAll(inputs: readonly InputSpec[]): Promise<LoadedSet> {
  const events: LoadedEvent[] = [];
  const problems: LoadProblem[] = [];
  const reports: SourceReport[] = [];
  const sink: LoadSink = { event: (e) => events.push(e), problem: (p) => problems.push(p) };
  for (const input of inputs) {
    const report = await loadInput(input, sink);
    reports.push(report);
  }
  sortNewestFirst(events);
  return { events, problems, reports };
}

function sortNewestFirst(events: LoadedEvent[]): void {
  events.sort((a, b) => b.timeMs - a.timeMs || compareIsoDesc(a.event.activityDateTime, b.event.activityDateTime));
}

/** Sub-millisecond order, from the fractional digits the ISO text keeps. */
function compareIsoDesc(a: string, b: string): number {
  const fa = a.slice(20, -1).padEnd(9, '0');
  const fb = b.slice(20, -1).padEnd(9, '0');
  return fa < fb ? 1 : fa > fb ? -1 : 0;
}
