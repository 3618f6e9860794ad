/** A fuzzy word after a narrow filter searches only the strings of the events still alive, and finds what a search over everything finds there. */
import { describe, expect, it, vi } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import { filterFromText } from '../../src/query/filter.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';
import { loaded } from '../helpers/loaded.js';

const store = storeFromEvents(loaded(...generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)));
const passing = (test: ((i: number) => boolean) | null) => Array.from({ length: store.count }, (_, i) => i).filter((i) => test?.(i));

describe('a fuzzy word typed after a narrow filter', () => {
  it.each(['ro', 'rol', 'memb', 'admin', 'grop', 'fabrikam'])('finds what the whole search finds: %s', (word) => {
    const narrowed = new QueryIndex(store);
    const previous = filterFromText('status:failure', narrowed, 0);
    if (!previous.ok || !previous.filter) throw new Error('no filter');
    const wholeSearch = vi.spyOn(narrowed, 'fuzzyHits');
    const typed = filterFromText(`status:failure ${word}`, narrowed, 0, previous.filter);
    if (!typed.ok) throw new Error(typed.error.message);
    expect(typed.narrower).toBe(true);
    const got = passing(typed.test);
    expect(wholeSearch).not.toHaveBeenCalled();
    const fresh = filterFromText(`status:failure ${word}`, new QueryIndex(store), 0);
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(got).toEqual(passing(fresh.test));
  });

  it('searches everything once a string it did not search is asked about', () => {
    const index = new QueryIndex(store);
    const previous = filterFromText('status:failure', index, 0);
    if (!previous.ok || !previous.filter) throw new Error('no filter');
    const typed = filterFromText('status:failure memb', index, 0, previous.filter);
    const wide = filterFromText('memb', new QueryIndex(store), 0);
    if (!typed.ok || !wide.ok || !typed.filter) throw new Error('no filter');
    const spy = vi.spyOn(index, 'fuzzyHits');
    expect(passing(typed.test).length).toBeGreaterThan(0);
    expect(spy).not.toHaveBeenCalled();
    // The term alone over every event (as a peek on an event the narrow filter dropped would ask).
    const word = typed.filter.terms.find((t) => t.term.kind === 'fuzzy')!;
    const alive = new Uint8Array(store.count).fill(1);
    word.narrow(alive, 0, store.count);
    expect(passing((i) => alive[i] === 1)).toEqual(passing(wide.test));
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
