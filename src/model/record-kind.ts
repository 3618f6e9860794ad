/**
 * The kind of log a record is from, independent of the pane it is shown in: a Directory and a
 * Custom Security audit are both audits and share one id space, while a sign-in (a later kind)
 * will have ids of its own that may equal an audit's without being the same record. Overlapping
 * exports are deduplicated on (kind, id, time), so adding a kind is adding it here and saying in
 * `recordKindOf` which records are of it.
 */
import type { LoadedEvent } from './loaded-event.js';

/** Each kind's position is what a batch carries (one byte per record). */
export const RECORD_KINDS = ['audit', 'sign-in', 'provisioning'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const recordKindIndex = (kind: RecordKind): number => RECORD_KINDS.indexOf(kind);

/** An audit (either audit pane), or the kind of the record it carries in its own shape. */
export function recordKindOf(loaded: LoadedEvent): RecordKind {
  return loaded.own?.kind ?? 'audit';
}

/** The record's id within its kind, or null when it has none (such records are never dropped as repeats). */
export function recordIdOf(loaded: LoadedEvent): string | null {
  // A sign-in's or provisioning record's own id (its projection's id is the same): reading
  // `event` would build the projection, which loading never needs (activity-projection.ts).
  const own = loaded.own;
  const id = own ? (own.kind === 'sign-in' ? own.signIn.id : own.provisioning.id) : loaded.event.id;
  return typeof id === 'string' && id !== '' ? id : null;
}
