/**
 * JSON.stringify escapes C0 controls but leaves C1 controls (U+0080–U+009F, among them the
 * 8-bit CSI) and bidi overrides raw. Escaping them as \uXXXX keeps the JSON identical in meaning
 * and harmless in a terminal. These characters can only occur inside JSON strings.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function safeJsonStringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
