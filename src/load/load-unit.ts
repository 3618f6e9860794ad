/**
 * One piece of loading work, runnable in a worker thread or in-process: a whole input through
 * the general streaming path; a byte range of a UTF-8 JSON Lines file read directly (the fast
 * path big exports take, split across workers, with every record's file offset kept so the
 * details view can re-read it); or the elements of a big top-level JSON array in a byte range
 * (elements-unit.ts), cut by the main thread's scan (array-cutter.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UnknownFormatError, type LoadSink, type SourceReport } from '../ingest/classify.js';
import { inputName, type InputSpec } from '../ingest/inputs.js';
import { loadInput } from '../ingest/read-input.js';
import { loadFeed } from '../ingest/record-feed.js';
import { CHUNK_BYTES } from '../ingest/read-text.js';
import { DEFAULT_MAX_RECORD_CHARS, recordTooLarge } from '../ingest/record-cap.js';
import type { EventBatch } from '../store/event-batch.js';
import { EventBatcher } from './event-batcher.js';
import { RecordIntake } from './record-intake.js';
import { runElementsUnit, type ElementsUnit } from './elements-unit.js';
import type { FilePart } from './file-part.js';
import { LinePrefilter } from './line-prefilter.js';

export type LoadUnit =
  | {
      kind: 'input';
      input: InputSpec;
      /** A record larger than this is skipped as a problem (--max-record-mb). */
      maxRecordBytes?: number;
    }
  | (FilePart & { kind: 'lines' })
  | ElementsUnit;

export interface UnitResult {
  report: SourceReport;
  /** Newlines in a `lines` unit's range, so later parts' line numbers can be made absolute. */
  newlines: number;
}

/** Flush at least this often, so the first rows and the progress line appear at once. */
const FLUSH_EVERY_MS = 100;
const FIRST_FLUSH_MS = 15;

/** `signal`: the session closing (quitting mid-load); a live source stops asking its service. */
export async function runUnit(unit: LoadUnit, emit: (batch: EventBatch) => void, signal?: AbortSignal): Promise<UnitResult> {
  if (unit.kind === 'elements') return Promise.resolve(runElementsUnit(unit, emit));
  return unit.kind === 'input' ? runInputUnit(unit.input, emit, unit.maxRecordBytes, signal) : runLinesUnit(unit, emit);
}

async function runInputUnit(input: InputSpec, emit: (batch: EventBatch) => void, maxRecordBytes: number | undefined, signal = new AbortController().signal): Promise<UnitResult> {
  const batcher = new EventBatcher(inputName(input), emit);
  const counter = { read: 0 };
  // The first batch goes out soon (a screenful of events), later ones at the normal pace.
  let lastFlush = Date.now();
  let interval = FIRST_FLUSH_MS;
  const sink: LoadSink = {
    event(loaded, provenance) {
      batcher.add(loaded, null, provenance.customSecuritySource);
      if (Date.now() - lastFlush > interval) {
        batcher.bytesRead = counter.read;
        batcher.flush();
        lastFlush = Date.now();
        interval = FLUSH_EVERY_MS;
      }
    },
    problem: (problem) => batcher.problem(problem),
  };
  const report = input.kind === 'feed' ? await loadFeed(input.feed, sink, counter, signal) : await loadInput(input, sink, counter, { maxRecordChars: maxRecordBytes });
  batcher.bytesRead = counter.read;
  batcher.flush();
  return { report, newlines: 0 };
}

async function runLinesUnit(unit: Extract<LoadUnit, { kind: 'lines' }>, emit: (batch: EventBatch) => void): Promise<UnitResult> {
  const report: SourceReport = { source: unit.path, formats: [], events: 0, problems: 0, bytesRead: 0 };
  const batcher = new EventBatcher(unit.path, emit);
  const maxRecordBytes = unit.maxRecordBytes ?? DEFAULT_MAX_RECORD_CHARS;
  const intake = new RecordIntake(unit.path, batcher, report, maxRecordBytes);
  const classifier = intake.classifier;
  const fd = openSync(unit.path, 'r');
  const prefilter = unit.prefilter === undefined ? null : new LinePrefilter(unit.prefilter);
  let newlines = 0;
  // The first chunk is sent at once: it holds the first rows the user sees.
  let lastFlush = 0;
  try {
    let position = unit.start;
    /** The unfinished line, in the pieces it arrived in: joined only once a line break ends it. */
    let carry: Buffer[] = [];
    let carryLength = 0;
    let carryStart = unit.start;
    /** Inside a line past the cap: its bytes are dropped until the next line break. */
    let skippingLine = false;
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < unit.end) {
      // A short unfinished line goes in front of the next read, in the same buffer: joining the
      // two with Buffer.concat copied every chunk once more (~7% of a worker's time, and garbage).
      const front = !skippingLine && carry.length === 1 && carryLength <= CHUNK_BYTES / 2 ? carryLength : 0;
      if (front > 0) chunk.set(carry[0], 0);
      const bytes = readSync(fd, chunk, front, Math.min(CHUNK_BYTES - front, unit.end - position), position);
      if (bytes === 0) break;
      position += bytes;
      let data = chunk.subarray(front, front + bytes);
      let dataStart = position - bytes;
      let from = 0;
      if (skippingLine) {
        const nl = data.indexOf(10);
        if (nl === -1) continue;
        newlines++;
        from = nl + 1;
        skippingLine = false;
      } else if (carryLength > 0) {
        // Joining a long line to every chunk would copy it over and over (quadratic in its length).
        if (data.indexOf(10) === -1) {
          carry.push(Buffer.from(data)); // a copy: `chunk` is reused
          carryLength += bytes;
        } else if (front > 0) {
          data = chunk.subarray(0, front + bytes);
          dataStart = carryStart;
          carry = [];
          carryLength = 0;
        } else {
          data = Buffer.concat([...carry, data]);
          dataStart = carryStart;
          carry = [];
          carryLength = 0;
        }
      }
      if (carryLength === 0) {
        const lastBreak = prefilter ? data.lastIndexOf(10) : -1;
        const matches = prefilter && lastBreak >= from ? prefilter.matchesIn(data, from, lastBreak + 1) : null;
        let next = 0;
        for (let nl = data.indexOf(10, from); nl !== -1; nl = data.indexOf(10, from)) {
          newlines++;
          if (matches) {
            while (next < matches.length && matches[next] < from) next++;
            if (next < matches.length && matches[next] < nl) takeLine(data, from, nl, dataStart + from, newlines);
            else skipLine(data, from, nl);
          } else takeLine(data, from, nl, dataStart + from, newlines);
          from = nl + 1;
        }
        if (from < data.length) {
          carry = [Buffer.from(data.subarray(from))];
          carryLength = data.length - from;
          carryStart = dataStart + from;
        }
      }
      if (carryLength > maxRecordBytes) {
        const problem = { kind: 'problem', line: newlines + 1, reason: recordTooLarge(maxRecordBytes) } as const;
        classifier.take(problem);
        carry = [];
        carryLength = 0;
        skippingLine = true;
      }
      batcher.bytesRead = position - unit.start;
      if (Date.now() - lastFlush > FLUSH_EVERY_MS) {
        batcher.flush();
        lastFlush = Date.now();
      }
    }
    if (carryLength > 0 && !skippingLine) {
      const last = Buffer.concat(carry);
      if (prefilter && prefilter.matchesIn(last, 0, last.length).length === 0) skipLine(last, 0, last.length);
      else takeLine(last, 0, last.length, carryStart, newlines + 1);
    }
    classifier.end();
  } catch (error) {
    if (!(error instanceof UnknownFormatError)) throw error;
    report.error = error.message;
  } finally {
    closeSync(fd);
  }
  batcher.bytesRead = unit.end - unit.start;
  batcher.flush();
  report.bytesRead = unit.end - unit.start;
  return { report, newlines };

  /** A line the pre-filter passed over: counted (blank ones aside), never parsed. */
  function skipLine(data: Buffer, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const byte = data[k];
      if (byte !== 32 && byte !== 9 && byte !== 13) {
        report.unread = (report.unread ?? 0) + 1;
        return;
      }
    }
  }

  function takeLine(data: Buffer, from: number, to: number, fileOffset: number, line: number): void {
    let end = to;
    if (end > from && data[end - 1] === 13) end--; // CRLF
    let begin = from;
    while (begin < end && (data[begin] === 32 || data[begin] === 9)) begin++;
    if (begin === end) return;
    intake.take(data, begin, end, fileOffset + (begin - from), line);
  }
}
