/**
 * `S`: from a change to the sign-ins behind it, and back. From an audit event, the Sign-ins pane
 * filtered to the initiator's sign-ins from 30 minutes before to an hour after the change (the
 * window Sentinel's "suspicious sign-in followed by MFA modification" joins on); from a sign-in,
 * the Directory pane with that user's changes in the same window around it. The terms are
 * ordinary, visible and editable; Backspace returns to the filter and the pane it came from.
 */
import { isAuditPane, PANE_LABELS, type Pane } from '../model/pane.js';
import { quote } from '../query/format.js';
import { bodyHeight } from '../view/layout.js';
import { plural } from '../view/summary-parts.js';
import { applyFilter } from './apply-filter.js';
import type { AppState } from './app-state.js';
import { clampCursor, selectedIndex } from './rows.js';

export const PIVOT_BEFORE_MS = 30 * 60_000;
export const PIVOT_AFTER_MS = 60 * 60_000;

/** A time as a query term writes it: ISO 8601 UTC to the second (the window only widens by the rounding). */
const termTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The filter `S` applies around an event of `who` at `timeMs`: whole seconds, rounded outwards. */
export const signInPivotQuery = (who: string, timeMs: number): string =>
  `actor:=${quote(who)} since:${termTime(Math.floor((timeMs - PIVOT_BEFORE_MS) / 1000) * 1000)} until:${termTime(Math.ceil((timeMs + PIVOT_AFTER_MS) / 1000) * 1000)}`;

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

export function signInPivot(state: AppState, now: number): AppState {
  const index = selectedIndex(state);
  if (index === undefined) return state;
  if (state.pane === 'provisioning') return { ...state, message: { text: 'S pivots between a change and its sign-ins; a provisioning event has neither (p pivots on an IP, a on the identity)', tone: 'bad' } };
  const summary = state.store.summary(index);
  if (!summary.initiator) return { ...state, message: { text: 'S: this event names no initiator to look for', tone: 'bad' } };
  const toPane: Pane = isAuditPane(state.pane) ? 'sign-ins' : 'directory';
  const depth = state.filterHistory.length + 1;
  const filtered = applyFilter(state, signInPivotQuery(summary.initiator, summary.timeMs), now, { keepSelected: true });
  if (filtered.filterHistory.length !== depth) return filtered; // the query did not apply (its error is on the bar)
  const rows = filtered.rows[toPane];
  // Land on the last record at or before the event: the sign-in that led to the change.
  let position = 0;
  while (position < rows.length - 1 && state.store.timeMs(rows[position]) > summary.timeMs) position++;
  const cursor = { ...filtered.cursor, [toPane]: clampCursor({ selected: position, top: position - 2 }, rows.length, bodyHeight(state.size)) };
  const what = toPane === 'sign-ins' ? 'sign-in' : 'change';
  const text = `${PANE_LABELS[toPane]}: ${plural(rows.length, what)} of ${summary.initiator} ${clock(summary.timeMs - PIVOT_BEFORE_MS)}–${clock(summary.timeMs + PIVOT_AFTER_MS)} UTC (30 min before to 1 h after) · Backspace returns`;
  return {
    ...filtered,
    pane: toPane,
    paneChosen: true,
    mode: 'table',
    cursor,
    paneHistory: [...state.paneHistory, { depth, pane: state.pane }],
    message: { text, tone: 'ok' },
  };
}
