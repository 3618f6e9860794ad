/**
 * JSON Lines: how a file is recognised as one, and the one decision about each line, shared by
 * the streaming splitter (split-json.ts) and the byte-range reader the workers run
 * (load/load-unit.ts), so the same bad line gives the same problem whichever path read it.
 */
import { jsonErrorReason, preview } from './json-text.js';

export const ENVELOPE_KEYS = ['value', 'records', 'tables'] as const;
export type EnvelopeKey = (typeof ENVELOPE_KEYS)[number];

export interface EnvelopeInfo {
  key: EnvelopeKey;
  /** String members of the envelope seen before the array, e.g. `@odata.context`. */
  meta: Record<string, string>;
}

export type SplitItem =
  | { kind: 'parsed'; line: number; value: unknown; envelope?: EnvelopeInfo }
  | { kind: 'problem'; line: number; column?: number; reason: string };

/** A parsed record of a line; `direct` is false when it was taken out of a container (an array, an envelope). */
export type LineRecord = SplitItem & { kind: 'parsed'; direct: boolean };

/** How the splitter (split-json.ts) reads its text. */
export interface SplitterOptions {
  maxRecordChars?: number;
  /** Read as one document, never as JSON Lines (salvaging a damaged line). */
  document?: boolean;
  /** Where the text starts, and the first record read before it: the rest of a split array (load/elements-unit.ts). */
  firstLine?: number;
  firstColumn?: number;
  firstRecord?: { value: unknown; indentation: string | null };
}

/** Envelope members longer than this are not metadata (and not worth keeping in memory). */
export const MAX_META_CHARS = 4096;

const isJsonLinesFirstLine = (first: string): boolean => {
  const trimmed = first.trim();
  return trimmed.length > 1 && trimmed.endsWith('}');
};

/**
 * JSON Lines is recognised from its first two lines (the first starting with `{`): an object
 * alone on its line, or the next line opening another object at column 0. Pretty-printed
 * documents never do either. The splitter and the load planner both decide by this.
 */
export function looksLikeJsonLines(first: string, second: string): boolean {
  return isJsonLinesFirstLine(first) || second.startsWith('{"') || second.startsWith('{ "');
}

/** Whether the first line alone already decides (an object that closes on its own line). */
export const firstLineDecides = isJsonLinesFirstLine;

/**
 * The one decision about a JSON Lines line (without its line break): nothing for a blank line,
 * a problem for anything but JSON, else the records it holds.
 */
export function jsonLineItems(text: string, line: number): Array<LineRecord | (SplitItem & { kind: 'problem' })> {
  // A BOM where a line starts (exports pasted together: `cat a.jsonl b.jsonl`) is not part of
  // the record. (trim() drops it too, U+FEFF being whitespace to it; said here so it stays so.)
  const trimmed = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
  if (trimmed === '') return [];
  if (trimmed[0] !== '{' && trimmed[0] !== '[') return [{ kind: 'problem', line, reason: `not a JSON object: ${preview(trimmed)}` }];
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return [{ kind: 'problem', line, reason: `invalid JSON (${jsonErrorReason(error)})` }];
  }
  return recordsOfLine(value, line);
}

/**
 * The records one parsed JSON Lines line holds: usually itself, but a line may be an array or a
 * batch envelope (`{"records":[…]}`).
 */
export function recordsOfLine(value: unknown, line: number): LineRecord[] {
  if (Array.isArray(value)) return value.map((element) => ({ kind: 'parsed', line, value: element, direct: false }));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of ENVELOPE_KEYS) {
      const inner = obj[key];
      if (Array.isArray(inner)) {
        const meta: Record<string, string> = {};
        for (const [k, v] of Object.entries(obj)) if (typeof v === 'string' && v.length <= MAX_META_CHARS) meta[k] = v;
        const envelope: EnvelopeInfo = { key, meta };
        return inner.map((element) => ({ kind: 'parsed', line, value: element, envelope, direct: false }));
      }
    }
  }
  return [{ kind: 'parsed', line, value, direct: true }];
}
