/**
 * The shared shape of the insight files (data/questions.json, data/sensitive-operations.json):
 * a JSON array of objects, each with an `id` and a query-language string. Read at run time, not
 * bundled, so a user can read what a question or rule really asks. Every problem is collected and
 * told with the file, the entry and the key, so a typo in a config file is fixed in one go.
 */
import { readFileSync } from 'node:fs';
import type { Query } from '../query/ast.js';
import { parseQuery } from '../query/parse.js';

/** Entries from somewhere other than the bundled file (a config file, a test). */
export interface DefinitionSource {
  /** Named in error messages: a file path or a description. */
  source: string;
  entries: unknown;
}

export type Validated<T> = { ok: true; items: T[] } | { ok: false; errors: string[] };

/** Thrown by the `load…` functions: the message lists every problem, one per line. */
export class DefinitionError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

/** The bundled file as a source; a file that is missing or not JSON is one error, not a crash. */
export function readDefinitionFile(path: string): DefinitionSource | { error: string } {
  try {
    return { source: path, entries: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Checks one entry's keys; `problem(key, message)` records what is wrong. */
export class EntryChecker {
  readonly problems: string[] = [];

  constructor(
    private readonly where: string,
    readonly entry: Record<string, unknown>,
  ) {}

  problem(key: string, message: string): void {
    this.problems.push(`${this.where}: "${key}" ${message}`);
  }

  /** A required non-empty string. */
  text(key: string): string {
    const value = this.entry[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(key, value === undefined ? 'is missing' : 'must be a non-empty string');
      return '';
    }
    return value;
  }

  /** An optional true/false (absent is false). */
  flag(key: string): boolean {
    const value = this.entry[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.problem(key, 'must be true or false');
    return value === true;
  }

  /** An optional value out of a fixed list. */
  choice<T extends string>(key: string, choices: readonly T[], required = false): T | undefined {
    const value = this.entry[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      this.problem(key, `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  /** An optional array of values out of a fixed list. */
  choices<T extends string>(key: string, choices: readonly T[]): T[] | undefined {
    const value = this.entry[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !choices.includes(v as T))) {
      this.problem(key, `must be an array of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
      return undefined;
    }
    return value as T[];
  }

  /**
   * A query that parses (time bounds resolve against now; the files have none by design).
   * A missing or empty query is `text(key)`'s to report: call both.
   */
  query(key: string): Query | undefined {
    const text = this.entry[key];
    if (typeof text !== 'string' || text.trim() === '') return undefined;
    const parsed = parseQuery(text, { now: Date.now() });
    if (!parsed.ok) {
      this.problem(key, `does not parse: ${parsed.error.message} (at character ${parsed.error.position + 1} of ${JSON.stringify(text)})`);
      return undefined;
    }
    return parsed.query;
  }

  /** Keys no one reads are typos (`titel`) that would otherwise pass in silence. */
  onlyKeys(known: readonly string[]): void {
    for (const key of Object.keys(this.entry)) if (!known.includes(key)) this.problem(key, `is not a known key (known: ${known.join(', ')})`);
  }
}

/**
 * Validate every entry of every source with `check`, which returns the item (or undefined when
 * the checker recorded problems). Ids must be unique across all sources: an extra entry cannot
 * silently replace a bundled one.
 */
export function validateEntries<T extends { id: string }>(
  sources: readonly DefinitionSource[],
  what: string,
  check: (checker: EntryChecker) => T | undefined,
): Validated<T> {
  const errors: string[] = [];
  const items: T[] = [];
  const seen = new Map<string, string>();
  for (const { source, entries } of sources) {
    if (!Array.isArray(entries)) {
      errors.push(`${source}: must be a JSON array of ${what}s`);
      continue;
    }
    entries.forEach((entry: unknown, index) => {
      const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
      const where = `${source}: ${what} ${index + 1}${id ? ` (${JSON.stringify(id)})` : ''}`;
      if (!isRecord(entry)) {
        errors.push(`${where}: must be an object`);
        return;
      }
      const checker = new EntryChecker(where, entry);
      const item = check(checker);
      if (id !== undefined) {
        const earlier = seen.get(id);
        if (earlier) checker.problem('id', `repeats the id of ${earlier}`);
        else seen.set(id, where);
      }
      if (checker.problems.length > 0) errors.push(...checker.problems);
      else if (item) items.push(item);
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bundled file plus extras, validated; throws DefinitionError listing every problem. */
export function loadDefinitions<T>(path: string, extra: readonly DefinitionSource[], validate: (sources: DefinitionSource[]) => Validated<T>): T[] {
  const bundled = readDefinitionFile(path);
  if ('error' in bundled) throw new DefinitionError([bundled.error]);
  const result = validate([bundled, ...extra]);
  if (!result.ok) throw new DefinitionError(result.errors);
  return result.items;
}
