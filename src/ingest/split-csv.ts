/**
 * CSV rows from text chunks (RFC 4180: quoted cells spanning lines, doubled quotes, CRLF), read so
 * that damage costs only the damaged row. A quote that closes a cell but is followed by something
 * else, or a row longer than MAX_ROW_CHARS, is a problem with the row's line; reading goes on at
 * the next line. When the bad row had run over several lines (a stray quote swallows the rows
 * after it until the next quote), those lines are read again one line each, so every row the
 * quote swallowed that parses on its own comes back. A quote inside an unquoted cell (`Bob "B"
 * Smith`) is taken as a character, as spreadsheets take it.
 *
 * Hand-written instead of csv-parse: csv-parse resumes after an error where it stopped, so the
 * rows a stray quote swallowed were lost with it, and it gave no way back to them.
 */

export type CsvItem = { kind: 'row'; line: number; cells: string[] } | { kind: 'problem'; line: number; reason: string };

/** A row longer than this is not a row (a quote that never closes): the 86-column portal row is a few KB. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

type State = 'cell' | 'unquoted' | 'quoted' | 'quote' | 'skip';

const TERMINATOR = /[,\r\n]/g;

class CsvScanner {
  private buf = '';
  private pos = 0;
  /** Raw text of the current row from chunks before `buf` (kept to read its lines again). */
  private earlier: string[] = [];
  private earlierChars = 0;
  /** Where the current row starts in `buf` (0 when it started in an earlier chunk). */
  private rowStart = 0;
  private rowLine = 1;
  private line = 1;
  private cells: string[] = [];
  private field: string[] = [];
  private pieceStart = 0;
  private state: State = 'cell';
  /** After a CR ends a row, an LF right after it belongs to the same line break. */
  private afterCr = false;
  /** Rows starting on or before this line are read one line each (after a resync). */
  private lineModeUntil = 0;
  private out: CsvItem[] = [];
  /** The header's cell count: a row that ran over several lines into more cells than this is damaged. */
  private width = 0;

  push(chunk: string): CsvItem[] {
    // Between chunks everything read is in `earlier` or the field's pieces (see carry).
    this.buf = chunk;
    this.pos = 0;
    do this.run(false);
    while (this.carry());
    return this.take();
  }

  finish(): CsvItem[] {
    this.run(true);
    return this.take();
  }

  private take(): CsvItem[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /**
   * At the end of a chunk (all of it read): keep what the next one needs, the unfinished row's
   * text in `earlier` (to read its lines again) and its field's piece. True when the row grew too
   * long and was given up, leaving text to read again.
   */
  private carry(): boolean {
    if (this.state !== 'skip') {
      if (this.state === 'unquoted') this.field.push(this.buf.slice(this.pieceStart));
      const rest = this.buf.slice(this.rowStart);
      if (rest.length > 0) {
        this.earlier.push(rest);
        this.earlierChars += rest.length;
      }
    }
    this.buf = '';
    this.pos = 0;
    this.rowStart = 0;
    this.pieceStart = 0;
    if (this.state === 'skip' || this.earlierChars <= MAX_ROW_CHARS) return false;
    this.fail(`row longer than ${MAX_ROW_CHARS / (1024 * 1024)} MB: a quote that never closes?`);
    return true;
  }

  private run(eof: boolean): void {
    for (;;) {
      const more = this.step(eof);
      if (more) return;
    }
  }

  /** One move of the scanner; true when it needs more text (or, at the end, is done). */
  private step(eof: boolean): boolean {
    const { buf } = this;
    if (this.pos >= buf.length) {
      if (!eof) return true;
      this.endOfInput();
      return this.pos >= this.buf.length && this.state === 'cell';
    }
    switch (this.state) {
      case 'skip': {
        const nl = buf.indexOf('\n', this.pos);
        if (nl === -1) {
          this.pos = buf.length;
          return true;
        }
        this.pos = nl + 1;
        this.line++;
        this.startRow();
        return false;
      }
      case 'cell': {
        const code = buf.charCodeAt(this.pos);
        if (this.cells.length === 0 && this.field.length === 0) {
          if (this.afterCr && code === 10) {
            this.afterCr = false;
            this.pos++;
            this.line++;
            this.startRow();
            return false;
          }
          this.afterCr = false;
          if (code === 0xfeff) {
            // A BOM where a row starts (CSV files pasted together): not part of the cell.
            this.pos++;
            return false;
          }
        }
        if (code === 34) {
          this.state = 'quoted';
          this.pos++;
        } else {
          this.state = 'unquoted';
          this.pieceStart = this.pos;
        }
        return false;
      }
      case 'unquoted': {
        TERMINATOR.lastIndex = this.pos;
        const found = TERMINATOR.exec(buf);
        if (!found) {
          this.pos = buf.length;
          return !eof;
        }
        this.field.push(buf.slice(this.pieceStart, found.index));
        this.pos = found.index;
        this.endCell();
        return false;
      }
      case 'quoted': {
        const quote = buf.indexOf('"', this.pos);
        const end = quote === -1 ? buf.length : quote;
        const piece = buf.slice(this.pos, end);
        const newline = piece.indexOf('\n');
        if (newline !== -1 && this.rowLine <= this.lineModeUntil) {
          // Read again after a resync: a line break inside quotes here is the damage itself.
          this.pos += newline;
          this.fail('a quoted cell does not close on its line');
          return false;
        }
        for (let i = newline; i !== -1; i = piece.indexOf('\n', i + 1)) this.line++;
        this.field.push(piece);
        this.pos = end;
        if (quote === -1) return !eof;
        this.pos++;
        this.state = 'quote';
        return false;
      }
      case 'quote': {
        const code = buf.charCodeAt(this.pos);
        if (code === 34) {
          this.field.push('"');
          this.pos++;
          this.state = 'quoted';
          return false;
        }
        if (code === 44 || code === 13 || code === 10) {
          this.endCell();
          return false;
        }
        this.fail(`a quote closes cell ${this.cells.length + 1} but is followed by ${JSON.stringify(buf.slice(this.pos, this.pos + 12))}`);
        return false;
      }
    }
  }

  /** At `pos`: the terminator after a cell (a comma or a line break), or the end of input. */
  private endCell(): void {
    this.cells.push(this.field.length === 1 ? this.field[0] : this.field.join(''));
    this.field = [];
    const code = this.pos < this.buf.length ? this.buf.charCodeAt(this.pos) : -1;
    this.state = 'cell';
    if (code === 44) {
      this.pos++;
      // A comma at the very end of input still ends a cell: an empty last one.
      return;
    }
    if (code !== -1) this.pos++;
    if (!this.endRow()) return;
    if (code === 10) this.line++;
    if (code === 13) this.afterCr = true;
    this.startRow();
  }

  /** False when the row turned out damaged (and reading was moved back to its second line). */
  private endRow(): boolean {
    const cells = this.cells;
    this.cells = [];
    if (this.width > 0 && this.line > this.rowLine && cells.length > this.width) {
      this.fail(`a quoted cell ran over ${this.line - this.rowLine + 1} lines into ${cells.length} cells where the header has ${this.width}`);
      return false;
    }
    if (cells.length === 1 && cells[0].trim() === '') return true; // a blank line
    // The first row of several cells is the header: its width is what rows are checked against.
    if (this.width === 0 && cells.length > 1) this.width = cells.length;
    this.out.push({ kind: 'row', line: this.rowLine, cells });
    return true;
  }

  private startRow(): void {
    this.rowStart = this.pos;
    this.rowLine = this.line;
    this.earlier = [];
    this.earlierChars = 0;
    this.cells = [];
    this.field = [];
    this.state = 'cell';
  }

  private endOfInput(): void {
    if (this.state === 'quoted') {
      this.fail('a quoted cell never closes');
      return;
    }
    if (this.state === 'unquoted' || this.state === 'quote' || this.cells.length > 0) {
      if (this.state === 'unquoted') {
        this.field.push(this.buf.slice(this.pieceStart));
        this.pos = this.buf.length;
      }
      this.endCell();
      return;
    }
    this.state = 'cell';
  }

  /**
   * The current row is damaged: report it, and go on at the next line. A row that ran over
   * several lines is read again from its second line, one line each up to where it failed.
   */
  private fail(reason: string): void {
    this.out.push({ kind: 'problem', line: this.rowLine, reason: `unreadable CSV row (${reason})` });
    const text = this.earlier.join('') + this.buf.slice(this.earlier.length > 0 ? 0 : this.rowStart);
    const firstBreak = text.indexOf('\n');
    const spanned = this.line > this.rowLine && firstBreak !== -1;
    this.earlier = [];
    this.earlierChars = 0;
    this.cells = [];
    this.field = [];
    if (!spanned) {
      this.state = 'skip';
      this.rowStart = this.pos;
      return;
    }
    this.lineModeUntil = Math.max(this.lineModeUntil, this.line);
    this.buf = text.slice(firstBreak + 1);
    this.pos = 0;
    this.line = this.rowLine + 1;
    this.afterCr = false;
    this.startRow();
  }
}

/** Rows (and problems) from a stream of text chunks. */
export async function* splitCsvRows(chunks: AsyncIterable<string>, scanner = new CsvScanner()): AsyncGenerator<CsvItem> {
  for await (const chunk of chunks) yield* scanner.push(chunk);
  yield* scanner.finish();
}
