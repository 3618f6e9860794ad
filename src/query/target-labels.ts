/**
 * Target values with counts that agree with `target:="…"`: that term matches an event when any
 * of its targets is named so, so every target of an event is counted, not only the first. The
 * values listed are the names people read (the targets' labels seen as some event's first
 * target), not also each target's UPN and object id, which would list every target three times.
 */
import type { EventStore } from '../store/event-store.js';
import { STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';
import type { FacetCounts } from './facets.js';
import { topCounts } from './top-counts.js';

/** Per store, per distinct joined target-keys string id: the vocabulary ids of its lines. */
const linesCache = new WeakMap<EventStore, Array<Int32Array | undefined>>();

function lineIdsOf(store: EventStore): (keysId: number) => Int32Array {
  let cache = linesCache.get(store);
  if (!cache) linesCache.set(store, (cache = []));
  const lines = cache;
  return (keysId) => (lines[keysId] ??= Int32Array.from(store.vocabulary.get(keysId).split('\n'), (line) => store.vocabulary.lookup(line) ?? 0));
}

/** Over the events of `order` whose `alive` byte is 1 (all when omitted). */
export function targetLabelCounts(store: EventStore, order: ArrayLike<number>, limit: number, alive?: Uint8Array): FacetCounts {
  const size = store.vocabulary.size;
  const rows = store.stringIdRows();
  const labelColumn = stringFieldIndex('target');
  const keysColumn = stringFieldIndex('targetKeys');
  const isLabel = new Uint8Array(size);
  const counts = new Uint32Array(size);
  const lineIds = lineIdsOf(store);
  // One pass: note which strings are labels (a first target's name) and count every target's
  // names and ids; then keep the labels only.
  let events = 0;
  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    if (alive && alive[index] === 0) continue;
    events++;
    const base = index * STRING_FIELD_COUNT;
    isLabel[rows[base + labelColumn]] = 1;
    const ids = lineIds(rows[base + keysColumn]);
    for (let j = 0; j < ids.length; j++) counts[ids[j]]++;
  }
  isLabel[0] = 0;
  for (let id = 0; id < size; id++) if (isLabel[id] === 0) counts[id] = 0;
  return { ...topCounts(counts, limit, (id) => store.vocabulary.get(id)), events };
}

/**
 * Split every distinct target-keys string ahead of the first Target list (~0.4 s at a million
 * events), a slice at a time between keys; `schedule` runs the next slice later.
 */
export function warmTargetLines(store: EventStore, schedule: (step: () => void) => void, slice = 20_000): void {
  const lineIds = lineIdsOf(store);
  const rows = store.stringIdRows();
  const keysColumn = stringFieldIndex('targetKeys');
  const count = store.count;
  let next = 0;
  const step = () => {
    const end = Math.min(count, next + slice);
    for (let index = next; index < end; index++) lineIds(rows[index * STRING_FIELD_COUNT + keysColumn]);
    next = end;
    if (next < count) schedule(step);
  };
  schedule(step);
}
