/**
 * Facets: for one field, every value with its count under the *other* active filters, as the
 * filter menu shows them (the Activity list narrows when a Service is chosen; the Service list
 * does not narrow to the chosen Service). One pass over the pane's events, counting string ids;
 * the top values are picked with a count histogram rather than sorting every distinct value,
 * because correlation ids are as many as the events.
 */
import type { Pane } from '../model/pane.js';
import { STRING_FIELD_COUNT, stringFieldIndex, type StringField } from '../store/event-batch.js';
import type { FieldName } from './ast.js';
import { narrowAll, type CompiledTerm } from './compile.js';
import type { QueryIndex } from './query-index.js';
import { targetLabelTally } from './target-labels.js';
import { topCounts, type FacetCounts, type FacetTally } from './top-counts.js';

export type { FacetCounts, FacetTally, FacetValue, ValueOrder } from './top-counts.js';

/** A facet: the store string counted, and the query field a chosen value becomes. */
export interface FacetDefinition {
  id: string;
  label: string;
  counts: StringField;
  field: FieldName;
}

/** The audit panes' filters: the portal's, in its order, plus IP and correlation ID. */
export const AUDIT_FACETS: readonly FacetDefinition[] = [
  { id: 'service', label: 'Service', counts: 'service', field: 'service' },
  { id: 'category', label: 'Category', counts: 'category', field: 'category' },
  { id: 'activity', label: 'Activity', counts: 'activity', field: 'activity' },
  { id: 'status', label: 'Status', counts: 'result', field: 'status' },
  { id: 'target', label: 'Target', counts: 'targetKeys', field: 'target' },
  { id: 'actor', label: 'Initiated by', counts: 'initiator', field: 'actor' },
  { id: 'ip', label: 'IP address', counts: 'ip', field: 'ip' },
  { id: 'corr', label: 'Correlation ID', counts: 'correlation', field: 'corr' },
];

/** The Sign-ins pane's filters, as the portal offers them. */
export const SIGN_IN_FACETS: readonly FacetDefinition[] = [
  { id: 'type', label: 'Event type', counts: 'category', field: 'type' },
  { id: 'status', label: 'Status', counts: 'result', field: 'status' },
  { id: 'error', label: 'Error code', counts: 'errorCode', field: 'error' },
  { id: 'user', label: 'User', counts: 'initiator', field: 'actor' },
  { id: 'app', label: 'Application', counts: 'activity', field: 'app' },
  { id: 'ip', label: 'IP address', counts: 'ip', field: 'ip' },
  { id: 'location', label: 'Location', counts: 'location', field: 'location' },
  { id: 'ca', label: 'Conditional Access', counts: 'ca', field: 'ca' },
  { id: 'client', label: 'Client app', counts: 'service', field: 'service' },
  { id: 'protocol', label: 'Authentication protocol', counts: 'operationType', field: 'op' },
  { id: 'risk', label: 'Risk level', counts: 'riskLevel', field: 'risklevel' },
];

/** The Provisioning pane's filters. */
export const PROVISIONING_FACETS: readonly FacetDefinition[] = [
  { id: 'action', label: 'Action', counts: 'activity', field: 'activity' },
  { id: 'status', label: 'Status', counts: 'result', field: 'status' },
  { id: 'target-system', label: 'Target system', counts: 'category', field: 'system' },
  { id: 'source-system', label: 'Source system', counts: 'service', field: 'system' },
  { id: 'identity', label: 'Identity', counts: 'initiator', field: 'actor' },
  { id: 'error', label: 'Error code', counts: 'errorCode', field: 'error' },
];

/** True when a compiled term filters on the facet's own field (so it is left out of its counts). */
const onField = (compiled: CompiledTerm, field: FieldName) => compiled.term.kind === 'field' && compiled.term.field === field;

export interface FacetOptions {
  pane: Pane;
  terms: readonly CompiledTerm[];
  /** What else hides rows (write-backs, sensitive only, marked only): counted as the table shows. */
  keep?: (index: number) => boolean;
  facet: FacetDefinition;
}

/** Every value's count (by string id) under the other filters: the menu keeps it to re-order and narrow its list without counting again. */
export function facetTally(index: QueryIndex, options: FacetOptions): FacetTally {
  const { facet } = options;
  const { store } = index;
  const others = options.terms.filter((compiled) => !onField(compiled, facet.field));
  const alive = new Uint8Array(store.count);
  narrowAll(others, alive, 0, store.count);
  const shown = (index: number) => alive[index] === 1 && (!options.keep || options.keep(index));
  if (facet.field === 'target') {
    // Every target of an event counts, as target:= matches (see target-labels.ts).
    if (options.keep) for (let index = 0; index < alive.length; index++) if (alive[index] === 1 && !shown(index)) alive[index] = 0;
    return targetLabelTally(index, store.paneOrder(options.pane), alive);
  }
  const rows = store.stringIdRows();
  const column = stringFieldIndex(facet.counts);
  const counts = new Uint32Array(store.vocabulary.size);
  let events = 0;
  for (const index of store.paneOrder(options.pane)) {
    if (!shown(index)) continue;
    counts[rows[index * STRING_FIELD_COUNT + column]]++;
    events++;
  }
  counts[0] = 0; // the empty string: events without this field are not a value to choose
  return { counts, events };
}

/** The facet's `limit` most frequent values under the other filters. */
export function facetCounts(index: QueryIndex, options: FacetOptions & { limit: number }): FacetCounts {
  const { counts, events } = facetTally(index, options);
  return { ...topCounts(counts, options.limit, (id) => index.store.vocabulary.get(id)), events };
}
