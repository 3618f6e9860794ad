/**
 * Records read straight from a file's bytes (a JSON Lines line, an element of a split array):
 * one decision about each (the JSON Lines rule, ingest/split-json.ts's decideJsonLine), and each
 * record noted with its place in the file, so the store can re-read it instead of keeping it.
 */
import { RecordClassifier, type LoadSink, type SourceReport } from '../ingest/classify.js';
import type { SplitItem } from '../ingest/json-lines.js';
import { decideJsonLine } from '../ingest/split-json.js';
import { decideArrayElement, type ElementContext } from '../ingest/array-elements.js';
import { hashBytes } from '../store/record-hash.js';
import type { EventBatcher } from './event-batcher.js';

export class RecordIntake {
  readonly classifier: RecordClassifier;
  private start = 0;
  private length = 0;
  private hash = 0;
  /** The record being taken is the bytes at `start` (not salvaged from inside them, not from the general splitter). */
  private direct = false;

  constructor(
    source: string,
    batcher: EventBatcher,
    readonly report: SourceReport,
    private readonly maxRecordBytes: number,
  ) {
    const sink: LoadSink = {
      event: (loaded, provenance) => {
        report.events++;
        const direct = this.direct && provenance.direct && provenance.formatIndex >= 0;
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
    this.start = fileOffset;
    this.length = end - begin;
    this.hash = hashBytes(data, begin, end);
    // The same decision as the streaming splitter's, so a bad record reads the same either way.
    for (const item of decideJsonLine(data.toString('utf8', begin, end), line, this.maxRecordBytes)) {
      // Records salvaged from a damaged line are not at the line's offset: they are re-read by value.
      this.direct = item.kind === 'parsed' && item.direct;
      this.classifier.take(item);
    }
    this.direct = false;
  }

  /** An element of a split array (array-elements.ts vouched for its bounds); `context` is asked only when it does not parse. */
  takeElement(data: Buffer, begin: number, end: number, fileOffset: number, line: number, context: () => ElementContext): void {
    this.start = fileOffset;
    this.length = end - begin;
    this.hash = hashBytes(data, begin, end);
    for (const item of decideArrayElement(data.toString('utf8', begin, end), line, context, this.maxRecordBytes)) {
      this.direct = item.kind === 'parsed' && item.direct;
      this.classifier.take(item);
    }
    this.direct = false;
  }

  /** What the general splitter found: kept whole (the arena), as the general path keeps it. */
  takeSplit(item: SplitItem): void {
    this.direct = false;
    this.classifier.take(item);
  }
}
