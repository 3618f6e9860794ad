/**
 * The machine formats, event by event, as text: shared by `query` printing to stdout and by
 * exports written to files, so both always produce the same bytes. JSON goes through
 * safe-json (C1 controls and bidi overrides escaped); each event is re-read by the caller. JSON
 * prints each record in its own Graph shape (a sign-in as a signIn, not as its projection).
 */
import type { LoadedEvent } from '../model/loaded-event.js';
import { graphRecordOf } from '../model/own-record.js';
import type { CsvExtraColumn } from './csv.js';
import { safeJsonStringify } from './safe-json.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Stateful (JSON needs to know the first event): make one per output. */
export interface EventText {
  /** Bytes before everything, written as they are (never sanitised for a terminal): the BOM of `--excel`. */
  preamble: string;
  begin(): string;
  /** `loaded` is the store's event `index` (extra columns are looked up by index). */
  event(loaded: LoadedEvent, index: number): string;
  /**
   * JSON and NDJSON: what `event` gives, for a run of events a print worker wrote as
   * workerJsonText, UTF-8 encoded, passed on without being decoded.
   */
  fromWorkerBytes?(bytes: Buffer): Buffer;
  end(): string;
}

export interface EventTextOptions {
  /** CSV: columns after the record's own (insights/extra-columns.ts); JSON keeps each record's Graph shape. */
  extraColumns?: readonly CsvExtraColumn[];
  /** CSV: begin with a UTF-8 BOM, so Excel reads the file as UTF-8. */
  excel?: boolean;
}

export type JsonFormat = Exclude<ExportFormat, 'csv'>;

/**
 * One event as NDJSON's line, or as JSON's array element (indented, without the comma): the one
 * place these are made, on the main thread or in a print worker (cli/print-worker.ts).
 * `plainSource`: read from bytes isPlainJsonSource accepts (nothing to escape).
 */
export function eventJsonText(format: JsonFormat, loaded: Pick<LoadedEvent, 'event' | 'own'>, plainSource = false): string {
  const record = graphRecordOf(loaded);
  return format === 'ndjson' ? safeJsonStringify(record, undefined, plainSource) + '\n' : safeJsonStringify(record, 2, plainSource).replace(/^/gm, '  ');
}

/**
 * One event as a print worker writes it: JSON's array element already led by the `,\n` every
 * element but the first has (fromWorkerBytes drops the first one's comma), NDJSON's line as it is.
 */
export function workerJsonText(format: JsonFormat, loaded: Pick<LoadedEvent, 'event' | 'own'>, plainSource: boolean): string {
  const text = eventJsonText(format, loaded, plainSource);
  return format === 'json' ? ',\n' + text : text;
}

export async function eventText(format: ExportFormat, options: EventTextOptions = {}): Promise<EventText> {
  switch (format) {
    case 'ndjson':
      return { preamble: '', begin: () => '', event: (loaded) => eventJsonText('ndjson', loaded), fromWorkerBytes: (bytes) => bytes, end: () => '' };
    case 'json': {
      // One array, written event by event, so it never has to exist whole in memory.
      let first = true;
      const element = (text: string) => {
        const prefix = first ? '\n' : ',\n';
        first = false;
        return prefix + text;
      };
      return {
        preamble: '',
        begin: () => '[',
        event: (loaded) => element(eventJsonText('json', loaded)),
        fromWorkerBytes: (bytes) => {
          // The worker led every element with `,\n`: the array's first has only the `\n`.
          if (!first || bytes.length === 0) return bytes;
          first = false;
          return bytes.subarray(1);
        },
        end: () => (first ? ']\n' : '\n]\n'),
      };
    }
    case 'csv': {
      // Loaded on demand: only CSV output needs the CSV writer.
      const { csvHeaderLine, csvLine, EXCEL_PREAMBLE } = await import('./csv.js');
      const extras = options.extraColumns ?? [];
      return {
        preamble: options.excel ? EXCEL_PREAMBLE : '',
        begin: () => csvHeaderLine(extras),
        event: (loaded, index) => csvLine(loaded, index, extras),
        end: () => '',
      };
    }
  }
}

/** Guess the format from a file name (`.csv`, `.json`, `.ndjson`/`.jsonl`, each optionally `.gz`). */
export function formatFromFileName(path: string): ExportFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}
