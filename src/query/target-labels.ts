/**
 * Target values with counts that agree with `target:="…"`: that term matches an event when any
 * of its targets is named so, so every target of an event is counted, not only the first. The
 * values listed are the names people read (the targets' labels seen as some event's first
 * target), not also each target's UPN and object id, which would list every target three times.
 */
import { STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';
import type { QueryIndex } from './query-index.js';
import { topCounts, type FacetCounts, type FacetTally } from './top-counts.js';

/** The `limit` most frequent target labels over the events of `order` whose `alive` byte is 1 (all when omitted). */
export function targetLabelCounts(index: QueryIndex, order: ArrayLike<number>, limit: number, alive?: Uint8Array): FacetCounts {
  const { counts, events } = targetLabelTally(index, order, alive);
  return { ...topCounts(counts, limit, (id) => index.store.vocabulary.get(id)), events };
}

/** Every target label's count (by string id) over those events. */
export function targetLabelTally(index: QueryIndex, order: ArrayLike<number>, alive?: Uint8Array): FacetTally {
  const { store } = index;
  const rows = store.stringIdRows();
  const labelColumn = stringFieldIndex('target');
  const labelsColumn = stringFieldIndex('targetLabels');
  const keysColumn = stringFieldIndex('targetKeys');
  // Splitting a joined string may intern its parts (a target that is never a first one): split
  // them all first (once per distinct string), so the arrays below are sized for every id.
  const lines = index.targetLines;
  for (let k = 0; k < order.length; k++) {
    const base = order[k] * STRING_FIELD_COUNT;
    lines.split(rows[base + labelsColumn]);
    lines.split(rows[base + keysColumn]);
  }
  const { starts, lengths, parts } = lines.table();
  const size = store.vocabulary.size;
  const isLabel = new Uint8Array(size);
  const counts = new Uint32Array(size);
  // One pass: note which strings are labels (any target's name, as the table shows it: a role
  // granted as the second target is a label too, under any filter) and count every target's
  // names and ids; then keep the labels only.
  let events = 0;
  for (let k = 0; k < order.length; k++) {
    const event = order[k];
    if (alive && alive[event] === 0) continue;
    events++;
    const base = event * STRING_FIELD_COUNT;
    isLabel[rows[base + labelColumn]] = 1;
    const labels = rows[base + labelsColumn];
    for (let j = starts[labels] - 1, end = j + lengths[labels]; j < end; j++) isLabel[parts[j]] = 1;
    const keys = rows[base + keysColumn];
    for (let j = starts[keys] - 1, end = j + lengths[keys]; j < end; j++) counts[parts[j]]++;
  }
  isLabel[0] = 0;
  for (let id = 0; id < size; id++) if (isLabel[id] === 0) counts[id] = 0;
  return { counts, events };
}
