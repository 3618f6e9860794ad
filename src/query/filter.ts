/** A query string to an event test, or the first error with its position: what every face uses. */
import type { EventStore } from '../store/event-store.js';
import { compileQuery, type EventTest } from './compile.js';
import { parseQuery } from './parse.js';

export type FilterResult = { ok: true; test: EventTest | null } | { ok: false; error: { message: string; position: number } };

/** An empty (or blank) query is no filter at all. */
export function filterFromText(text: string, store: EventStore, now: number): FilterResult {
  if (text.trim() === '') return { ok: true, test: null };
  const parsed = parseQuery(text, { now });
  if (!parsed.ok) return parsed;
  const compiled = compileQuery(parsed.query, store);
  return compiled.ok ? { ok: true, test: compiled.test } : compiled;
}

/** `message` and a caret under the offending character, for the CLI's stderr. */
export function describeFilterError(text: string, error: { message: string; position: number }): string {
  return `invalid --filter: ${error.message}\n  ${text}\n  ${' '.repeat(Math.max(0, error.position))}^`;
}
