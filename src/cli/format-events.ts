/** The output formats of `query`: table (for people), json, ndjson and csv (for tools, see src/export/event-text). */
import { eventText } from '../export/event-text.js';
import type { EventStore } from '../store/event-store.js';
import { fitToWidth } from '../text/width.js';
import { AUDIT_COLUMNS, columnHeader, columnsThatFit, layoutColumns, type CellOptions } from '../view/columns.js';
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
  if (format !== 'table') {
    const text = await eventText(format);
    return {
      begin: () => out.write(text.begin()),
      event: (store, index) => out.write(text.event(store.loadedEvent(index))),
      end: () => out.write(text.end()),
    };
  }
  // The table, for people: only each event's summary, no re-read.
  const columns = columnsThatFit(AUDIT_COLUMNS, options.width);
  const widths = layoutColumns(columns, options.width);
  const line = (cells: string[]) => cells.map((c, i) => fitToWidth(c, widths[i], options.symbols.ellipsis)).join(' ').trimEnd() + '\n';
  return {
    begin: () => out.write(line(columns.map((c) => columnHeader(c, options)))),
    event: (store, index) => {
      const row = store.summary(index);
      return out.write(line(columns.map((c) => c.cell(row, options))));
    },
    end: async () => {},
  };
}
