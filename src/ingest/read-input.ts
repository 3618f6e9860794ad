/**
 * Reading one input end to end: bytes → text → container (JSON or CSV, by content) → records →
 * the matching format's normaliser → events. Bad records become problems and the load goes on;
 * only an input that is unreadable, or in no known format at all, is an error.
 */
import type { LoadedEvent, LoadProblem } from '../model/loaded-event.js';
import { describeFsError } from '../text/fs-error.js';
import { emitNormalised, RecordClassifier, UnknownFormatError, unknownFormatMessage, type LoadSink, type SourceReport } from './classify.js';
import type { Normalised } from './format.js';
import { CSV_FORMATS } from './formats/index.js';
import { inputName, type InputSpec } from './inputs.js';
import { decodeText, gunzipIfNeeded, openBytes, type ByteCounter } from './read-text.js';
import { binaryStart, guardInflation, RefusedInputError, skipLeadingBlank } from './sniff.js';
import { CsvHeaderSearch, type FoundHeader } from './csv-header.js';
import { splitCsvRows, type CsvItem } from './split-csv.js';
import { JsonRecordSplitter } from './split-json.js';

export type { LoadSink, SourceReport } from './classify.js';

export interface ReadOptions {
  /** A record larger than this (characters) is skipped as a problem; DEFAULT_MAX_RECORD_CHARS when unset. */
  maxRecordChars?: number;
}

export async function loadInput(spec: InputSpec, sink: LoadSink, counter: ByteCounter = { read: 0 }, options: ReadOptions = {}): Promise<SourceReport> {
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
  // gzip damage before the first event is held back: if no event ever comes, it is the error.
  const damage: LoadProblem[] = [];
  let classifier: RecordClassifier | null = null;
  try {
    if (spec.kind === 'feed') throw new Error('a live source is loaded with loadFeed, not as bytes');
    const bytes = gunzipIfNeeded(openBytes(spec.kind === 'file' ? spec.path : null), counter, ({ offset, reason }) => {
      if (report.events > 0) countedSink.problem({ source, offset, reason });
      else damage.push({ source, offset, reason });
    });
    const guarded = guardInflation(bytes, {
      source,
      events: () => report.events,
      compressed: () => (counter.gzip ? counter.read : null),
      stopped: (offset, reason) => countedSink.problem({ source, offset, reason }),
    });
    const { first, chunks } = await skipLeadingBlank(decodeText(guarded));
    const binary = first === undefined ? null : binaryStart(source, first);
    if (binary) throw new UnknownFormatError(binary);
    if (first === undefined) {
      countedSink.problem({ source, line: 1, reason: 'empty input: no records' });
    } else if (first === '{' || first === '[') {
      classifier = new RecordClassifier(source, countedSink, report);
      await loadJson(chunks, classifier, options.maxRecordChars);
    } else {
      await loadCsv(source, chunks, countedSink, report);
    }
  } catch (error) {
    // A sniff that ran out on records of another format: say what they were, as the end would.
    if (error instanceof RefusedInputError && classifier?.unrecognisedOnly) error = refusalOf(classifier);
    report.error =
      error instanceof UnknownFormatError || error instanceof RefusedInputError ? error.message : `${source}: ${describeFsError(error)}`;
  }
  // gzip so damaged that nothing came out of it is an unreadable source, not a few problems.
  if (damage.length > 0 && report.events === 0) report.error ??= `${source}: ${damage[0].reason.replace(/: the data before it was kept$/, '')}: no record could be read`;
  else for (const problem of damage) countedSink.problem(problem);
  report.bytesRead = counter.read;
  return report;
}

function refusalOf(classifier: RecordClassifier): unknown {
  try {
    classifier.refuse();
  } catch (error) {
    return error;
  }
}

async function loadJson(chunks: AsyncIterable<string>, classifier: RecordClassifier, maxRecordChars: number | undefined): Promise<void> {
  const splitter = new JsonRecordSplitter({ maxRecordChars });
  for await (const chunk of chunks) {
    for (const item of splitter.push(chunk)) classifier.take(item);
  }
  for (const item of splitter.finish()) classifier.take(item);
  classifier.end();
}

const stripBom = (cell: string): string => cell.replace(/^\uFEFF/, '');

async function loadCsv(source: string, chunks: AsyncIterable<string>, sink: LoadSink, report: SourceReport): Promise<void> {
  let convert: ((row: string[]) => Normalised) | null = null;
  let header: string[] = [];
  let width = 0;
  let firstLine = '';
  const search = new CsvHeaderSearch(CSV_FORMATS, () => firstLine);
  const take = (item: CsvItem) => {
    if (item.kind === 'problem') return sink.problem({ source, line: item.line, reason: item.reason });
    // The header again: downloads pasted together (`cat a.csv b.csv`), not a record.
    if (item.cells.length === header.length && item.cells.every((cell, i) => stripBom(cell).trim() === header[i])) return;
    // Every row of an export has the header's cells: fewer is a row cut short (the file's end), more a separator damage added.
    if (item.cells.length !== width) return sink.problem({ source, line: item.line, reason: `CSV row with ${item.cells.length} cells where the export has ${width}: damaged or cut short` });
    emitNormalised(source, item.line, convert!(item.cells), sink, -1, false);
  };
  const adopt = (found: FoundHeader | null) => {
    if (!found) throw new UnknownFormatError(unknownFormatMessage(source, noHeaderReason(search.first)));
    report.formats.push(found.format.id);
    header = found.header;
    width = found.format.positionalWidth ?? found.header.length;
    convert = found.format.bind(found.header);
    for (const problem of found.problems) sink.problem({ source, ...problem });
    found.replay.forEach(take);
  };
  async function* noteFirstLine(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      // The header is within the first chunk (1 MB) in every export: a few KB at most.
      if (firstLine === '') firstLine = chunk.slice(0, Math.max(0, chunk.indexOf('\n')) || chunk.length);
      yield chunk;
    }
  }
  for await (const item of splitCsvRows(noteFirstLine())) {
    if (convert) {
      take(item);
      continue;
    }
    const found = search.take(item);
    if (found !== 'more') adopt(found);
  }
  if (!convert && search.first) adopt(search.finish());
}

/** Why a file that reads as CSV is no export we know, from its first line. */
function noHeaderReason(first: CsvItem | undefined): string {
  if (!first) return 'neither JSON nor CSV';
  if (first.kind === 'problem') return `neither JSON nor a readable CSV header: line ${first.line}: ${first.reason}`;
  const shown = first.cells.map((cell) => stripBom(cell).trim()).slice(0, 4).join(',');
  return first.cells.length > 1 ? `CSV header ${JSON.stringify(shown.slice(0, 60))} is not one I know` : 'neither JSON nor CSV';
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
