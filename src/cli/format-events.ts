/** The output formats of `query`: table (for people), json, ndjson and csv (for tools, see src/export/event-text). */
import { eventText, type ExportFormat } from '../export/event-text.js';
import type { ExtraColumn } from '../insights/extra-columns.js';
import type { EventStore } from '../store/event-store.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { AUDIT_COLUMNS, chosenColumns, defaultColumnIds, type CellOptions } from '../view/columns.js';
import { eventTable } from '../view/event-table.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import type { Pane, PaneChoice } from '../model/pane.js';
import type { OutputWriter } from './output.js';
import { eventsInOrder } from './parallel-print.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface EventPrinter {
  /** `indices`: every event that will be printed, in order (a table of whole values measures them first). */
  begin(store: EventStore, indices: Iterable<number>): Promise<void>;
  /** Print the store's events `indices`, in order: tables need only each summary, the rest re-read the records (cli/parallel-print.ts). */
  events(store: EventStore, indices: Int32Array): Promise<void>;
  end(): Promise<void>;
}

/**
 * JSON for a terminal: every log string made visible (`␛]2;…␇` cannot set the window title),
 * the layout kept. JSON escapes every line break inside a string, so each raw `\n` is the
 * format's own and is kept; anything else a terminal would act on (or hide) is sanitised.
 */
export const jsonForTerminal = (text: string, symbols: Symbols): string =>
  text
    .split('\n')
    .map((line) => sanitize(line, symbols))
    .join('\n');

/**
 * CSV for a terminal: `text` is whole rows (the header, or one event), each ending in the CRLF
 * that is the row's only unquoted line break; a break inside a quoted cell is shown (␊), so a
 * cell cannot pass for a row of its own.
 */
const csvForTerminal = (text: string, symbols: Symbols): string =>
  text.endsWith('\r\n') ? sanitize(text.slice(0, -2), symbols) + '\r\n' : sanitize(text, symbols);

export interface PrinterOptions extends CellOptions {
  /** The table: the terminal's width to fit, or null for every value whole (piped, or `--wide`). */
  width: number | null;
  /** Stdout is a terminal, where log strings are sanitised with the run's symbols (the table's cells always are). */
  terminal: boolean;
  pane?: PaneChoice;
  /** Per pane, the columns the config file chose (what `C` keeps). */
  columns?: Partial<Record<Pane, readonly string[]>>;
  /** The table's markers and CSV's columns after the record's own (`risk`). */
  extraColumns: readonly ExtraColumn[];
  /** CSV: a UTF-8 BOM first, for Excel. */
  excel?: boolean;
}

/** To a file or a pipe the machine formats keep the exact values; on a terminal they are sanitised. */
export async function eventPrinter(format: OutputFormat, out: OutputWriter, options: PrinterOptions): Promise<EventPrinter> {
  if (format !== 'table') {
    const text = await eventText(format, { extraColumns: options.extraColumns, excel: options.excel });
    // On a terminal a worker's bytes are decoded to be sanitised (each piece is whole events, so whole characters).
    const sanitised = forTerminal(format, options.symbols);
    const shownText = options.terminal ? sanitised : (chunk: string) => chunk;
    const shown = (chunk: string | Buffer): string | Buffer => (typeof chunk === 'string' ? shownText(chunk) : options.terminal ? sanitised(chunk.toString('utf8')) : chunk);
    return {
      // The BOM is ours, not log text: sanitised it would print as ⟨U+FEFF⟩.
      begin: () => out.write(text.preamble + shownText(text.begin())),
      events: async (store, indices) => {
        for await (const piece of eventsInOrder(store, indices, text, format)) await out.write(shown(piece.text));
      },
      end: () => out.write(shownText(text.end())),
    };
  }
  // The table, for people: only each event's summary, no re-read. One pane: its own columns, as
  // the explorer shows them (those the config file chose); every pane at once: the directory's
  // columns, which every kind fills. The rows stream, so widths cannot follow the values.
  const pane = options.pane ?? 'all';
  const catalog = pane === 'all' ? AUDIT_COLUMNS : PANE_DEFINITIONS[pane].columns;
  const columns = chosenColumns(catalog, options.columns?.[pane === 'all' ? 'directory' : pane] ?? defaultColumnIds(catalog));
  let table: ReturnType<typeof eventTable> | null = null;
  return {
    begin: (store, indices) => {
      table = eventTable(store, indices, { ...options, columns });
      return out.write(table.header + '\n');
    },
    events: async (_store, indices) => {
      if (table === null) throw new Error('table rows printed before their header');
      for (const index of indices) await out.write(table.row(index) + '\n');
    },
    end: async () => {},
  };
}

function forTerminal(format: ExportFormat, symbols: Symbols): (text: string) => string {
  return format === 'csv' ? (text) => csvForTerminal(text, symbols) : (text) => jsonForTerminal(text, symbols);
}
