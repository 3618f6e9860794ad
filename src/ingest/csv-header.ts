/**
 * Finding a CSV export's header when damage moved or marred it: a header swapped below a row
 * (lines out of order), a cell cut or misspelt, a separator lost, or a header too damaged to
 * read at all when the rows themselves say which export this is (the portal's 86 columns, read
 * by position). What is passed over on the way is a problem, never an event.
 */
import type { LoadProblem } from '../model/loaded-event.js';
import type { CsvFormat } from './format.js';
import type { CsvItem } from './split-csv.js';

/** The header is looked for in this many lines; past them, the file is no CSV export we know. */
const SEARCH_LINES = 5;

export interface FoundHeader {
  format: CsvFormat;
  header: string[];
  /** What was passed over or repaired on the way, in file order. */
  problems: Array<Omit<LoadProblem, 'source'>>;
  /** Items read while looking that are the file's records after all (a header that could not be read). */
  replay: CsvItem[];
}

const stripBom = (cell: string): string => cell.replace(/^\uFEFF/, '');

export class CsvHeaderSearch {
  private readonly passed: CsvItem[] = [];

  /**
   * `firstLine`: the text of the file's first line, for a header the CSV reader could not read (a
   * stray quote): header cells hold no commas or quotes, so splitting it at commas still works.
   */
  constructor(
    private readonly formats: readonly CsvFormat[],
    private readonly firstLine: () => string = () => '',
  ) {}

  /** The header once `item` (or an earlier one) turns out to be it; 'more' to keep looking; null: give up. */
  take(item: CsvItem): FoundHeader | 'more' | null {
    // Windows PowerShell's Export-Csv starts with `#TYPE <.NET type>` unless told not to.
    if (item.kind === 'row' && item.cells.length === 1 && /^#TYPE /.test(stripBom(item.cells[0]))) return 'more';
    if (item.kind === 'row') {
      const found = this.recognise(item.cells.map((cell) => stripBom(cell).trim()), item.line, null);
      if (found) return found;
    } else if (item.line === 1 && this.passed.length === 0) {
      const lenient = stripBom(this.firstLine()).replace(/\r$/, '').split(',').map((cell) => cell.replace(/"/g, '').trim());
      const found = lenient.length > 1 ? this.recognise(lenient, 1, `${item.reason}, read without its quotes`) : null;
      if (found) return found;
    }
    this.passed.push(item);
    return item.line >= SEARCH_LINES ? this.finish() : 'more';
  }

  /** No header in the lines looked at: the rows of a positional format still say what the file is. */
  finish(): FoundHeader | null {
    const [first, ...after] = this.passed;
    const rows = after.filter((item) => item.kind === 'row');
    for (const format of this.formats) {
      const width = format.positionalWidth;
      if (width === undefined || rows.length < 2 || !rows.every((row) => row.cells.length === width)) continue;
      // The first line is the header that could not be read; what came after it is records.
      const unreadable = first.kind === 'problem' ? first.reason : 'it is none this export writes';
      return { format, header: [], problems: [{ line: first.line, reason: `the CSV header cannot be read (${unreadable}): the rows are read as the ${format.label}` }], replay: after };
    }
    return null;
  }

  /** The first thing passed over: what the error says when no header is found. */
  get first(): CsvItem | undefined {
    return this.passed[0];
  }

  /** The header `cells` are, as written or repaired; `damage` says why it needed reading leniently. */
  private recognise(cells: string[], line: number, damage: string | null): FoundHeader | null {
    const exact = this.formats.find((format) => format.matchesHeader(cells));
    if (exact) return this.found(exact, cells, line, damage);
    for (const format of this.formats) {
      const repair = format.repairHeader?.(cells);
      if (repair) return this.found(format, repair.header, line, damage ? `${damage}; ${repair.repaired}` : repair.repaired);
    }
    return null;
  }

  private found(format: CsvFormat, header: string[], line: number, repaired: string | null): FoundHeader {
    const problems: FoundHeader['problems'] = this.passed.map((item) => ({
      line: item.line,
      reason: item.kind === 'problem' ? item.reason : `a row above the CSV header (line ${line}): lines out of order?`,
    }));
    if (repaired) problems.push({ line, reason: `the CSV header is damaged: ${repaired}` });
    return { format, header, problems, replay: [] };
  }
}
