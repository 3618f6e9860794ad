/**
 * The insights timeline's zoom (`+` / `-`): the same events counted again in the next smaller or
 * larger bucket size, around the bucket the cursor is on, so 02:47 gets a bar of its own instead
 * of sharing an hour with the working morning. Enter on a zoomed bucket narrows to its exact span
 * (itemFilterText reads the size from the timeline).
 */
import { bucketCount, MAX_ZOOMED_BUCKETS, timeline, zoomedSize } from '../../insights/timeline.js';
import { insightItems, timelineWindow, type InsightsLayout } from '../../view/insights-screen.js';
import type { AppState, InsightsState } from '../app-state.js';

const count = (n: number) => n.toLocaleString('en-US');

const saying = (state: AppState, text: string): AppState => ({ ...state, message: { text, tone: 'bad' } });

/**
 * Zoom in (direction 1) or out. The bucket in focus (the cursor's, or the window's first when the
 * cursor is on a list) is followed: zooming in, the cursor goes to its first smaller bucket that
 * has events (it had some: an empty bar is rarely what one zooms into); zooming out, to the larger
 * bucket that holds it. The selected line stays where it was on the screen, unless the smaller
 * buckets after it would then be out of sight.
 */
export function zoomTimeline(state: AppState, insights: InsightsState, direction: 1 | -1, layout: InsightsLayout): AppState {
  const line = insights.timeline;
  if (line.total === 0) return state;
  const size = zoomedSize(line.bucketMs, direction);
  if (!size) return saying(state, direction === 1 ? 'The timeline is at its smallest buckets (1m)' : 'The timeline is at its largest buckets (7d)');
  const buckets = bucketCount(line.firstMs, line.lastMs, size.ms);
  if (buckets > MAX_ZOOMED_BUCKETS) {
    return saying(state, `${size.label} buckets over this span would be ${count(buckets)} lines (at most ${count(MAX_ZOOMED_BUCKETS)}): Enter on a bucket narrows to it first`);
  }
  const oldBuckets = line.buckets.length;
  // The cursor's items: the unusual values first, then the buckets, then the lists.
  const before = layout.unusualShown;
  const onBucket = insights.cursor >= before && insights.cursor < before + oldBuckets;
  const focus = onBucket ? insights.cursor - before : Math.min(insights.top, oldBuckets - 1);
  const focusStart = line.buckets[focus].startMs;
  const zoomed = timeline(state.indexes.query.store, insights.events, size.ms);
  const last = zoomed.buckets.length - 1;
  // The zoomed bucket holding the focus's start (the first bucket may start after it when zooming in).
  const first = Math.max(0, Math.min(last, Math.floor((focusStart - zoomed.buckets[0].startMs) / size.ms)));
  // Zooming in, the focus became several buckets: [first, end].
  const end = direction === 1 ? Math.min(last, first + Math.ceil(line.bucketMs / size.ms) - 1) : first;
  let at = first;
  while (at < end && zoomed.buckets[at].count === 0) at++;
  if (zoomed.buckets[at].count === 0) at = first;
  const next = { ...insights, timeline: zoomed };
  const cursor = onBucket ? before + at : insights.cursor < before ? insights.cursor : before + zoomed.buckets.length + (insights.cursor - before - oldBuckets);
  // The selected line where it was on the screen, unless that hides the rest of what was zoomed into.
  const height = layout.timelineHeight;
  let top = at - (focus - insights.top);
  if (end > top + height - 1) top = Math.min(at, end - height + 1);
  top = timelineWindow(next, Math.max(0, top), at, height);
  // The cursor on a list keeps its value; the list items follow the buckets in the cursor's order.
  const items = insightItems(next, layout).length;
  return { ...state, insights: { ...next, cursor: Math.min(cursor, items - 1), top } };
}
