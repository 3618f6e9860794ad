/**
 * Picking values out of per-string-id counts, for facets and target lists: the most frequent
 * (the default), the rarest (the one odd initiator among 93 is what an incident looks for), or
 * by name, optionally only those whose name passes a test (the menu's type-to-filter). Counts
 * are never changed by the picking: a value shown is shown with its true count.
 */

export interface FacetValue {
  value: string;
  count: number;
}

export interface FacetCounts {
  values: FacetValue[];
  /** Distinct values in all (the list may be cut to the top ones). */
  distinct: number;
  /** Events counted (those passing the other filters). */
  events: number;
}

/** Per-string-id counts for one facet, before any picking: what the menu keeps to re-order and narrow. */
export interface FacetTally {
  counts: Uint32Array;
  events: number;
}

/** Most frequent first, rarest first, or by name (A to Z). */
export type ValueOrder = 'most' | 'fewest' | 'name';

export interface PickedCounts {
  values: FacetValue[];
  /** Distinct values in all. */
  distinct: number;
  /** Distinct values whose name passed `accept` (all of them without one). */
  matching: number;
}

// Stateless (it only describes the rules), so one shared instance is safe; 'en' so the order is
// the same on every machine.
const collator = new Intl.Collator('en');

/** The `limit` largest counts (ties by value), without sorting every distinct value. */
export function topCounts(counts: Uint32Array, limit: number, name: (id: number) => string): { values: FacetValue[]; distinct: number } {
  const { values, distinct } = pickCounts(counts, { order: 'most', limit, name });
  return { values, distinct };
}

/**
 * The first `limit` values in `order` among those `accept` lets through. By count, the values
 * are found with a histogram of counts rather than by sorting every distinct value, because
 * correlation ids are as many as the events; by name, the matching names are sorted.
 */
export function pickCounts(
  counts: Uint32Array,
  options: { order: ValueOrder; limit: number; name: (id: number) => string; accept?: (value: string) => boolean },
): PickedCounts {
  const { order, limit, name, accept } = options;
  let distinct = 0;
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) {
    if (counts[id] === 0) continue;
    distinct++;
    if (!accept || accept(name(id))) ids.push(id);
  }
  const matching = ids.length;
  if (order === 'name') {
    const values = ids.map((id) => ({ value: name(id), count: counts[id] }));
    values.sort((a, b) => collator.compare(a.value, b.value) || b.count - a.count);
    return { values: values.slice(0, limit), distinct, matching };
  }
  const taken = order === 'most' ? byCount(ids, counts, limit, 'most') : byCount(ids, counts, limit, 'fewest');
  const values = taken.map((id) => ({ value: name(id), count: counts[id] }));
  const sign = order === 'most' ? 1 : -1;
  values.sort((a, b) => sign * (b.count - a.count) || a.value.localeCompare(b.value));
  return { values, distinct, matching };
}

/** At most `limit` of `ids`, the largest (or smallest) counts first: everything past a threshold count, then that count's tier as far as it fits. */
function byCount(ids: readonly number[], counts: Uint32Array, limit: number, order: 'most' | 'fewest'): number[] {
  if (ids.length <= limit) return [...ids];
  let largest = 0;
  for (const id of ids) if (counts[id] > largest) largest = counts[id];
  const histogram = new Uint32Array(largest + 1);
  for (const id of ids) histogram[counts[id]]++;
  // The count at which the first `limit` values end, walking the histogram from the wanted end.
  let threshold = order === 'most' ? largest : 1;
  let before = 0;
  const step = order === 'most' ? -1 : 1;
  while (before + histogram[threshold] < limit) {
    before += histogram[threshold];
    threshold += step;
  }
  const beyond = (count: number) => (order === 'most' ? count > threshold : count < threshold);
  const taken = ids.filter((id) => beyond(counts[id]));
  // The threshold tier can be huge (a million correlation ids seen once): take only what fits.
  for (const id of ids) {
    if (taken.length >= limit) break;
    if (counts[id] === threshold) taken.push(id);
  }
  return taken;
}
