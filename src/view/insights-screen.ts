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
import { unusualLine } from './unusual-text.js';

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
  /** Unusual values shown above everything (the rare first), and the lines that block takes. */
  unusualShown: number;
  unusualHeight: number;
}

/** Unusual values shown: more when the terminal is tall. */
const unusualRoom = (height: number) => (height >= 30 ? 5 : height >= 18 ? 3 : 1);

/** Columns from which the timeline goes beside the lists instead of above them. */
const WIDE_FROM = 120;

/**
 * `height`: the lines below the view's title. Narrow: the timeline on top, the lists two by two
 * below it (5 values each at 80×24). Wide: the timeline on the left, the lists two by two on the right.
 */
export function insightsLayout(size: { columns: number }, fullHeight: number, listCount = 4, unusualCount: number | null = null): InsightsLayout {
  const columns = size.columns;
  // The Unusual block: a title and its values, or one line saying nothing stands out.
  const unusualShown = unusualCount === null ? 0 : Math.min(unusualCount, unusualRoom(fullHeight));
  const unusualHeight = unusualCount === null ? 0 : unusualShown === 0 ? 1 : unusualShown + 1;
  const height = fullHeight - unusualHeight;
  const unusual = { unusualShown, unusualHeight };
  // Lists two by two: as many rows as the pane has lists (the Sign-ins pane has six or more).
  const rows = Math.max(1, Math.ceil(listCount / 2));
  if (columns >= WIDE_FROM) {
    const timelineWidth = Math.floor(columns * 0.45);
    const listWidth = Math.floor((columns - timelineWidth - 2) / 2);
    // Each list is a title and its values.
    const perList = Math.max(1, Math.min(MAX_TOP, Math.floor(height / rows) - 1));
    return { wide: true, timelineHeight: Math.max(1, height), timelineWidth, perList, listWidth, ...unusual };
  }
  const perList = Math.max(1, Math.min(MAX_TOP, Math.floor((height - 5) / rows) - 1));
  return { wide: false, timelineHeight: Math.max(1, height - rows * (perList + 1)), timelineWidth: columns, perList, listWidth: Math.floor(columns / 2), ...unusual };
}

export type InsightItem = { kind: 'unusual'; index: number } | { kind: 'bucket'; index: number } | { kind: 'value'; list: number; index: number };

/** Every selectable line, in cursor order: the unusual values first, then the timeline, then the lists. */
export function insightItems(insights: InsightsData, layout: Pick<InsightsLayout, 'perList' | 'unusualShown'>): InsightItem[] {
  const { perList } = layout;
  const items: InsightItem[] = Array.from({ length: layout.unusualShown }, (_, index) => ({ kind: 'unusual', index }));
  insights.timeline.buckets.forEach((_bucket, index) => items.push({ kind: 'bucket', index }));
  insights.lists.forEach((list, l) => {
    for (let index = 0; index < Math.min(perList, list.values.length); index++) items.push({ kind: 'value', list: l, index });
  });
  return items;
}

const sectionOf = (item: InsightItem): number => (item.kind === 'unusual' ? -2 : item.kind === 'bucket' ? -1 : item.list);

/** The first item of each section (the unusual values, the timeline, then each non-empty list). */
export function sectionStarts(items: InsightItem[]): number[] {
  const starts: number[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous === undefined || sectionOf(previous) !== sectionOf(item)) starts.push(i);
  });
  return starts;
}

/** The bucket under the cursor, or -1 when the cursor is on another section. */
export const bucketAt = (items: InsightItem[], cursor: number): number => {
  const item = items[cursor];
  return item?.kind === 'bucket' ? item.index : -1;
};

/** The timeline window's first bucket: kept when the selected bucket (or -1: none) is in view, else moved just enough. */
export function timelineWindow(insights: InsightsData, top: number, cursor: number, height: number): number {
  const count = insights.timeline.buckets.length;
  let first = Math.max(0, Math.min(top, count - height));
  if (cursor >= 0 && cursor < count) {
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
  /** The Unusual block's title and lines (empty when not measured). */
  unusual: { title: string; lines: InsightLine[] } | null;
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
  const layout = insightsLayout(size, height, insights.lists.length, insights.unusual?.values.length ?? null);
  const items = insightItems(insights, layout);
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

  const top = timelineWindow(insights, position.top, bucketAt(items, cursor), layout.timelineHeight);
  // Only the window's lines are drawn: a timeline zoomed to 1m can have tens of thousands.
  const window = { from: top, count: layout.timelineHeight };
  const drawn = timelineText(line, Math.max(10, layout.timelineWidth - MARK.on.length - 1), { ascii: symbols.ascii, timeZone: options.timeZone, window });
  const timelineLines = drawn.map((text, i) => {
    const selected = bucketAt(items, cursor) === top + i;
    return { text: fit((selected ? MARK.on : MARK.off) + text, layout.timelineWidth - 1), selected };
  });
  if (line.total === 0) timelineLines.push({ text: '  No events in this view.', selected: false });

  let itemIndex = layout.unusualShown + line.buckets.length;
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
  return { title: fit(title, size.columns), layout, timeline: timelineLines, lists, unusual: unusualBlock(insights, layout, items, cursor, size.columns, options) };
}

/** `Unusual (3 of 7; Enter narrows)` and a line per value, in plain words. */
function unusualBlock(insights: InsightsData, layout: InsightsLayout, items: InsightItem[], cursor: number, columns: number, options: { timeZone: TimeZoneChoice; symbols: Symbols }): InsightsScreen['unusual'] {
  const report = insights.unusual;
  if (!report) return null;
  const { symbols } = options;
  const fit = (text: string) => truncateToWidth(text, columns - 1, symbols.ellipsis);
  if (report.tooFew) return { title: fit(` Unusual: too few events to tell what is usual (${count(report.tooFew.events)}; the measures start at ${count(report.tooFew.needed)})`), lines: [] };
  if (report.values.length === 0) return { title: fit(' Unusual: nothing stands out in this view (new, one-day, off-hours, rare or bursting values)'), lines: [] };
  const lines = report.values.slice(0, layout.unusualShown).map((value, index) => {
    const selected = items[cursor]?.kind === 'unusual' && items[cursor].index === index;
    return { text: fit(`${selected ? MARK.on : MARK.off}${sanitize(unusualLine(value, report, options.timeZone), symbols)}`), selected };
  });
  const more = report.values.length > layout.unusualShown ? ` (${layout.unusualShown} of ${report.values.length}; summary lists them all)` : '';
  const partial = report.partial ? ' · partial: the load is not complete, so what is new may not be' : '';
  return { title: fit(` Unusual, strongest first${more}${partial}`), lines };
}
