/** storeFootprint: the bytes the load benchmark divides by the event count (bench/footprint.ts). */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import { STRING_FIELD_COUNT } from '../../src/store/event-batch.js';
import { storeFootprint } from '../../src/store/store-footprint.js';
import { manyEvents } from '../helpers/loaded.js';

describe('storeFootprint', () => {
  it('counts every column family in use and the vocabulary, and adds them up', () => {
    const store = storeFromEvents(manyEvents(3000));
    const footprint = storeFootprint(store);
    expect(footprint.events).toBe(3000);
    // The bytes in use: a time for each event, a string id for each field of each event.
    expect(footprint.columns.time).toBe(3000 * 8);
    expect(footprint.columns[`string ids (${STRING_FIELD_COUNT} a row)`]).toBe(3000 * STRING_FIELD_COUNT * 4);
    expect(footprint.columns.arena).toBeGreaterThan(0);
    expect(footprint.vocabulary.strings).toBe(store.vocabulary.size);
    // Each string costs at least its 48 B estimate of header and map entry.
    expect(footprint.vocabulary.bytes).toBeGreaterThanOrEqual(48 * store.vocabulary.size);
    const columns = Object.values(footprint.columns).reduce((sum, n) => sum + n, 0);
    expect(footprint.total).toBe(columns + footprint.vocabulary.bytes);
  });

  it('is all but empty for an empty store', () => {
    const footprint = storeFootprint(storeFromEvents([]));
    expect(footprint.events).toBe(0);
    expect(footprint.vocabulary.strings).toBe(1);
  });
});
