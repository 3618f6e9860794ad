/**
 * Records read straight from a file's bytes (a JSON Lines line, an element of a split array):
 * one decision about each (the JSON Lines rule, ingest/split-json.ts's decideJsonLine), and each
 * record noted with its place in the file, so the store can re-read it instead of keeping it.
 */
import { RecordClassifier, type LoadSink, type SourceReport } from '../ingest/classify.js';
import type { SplitItem } from '../ingest/json-lines.js';
import { decideJsonLine } from '../ingest/split-json.js';
import { decideArrayElement, type ElementContext } from '../ingest/array-elements.js';
import type { ArrayEnvelope } from '../ingest/array-envelope.js';
import { envelopeElements } from '../ingest/envelope-elements.js';
import { hashBytes } from '../store/record-hash.js';
import type { EventBatcher } from './event-batcher.js';

export class RecordIntake {
  readonly classifier: RecordClassifier;
  private start = 0;
  private length = 0;
  private hash = 0;
  /**
   * What the bytes at `start` are: the record being taken, as written ('record'); one record of
   * an envelope line, found in it ('envelope record'); or not it (salvaged from damage, from the
   * general splitter): kept whole.
   */
  private direct: 'record' | 'envelope record' | false = false;

  constructor(
    source: string,
    batcher: EventBatcher,
    readonly report: SourceReport,
    private readonly maxRecordBytes: number,
  ) {
    const sink: LoadSink = {
      event: (loaded, provenance) => {
        report.events++;
        const direct = provenance.formatIndex >= 0 && (this.direct === 'record' ? provenance.direct : this.direct === 'envelope record' && provenance.inEnvelope);
        batcher.add(loaded, direct ? { offset: this.start, length: this.length, format: provenance.formatIndex, hash: this.hash } : null, provenance.customSecuritySource);
      },
      problem: (problem) => {
        report.problems++;
        batcher.problem(problem);
      },
    };
    this.classifier = new RecordClassifier(source, sink, report);
  }

  /** One record's bytes, `data[begin, end)`, at `fileOffset` in the file, starting on `line`. */
  take(data: Buffer, begin: number, end: number, fileOffset: number, line: number): void {
    this.at(data, begin, end, fileOffset);
    // The same decision as the streaming splitter's, so a bad record reads the same either way.
    const items = decideJsonLine(data.toString('utf8', begin, end), line, this.maxRecordBytes);
    const elements = this.envelopeRecords(items, data, begin, end);
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (elements) {
        this.at(data, elements[2 * k], elements[2 * k + 1], fileOffset + (elements[2 * k] - begin));
        this.direct = 'envelope record';
      } else this.direct = item.kind === 'parsed' && item.direct ? 'record' : false; // records salvaged from a damaged line are re-read by value
      this.classifier.take(item);
    }
    this.direct = false;
  }

  /**
   * A line that parsed whole as an envelope (a Graph page, an Event Hub batch): where each of its
   * records is in it, one pair of offsets per item; null for any other line, or when the records
   * and the elements found do not pair up one to one.
   */
  private envelopeRecords(items: ReturnType<typeof decideJsonLine>, data: Buffer, begin: number, end: number): number[] | null {
    const envelope = items[0]?.kind === 'parsed' ? items[0].envelope : undefined;
    if (envelope === undefined || !items.every((item) => item.kind === 'parsed' && item.envelope === envelope)) return null;
    const elements = envelopeElements(data, begin, end, envelope.key);
    return elements !== null && elements.length === 2 * items.length ? elements : null;
  }

  /** An element of a split array (array-elements.ts vouched for its bounds); `context` is asked only when it does not parse. */
  takeElement(data: Buffer, begin: number, end: number, fileOffset: number, line: number, context: () => ElementContext, envelope: ArrayEnvelope | null = null): void {
    this.at(data, begin, end, fileOffset);
    for (const item of decideArrayElement(data.toString('utf8', begin, end), line, context, this.maxRecordBytes, envelope)) {
      // An envelope's record is re-read from its bytes as a record of one (envelope-elements.ts's kind).
      this.direct = item.kind === 'parsed' && item.direct ? (envelope ? 'envelope record' : 'record') : false;
      this.classifier.take(item);
    }
    this.direct = false;
  }

  /** The record about to be taken is `data[begin, end)`, at `fileOffset` in the file. */
  private at(data: Buffer, begin: number, end: number, fileOffset: number): void {
    this.start = fileOffset;
    this.length = end - begin;
    this.hash = hashBytes(data, begin, end);
  }

  /** What the general splitter found: kept whole (the arena), as the general path keeps it. */
  takeSplit(item: SplitItem): void {
    this.direct = false;
    this.classifier.take(item);
  }
}
