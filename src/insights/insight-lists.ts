/**
 * The numbers of the insights view (`i`) for a set of events: the timeline and the most frequent
 * values of a few fields, each a way to narrow the filter. Computed once when the view opens
 * (one pass for the timeline and one per list), so drawing and moving cost nothing.
 */
import type { Pane } from '../model/pane.js';
import type { FieldName } from '../query/ast.js';
import type { QueryIndex } from '../query/query-index.js';
import { targetLabelCounts } from '../query/target-labels.js';
import type { StringField } from '../store/event-batch.js';
import { timeline, type Timeline } from './timeline.js';
import { rowsWhere, topValues, type ValueCount } from './top-values.js';
import type { UnusualReport } from './unusual.js';

/** One top list: the store field counted and the query field a choice becomes. */
export interface InsightListDefinition {
  title: string;
  storeField: StringField;
  queryField: FieldName;
  /** Count only the events whose status is one of these (the spray view: users who failed, users who got in). */
  onlyResults?: readonly string[];
}

/** The audit panes' four lists. */
export const AUDIT_INSIGHT_LISTS: readonly InsightListDefinition[] = [
  { title: 'Top activities', storeField: 'activity', queryField: 'activity' },
  { title: 'Top initiators', storeField: 'initiator', queryField: 'actor' },
  { title: 'Top targets', storeField: 'target', queryField: 'target' },
  { title: 'Top IP addresses', storeField: 'ip', queryField: 'ip' },
];

/** The Sign-ins pane's lists: who, with what, from where, and how it failed. */
export const SIGN_IN_INSIGHT_LISTS: readonly InsightListDefinition[] = [
  { title: 'Top users', storeField: 'initiator', queryField: 'actor' },
  { title: 'Top applications', storeField: 'activity', queryField: 'app' },
  { title: 'Top IP addresses', storeField: 'ip', queryField: 'ip' },
  { title: 'Top locations', storeField: 'location', queryField: 'location' },
  { title: 'Top error codes', storeField: 'errorCode', queryField: 'error' },
  // Narrowed to one IP (p), these two are the password-spray view: who was tried, who got in.
  { title: 'Users failed or interrupted', storeField: 'initiator', queryField: 'actor', onlyResults: ['failure', 'interrupted'] },
  { title: 'Users signed in', storeField: 'initiator', queryField: 'actor', onlyResults: ['success'] },
];

/** The Provisioning pane's lists. */
export const PROVISIONING_INSIGHT_LISTS: readonly InsightListDefinition[] = [
  { title: 'Top actions', storeField: 'activity', queryField: 'activity' },
  { title: 'Top identities', storeField: 'initiator', queryField: 'actor' },
  { title: 'Top target systems', storeField: 'category', queryField: 'system' },
  { title: 'Top error codes', storeField: 'errorCode', queryField: 'error' },
];

/** The most values a list keeps (the layout shows fewer when the terminal is small). */
export const MAX_TOP = 10;

export interface InsightList {
  title: string;
  queryField: FieldName;
  values: ValueCount[];
  distinct: number;
}

export interface InsightsData {
  /** The pane the numbers are for (a snapshot: `i` again recomputes). */
  pane: Pane;
  timeline: Timeline;
  lists: InsightList[];
  /** The unusual values of the view, strongest first (null: not measured here). */
  unusual: UnusualReport | null;
}

export function computeInsights(index: QueryIndex, rows: ArrayLike<number>, pane: Pane, lists: readonly InsightListDefinition[], unusual: UnusualReport | null = null): InsightsData {
  return {
    pane,
    unusual,
    timeline: timeline(index.store, rows),
    lists: lists.map((list) => {
      const only = list.onlyResults;
      const counted = only ? rowsWhere(index.store, rows, 'result', only) : rows;
      // Targets: every target of an event counts, as the target:= term Enter applies matches.
      const tally = list.queryField === 'target' ? targetLabelCounts(index, counted, MAX_TOP) : topValues(index.store, counted, list.storeField, MAX_TOP);
      return { title: list.title, queryField: list.queryField, values: tally.values, distinct: tally.distinct };
    }),
  };
}
