/**
 * Correlation groups (`o`): events sharing a correlation ID are one operation (adding an app
 * writes its application, service principal, owner and credentials as separate events). Grouped,
 * the table shows one row per operation, its newest event leading, with the count and time span;
 * an expanded group shows its other events right under the lead, oldest last.
 */
import type { EventStore } from '../store/event-store.js';

export interface GroupInfo {
  count: number;
  oldestMs: number;
  newestMs: number;
  /** The correlation id's string id (what `expanded` holds). */
  correlation: number;
}

export interface GroupedRows {
  rows: Int32Array;
  /** Lead event (store index) → its group; events without a correlation ID lead a group of one. */
  leads: Map<number, GroupInfo>;
}

/** `rows` (newest first) folded into groups; `expanded` holds correlation string ids. */
export function groupRows(store: EventStore, rows: Int32Array, expanded: ReadonlySet<number>): GroupedRows {
  const leads = new Map<number, GroupInfo>();
  const leadOf = new Map<number, number>();
  const members = new Map<number, number[]>();
  const order: number[] = [];
  for (const index of rows) {
    const correlation = store.stringId(index, 'correlation');
    const lead = correlation === 0 ? undefined : leadOf.get(correlation);
    if (lead === undefined) {
      const time = store.timeMs(index);
      leads.set(index, { count: 1, oldestMs: time, newestMs: time, correlation });
      if (correlation !== 0) leadOf.set(correlation, index);
      order.push(index);
      continue;
    }
    const info = leads.get(lead);
    if (info) {
      info.count++;
      info.oldestMs = Math.min(info.oldestMs, store.timeMs(index));
    }
    if (expanded.has(correlation)) {
      let list = members.get(lead);
      if (!list) members.set(lead, (list = []));
      list.push(index);
    }
  }
  const out: number[] = [];
  for (const lead of order) {
    out.push(lead);
    const list = members.get(lead);
    if (list) out.push(...list);
  }
  return { rows: Int32Array.from(out), leads };
}

/** `3 s`, `4 min`, `2 h`: how long an operation took, for the group row. */
export function spanText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
