/**
 * Modified-property values are JSON *text* ("\"User Administrator\"", "[\"Alpine\"]", a whole
 * conditional access policy). Decoding them the way responders read them: a JSON string or a
 * one-element array shows its content; other JSON is pretty-printed; anything else is as given.
 * When both sides are JSON objects, a field-level diff shows only what changed.
 */

export type Decoded = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'json'; value: unknown };

export function decodePropertyValue(raw: string | null): Decoded {
  if (raw === null || raw === '' || raw === '""' || raw === '[]' || raw === 'null') return { kind: 'empty' };
  const trimmed = raw.trim();
  if (!/^[[{"]/.test(trimmed)) return { kind: 'text', text: raw };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'text', text: raw };
  }
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (value === null) return { kind: 'empty' };
  if (typeof value !== 'object') return { kind: 'text', text: String(value) };
  return { kind: 'json', value };
}

/** Lines to show for a decoded value (pretty JSON spans several). */
export function valueLines(decoded: Decoded): string[] {
  if (decoded.kind === 'empty') return ['(empty)'];
  if (decoded.kind === 'text') return decoded.text.split(/\r?\n/);
  return JSON.stringify(decoded.value, null, 2).split('\n');
}

export interface FieldChange {
  path: string;
  /** undefined: the field did not exist on that side. */
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Changed leaves between two JSON objects, as dotted paths (`conditions.users.excludeUsers`).
 * Arrays are compared whole: a changed exclusion list reads better as one before/after pair.
 */
export function diffObjects(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      diffObjects(key in before ? before[key] : undefined, key in after ? after[key] : undefined, path ? `${path}.${key}` : key),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(value)', before, after }];
}

/** Both sides decode to JSON objects: worth a field-level diff rather than two walls of JSON. */
export function objectPair(oldRaw: string | null, newRaw: string | null): [Record<string, unknown>, Record<string, unknown>] | null {
  const before = decodePropertyValue(oldRaw);
  const after = decodePropertyValue(newRaw);
  if (before.kind === 'json' && after.kind === 'json' && isPlainObject(before.value) && isPlainObject(after.value)) {
    return [before.value, after.value];
  }
  return null;
}

export const showJsonValue = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));

/** "Included Updated Properties" lists the changed property names, comma-separated. */
export function includedUpdatedProperties(raw: string | null): string[] {
  const decoded = decodePropertyValue(raw);
  const text = decoded.kind === 'text' ? decoded.text : decoded.kind === 'json' ? JSON.stringify(decoded.value) : '';
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export const INCLUDED_UPDATED_PROPERTIES = 'Included Updated Properties';
