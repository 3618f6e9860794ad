/**
 * CSV rows from text chunks, streamed through csv-parse (quoted cells spanning lines, doubled
 * quotes, CRLF). A malformed row is skipped and reported with its line; the rows around it load.
 */
import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';

export type CsvItem = { kind: 'row'; line: number; cells: string[] } | { kind: 'problem'; line: number; reason: string };

export async function* splitCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<CsvItem> {
  const problems: CsvItem[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) problems.push({ kind: 'problem', line: Number(error.lines ?? 0), reason: `unreadable CSV row (${error.message})` });
    },
  });
  Readable.from(chunks).pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; records?: number } }>) {
    while (problems.length > 0) yield problems.shift()!;
    yield { kind: 'row', line: rowStartLine(item), cells: item.record };
  }
  while (problems.length > 0) yield problems.shift()!;
}

/** csv-parse reports the line where a record ends; a quoted cell may have spanned several. */
function rowStartLine(item: { record: string[]; info: { lines: number } }): number {
  let newlines = 0;
  for (const cell of item.record) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) newlines++;
  }
  return item.info.lines - newlines;
}
