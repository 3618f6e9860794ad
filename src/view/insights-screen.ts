/**
 * The insights view (`i`) as text: the layout (timeline beside or above the four lists, how many
 * values fit), the selectable lines in cursor order, and every line fitted to its width. Drawn
 * from the numbers computed when the view opened (insights/insight-lists.ts) and a cursor.
 */
import type { InsightsData } from '../insights/insight-lists.js';
import { MAX_TOP } from '../insights/insight-lists.js';
import { timelineText } from '../insights/timeline.js';
import { PANE_LABELS } from '../model/pane.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { formatInZone, type TimeZoneChoice } from '../text/time-zone.js';
import { displayWidth, truncateToWidth } from '../text/width.js';

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
export function insightsLayout(size: { columns: number }, height: number, listCount = 4): InsightsLayout {
  const columns = size.columns;
  // Lists two by two: as many rows as the pane has lists (the Sign-ins pane has six or more).
  const rows = Math.max(1, Math.ceil(listCount / 2));
  if (columns >= WIDE_FROM) {
    const timelineWidth = Math.floor(columns * 0.45);
    const listWidth = Math.floor((columns - timelineWidth - 2) / 2);
    // Each list is a title and its values.
    const perList = Math.max(1, Math.min(MAX_TOP, Math.floor(height / rows) - 1));
    return { wide: true, timelineHeight: Math.max(1, height), timelineWidth, perList, listWidth };
  }
  const perList = Math.max(1, Math.min(MAX_TOP, Math.floor((height - 5) / rows) - 1));
  return { wide: false, timelineHeight: Math.max(1, height - rows * (perList + 1)), timelineWidth: columns, perList, listWidth: Math.floor(columns / 2) };
}

export type InsightItem = { kind: 'bucket'; index: number } | { kind: 'value'; list: number; index: number };

/** Every selectable line, in cursor order. */
export function insightItems(insights: InsightsData, perList: number): InsightItem[] {
  const items: InsightItem[] = insights.timeline.buckets.map((_bucket, index) => ({ kind: 'bucket', index }));
  insights.lists.forEach((list, l) => {
    for (let index = 0; index < Math.min(perList, list.values.length); index++) items.push({ kind: 'value', list: l, index });
  });
  return items;
}

/** The first item of each section (the timeline, then each non-empty list). */
export function sectionStarts(items: InsightItem[]): number[] {
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
export function timelineWindow(insights: InsightsData, top: number, cursor: number, height: number): number {
  const count = insights.timeline.buckets.length;
  let first = Math.max(0, Math.min(top, count - height));
  if (cursor < count) {
    if (cursor < first) first = cursor;
    if (cursor >= first + height) first = cursor - height + 1;
  }
  return Math.max(0, first);
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

/** `YYYY-MM-DD HH:MM` in the view's zone. */
const shortTime = (ms: number, zone: TimeZoneChoice) => formatInZone(new Date(ms).toISOString(), zone).slice(0, 16);

/**
 * Everything the view draws, as text fitted to its width: the title, the timeline window (one
 * bucket per line) and the lists. Log strings are sanitised here.
 */
export function insightsScreen(
  insights: InsightsData,
  position: { cursor: number; top: number },
  size: { columns: number },
  height: number,
  options: { timeZone: TimeZoneChoice; symbols: Symbols; partial?: boolean },
): InsightsScreen {
  const { symbols } = options;
  const fit = (text: string, width: number) => truncateToWidth(text, width, symbols.ellipsis);
  const layout = insightsLayout(size, height, insights.lists.length);
  const items = insightItems(insights, layout.perList);
  const cursor = Math.min(position.cursor, Math.max(0, items.length - 1));
  const line = insights.timeline;
  const { separator } = symbols;
  // Taken during a load, every number is a floor: said before them, where a paste of the line keeps it.
  const partial = options.partial ? `PARTIAL, the load was still running (i recomputes)${separator}` : '';
  const head = ` Insights: ${PANE_LABELS[insights.pane]}${separator}${partial}`;
  const span = line.total === 0 ? 'no events' : `${count(line.total)} events${separator}${line.bucketLabel} buckets`;
  const range = line.total === 0 ? '' : `${separator}${shortTime(line.firstMs, options.timeZone)} to ${shortTime(line.lastMs, options.timeZone)} ${options.timeZone.label}`;
  // The range goes first when the line is short of room: the bars' labels say it too.
  const full = `${head}${span}${range} `;
  const title = displayWidth(full) <= size.columns ? full : `${head}${span} `;

  const top = timelineWindow(insights, position.top, cursor, layout.timelineHeight);
  const drawn = timelineText(line, Math.max(10, layout.timelineWidth - MARK.on.length - 1), { ascii: symbols.ascii, timeZone: options.timeZone });
  const timelineLines = drawn.slice(top, top + layout.timelineHeight).map((text, i) => {
    const selected = items[cursor]?.kind === 'bucket' && top + i === cursor;
    return { text: fit((selected ? MARK.on : MARK.off) + text, layout.timelineWidth - 1), selected };
  });
  if (line.total === 0) timelineLines.push({ text: '  No events in this view.', selected: false });

  let itemIndex = line.buckets.length;
  const lists = insights.lists.map((list) => {
    const shown = list.values.slice(0, layout.perList);
    const countWidth = Math.max(0, ...shown.map((v) => count(v.count).length));
    const more = list.distinct > shown.length ? ` (${count(list.distinct)} in all)` : '';
    const lines = shown.map((value) => {
      const selected = itemIndex++ === cursor;
      const text = `${selected ? MARK.on : MARK.off}${count(value.count).padStart(countWidth)}  ${sanitize(value.value, symbols)}`;
      return { text: fit(text, layout.listWidth - 1), selected };
    });
    if (shown.length === 0) lines.push({ text: '  (none recorded)', selected: false });
    return { title: fit(`${list.title}${more}`, layout.listWidth - 1), lines };
  });
  return { title: fit(title, size.columns), layout, timeline: timelineLines, lists };
}
