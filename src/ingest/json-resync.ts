/**
 * Finding the next record after damage, in JSON text whose structure can no longer be trusted (a
 * lost quote turns the rest of the file inside out; an extra brace ends a record early). The
 * records of one export look alike where they begin: at the same indentation in a pretty-printed
 * file, and with the same first keys (often the same first two). What the splitter has seen of
 * the records before (a RecordSignature) says where the next one starts: a nested object almost
 * never begins with the record's own first two keys, and never at the record's own indentation.
 */

export interface RecordSignature {
  /** The whitespace before a record's `{` on its line (pretty-printed), or null (records follow each other on a line). */
  indentation: string | null;
  /** The first key of the records, and the second when the first value is a string or a scalar. */
  keys: [string] | [string, string] | null;
  /** The first value is a string (the pattern reads it as one to reach the second key). */
  stringFirst: boolean;
  /** Matches where a record begins (at its `{`); searched with lastIndex. */
  pattern: RegExp | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A JSON string as it may be written: any escapes inside. */
const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';

function patternOf(indentation: string | null, keys: RecordSignature['keys'], stringFirst: boolean): RegExp | null {
  const at = indentation !== null ? `(?<=(?:^|\\n)${escapeRegExp(indentation)})\\{` : '\\{';
  if (keys === null) return indentation !== null ? new RegExp(at, 'g') : null;
  const key = (name: string) => escapeRegExp(JSON.stringify(name));
  let body = `${at}\\s*${key(keys[0])}\\s*:`;
  if (keys.length === 2) body += `\\s*${stringFirst ? JSON_STRING : '[^,{}\\[\\]"]*'}\\s*,\\s*${key(keys[1])}\\s*:`;
  return new RegExp(body, 'g');
}

/** What the layout alone says, from where the first record of a container begins (before it is even parsed). */
export function layoutSignature(indentation: string | null): RecordSignature {
  return { indentation, keys: null, stringFirst: false, pattern: patternOf(indentation, null, false) };
}

const make = (indentation: string | null, keys: RecordSignature['keys'], stringFirst: boolean): RecordSignature => ({ indentation, keys, stringFirst, pattern: patternOf(indentation, keys, stringFirst) });

/** The signature once a record parsed: its first keys joined to the layout. */
export function withKeys(signature: RecordSignature, value: unknown): RecordSignature {
  if (signature.keys !== null || !value || typeof value !== 'object' || Array.isArray(value)) return signature;
  const record = value as Record<string, unknown>;
  const [first, second] = Object.keys(record);
  if (first === undefined) return signature;
  const firstValue = record[first];
  const scalar = firstValue === null || typeof firstValue !== 'object';
  const keys: RecordSignature['keys'] = second !== undefined && scalar ? [first, second] : [first];
  return make(signature.indentation, keys, typeof firstValue === 'string');
}

const KEY = `(${JSON_STRING})`;
/** The first two members of an object's text, read without parsing it (it may be damaged further on). */
const FIRST_MEMBERS = new RegExp(`^\\{\\s*${KEY}\\s*:\\s*(?:${KEY}|(-?\\d[\\d.eE+-]*|true|false|null))\\s*,\\s*${KEY}\\s*:`);

/** The first key, its colon perhaps lost: damage in the first member itself. */
const FIRST_MEMBER = new RegExp(`^\\{\\s*${KEY}`);

/**
 * The signature from the text of a record that does not parse (the first one, so nothing taught
 * the keys yet): its first two members when they are intact (most damage is further in), else
 * its first key alone (even when what follows it is damaged), which may also begin nested
 * objects: better a spurious record reported as one than every record after the damage lost.
 */
export function withKeysFromText(signature: RecordSignature, text: string): RecordSignature {
  if (signature.keys !== null) return signature;
  try {
    const two = FIRST_MEMBERS.exec(text);
    if (two) {
      const keys: [string, string] = [JSON.parse(two[1]) as string, JSON.parse(two[4]) as string];
      return make(signature.indentation, keys, two[2] !== undefined);
    }
    const one = FIRST_MEMBER.exec(text);
    if (one) {
      const keys: [string] = [JSON.parse(one[1]) as string];
      return make(signature.indentation, keys, false);
    }
  } catch {
    // A key that is not a JSON string after all: no signature from this text.
  }
  return signature;
}

/** The signature without its layout: records were seen where the layout said none begin. */
export function relaxLayout(signature: RecordSignature): RecordSignature {
  return make(null, signature.keys, signature.stringFirst);
}

/** Where the next record begins at or after `from` and before `to`, or -1 (or null: the signature cannot tell). */
export function nextRecordStart(signature: RecordSignature, text: string, from: number, to: number): number | null {
  const { pattern } = signature;
  if (pattern === null) return null;
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match !== null && match.index < to ? match.index : -1;
}
