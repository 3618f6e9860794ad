/**
 * The insights view's keys (resolved from the keymap, so they can be remapped): move, jump
 * between sections, choose (narrow the filter to a bucket or a value), zoom the timeline
 * (insights-zoom.ts), recompute, go back.
 */
import { computeInsights } from '../../insights/insight-lists.js';
import type { FieldName } from '../../query/ast.js';
import { exactTerm, replaceTerms } from '../../query/edit.js';
import { bucketAt, insightItems, insightsLayout, sectionStarts, timelineWindow, type InsightItem } from '../../view/insights-screen.js';
import { bodyHeight } from '../../view/layout.js';
import { PANE_DEFINITIONS } from '../../view/panes.js';
import { tryFilter } from '../apply-filter.js';
import type { AppState, InsightsState } from '../app-state.js';
import type { Command } from '../keymap.js';
import { viewEvents } from '../rows.js';
import { toggleHelp } from './common.js';
import { zoomTimeline } from './insights-zoom.js';

/** Open (or recompute) the view for the pane's rows as filtered now. */
export function openInsights(state: AppState): AppState {
  const events = viewEvents(state);
  const data = computeInsights(state.indexes.query, events, state.pane, PANE_DEFINITIONS[state.pane].insightLists, state.indexes.unusual.inView(state.pane, events));
  return { ...state, mode: 'insights', insights: { ...data, events, cursor: 0, top: 0, partial: state.loading !== null } };
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
  if (item.kind === 'unusual') {
    const value = insights.unusual?.values[item.index];
    if (!value) return state.filter.text;
    return replace(value.field.queryField, exactTerm(value.field.queryField, [value.value], false));
  }
  const list = insights.lists[item.list];
  return replace(list.queryField, exactTerm(list.queryField, [list.values[item.index].value], false));
}

export function insightsCommand(state: AppState, command: Command, now: number): AppState {
  const insights = state.insights;
  if (command.type === 'quit') return { ...state, quit: true };
  if (!insights || command.type === 'back') return { ...state, mode: 'table' };
  if (command.type === 'toggleHelp') return toggleHelp(state);
  if (command.type === 'openInsights') return openInsights(state);
  const layout = insightsLayout(state.size, bodyHeight(state.size), insights.lists.length, insights.unusual?.values.length ?? null);
  const items = insightItems(insights, layout);
  if (items.length === 0) return state;
  const cursor = Math.min(insights.cursor, items.length - 1);
  if (command.type === 'zoomTimeline') return zoomTimeline(state, { ...insights, cursor }, command.direction, layout);
  if (command.type === 'choose') {
    const outcome = tryFilter(state, itemFilterText(state, insights, items[cursor]), now);
    return outcome.ok ? { ...outcome.state, mode: 'table' } : state;
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
  const top = timelineWindow(insights, insights.top, bucketAt(items, next), layout.timelineHeight);
  if (next === insights.cursor && top === insights.top) return state;
  return { ...state, insights: { ...insights, cursor: next, top } };
}

/**
 * The insights cursor is an index over the unusual lines, then the buckets, then the lists, and
 * how many unusual lines are shown depends on the height: keep it on the same line when that
 * number changes, so Enter after a resize narrows to what was selected.
 */
export function insightsAfterResize(before: AppState, after: AppState): AppState['insights'] {
  const insights = before.insights;
  if (!insights) return insights;
  const shown = (state: AppState) => insightsLayout(state.size, bodyHeight(state.size), insights.lists.length, insights.unusual?.values.length ?? null).unusualShown;
  const was = shown(before);
  const now = shown(after);
  if (was === now) return insights;
  const cursor = insights.cursor < was ? Math.min(insights.cursor, Math.max(0, now - 1)) : insights.cursor + now - was;
  return { ...insights, cursor: Math.max(0, cursor) };
}
