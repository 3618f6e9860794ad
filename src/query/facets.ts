/**
 * Facets: for one field, every value with its count under the *other* active filters, as the
 * filter menu shows them (the Activity list narrows when a Service is chosen; the Service list
 * does not narrow to the chosen Service). One pass over the pane's events, counting string ids;
 * the top values are picked with a count histogram rather than sorting every distinct value,
 * because correlation ids are as many as the events.
 */
import type { Pane } from '../model/audit-event.js';
import type { EventStore } from '../store/event-store.js';
import { STRING_FIELD_COUNT, stringFieldIndex, type StringField } from '../store/event-batch.js';
import type { FieldName } from './ast.js';
import { narrowAll, type CompiledTerm } from './compile.js';

/** A facet: the store string counted, and the query field a chosen value becomes. */
export interface FacetDefinition {
  id: string;
  label: string;
  counts: StringField;
  field: FieldName;
}

/** The portal's filters, in its order, plus IP and correlation ID. */
export const FACETS: readonly FacetDefinition[] = [
  { id: 'service', label: 'Service', counts: 'service', field: 'service' },
  { id: 'category', label: 'Category', counts: 'category', field: 'category' },
  { id: 'activity', label: 'Activity', counts: 'activity', field: 'activity' },
  { id: 'status', label: 'Status', counts: 'result', field: 'status' },
  { id: 'target', label: 'Target', counts: 'target', field: 'target' },
  { id: 'actor', label: 'Initiated by', counts: 'initiator', field: 'actor' },
  { id: 'ip', label: 'IP address', counts: 'ip', field: 'ip' },
  { id: 'corr', label: 'Correlation ID', counts: 'correlation', field: 'corr' },
];

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

/** True when a compiled term filters on the facet's own field (so it is left out of its counts). */
const onField = (compiled: CompiledTerm, field: FieldName) => compiled.term.kind === 'field' && compiled.term.field === field;

export function facetCounts(
  store: EventStore,
  options: { pane: Pane; terms: readonly CompiledTerm[]; hideWriteBacks: boolean; facet: FacetDefinition; limit: number },
): FacetCounts {
  const { facet, limit } = options;
  const others = options.terms.filter((compiled) => !onField(compiled, facet.field));
  const alive = new Uint8Array(store.count);
  narrowAll(others, alive, 0, store.count);
  const rows = store.stringIdRows();
  const column = stringFieldIndex(facet.counts);
  const counts = new Uint32Array(store.vocabulary.size);
  let events = 0;
  for (const index of store.paneOrder(options.pane)) {
    if (alive[index] === 0 || (options.hideWriteBacks && store.isWriteBack(index))) continue;
    counts[rows[index * STRING_FIELD_COUNT + column]]++;
    events++;
  }
  counts[0] = 0; // the empty string: events without this field are not a value to choose
  return { ...topCounts(counts, limit, (id) => store.vocabulary.get(id)), events };
}

/** The `limit` largest counts (ties by value), without sorting every distinct value. */
function topCounts(counts: Uint32Array, limit: number, name: (id: number) => string): { values: FacetValue[]; distinct: number } {
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
