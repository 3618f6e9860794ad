/**
 * Collecting config problems, each a message naming the file and the JSON path of the value
 * (`config.json: keys.quit[0]: unknown key name "ctrlc" — did you mean "ctrl+c"?`), so a
 * person can go straight to it. Every problem is collected, not only the first.
 */
import { safeJsonStringify } from '../export/safe-json.js';
import { didYouMean } from './closest-name.js';

export type JsonPath = readonly (string | number)[];

/** `theme.heading.color`, `keys["my action"][0]`, `questions[2].top`. */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${quote(segment)}]`;
  }
  return text;
}

/** A value from the file, quoted for a message: control and bidi characters escaped. */
export const quote = (value: unknown): string => safeJsonStringify(value) ?? String(value);

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export class ConfigChecker {
  readonly errors: string[] = [];

  constructor(readonly file: string) {}

  problem(path: JsonPath, message: string): void {
    const where = formatJsonPath(path);
    this.errors.push(`${this.file}: ${where === '' ? '' : `${where}: `}${message}`);
  }

  /** The value as an object, or a problem and undefined. */
  object(value: unknown, path: JsonPath): JsonObject | undefined {
    if (isObject(value)) return value;
    this.problem(path, `must be an object ({…}), not ${describeType(value)}`);
    return undefined;
  }

  list(value: unknown, path: JsonPath): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.problem(path, `must be a list ([…]), not ${describeType(value)}`);
    return undefined;
  }

  string(value: unknown, path: JsonPath, options: { nonEmpty?: boolean } = {}): string | undefined {
    if (typeof value !== 'string') {
      this.problem(path, `must be a string, not ${describeType(value)}`);
      return undefined;
    }
    if (options.nonEmpty && value.trim() === '') {
      this.problem(path, 'must not be empty');
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: JsonPath): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.problem(path, `must be true or false, not ${describeType(value)}`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, choices: readonly T[], path: JsonPath, what: string): T | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if ((choices as readonly string[]).includes(text)) return text as T;
    this.problem(path, `unknown ${what} ${quote(text)}${didYouMean(text, choices) || `: use ${choices.map((c) => quote(c)).join(', ')}`}`);
    return undefined;
  }

  /** Problems for keys of `object` not in `known`; `required` keys that are missing too. */
  keys(object: JsonObject, known: readonly string[], path: JsonPath, required: readonly string[] = []): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) this.problem(path, `unknown key ${quote(key)}${didYouMean(key, known) || `: expected ${known.map((k) => quote(k)).join(', ')}`}`);
    }
    for (const key of required) if (!Object.hasOwn(object, key)) this.problem(path, `missing ${quote(key)}`);
  }
}
