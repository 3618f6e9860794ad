/**
 * The filter menu's counts at scale: for each facet (Service … Correlation ID), every value's count
 * under the other active filters, on the generated 100k and 1M files. Target (read by a person):
 * ≤ 100 ms at 1M events. Measured with no filter and with two filters active (one on the facet's
 * own field is left out of its counts, the other narrows them).
 */
import { LoadSession } from '../src/load/load-session.js';
import { loadCatalog } from '../src/insights/catalog.js';
import { AUDIT_FACETS, facetCounts } from '../src/query/facets.js';
import { initialState } from '../src/tui/initial-state.js';
import { reducer } from '../src/tui/reducer.js';
import { sampleFile } from './sample-files.js';
import { median, ms, printTable } from './stats.js';

const SIZES = (process.env.BENCH_FACET_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILTERS = ['', 'status:failure activity:user'];

export async function benchFacets(): Promise<void> {
  console.log(`\nFilter menu counts (facets): median of ${RUNS} (BENCH_RUNS), target ≤ 100 ms at 1M`);
  for (const events of SIZES) {
    const session = new LoadSession([{ kind: 'file', path: await sampleFile(events) }], { catalog: loadCatalog() });
    await session.done;
    const base = initialState({ indexes: session.indexes, size: { columns: 140, rows: 40 } });
    const rows: string[][] = [];
    for (const filter of FILTERS) {
      const state = filter ? reducer(base, { type: 'applyFilter', text: filter, now: Date.now() }) : base;
      const terms = state.filter.active?.terms ?? [];
      for (const facet of AUDIT_FACETS) {
        const times: number[] = [];
        let distinct = 0;
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          distinct = facetCounts(session.indexes.query, { pane: 'directory', terms, facet, limit: 500 }).distinct;
          times.push(performance.now() - started);
        }
        rows.push([filter || '(none)', facet.label, distinct.toLocaleString('en-US'), ms(median(times)), `${(median(times) / 100).toFixed(2)}×`]);
      }
    }
    console.log(`\n${events.toLocaleString('en-US')} events`);
    printTable(['filter', 'facet', 'distinct values', 'median', 'vs 100 ms'], rows);
    session.close();
  }
}
