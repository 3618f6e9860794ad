/**
 * Tolerant field access for records of unknown provenance. Exports disagree on key case
 * (Graph camelCase, PowerShell PascalCase, a doc typo writing `Type`), on null vs "" and on
 * whether nested objects arrive as objects or as JSON text (Log Analytics dynamic columns).
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `obj[name]`, falling back to a case-insensitive match (the first key in the record that matches
 * any of the names); tries each name in order.
 *
 * The fallback runs for every absent member of every record: a Graph record lacks most optional
 * members, and a Log Analytics row or CSV export has every member in PascalCase, so each of its
 * lookups falls back. Comparing lengths first, then the characters with ASCII letters folded,
 * allocates nothing: lower-casing both strings for every key of the same length was ~57% of a
 * worker's time on Log Analytics CSV sign-ins. (Indexing a record's keys once, on a symbol
 * property, was tried: it made V8 read those records' properties slowly, 2.5x the CPU on Log
 * Analytics rows as JSON.)
 */
export function field(obj: JsonObject, ...names: string[]): unknown {
  for (const name of names) {
    if (name in obj) return obj[name];
  }
  const cases = (obj as Cased)[KEY_CASES];
  if (cases !== undefined) return inAnyCase(obj, cases, names);
  for (const key in obj) {
    for (const name of names) {
      if (key.length === name.length && sameIgnoringCase(key, name)) return obj[key];
    }
  }
  return undefined;
}

/** The keys a record built by a reader may have (a CSV header's names), by lower case, with their place in the header. */
export type KeyCases = ReadonlyMap<string, ReadonlyArray<{ key: string; position: number }>>;

/**
 * Where a record built from a header keeps that header's KeyCases: a symbol, not enumerable, so
 * for…in, Object.keys, JSON.stringify and structuredClone never see it. Only for objects built
 * key by key (a CSV row), which V8 keeps as dictionaries already: walking one's keys for every
 * absent member built its key list anew each time (~40% of a worker on Log Analytics CSV exports).
 */
const KEY_CASES = Symbol('entra-audit key cases');
type Cased = JsonObject & { [KEY_CASES]?: KeyCases };

/** A header's names by lower case, each name once, in the header's order. */
export function keyCasesOf(names: readonly string[]): KeyCases {
  const cases = new Map<string, Array<{ key: string; position: number }>>();
  names.forEach((key, position) => {
    const lower = key.toLowerCase();
    const known = cases.get(lower) ?? [];
    if (!known.some((entry) => entry.key === key)) known.push({ key, position });
    cases.set(lower, known);
  });
  return cases;
}

/** `row`, built with keys from `cases` only (and never given others): field() finds its members there. */
export function withKeyCases<T extends JsonObject>(row: T, cases: KeyCases): T {
  Object.defineProperty(row, KEY_CASES, { value: cases });
  return row;
}

/** What the walk over the keys would find: of the names, the key in another case that comes first in the row. */
function inAnyCase(obj: JsonObject, cases: KeyCases, names: readonly string[]): unknown {
  let found: { key: string; position: number } | undefined;
  for (const name of names) {
    for (const entry of cases.get(name.toLowerCase()) ?? []) {
      if (!(entry.key in obj)) continue;
      if (found === undefined || entry.position < found.position) found = entry;
      break;
    }
  }
  return found === undefined ? undefined : obj[found.key];
}

/** Equal but for letter case, as toLowerCase compares them (ASCII folded in place; anything else by toLowerCase). */
function sameIgnoringCase(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    const folded = x | 32;
    if (folded !== (y | 32) || folded < 97 || folded > 122) return false;
  }
  return true;
}

/** Text or null; numbers and booleans become their text, objects their JSON. */
export function textOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function text(value: unknown): string {
  return textOrNull(value) ?? '';
}

/** A value that may be an object/array or JSON text of one (dynamic columns, CSV cells). */
export function decodeDynamic(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

export function objectOrNull(value: unknown): JsonObject | null {
  const decoded = decodeDynamic(value);
  return isObject(decoded) ? decoded : null;
}

export function arrayOf(value: unknown): unknown[] {
  const decoded = decodeDynamic(value);
  return Array.isArray(decoded) ? decoded : [];
}

/** Graph writes results lower case; UAL and CSVs write `Success`; 2018 records used 0. */
export function normaliseResult(value: unknown): string {
  if (value === 0 || value === '0') return 'success';
  const raw = text(value).trim().toLowerCase();
  if (raw === 'succeeded') return 'success';
  if (raw === 'failed') return 'failure';
  return raw;
}

/** Text, or null when absent or empty: sign-in and provisioning records write "" for "none" (`deviceId: ""`). */
export function nonEmptyTextOrNull(value: unknown): string | null {
  const raw = textOrNull(value);
  return raw === null || raw.trim() === '' ? null : raw;
}

/** A boolean from a JSON boolean or its text (`"true"`, `"False"`: CSV cells, PowerShell); null otherwise. */
export function booleanOrNull(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const raw = text(value).trim().toLowerCase();
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return null;
}

/** A finite number from a JSON number or its text (`ResultType: "50126"`); null otherwise. */
export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const raw = text(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(raw)) return null;
  return Number(raw);
}

/**
 * PowerShell's ConvertTo-Json below its depth (2 unless `-Depth` is given) writes a nested list as
 * its type name (`"System.String[]"`, `"System.Object[]"`): not a value, so not a list item.
 */
const POWERSHELL_TYPE_NAME = /^System\.[\w.`]+(\[\])?$/;

/**
 * An item textList keeps as it is: nearly every list (a sign-in's nine policies' controls, its
 * event types) is already text only, so it is taken without copying (a new array per list was
 * ~5% of loading sign-ins).
 */
const isPlainListText = (item: unknown): boolean => typeof item === 'string' && item.trim() !== '' && !(item.startsWith('System.') && POWERSHELL_TYPE_NAME.test(item));

/** A list of texts from an array or its JSON text; a lone text is a list of one; empty items left out. */
export function textList(value: unknown): string[] {
  if (Array.isArray(value) && value.every(isPlainListText)) return value as string[];
  const decoded = decodeDynamic(value);
  const items = Array.isArray(decoded) ? decoded : decoded === undefined || decoded === null ? [] : [decoded];
  return items.map(nonEmptyTextOrNull).filter((item): item is string => item !== null && !POWERSHELL_TYPE_NAME.test(item));
}
