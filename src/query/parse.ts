/**
 * The filter language, text → `Query`. Hand-written: the grammar is a handful of rules, and a
 * scanner of our own gives exact error positions for the caret under the `/` bar.
 *
 *   query       = ws* [ or ] ws*
 *   or          = and (ws+ "OR" ws+ and)*              AND, OR, NOT: any case, as KQL, Lucene
 *   and         = unary (ws+ ["AND" ws+] unary)*        and the portal users type them
 *   unary       = ("NOT" ws+ | "-") unary | "(" ws* or ws* ")" | term
 *   term        = ["-"] ( phrase | fieldTerm | word )
 *   phrase      = quoted
 *   fieldTerm   = name ":" ["="] value ("|" value)*  name = ASCII letters, any case; "=" exact
 *   value       = quoted | bare                     bare = run of chars but ws, "|", '"'
 *   word        = run of chars but ws, "|", '"'    (not `letters:`; that is a fieldTerm)
 *   quoted      = '"' chars '"'                     \" \\ escape; \n \r are LF, CR; other \ stays literal
 *
 * In `since:` / `until:` a bare date may be followed by a space and a time of day
 * (`since:2026-11-19 02:00`): one value, as if quoted.
 *
 * Only letters before the first colon make a field name, so `ip:2001:db8::1` is ip with value
 * `2001:db8::1` and `12:00` is a free word. Inside parentheses a word ends at `)`. `OR` between
 * terms makes one `any` term; a word `or` to search for is quoted. A malformed query never throws: the result says
 * what is wrong and where.
 */
import type { AnyTerm, FieldName, Query, Term, TimeKind } from './ast.js';
import { RISK_VALUES } from './ast.js';
import { KNOWN_NAMES, resolveName, suggestName } from './names.js';
import { resolveTime } from './time.js';

export interface ParseOptions {
  /** Epoch milliseconds that durations (`since:7d`) count back from. */
  now: number;
  /** The IANA zone a date or time without `Z` or an offset is read in (the zone times are shown in); UTC when absent. */
  timeZone?: string;
}

export interface QueryError {
  message: string;
  /** 0-based index into the query text (may equal its length: "something missing at the end"). */
  position: number;
}

export type ParseResult = { ok: true; query: Query } | { ok: false; error: QueryError };

export function parseQuery(text: string, options: ParseOptions): ParseResult {
  try {
    return { ok: true, query: new Parser(text, options.now, options.timeZone ?? 'UTC').query() };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}

/** Thrown inside the parser only; `parseQuery` turns it into an error result. */
class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const SPACE = /\s/;
const FIELD_NAME = /[A-Za-z]+(?=:)/y;

interface Value {
  text: string;
  /** Where the value starts (its opening quote, if quoted). */
  start: number;
  quoted: boolean;
}

/** A date alone, which a time of day after a space may complete (see withTimeOfDay). */
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Spaces, then HH:MM or HH:MM:SS (a fraction and a zone allowed after it). */
const TIME_OF_DAY = /[ \t]+(\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)/iy;

/** AND, OR and NOT, any case, standing alone. */
const KEYWORD = /(AND|OR|NOT)(?=[\s(]|$)/iy;

class Parser {
  private i = 0;
  /** How many parentheses are open: inside them, `)` ends a word. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly now: number,
    private readonly zone: string,
  ) {}

  query(): Query {
    this.skipSpace();
    if (this.i >= this.text.length) return { terms: [] };
    // Outside parentheses a ")" is a character of a word (`activity:(by`), so or() reads to the end.
    return { terms: this.or() };
  }

  private skipSpace(): void {
    while (this.i < this.text.length && SPACE.test(this.text[this.i])) this.i++;
  }

  /** The keyword at the reading position (upper case), if one stands there. */
  private keyword(): string | undefined {
    KEYWORD.lastIndex = this.i;
    return KEYWORD.exec(this.text)?.[1].toUpperCase();
  }

  private or(): Term[] {
    const start = this.i;
    const branches = [this.and()];
    while (this.keyword() === 'OR') {
      this.i += 2;
      this.skipSpace();
      if (this.i >= this.text.length || this.text[this.i] === ')') throw new SyntaxProblem('"OR" needs a term after it', this.i);
      branches.push(this.and());
    }
    if (branches.length === 1) return branches[0];
    const end = this.lastEnd(branches.at(-1)!);
    return [{ kind: 'any', negated: false, branches, start, end }];
  }

  private and(): Term[] {
    const terms: Term[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.text.length || (this.depth > 0 && this.text[this.i] === ')')) break;
      const keyword = this.keyword();
      if (keyword === 'OR') {
        if (terms.length === 0) throw new SyntaxProblem('"OR" needs a term before it', this.i);
        break;
      }
      if (keyword === 'AND') {
        if (terms.length === 0) throw new SyntaxProblem('"AND" needs a term before it', this.i);
        this.i += 3;
        this.skipSpace();
        const next = this.keyword();
        if (this.i >= this.text.length || this.text[this.i] === ')' || next === 'OR' || next === 'AND') throw new SyntaxProblem('"AND" needs a term after it', this.i);
        continue;
      }
      terms.push(...this.unary());
    }
    return terms;
  }

  /** A term, `NOT`/`-` before one, or a group in parentheses (its terms, or one `any` term). */
  private unary(): Term[] {
    const start = this.i;
    if (this.keyword() === 'NOT') {
      this.i += 3;
      this.skipSpace();
      if (this.i >= this.text.length || this.text[this.i] === ')' || this.keyword() === 'OR' || this.keyword() === 'AND') throw new SyntaxProblem('"NOT" must be followed by a term to exclude', start);
      return [this.negate(this.unary(), start)];
    }
    if (this.text[this.i] === '-' && this.text[this.i + 1] === '(') {
      this.i++;
      return [this.negate(this.group(), start)];
    }
    if (this.text[this.i] === '(') return this.group();
    return [this.term()];
  }

  private group(): Term[] {
    const open = this.i;
    this.i++;
    this.depth++;
    this.skipSpace();
    if (this.text[this.i] === ')') throw new SyntaxProblem('empty parentheses', open);
    const terms = this.or();
    this.skipSpace();
    if (this.text[this.i] !== ')') throw new SyntaxProblem('unclosed "(" — add a ")"', open);
    this.i++;
    this.depth--;
    if (!this.atTermEnd()) throw new SyntaxProblem(`unexpected ${JSON.stringify(this.text[this.i])} after ")" — separate terms with a space`, this.i);
    return terms;
  }

  /** `NOT x`, `-(…)`: one term excluded, or a group excluded as a whole. */
  private negate(terms: Term[], start: number): Term {
    const end = this.i;
    if (terms.length === 1) {
      const only = terms[0];
      // Only the time bounds have no negated form.
      if (!('negated' in only)) {
        throw new SyntaxProblem(`${only.kind}: cannot be negated — use ${only.kind === 'since' ? 'until' : 'since'}: for the other side`, start);
      }
      if (only.negated) throw new SyntaxProblem('a term can be negated only once', start);
      return { ...only, negated: true, start, end };
    }
    const group: AnyTerm = { kind: 'any', negated: true, branches: [terms], start, end };
    return group;
  }

  private lastEnd(terms: Term[]): number {
    return terms.at(-1)?.end ?? this.i;
  }

  private term(): Term {
    const start = this.i;
    const negated = this.text[this.i] === '-';
    if (negated) {
      this.i++;
      if (this.atTermEnd()) throw new SyntaxProblem('"-" must be followed by a term to exclude', start);
      // `--x` would need a fuzzy word starting with "-", which formatting could not write back.
      if (this.text[this.i] === '-') throw new SyntaxProblem('a term can be negated only once', this.i);
    }
    if (this.text[this.i] === '"') {
      const quoteAt = this.i;
      const text = this.quoted();
      this.expectTermEnd(false);
      if (text === '') throw new SyntaxProblem('empty quoted phrase', quoteAt);
      return { kind: 'phrase', negated, text, start, end: this.i };
    }
    FIELD_NAME.lastIndex = this.i;
    const name = FIELD_NAME.exec(this.text)?.[0];
    if (name !== undefined) return this.fieldTerm(name, negated, start);
    const text = this.bare('word');
    return { kind: 'fuzzy', negated, text, start, end: this.i };
  }

  private fieldTerm(name: string, negated: boolean, start: number): Term {
    const nameAt = this.i;
    const field = resolveName(name);
    if (field === undefined) throw new SyntaxProblem(unknownFieldMessage(name), nameAt);
    if (negated && (field === 'since' || field === 'until')) {
      throw new SyntaxProblem(`${field}: cannot be negated — use ${field === 'since' ? 'until' : 'since'}: for the other side`, start);
    }
    this.i += name.length + 1;
    // `field:=value`: the whole string, not a part of it (what a facet value means).
    const exact = this.text[this.i] === '=';
    if (exact) {
      if (field === 'since' || field === 'until' || field === 'risk') throw new SyntaxProblem(`${field}: has no exact form — remove the "="`, this.i);
      this.i++;
    }
    const values = this.alternatives(name);
    if (field === 'since' || field === 'until') return this.timeTerm(field, values, start);
    if (field === 'risk') checkRisk(values);
    return this.makeField(field, negated, exact, values, start);
  }

  /** `value ("|" value)*`, refusing empty alternatives. */
  private alternatives(name: string): Value[] {
    const values: Value[] = [];
    for (;;) {
      const start = this.i;
      const quoted = this.text[this.i] === '"';
      const text = quoted ? this.quoted() : this.bare('value');
      if (quoted) this.expectTermEnd(true);
      if (text === '') throw this.emptyValue(name, start, quoted, values.length > 0);
      values.push({ text, start, quoted });
      if (this.text[this.i] !== '|') return values;
      this.i++;
    }
  }

  private emptyValue(name: string, at: number, quoted: boolean, afterPipe: boolean): SyntaxProblem {
    if (quoted) return new SyntaxProblem(`empty quoted value in ${name}:`, at);
    // Point at the "|" that has nothing on one side: the one before, else the one after.
    if (afterPipe) return new SyntaxProblem(`empty alternative in ${name}: — remove the extra "|"`, at - 1);
    if (this.text[at] === '|') return new SyntaxProblem(`empty alternative in ${name}: — remove the extra "|"`, at);
    return new SyntaxProblem(`missing value after ${name}:`, at);
  }

  private timeTerm(kind: TimeKind, values: Value[], start: number): Term {
    if (values.length > 1) throw new SyntaxProblem(`${kind}: takes one value, not alternatives`, values[1].start - 1);
    const value = this.withTimeOfDay(values[0]);
    const result = resolveTime(value.text, kind, this.now, this.zone);
    if (!result.ok) throw new SyntaxProblem(result.message, value.start);
    // Read in a zone: the term keeps the offset it was read at, so its chip and any copy of it mean the same anywhere.
    if (result.text !== undefined) return { kind, ms: result.ms, text: result.text, zone: this.zone, start, end: this.i };
    return { kind, ms: result.ms, text: value.text, start, end: this.i };
  }

  /**
   * `since:2026-11-19 02:00`: a bare date, a space and a time of day are one time (as people and
   * the portal write it), not a date and a free word `02:00`.
   */
  private withTimeOfDay(value: Value): Value {
    if (value.quoted || !BARE_DATE.test(value.text)) return value;
    TIME_OF_DAY.lastIndex = this.i;
    const time = TIME_OF_DAY.exec(this.text);
    if (!time) return value;
    const after = this.i + time[0].length;
    const ends = after >= this.text.length || SPACE.test(this.text[after]) || (this.depth > 0 && this.text[after] === ')');
    if (!ends) return value;
    this.i = after;
    return { ...value, text: `${value.text} ${time[1]}` };
  }

  private makeField(field: FieldName, negated: boolean, exact: boolean, values: Value[], start: number): Term {
    const rawValues = values.map((v) => v.text);
    return { kind: 'field', field, negated, exact, values: rawValues.map((v) => v.toLowerCase()), rawValues, start, end: this.i };
  }

  /** Reads `"…"` starting at the opening quote; returns the unescaped content. */
  private quoted(): string {
    const open = this.i;
    let out = '';
    this.i++;
    while (this.i < this.text.length) {
      const ch = this.text[this.i];
      if (ch === '"') {
        this.i++;
        return out;
      }
      const next = this.text[this.i + 1];
      if (ch === '\\' && (next === '"' || next === '\\')) {
        out += next;
        this.i += 2;
      } else if (ch === '\\' && (next === 'n' || next === 'r')) {
        // A line break inside a name (`actor:="Bob\nAdmin"`), typed on one line; what quote() writes.
        out += next === 'n' ? '\n' : '\r';
        this.i += 2;
      } else {
        // A lone backslash is literal, so `"C:\Users"` means what it says.
        out += ch;
        this.i++;
      }
    }
    throw new SyntaxProblem('unterminated quote — add a closing "', open);
  }

  /** An unquoted run up to whitespace (or "|" in a value); a quote or "|" inside it is an error. */
  private bare(what: 'word' | 'value'): string {
    const start = this.i;
    while (!this.atTermEnd()) {
      const ch = this.text[this.i];
      if (ch === '"') throw new SyntaxProblem(`unexpected quote inside a ${what} — quote the whole ${what}`, this.i);
      if (ch === '|') {
        if (what === 'value') break;
        throw new SyntaxProblem('"|" works only in a field term such as status:failure|timeout — quote it to search for it', this.i);
      }
      this.i++;
    }
    return this.text.slice(start, this.i);
  }

  /** After a closing quote: whitespace, the end, or (between alternatives) "|". */
  private expectTermEnd(pipeAllowed: boolean): void {
    if (this.atTermEnd() || (pipeAllowed && this.text[this.i] === '|')) return;
    throw new SyntaxProblem(`unexpected ${JSON.stringify(this.text[this.i])} after a closing quote — separate terms with a space`, this.i);
  }

  private atTermEnd(): boolean {
    return this.i >= this.text.length || SPACE.test(this.text[this.i]) || (this.depth > 0 && this.text[this.i] === ')');
  }
}

function unknownFieldMessage(name: string): string {
  const suggestion = suggestName(name);
  if (suggestion !== undefined) return `unknown field "${name}" — did you mean "${suggestion}"?`;
  return `unknown field "${name}" — known fields: ${KNOWN_NAMES.join(', ')}`;
}

function checkRisk(values: Value[]): void {
  for (const value of values) {
    if (!(RISK_VALUES as readonly string[]).includes(value.text.toLowerCase())) {
      throw new SyntaxProblem(`risk: takes ${choiceList(RISK_VALUES)}, not "${value.text}"`, value.start);
    }
  }
}

/** `"a", "b" or "c"`: the accepted values in words, however many there are. */
function choiceList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
