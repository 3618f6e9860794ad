/** The output formats of `query`: table (for people), json, ndjson and csv (for tools). */
import type { LoadedEvent } from '../model/loaded-event.js';
import { csvHeaderLine, csvLine } from '../export/csv.js';
import { safeJsonStringify } from '../export/safe-json.js';
import { fitToWidth } from '../text/width.js';
import { columnHeader, EVENT_COLUMNS, layoutColumns, type CellOptions } from '../view/columns.js';
import type { OutputWriter } from './output.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface EventPrinter {
  begin(): Promise<void>;
  event(loaded: LoadedEvent): Promise<void>;
  end(): Promise<void>;
}

export function eventPrinter(format: OutputFormat, out: OutputWriter, options: { width: number } & CellOptions): EventPrinter {
  switch (format) {
    case 'ndjson':
      return {
        begin: async () => {},
        event: (l) => out.write(safeJsonStringify(l.event) + '\n'),
        end: async () => {},
      };
    case 'json': {
      let first = true;
      return {
        begin: () => out.write('['),
        event: (l) => {
          const prefix = first ? '\n' : ',\n';
          first = false;
          return out.write(prefix + safeJsonStringify(l.event, 2).replace(/^/gm, '  '));
        },
        end: () => out.write(first ? ']\n' : '\n]\n'),
      };
    }
    case 'csv':
      return {
        begin: () => out.write(csvHeaderLine()),
        event: (l) => out.write(csvLine(l)),
        end: async () => {},
      };
    case 'table': {
      const widths = layoutColumns(EVENT_COLUMNS, options.width);
      const line = (cells: string[]) => cells.map((c, i) => fitToWidth(c, widths[i])).join(' ').trimEnd() + '\n';
      return {
        begin: () => out.write(line(EVENT_COLUMNS.map((c) => columnHeader(c, options)))),
        event: (l) => out.write(line(EVENT_COLUMNS.map((c) => c.cell(l, options)))),
        end: async () => {},
      };
    }
  }
}
