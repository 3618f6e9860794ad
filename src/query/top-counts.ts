/** Picking the most frequent values out of per-string-id counts, for facets and target lists. */

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

/** The `limit` largest counts (ties by value), without sorting every distinct value. */
export function topCounts(counts: Uint32Array, limit: number, name: (id: number) => string): { values: FacetValue[]; distinct: number } {
  let distinct = 0;
  let largest = 0;
  for (let id = 0; id < counts.length; id++) {
    if (counts[id] === 0) continue;
    distinct++;
    if (counts[id] > largest) largest = counts[id];
  }
  // The smallest count that still makes the top `limit`: walk a histogram of counts down from the largest.
  let threshold = 1;
  if (distinct > limit) {
    const histogram = new Uint32Array(largest + 1);
    for (let id = 0; id < counts.length; id++) if (counts[id] > 0) histogram[counts[id]]++;
    let taken = 0;
    for (threshold = largest; threshold > 1 && taken + histogram[threshold] < limit; threshold--) taken += histogram[threshold];
  }
  const values: FacetValue[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > threshold) values.push({ value: name(id), count: counts[id] });
  // The threshold tier can be huge (a million correlation ids seen once): take only what fits.
  for (let id = 0; id < counts.length && values.length < limit; id++) if (counts[id] === threshold) values.push({ value: name(id), count: threshold });
  values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { values: values.slice(0, limit), distinct };
}
