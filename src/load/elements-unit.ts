/**
 * A unit of a split JSON array (array-cutter.ts cut it): its elements read from their byte
 * ranges and taken as JSON Lines lines are (record-intake.ts), each re-readable from its place;
 * then, for the unit the scan handed over in, the rest of the file through the general splitter.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { UnknownFormatError, type SourceReport } from '../ingest/classify.js';
import { arrayOpening, type Handover } from '../ingest/array-elements.js';
import type { ArrayEnvelope } from '../ingest/array-envelope.js';
import { CHUNK_BYTES } from '../ingest/read-text.js';
import { DEFAULT_MAX_RECORD_CHARS } from '../ingest/record-cap.js';
import { recordsOfLine } from '../ingest/json-lines.js';
import { JsonRecordSplitter } from '../ingest/split-json.js';
import type { EventBatch } from '../store/event-batch.js';
import { NO_ELEMENTS, type ElementCut } from './array-cutter.js';
import { EventBatcher } from './event-batcher.js';
import { RecordIntake } from './record-intake.js';
import { LinePrefilter } from './line-prefilter.js';
import { readFully } from './read-fully.js';
import type { FilePart } from './file-part.js';

export interface ElementsUnit extends FilePart {
  kind: 'elements';
  /** The first unit's range starts at 0 (its progress counts the whole file); its text after a byte-order mark. */
  textStart?: number;
  /** Set when the unit is handed out, once the scan has passed its range. */
  cut?: ElementCut;
  /** The document is one envelope around the array (every unit of the file says so). */
  envelope?: ArrayEnvelope;
}

/** Elements closer than this are read in one call. */
const SPAN_BYTES = 4 * 1024 * 1024;
const FLUSH_EVERY_MS = 100;

export function runElementsUnit(unit: ElementsUnit, emit: (batch: EventBatch) => void): { report: SourceReport; newlines: number } {
  const report: SourceReport = { source: unit.path, formats: [], events: 0, problems: 0, bytesRead: 0 };
  const batcher = new EventBatcher(unit.path, emit);
  const maxRecordBytes = unit.maxRecordBytes ?? DEFAULT_MAX_RECORD_CHARS;
  const intake = new RecordIntake(unit.path, batcher, report, maxRecordBytes);
  const { offsets, lines, lineStarts, rest, first, handedOver } = unit.cut ?? NO_ELEMENTS;
  const envelope = unit.envelope ?? null;
  // Progress: the unit's own range; the rest of the file for the unit that reads it, none for those after it.
  let span = handedOver ? 0 : unit.end - unit.start;
  // Each element searched on its own: a one-line array is a single line to the line search.
  const prefilter = unit.prefilter ? new LinePrefilter(unit.prefilter) : null;
  const fd = openSync(unit.path, 'r');
  const columns = new Columns(fd);
  let buffer = Buffer.allocUnsafe(0);
  let lastFlush = 0;
  /** Bytes read so far in the unit; sent with a batch at least every FLUSH_EVERY_MS. */
  const progress = (bytesRead: number): void => {
    batcher.bytesRead = bytesRead;
    if (Date.now() - lastFlush > FLUSH_EVERY_MS) {
      batcher.flush();
      lastFlush = Date.now();
    }
  };
  // The array's first record, read once, when an element that does not parse asks for it.
  let firstRead: ReturnType<typeof firstRecord> | undefined;
  try {
    for (let k = 0; k < lines.length; ) {
      // The elements from k on that fit one read (at least one, however long).
      const from = offsets[2 * k];
      let next = k + 1;
      while (next < lines.length && offsets[2 * next + 1] - from <= SPAN_BYTES) next++;
      const length = offsets[2 * next - 1] - from;
      if (buffer.length < length) buffer = Buffer.allocUnsafe(Math.max(length, SPAN_BYTES));
      const read = readFully(fd, buffer, length, from);
      for (; k < next; k++) {
        const start = offsets[2 * k] - from;
        const end = offsets[2 * k + 1] - from;
        // A file that shrank under us: what is missing is the general path's loss, said once.
        if (end > read) throw new Error(`${unit.path} is shorter than when it was scanned`);
        if (prefilter && prefilter.matchesIn(buffer, start, end).length === 0) {
          report.unread = (report.unread ?? 0) + 1;
          continue;
        }
        const at = offsets[2 * k];
        const lineStart = lineStarts[k];
        intake.takeElement(buffer, start, end, at, lines[k], () => ({ column: columns.at(lineStart, at), indentation: indentationAt(fd, lineStart, at), ...(at > (first?.offset ?? Infinity) ? (firstRead ??= firstRecord(fd, first, at)) : {}) }), envelope);
      }
      progress(Math.min(unit.end, offsets[2 * next - 1]) - unit.start);
    }
    if (rest) readRest(fd, rest, envelope, intake, maxRecordBytes, (position) => progress((span = Math.max(span, position - unit.start))), columns);
    intake.classifier.end();
  } catch (error) {
    if (!(error instanceof UnknownFormatError)) throw error;
    report.error = error.message;
  } finally {
    closeSync(fd);
  }
  batcher.bytesRead = span;
  batcher.flush();
  report.bytesRead = span;
  // Lines were counted by the scan from the file's start: nothing to add later.
  return { report, newlines: 0 };
}

/**
 * Columns on a file's lines, in UTF-16 units as the splitter counts them (bytes decoded, invalid
 * ones as U+FFFD). Asked only for a problem; on a one-line array every element is on the same
 * line, so counting goes on from the last place asked (elements come in order) instead of from
 * the line's start each time, which was quadratic in the elements that failed.
 */
class Columns {
  private lineStart = -1;
  private offset = 0;
  private column = 1;
  /** Allocated when first asked: most units never are. */
  private chunk: Buffer | null = null;

  constructor(private readonly fd: number) {}

  at(lineStart: number, offset: number): number {
    if (lineStart !== this.lineStart || offset < this.offset) {
      this.lineStart = lineStart;
      this.offset = lineStart;
      this.column = 1;
    }
    const decoder = new StringDecoder('utf8');
    const chunk = (this.chunk ??= Buffer.allocUnsafe(CHUNK_BYTES));
    for (let position = this.offset; position < offset; ) {
      const read = readSync(this.fd, chunk, 0, Math.min(chunk.length, offset - position), position);
      if (read === 0) break;
      this.column += decoder.write(chunk.subarray(0, read)).length;
      position += read;
    }
    this.column += decoder.end().length;
    this.offset = offset;
    return this.column;
  }
}

/** From the handover to the end of the file, as the general path reads a document (damage and all). */
function readRest(fd: number, rest: Handover, envelope: ArrayEnvelope | null, intake: RecordIntake, maxRecordChars: number, progress: (position: number) => void, columns: Columns): void {
  const primer = rest.primer ? primerItems(fd, rest.primer.offset, rest.offset) : null;
  const from = primer !== null ? rest.primer! : rest;
  // Where the splitter's text starts. Inside the array it is given the `[` the scan passed (and
  // an envelope's text before it, on one line); and where only indentation precedes the first
  // element on its line, from the line's start after a line break, so the splitter sees the
  // records' indentation (what finds them again after damage).
  const opening = rest.inArray ? arrayOpening(envelope) : '';
  const indented = rest.inArray && indentationAt(fd, from.lineStart, from.offset) !== null;
  const text = indented ? { at: from.lineStart, line: from.line - 1, column: 1, prefix: `${opening}\n` } : { at: from.offset, line: from.line, column: columns.at(from.lineStart, from.offset) - opening.length, prefix: opening };
  const splitter = new JsonRecordSplitter({ maxRecordChars, document: true, firstLine: text.line, firstColumn: text.column, ...firstRecord(fd, rest.first, from.offset) });
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The primer's records were taken with the elements already: their items are dropped.
  let drop = primer ?? 0;
  const take = (items: ReturnType<JsonRecordSplitter['push']>) => {
    for (const item of items) {
      if (drop > 0) drop--;
      else intake.takeSplit(item);
    }
  };
  take(splitter.push(text.prefix));
  for (let position = text.at; ; ) {
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    position += read;
    take(splitter.push(decoder.write(chunk.subarray(0, read))));
    progress(position);
  }
  take(splitter.push(decoder.end()));
  take(splitter.finish());
}

/**
 * The array's first record, when the splitter does not read it itself: the general splitter
 * learns the records' first keys from it, and finds records after damage by them.
 */
function firstRecord(fd: number, first: Handover['first'], from: number): { firstRecord?: { value: unknown; indentation: string | null } } {
  if (first === null || first.offset >= from) return {};
  const bytes = Buffer.allocUnsafe(first.end - first.offset);
  try {
    const value: unknown = JSON.parse(bytes.subarray(0, readFully(fd, bytes, bytes.length, first.offset)).toString('utf8'));
    return { firstRecord: { value, indentation: indentationAt(fd, first.lineStart, first.offset) } };
  } catch {
    return {};
  }
}

/** What is between a line's start and `offset` when only spaces and tabs (a pretty-printed record's indentation); else null. */
function indentationAt(fd: number, lineStart: number, offset: number): string | null {
  if (offset - lineStart > 256) return null;
  const bytes = Buffer.alloc(offset - lineStart);
  readFully(fd, bytes, bytes.length, lineStart);
  return bytes.every((b) => b === 32 || b === 9) ? bytes.toString('latin1') : null;
}

/**
 * How many items the splitter makes of the primer's elements (records an element holds: an
 * envelope or array holds several); null when one does not parse (the splitter might then make
 * anything of it: no primer is safer than a wrong count).
 */
function primerItems(fd: number, from: number, to: number): number | null {
  const bytes = Buffer.allocUnsafe(to - from);
  const text = bytes.subarray(0, readFully(fd, bytes, to - from, from)).toString('utf8');
  // The primer is whole elements and the separators between them: a trailing comma closes it.
  let value: unknown;
  try {
    value = JSON.parse(`[${text.trimEnd().replace(/,$/, '')}]`);
  } catch {
    return null;
  }
  return (value as unknown[]).reduce<number>((sum, element) => sum + recordsOfLine(element, 1).length, 0);
}
