/**
 * KQL literals for values a user searched for. Every searched value is an obfuscated string
 * literal (`h"…"`): Kusto keeps it out of its traces, so the workspace's query log
 * (LAQueryLogs) does not record which account or IP an incident responder was looking at.
 */

/**
 * Values pushed down to Log Analytics: printable ASCII without `"` or `\`. Those match the same
 * way on both sides: KQL's case-insensitive operators and JavaScript's toLowerCase agree on ASCII
 * letters, and inside a dynamic column turned to text (JSON) such a value is written as itself.
 * Anything else (a name with `ë`, a quote, a line break) is decided locally only.
 */
const PUSHABLE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/;

export const isPushable = (value: string): boolean => PUSHABLE.test(value);

/** An obfuscated literal; only ever called with a pushable value, so nothing needs escaping. */
export function secretLiteral(value: string): string {
  if (!isPushable(value)) throw new Error(`not a pushable KQL value: ${JSON.stringify(value)}`);
  return `h"${value}"`;
}

/** A plain literal for constants of ours (a category name, a table's own words), not for searched values. */
export const plainLiteral = (value: string): string => JSON.stringify(value);

/** `datetime(2026-11-19T02:20:00.000Z)`: epoch milliseconds as a KQL datetime literal. */
export const datetimeLiteral = (ms: number): string => `datetime(${new Date(ms).toISOString()})`;

/**
 * Two characters outside ASCII lower-case to ASCII in JavaScript: U+0130 (İ → i̇) and U+212A
 * (the Kelvin sign → k). The local engine lower-cases with JavaScript, and KQL may not fold them,
 * so a value with an `i` or a `k` also keeps every row holding one of them (decided locally).
 */
export const FOLDS_TO_ASCII = /[ik]/i;
export const FOLDING_CHARACTERS_REGEX = '@"[\\x{0130}\\x{212A}]"';
