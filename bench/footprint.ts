/**
 * Store bytes per event, per kind: a generated file loaded in this process as the explorer loads
 * it (LoadSession), then the store's own account of what it holds (store/store-footprint.ts): each
 * column family and the vocabulary's strings (estimated), over the event count.
 */
import { loadCatalog } from '../src/insights/catalog.js';
import { LoadSession } from '../src/load/load-session.js';
import { storeFootprint } from '../src/store/store-footprint.js';
import type { Kind } from './duckdb.js';
import { mb } from './load-tables.js';
import { printTable } from './stats.js';

export interface FootprintInput {
  kind: Kind;
  events: number;
  path: string;
}

export async function printFootprints(inputs: FootprintInput[]): Promise<void> {
  const rows: string[][] = [];
  const families = new Map<string, string[]>();
  for (const { kind, events, path } of inputs) {
    const session = new LoadSession([{ kind: 'file', path }], { catalog: loadCatalog() });
    await session.done;
    const footprint = storeFootprint(session.store);
    session.close();
    if (footprint.events !== events || session.problemCount > 0) console.log(`!! ${path}: ${footprint.events} events in the store, ${session.problemCount} problems (expected ${events}, 0)`);
    const per = (bytes: number) => (bytes / footprint.events).toFixed(1);
    rows.push([kind, events.toLocaleString('en-US'), mb(footprint.total), per(footprint.total), per(footprint.total - footprint.vocabulary.bytes), footprint.vocabulary.strings.toLocaleString('en-US'), footprint.vocabulary.guids.toLocaleString('en-US'), mb(footprint.vocabulary.bytes), per(footprint.vocabulary.bytes)]);
    for (const [family, bytes] of Object.entries(footprint.columns)) families.set(family, [...(families.get(family) ?? []), per(bytes)]);
  }
  console.log('\nStore bytes per event (storeFootprint: typed arrays in use, vocabulary strings estimated at their characters + 48 B each, GUIDs packed at 16 B and their table)');
  printTable(['kind', 'events', 'store', 'B/event', 'columns B/event', 'distinct strings', 'of them GUIDs', 'strings', 'strings B/event'], rows);
  const labels = inputs.map((i) => `${i.kind} B/event`);
  printTable(['column family', ...labels], [...families].map(([family, per]) => [family, ...per]));
}
