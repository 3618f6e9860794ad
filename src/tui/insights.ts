/**
 * The insights view (`i`): the current view's events over time and its most frequent activities,
 * initiators, targets and IPs, each line a way to narrow the filter. Computed once when the view
 * opens (a timeline and four tallies: one pass each over the rows), so drawing and moving cost
 * nothing; the layout (how many values fit, how many buckets show) is derived from the size.
 */
import type { Pane } from '../model/pane.js';
import type { StringField } from '../store/event-batch.js';
import type { EventStore } from '../store/event-store.js';
import type { FieldName } from '../query/ast.js';
import { exactTerm, replaceTerms } from '../query/edit.js';
import { timeline, timelineText, type Timeline } from '../insights/timeline.js';
import { PANE_LABELS } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import { symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { displayWidth, truncateToWidth } from '../text/width.js';
import { topValues, type ValueCount } from '../insights/top-values.js';
import type { Action, AppState } from './state.js';
import type { Command } from './keymap.js';
// A function used at call time only, so the import cycle with state.ts is harmless.
import { viewEvents } from './state.js';
import { targetLabelCounts } from '../query/target-labels.js';

/** The four top lists: the store field counted and the query field a choice becomes. */
export const INSIGHT_LISTS = [
  { title: 'Top activities', storeField: 'activity', queryField: 'activity' },
  { title: 'Top initiators', storeField: 'initiator', queryField: 'actor' },
  { title: 'Top targets', storeField: 'target', queryField: 'target' },
  { title: 'Top IP addresses', storeField: 'ip', queryField: 'ip' },
] as const satisfies ReadonlyArray<{ title: string; storeField: StringField; queryField: FieldName }>;

/** The most values a list keeps (the layout shows fewer when the terminal is small). */
export const MAX_TOP = 10;

export interface InsightList {
  title: string;
  queryField: FieldName;
  values: ValueCount[];
  distinct: number;
}

export interface InsightsState {
  /** The pane the numbers are for (a snapshot: `i` again recomputes). */
  pane: Pane;
  timeline: Timeline;
  lists: InsightList[];
  /** Index into `insightItems`: buckets first (oldest first), then each list's values in order. */
  cursor: number;
  /** First timeline bucket in the window. */
  top: number;
}

export function computeInsights(store: EventStore, rows: ArrayLike<number>, pane: Pane): InsightsState {
  return {
    pane,
    timeline: timeline(store, rows),
    lists: INSIGHT_LISTS.map((list) => {
      // Targets: every target of an event counts, as the target:= term Enter applies matches.
      const tally = list.queryField === 'target' ? targetLabelCounts(store, rows, MAX_TOP) : topValues(store, rows, list.storeField, MAX_TOP);
      return { title: list.title, queryField: list.queryField, values: tally.values, distinct: tally.distinct };
    }),
    cursor: 0,
    top: 0,
  };
}

export interface InsightsLayout {
  /** Timeline beside the lists (wide terminals) or above them. */
  wide: boolean;
  /** Lines for the timeline's buckets. */
  timelineHeight: number;
  timelineWidth: number;
  /** Values shown per list. */
  perList: number;
  /** Width of one list column (two lists side by side). */
  listWidth: number;
}

/** Columns from which the timeline goes beside the lists instead of above them. */
const WIDE_FROM = 120;

/**
 * `height`: the lines below the view's title. Narrow: the timeline on top, the lists two by two
 * below it (5 values each at 80×24). Wide: the timeline on the left, the lists two by two on the right.
 */
export function insightsLayout(size: { columns: number }, height: number): InsightsLayout {
  const columns = size.columns;
  if (columns >= WIDE_FROM) {
    const timelineWidth = Math.floor(columns * 0.45);
    const listWidth = Math.floor((columns - timelineWidth - 2) / 2);
    // Two rows of lists, each a title and its values.
    const perList = Math.max(1, Math.min(MAX_TOP, Math.floor(height / 2) - 1));
    return { wide: true, timelineHeight: Math.max(1, height), timelineWidth, perList, listWidth };
  }
  const perList = Math.max(1, Math.min(MAX_TOP, Math.floor((height - 5) / 2) - 1));
  return { wide: false, timelineHeight: Math.max(1, height - 2 * (perList + 1)), timelineWidth: columns, perList, listWidth: Math.floor(columns / 2) };
}

export type InsightItem = { kind: 'bucket'; index: number } | { kind: 'value'; list: number; index: number };

/** Every selectable line, in cursor order. */
export function insightItems(insights: InsightsState, perList: number): InsightItem[] {
  const items: InsightItem[] = insights.timeline.buckets.map((_bucket, index) => ({ kind: 'bucket', index }));
  insights.lists.forEach((list, l) => {
    for (let index = 0; index < Math.min(perList, list.values.length); index++) items.push({ kind: 'value', list: l, index });
  });
  return items;
}

/** The first item of each section (the timeline, then each non-empty list). */
function sectionStarts(items: InsightItem[]): number[] {
  const starts: number[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    const section = item.kind === 'bucket' ? -1 : item.list;
    const before = previous === undefined ? null : previous.kind === 'bucket' ? -1 : previous.list;
    if (section !== before) starts.push(i);
  });
  return starts;
}

/** The timeline window's first bucket: kept when the selected bucket is in view, else moved just enough. */
export function timelineWindow(insights: InsightsState, cursor: number, height: number): number {
  const count = insights.timeline.buckets.length;
  let top = Math.max(0, Math.min(insights.top, count - height));
  if (cursor < count) {
    if (cursor < top) top = cursor;
    if (cursor >= top + height) top = cursor - height + 1;
  }
  return Math.max(0, top);
}

/** The filter text that choosing `item` applies: the bucket's time range, or the value as an exact term. */
export function itemFilterText(state: AppState, insights: InsightsState, item: InsightItem): string {
  const active = state.filter.active;
  const replace = (field: FieldName | 'time', terms: string) => (active ? replaceTerms(state.filter.text, active.query, field, terms) : terms);
  if (item.kind === 'bucket') {
    const bucket = insights.timeline.buckets[item.index];
    const start = new Date(bucket.startMs).toISOString();
    const end = new Date(bucket.startMs + insights.timeline.bucketMs - 1).toISOString();
    return replace('time', `since:${start} until:${end}`);
  }
  const list = insights.lists[item.list];
  return replace(list.queryField, exactTerm(list.queryField, [list.values[item.index].value], false));
}

/**
 * The view's commands (resolved from keys by the keymap, so they can be remapped): move, jump
 * between sections, choose, go back. `reduce` is the app's reducer (for applying a filter),
 * passed in so this module does not import it.
 */
export function insightsCommand(state: AppState, command: Command, now: number, bodyHeight: number, reduce: (state: AppState, action: Action) => AppState): AppState {
  const insights = state.insights;
  if (command.type === 'quit') return { ...state, quit: true };
  if (!insights || command.type === 'back') return { ...state, mode: 'table' };
  if (command.type === 'toggleHelp') return reduce(state, command);
  if (command.type === 'openInsights') return openInsights(state);
  const layout = insightsLayout(state.size, bodyHeight);
  const items = insightItems(insights, layout.perList);
  if (items.length === 0) return state;
  const cursor = Math.min(insights.cursor, items.length - 1);
  if (command.type === 'choose') {
    const item = items[cursor];
    const applied = reduce(state, { type: 'applyFilter', text: itemFilterText(state, insights, item), now });
    return applied.search.error ? state : { ...applied, mode: 'table' };
  }
  const starts = sectionStarts(items);
  const section = starts.filter((start) => start <= cursor).length - 1;
  const page = Math.max(1, layout.timelineHeight - 1);
  let next: number;
  if (command.type === 'move') next = cursor + command.direction * (command.by === 'line' ? 1 : page);
  else if (command.type === 'jump') next = command.to === 'first' ? 0 : items.length - 1;
  else if (command.type === 'section') next = starts[(section + command.direction + starts.length) % starts.length];
  else return state;
  next = Math.max(0, Math.min(items.length - 1, next));
  const top = timelineWindow(insights, next, layout.timelineHeight);
  if (next === insights.cursor && top === insights.top) return state;
  return { ...state, insights: { ...insights, cursor: next, top } };
}

/** Open (or recompute) the view for the pane's rows as filtered now. */
export function openInsights(state: AppState): AppState {
  const insights = computeInsights(state.store, viewEvents(state), state.pane);
  return { ...state, mode: 'insights', insights };
}

export interface InsightLine {
  text: string;
  selected: boolean;
}

export interface InsightsScreen {
  title: string;
  layout: InsightsLayout;
  timeline: InsightLine[];
  lists: Array<{ title: string; lines: InsightLine[] }>;
}

const count = (n: number) => n.toLocaleString('en-US');
const MARK = { on: '> ', off: '  ' };

/**
 * Everything the view draws, as text fitted to its width: the title, the timeline window (one
 * bucket per line) and the four lists. Log strings are sanitised here.
 */
export function insightsScreen(insights: InsightsState, size: { columns: number }, height: number, options: { timeZone: TimeZoneChoice; ascii: boolean }): InsightsScreen {
  const layout = insightsLayout(size, height);
  const items = insightItems(insights, layout.perList);
  const cursor = Math.min(insights.cursor, Math.max(0, items.length - 1));
  const line = insights.timeline;
  const separator = symbols().separator;
  const head = ` Insights: ${PANE_LABELS[insights.pane]}${separator}`;
  const span = line.total === 0 ? 'no events' : `${count(line.total)} events${separator}${line.bucketLabel} buckets`;
  const range = line.total === 0 ? '' : `${separator}${shortTime(line.firstMs, options.timeZone)} to ${shortTime(line.lastMs, options.timeZone)} ${options.timeZone.label}`;
  // The range goes first when the line is short of room: the bars' labels say it too.
  const full = `${head}${span}${range} `;
  const title = displayWidth(full) <= size.columns ? full : `${head}${span} `;

  const top = timelineWindow(insights, cursor, layout.timelineHeight);
  const drawn = timelineText(line, Math.max(10, layout.timelineWidth - MARK.on.length - 1), { ascii: options.ascii, timeZone: options.timeZone });
  const timelineLines = drawn.slice(top, top + layout.timelineHeight).map((text, i) => {
    const selected = items[cursor]?.kind === 'bucket' && top + i === cursor;
    return { text: truncateToWidth((selected ? MARK.on : MARK.off) + text, layout.timelineWidth - 1), selected };
  });
  if (line.total === 0) timelineLines.push({ text: '  No events in this view.', selected: false });

  let itemIndex = line.buckets.length;
  const lists = insights.lists.map((list) => {
    const shown = list.values.slice(0, layout.perList);
    const countWidth = Math.max(0, ...shown.map((v) => count(v.count).length));
    const more = list.distinct > shown.length ? ` (${count(list.distinct)} in all)` : '';
    const lines = shown.map((value) => {
      const selected = itemIndex++ === cursor;
      const text = `${selected ? MARK.on : MARK.off}${count(value.count).padStart(countWidth)}  ${sanitize(value.value)}`;
      return { text: truncateToWidth(text, layout.listWidth - 1), selected };
    });
    if (shown.length === 0) lines.push({ text: '  (none recorded)', selected: false });
    return { title: truncateToWidth(`${list.title}${more}`, layout.listWidth - 1), lines };
  });
  return { title: truncateToWidth(title, size.columns), layout, timeline: timelineLines, lists };
}

/** `YYYY-MM-DD HH:MM` in the view's zone. */
const shortTime = (ms: number, zone: TimeZoneChoice) => formatInZone(new Date(ms).toISOString(), zone).slice(0, 16);
