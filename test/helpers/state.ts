import { loadCatalog } from '../../src/insights/catalog.js';
import { StoreIndexes } from '../../src/insights/store-indexes.js';
import type { EventStore } from '../../src/store/event-store.js';

/** The bundled questions and sensitive-operation rules, read once for the test file. */
export const bundledCatalog = loadCatalog();

/** A store's indexes as the explorer has them: with the bundled rules and questions. */
export const indexesOf = (store: EventStore): StoreIndexes => new StoreIndexes(store, bundledCatalog);
