/**
 * A store holding already-normalised events, every record in the arena: for tests and for callers
 * that built events themselves. Loading files goes through LoadSession instead.
 */
import type { LoadedEvent } from '../model/loaded-event.js';
import { EventStore } from '../store/event-store.js';
import { LoaderVocabulary } from '../store/loader-vocabulary.js';
import { EventBatcher } from './event-batcher.js';

export function storeFromEvents(events: readonly LoadedEvent[]): EventStore {
  const store = new EventStore();
  const batchers = new Map<string, EventBatcher>();
  for (const loaded of events) {
    let batcher = batchers.get(loaded.origin.source);
    if (!batcher) {
      // Each batcher numbers its strings itself, so each needs its own translation.
      const loader = new LoaderVocabulary();
      batcher = new EventBatcher(loaded.origin.source, (batch) => store.append(batch, loader));
      batchers.set(loaded.origin.source, batcher);
    }
    batcher.add(loaded, null);
  }
  // Flushing per batcher keeps events in their order within each source.
  for (const batcher of batchers.values()) batcher.flush();
  return store;
}
