/**
 * `npm run bench`: every benchmark, printing figures and ratios measured side by side in one run.
 * Nothing here passes or fails: these machines are shared and noisy, so targets are read by a
 * person, not asserted. `npm run bench -- key-latency` runs one (`-- search` the search benchmark, `-- facets` the filter menu's counts, `-- damaged` damage without an end).
 */
// React picks its production build at import time; measure what users run.
process.env.NODE_ENV ??= 'production';
const { benchKeyLatency } = await import('./key-latency.js');
const { benchLoad } = await import('./load.js');
const { benchSearch } = await import('./search.js');
const { benchFacets } = await import('./facets.js');
const { benchDamaged } = await import('./damaged.js');

// Loading first: the frame and search benchmarks then hold a million events in this process.
const BENCHES: Record<string, () => Promise<void>> = {
  load: benchLoad,
  'key-latency': benchKeyLatency,
  search: benchSearch,
  facets: benchFacets,
  damaged: benchDamaged,
};

const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
