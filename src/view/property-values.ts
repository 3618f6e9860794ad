/**
 * Modified-property values are JSON *text* ("\"User Administrator\"", "[\"Alpine\"]", a whole
 * conditional access policy). Decoding them the way responders read them: a JSON string or a
 * one-element array shows its content; other JSON is pretty-printed; anything else is as given.
 * When both sides are JSON objects, a field-level diff shows only what changed.
 */
import type { ModifiedProperty } from '../model/audit-event.js';
import type { LineBuilder } from './detail-lines.js';

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

/**
 * One modified property as a responder reads it: the names "Included Updated Properties" lists,
 * a field-level diff of two JSON objects, or the old and new values. An audit's targets and a
 * provisioning record share it, so a change reads the same in every pane.
 */
export function writePropertyChange(out: LineBuilder, property: ModifiedProperty): void {
  const name = property.displayName || '(unnamed property)';
  if (property.displayName === INCLUDED_UPDATED_PROPERTIES) {
    const names = includedUpdatedProperties(property.newValue);
    out.text(`${name}:${names.length === 0 ? ' (none)' : ''}`, 'label');
    for (const included of names) out.text(`${out.symbols.bullet} ${included}`, 'plain', 2);
    return;
  }
  out.text(name, 'label');
  const pair = objectPair(property.oldValue, property.newValue);
  if (pair) {
    const changes = diffObjects(pair[0], pair[1]);
    out.text(`${changes.length} field${changes.length === 1 ? '' : 's'} changed:`, 'dim', 2);
    for (const change of changes) {
      out.text(`${change.path}:`, 'plain', 4);
      out.text(`- ${showJsonValue(change.before)}`, 'old', 6);
      out.text(`+ ${showJsonValue(change.after)}`, 'new', 6);
    }
    return;
  }
  const before = valueLines(decodePropertyValue(property.oldValue));
  const after = valueLines(decodePropertyValue(property.newValue));
  before.forEach((line, i) => out.text(line, 'old', 2, i === 0 ? 'old: ' : '     '));
  after.forEach((line, i) => out.text(line, 'new', 2, i === 0 ? 'new: ' : '     '));
}
