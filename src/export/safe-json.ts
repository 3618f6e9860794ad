/**
 * JSON.stringify escapes C0 controls but leaves C1 controls (U+0080–U+009F, among them the
 * 8-bit CSI) and bidi overrides raw. Escaping them as \uXXXX keeps the JSON identical in meaning
 * and harmless in a terminal. These characters can only occur inside JSON strings.
 */
import { isAscii } from 'node:buffer';

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * True when JSON parsed from these bytes cannot hold a character safeJsonStringify escapes: they
 * are ASCII with no DEL and no `\u` escape, so their strings hold printable ASCII and the C0
 * controls JSON.stringify escapes itself (what a normaliser adds is ours). Three native scans,
 * where the escaping pattern over the printed text was ~5% of printing a record.
 */
export function isPlainJsonSource(bytes: Buffer): boolean {
  return isAscii(bytes) && bytes.indexOf(0x7f) === -1 && bytes.indexOf('\\u') === -1;
}

/** `plainSource`: the value was parsed from bytes isPlainJsonSource accepts, so there is nothing to escape. */
export function safeJsonStringify(value: unknown, indent?: number, plainSource = false): string {
  if (plainSource) return JSON.stringify(value, null, indent);
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
