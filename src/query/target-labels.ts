/**
 * Target values with counts that agree with `target:="…"`: that term matches an event when any
 * of its targets is named so, so every target of an event is counted, not only the first. The
 * values listed are the names people read (the targets' labels seen as some event's first
 * target), not also each target's UPN and object id, which would list every target three times.
 */
import type { EventStore } from '../store/event-store.js';
import type { FacetCounts } from './facets.js';
import { topCounts } from './top-counts.js';

/** Per store, per distinct joined target-keys string: the vocabulary ids of its lines. */
const linesCache = new WeakMap<EventStore, Map<number, Int32Array>>();

function lineIds(store: EventStore, keysId: number): Int32Array {
  let cache = linesCache.get(store);
  if (!cache) linesCache.set(store, (cache = new Map()));
  let ids = cache.get(keysId);
  if (!ids) {
    ids = Int32Array.from(store.vocabulary.get(keysId).split('\n'), (line) => store.vocabulary.lookup(line) ?? 0);
    cache.set(keysId, ids);
  }
  return ids;
}

export function targetLabelCounts(store: EventStore, indices: ArrayLike<number>, limit: number): FacetCounts {
  const size = store.vocabulary.size;
  const isLabel = new Uint8Array(size);
  for (let k = 0; k < indices.length; k++) isLabel[store.stringId(indices[k], 'target')] = 1;
  isLabel[0] = 0;
  const counts = new Uint32Array(size);
  for (let k = 0; k < indices.length; k++) {
    const ids = lineIds(store, store.stringId(indices[k], 'targetKeys'));
    for (let j = 0; j < ids.length; j++) if (isLabel[ids[j]] === 1) counts[ids[j]]++;
  }
  return { ...topCounts(counts, limit, (id) => store.vocabulary.get(id)), events: indices.length };
}
