/**
 * A big file that is one envelope around its records (a whole Graph pull saved as one page, a
 * storage blob's `{"records":[…]}`): known by its opening, read from its bytes as the general
 * splitter would read it, so the array scan (array-elements.ts) can start inside the array.
 */
import { MAX_META_CHARS } from './json-lines.js';

/** A place in the file: its offset, its line, and the offset that line starts at (for its column). */
export interface FilePlace {
  offset: number;
  line: number;
  lineStart: number;
}

/**
 * A document that is one envelope around the records (a Graph page of a big pull saved whole,
 * a storage account's `{"records":[…]}` blob): where its array opens, and what the general
 * splitter must be given first to read any of it as it would from the file's start.
 */
export interface ArrayEnvelope {
  key: 'value' | 'records';
  /** The envelope's text up to and including the array's `[`, on one line (its line breaks as spaces). */
  prefix: string;
  /** Its string members (as the splitter keeps them: `@odata.context` says which endpoint). */
  meta: Record<string, string>;
  /** Just past the `[`: where the scan starts, inside the array. */
  scanFrom: FilePlace;
}

/**
 * The opening of a one-envelope document: `{`, members with plain values (`@odata.context`, a
 * count), then `"value"` or `"records"` and an array whose first element is an object. Matched
 * on the bytes as Latin-1 (one character a byte, so its length is the array's offset), with JSON's
 * own whitespace only. Strings with raw line breaks, nested values before the array or any other
 * key leave the document to the general splitter.
 */
const WS = '[ \\t\\r\\n]*';
const STRING = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const PLAIN = `(?:${STRING}|-?\\d[\\d.eE+-]*|true|false|null)`;
const ENVELOPE_HEAD = new RegExp(`^((?:\\xEF\\xBB\\xBF)?${WS}\\{(?:${WS}${STRING}${WS}:${WS}${PLAIN}${WS},)*${WS}"(value|records)"${WS}:${WS}\\[)${WS}\\{`);
/** One member of the opening, read in turn (sticky): its name and its value's text. */
const MEMBER = `${WS}(${STRING})${WS}:${WS}(${PLAIN})${WS},`;

/** The envelope a document's first bytes open, or null when they open anything else. */
export function envelopeOf(head: Buffer): ArrayEnvelope | null {
  const match = ENVELOPE_HEAD.exec(head.toString('latin1'));
  if (!match) return null;
  const offset = match[1].length;
  const bytes = head.subarray(0, offset);
  const opening = bytes.toString('utf8');
  // Invalid UTF-8 in it: the general splitter says where.
  if (!Buffer.from(opening, 'utf8').equals(bytes)) return null;
  const bom = opening.charCodeAt(0) === 0xfeff ? 1 : 0;
  const prefix = opening.slice(bom).replace(/[\r\n]/g, ' ');
  const meta = membersAsMeta(prefix);
  if (meta === null) return null;
  const newline = bytes.lastIndexOf(10);
  // A byte-order mark is no column.
  const lineStart = newline === -1 ? (bom ? 3 : 0) : newline + 1;
  const line = 1 + bytes.reduce((count, byte) => count + (byte === 10 ? 1 : 0), 0);
  return { key: match[2] as ArrayEnvelope['key'], prefix, meta, scanFrom: { offset, line, lineStart } };
}

/**
 * The opening's string members, as the general splitter keeps them (split-json.ts memberValue):
 * a value whose text, quotes included, is at most MAX_META_CHARS; a later string of the same name
 * replaces it, a later non-string does not. Null when a name or string does not decode (the
 * splitter reports that).
 */
function membersAsMeta(prefix: string): Record<string, string> | null {
  const meta: Record<string, string> = {};
  const members = new RegExp(MEMBER, 'y');
  members.lastIndex = prefix.indexOf('{') + 1;
  try {
    for (let member = members.exec(prefix); member !== null; member = members.exec(prefix)) {
      const name = JSON.parse(member[1]) as string;
      const value = member[2];
      if (value.startsWith('"')) {
        const decoded = JSON.parse(value) as string;
        if (value.length <= MAX_META_CHARS) meta[name] = decoded;
      }
    }
  } catch {
    return null;
  }
  return meta;
}

const ENVELOPE_TAIL = new RegExp(`^${WS}(?:,${WS}${STRING}${WS}:${WS}${PLAIN}${WS})*\\}${WS}$`);

/**
 * What follows an envelope's array (from just past its `]`) is more members with plain values,
 * the `}` and nothing after it, every escape valid: its last record is then vouched for.
 */
export function isPlainTail(text: string): boolean {
  if (!ENVELOPE_TAIL.test(text)) return false;
  try {
    JSON.parse(`{"":0${text}`);
    return true;
  } catch {
    return false;
  }
}
