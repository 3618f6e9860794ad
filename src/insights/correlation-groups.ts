/**
 * Correlation groups (`o`): events sharing a correlation ID are one operation (adding an app
 * writes its application, service principal, owner and credentials as separate events). Grouped,
 * the table shows one row per operation, its newest event leading, with the count and time span;
 * an expanded group shows its other events right under the lead, oldest last.
 *
 * Built for a million events on a keystroke: correlation ids are already interned, so groups are
 * found through typed arrays indexed by string id, not through maps keyed by strings.
 */
import type { EventStore } from '../store/event-store.js';
import { STRING_FIELD_COUNT, stringFieldIndex } from '../store/event-batch.js';

export interface GroupInfo {
  count: number;
  oldestMs: number;
  newestMs: number;
  /** The correlation id's string id (what `expanded` holds). */
  correlation: number;
  /** The most severe sensitive operation among the group's events other than the lead ('' none). */
  othersSeverity: string;
}

/** Lead event (store index) → its group; every event that is not a lead has none. */
export interface GroupLookup {
  get(index: number): GroupInfo | undefined;
  has(index: number): boolean;
}

export interface GroupedRows {
  rows: Int32Array;
  leads: GroupLookup;
}

const SEVERITY_RANK: Record<string, number> = { medium: 1, high: 2 };
const SEVERITY_NAME = ['', 'medium', 'high'];

/** `rows` (newest first) folded into groups; `expanded` holds correlation string ids. */
export function groupRows(
  store: EventStore,
  rows: Int32Array,
  expanded: ReadonlySet<number>,
  severityOf: (index: number) => string | undefined = () => undefined,
): GroupedRows {
  const ids = store.stringIdRows();
  const column = stringFieldIndex('correlation');
  // Per correlation string id: the group's position in `leads` (+1; 0 = not seen yet).
  const groupOf = new Int32Array(store.vocabulary.size);
  const leads = new Int32Array(rows.length);
  const counts = new Uint32Array(rows.length);
  const oldest = new Float64Array(rows.length);
  const severity = new Uint8Array(rows.length);
  const members = new Map<number, number[]>();
  let groups = 0;
  for (let k = 0; k < rows.length; k++) {
    const index = rows[k];
    const correlation = ids[index * STRING_FIELD_COUNT + column];
    const known = correlation === 0 ? 0 : groupOf[correlation];
    if (known === 0) {
      leads[groups] = index;
      counts[groups] = 1;
      oldest[groups] = store.timeMs(index);
      groups++;
      if (correlation !== 0) groupOf[correlation] = groups;
      continue;
    }
    const group = known - 1;
    counts[group]++;
    oldest[group] = store.timeMs(index);
    // A closed group must not hide a high-risk event behind a harmless lead.
    if (severity[group] < 2) severity[group] = Math.max(severity[group], SEVERITY_RANK[severityOf(index) ?? ''] ?? 0);
    if (expanded.has(correlation)) {
      let list = members.get(group);
      if (!list) members.set(group, (list = []));
      list.push(index);
    }
  }
  const out = new Int32Array(groups + [...members.values()].reduce((sum, list) => sum + list.length, 0));
  let n = 0;
  for (let group = 0; group < groups; group++) {
    out[n++] = leads[group];
    const list = members.get(group);
    if (list) for (const index of list) out[n++] = index;
  }
  // Lead store index → group, for the few rows a frame draws.
  const leadGroup = new Map<number, number>();
  const lookup = (index: number): number | undefined => {
    if (leadGroup.size === 0) for (let group = 0; group < groups; group++) if (counts[group] > 1) leadGroup.set(leads[group], group);
    return leadGroup.get(index);
  };
  const singles = new Set<number>();
  return {
    rows: out,
    leads: {
      get(index) {
        const group = lookup(index);
        if (group === undefined) return isSingleLead(index) ? { count: 1, oldestMs: store.timeMs(index), newestMs: store.timeMs(index), correlation: 0, othersSeverity: '' } : undefined;
        return {
          count: counts[group],
          oldestMs: oldest[group],
          newestMs: store.timeMs(leads[group]),
          correlation: ids[leads[group] * STRING_FIELD_COUNT + column],
          othersSeverity: SEVERITY_NAME[severity[group]],
        };
      },
      has(index) {
        return lookup(index) !== undefined || isSingleLead(index);
      },
    },
  };

  /** An event alone in its group is its own lead (it is a row whatever else is open). */
  function isSingleLead(index: number): boolean {
    if (singles.has(index)) return true;
    const correlation = ids[index * STRING_FIELD_COUNT + column];
    const group = correlation === 0 ? -1 : groupOf[correlation] - 1;
    const single = correlation === 0 || (group >= 0 && counts[group] === 1 && leads[group] === index);
    if (single) singles.add(index);
    return single;
  }
}
