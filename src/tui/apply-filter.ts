/**
 * Applying a filter: the one way every face of the explorer changes it (the `/` bar, the menu,
 * a pivot, a question, insights, stepping back), a plain function the modes call. It records the
 * filter it replaces in the history (Backspace steps back), except while typing and when stepping back.
 */
import { filterFromText } from '../query/filter.js';
import { valueNotes } from '../query/value-notes.js';
import type { Pane } from '../model/pane.js';
import type { ActiveFilter } from '../query/filter.js';
import type { AppState, FilterHow, FilterNotes } from './app-state.js';
import { computeRows, cursorsAtStart, keepSelection, narrowedRows, rowChoice } from './rows.js';

/** How many filters Backspace can step back through. */
const HISTORY = 50;

/** The history once `previous` gave way to another filter (Backspace goes back to it). */
export const recordFilter = (history: readonly string[], previous: string): readonly string[] => [...history, previous].slice(-HISTORY);

export type FilterOutcome = { ok: true; state: AppState } | { ok: false; error: { message: string; position: number } };

/** `text` as the filter, or why it cannot be (the position indexes `text` as given). */
export function tryFilter(state: AppState, text: string, now: number, how: FilterHow = {}): FilterOutcome {
  // Parsed as stored (trimmed), so term positions index the stored text (the menu edits by them).
  const trimmed = text.trim();
  const result = filterFromText(trimmed, state.indexes.query, now, state.filter.active, state.options.timeZone.zone);
  if (!result.ok) return { ok: false, error: { ...result.error, position: result.error.position + (text.length - text.trimStart().length) } };
  const cleared = state.search.error ? { ...state, search: { ...state.search, error: null } } : state;
  // Kept with the offset of every time read in the display zone (see query/zoned-text.ts).
  if (result.text === state.filter.text && how.live) return { ok: true, state: cleared };
  const changed = result.text !== state.filter.text;
  const recorded = changed && !how.fromHistory && !how.live;
  const filterHistory = recorded ? recordFilter(state.filterHistory, state.filter.text) : state.filterHistory;
  const narrowed = result.narrower && result.test ? narrowedRows(state, result.test) : null;
  const rows = narrowed ?? computeRows(state, rowChoice(state, { test: result.test }));
  const filter = { text: result.text, test: result.test, active: result.filter, notes: notesOn(state, result.text, result.filter, state.pane, rows.rows[state.pane].length > 0) };
  const next = { ...cleared, filter, filterHistory, ...rows };
  // Stepping back through the history, or pivoting from an event, keeps that event selected
  // (the pivot's event is in its results); any other new filter starts at its newest event.
  if (how.fromHistory || how.keepSelected) return { ok: true, state: keepSelection(state, next, true) };
  return { ok: true, state: { ...next, cursor: cursorsAtStart() } };
}

/** Notes on the filter's terms that match nothing in `pane` (query/value-notes.ts), or null. */
function notesOn(state: Pick<AppState, 'indexes'>, text: string, active: ActiveFilter | null, pane: Pane, matchedSome: boolean): FilterNotes | null {
  if (!active) return null;
  const lines = valueNotes(active.query, state.indexes.query, { scope: pane, text, matchedSome });
  return lines.length > 0 ? { pane, lines } : null;
}

/**
 * After the store grew (a load streaming in), the notes judged again: a term that found nothing
 * in the events loaded so far may find some now, and a note must not outlive its truth. A filter
 * without notes keeps none (more events only add matches).
 */
export function filterAfterGrowth(state: AppState): AppState['filter'] {
  const { notes, active } = state.filter;
  if (!notes) return state.filter;
  return { ...state.filter, notes: notesOn(state, state.filter.text, active, notes.pane, state.rows[notes.pane].length > 0) };
}

/** `text` as the filter; when it does not parse, the state keeps its filter and the `/` bar shows why. */
export function applyFilter(state: AppState, text: string, now: number, how: FilterHow = {}): AppState {
  const outcome = tryFilter(state, text, now, how);
  return outcome.ok ? outcome.state : { ...state, search: { ...state.search, error: outcome.error } };
}

/** Backspace in the list: the filter before this one. */
export function filterBack(state: AppState, now: number): AppState {
  if (state.filterHistory.length === 0) return state;
  const previous = state.filterHistory[state.filterHistory.length - 1];
  const depth = state.filterHistory.length;
  // A pivot into another pane (S) is undone whole: the filter and the pane it left.
  const paneEntry = state.paneHistory.at(-1);
  const back = paneEntry?.depth === depth ? { pane: paneEntry.pane, paneHistory: state.paneHistory.slice(0, -1) } : {};
  return applyFilter({ ...state, ...back, filterHistory: state.filterHistory.slice(0, -1) }, previous, now, { fromHistory: true });
}
