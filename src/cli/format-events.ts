/** The output formats of `query`: table (for people), json, ndjson and csv (for tools). */
import { safeJsonStringify } from '../export/safe-json.js';
import type { EventStore } from '../store/event-store.js';
import { fitToWidth } from '../text/width.js';
import { columnHeader, EVENT_COLUMNS, layoutColumns, type CellOptions } from '../view/columns.js';
import type { OutputWriter } from './output.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface EventPrinter {
  begin(): Promise<void>;
  /** Print the store's event `index`: tables need only its summary, the rest re-read the record. */
  event(store: EventStore, index: number): Promise<void>;
  end(): Promise<void>;
}

export async function eventPrinter(format: OutputFormat, out: OutputWriter, options: { width: number } & CellOptions): Promise<EventPrinter> {
  switch (format) {
    case 'ndjson':
      return {
        begin: async () => {},
        event: (store, index) => out.write(safeJsonStringify(store.loadedEvent(index).event) + '\n'),
        end: async () => {},
      };
    case 'json': {
      let first = true;
      return {
        begin: () => out.write('['),
        event: (store, index) => {
          const prefix = first ? '\n' : ',\n';
          first = false;
          return out.write(prefix + safeJsonStringify(store.loadedEvent(index).event, 2).replace(/^/gm, '  '));
        },
        end: () => out.write(first ? ']\n' : '\n]\n'),
      };
    }
    case 'csv': {
      // Loaded on demand: only CSV output needs the CSV writer.
      const { csvHeaderLine, csvLine } = await import('../export/csv.js');
      return {
        begin: () => out.write(csvHeaderLine()),
        event: (store, index) => out.write(csvLine(store.loadedEvent(index))),
        end: async () => {},
      };
    }
    case 'table': {
      const widths = layoutColumns(EVENT_COLUMNS, options.width);
      const line = (cells: string[]) => cells.map((c, i) => fitToWidth(c, widths[i])).join(' ').trimEnd() + '\n';
      return {
        begin: () => out.write(line(EVENT_COLUMNS.map((c) => columnHeader(c, options)))),
        event: (store, index) => {
          const row = store.summary(index);
          return out.write(line(EVENT_COLUMNS.map((c) => c.cell(row, options))));
        },
        end: async () => {},
      };
    }
  }
}
