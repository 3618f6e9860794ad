/**
 * Commands several modes share (quit, help, panes, pivots, marks, copying) and the scrolling of
 * the text views. Plain functions of the state: the modes call them, the reducer only routes.
 */
import { PANES, type Pane } from '../../model/pane.js';
import { quote } from '../../query/format.js';
import type { DetailTab } from '../../view/details.js';
import { bodyHeight } from '../../view/layout.js';
import { PANE_DEFINITIONS } from '../../view/panes.js';
import { applyFilter } from '../apply-filter.js';
import type { AppState, Effect } from '../app-state.js';
import { eventAsJson, viewCommand } from '../clipboard.js';
import type { Command, PivotField } from '../keymap.js';
import { moveSelection, selectedIndex, selectedRead, withRows } from '../rows.js';
import { signInPivot } from '../sign-in-pivot.js';

type EffectRequest = Effect extends infer E ? (E extends Effect ? Omit<E, 'id'> : never) : never;

/** Effects kept for the app to perform: more than keys arrive in one read that each ask for one. */
const PENDING_EFFECTS = 8;

/** Ask the app to perform a side effect (each id once, in order; `yY` in one burst copies twice). */
export function withEffect(state: AppState, effect: EffectRequest): AppState {
  const id = (state.effects.at(-1)?.id ?? 0) + 1;
  return { ...state, effects: [...state.effects, { ...effect, id }].slice(-PENDING_EFFECTS) };
}

/** Lines a mouse wheel notch moves, as terminals scroll their own scrollback. */
const WHEEL_LINES = 3;

export function stepSize(by: 'line' | 'page' | 'halfPage' | 'wheel', height: number): number {
  if (by === 'line') return 1;
  if (by === 'wheel') return WHEEL_LINES;
  if (by === 'page') return Math.max(1, height - 1);
  return Math.max(1, Math.floor(height / 2));
}

export type ScrolledView = keyof AppState['scroll'];

/** Scroll a text view by `to(current, limit)`, kept within `lines` (how many the view has). */
export function scrollView(state: AppState, view: ScrolledView, lines: number, to: (current: number, limit: number) => number): AppState {
  const limit = Math.max(0, lines - bodyHeight(state.size));
  const next = Math.max(0, Math.min(limit, to(state.scroll[view], limit)));
  return next === state.scroll[view] ? state : { ...state, scroll: { ...state.scroll, [view]: next } };
}

/** Motion commands in a text view of `lines()` lines (counted only for a motion: the details build every line to count them). */
export function scrollCommand(state: AppState, view: ScrolledView, lines: () => number, command: Command): AppState | null {
  const height = bodyHeight(state.size);
  if (command.type === 'move') return scrollView(state, view, lines(), (current) => current + stepSize(command.by, height) * command.direction);
  if (command.type === 'jump') return scrollView(state, view, lines(), (_current, limit) => (command.to === 'first' ? 0 : limit));
  return null;
}

/** Motion commands in the event list. */
export function moveCommand(state: AppState, command: Command): AppState | null {
  if (command.type === 'move') return moveSelection(state, (selected) => selected + stepSize(command.by, bodyHeight(state.size)) * command.direction);
  if (command.type === 'jump') return moveSelection(state, (_selected, rowCount) => (command.to === 'first' ? 0 : rowCount - 1));
  return null;
}

export function toggleHelp(state: AppState): AppState {
  if (state.mode === 'help') return { ...state, mode: state.returnMode };
  return { ...state, mode: 'help', returnMode: state.mode, scroll: { ...state.scroll, help: 0 } };
}

/** `q` from the list: marked events would be lost, so that asks once (the next `q` quits). */
export function quitFromList(state: AppState): AppState {
  if (state.marks.size === 0 || state.confirmQuit) return { ...state, quit: true };
  const count = state.marks.size.toLocaleString('en-US');
  return { ...state, confirmQuit: true, message: { text: `${count} marked event${state.marks.size === 1 ? '' : 's'} will be lost: q again quits, any other key stays (e exports them)`, tone: 'bad' } };
}

/**
 * The filter term a pivot applies: an ordinary, visible, removable query term. Values are quoted
 * so names with spaces or quotes survive; an empty value (no IP recorded) gives nothing.
 */
function pivotTerm(state: AppState, on: PivotField): string | null {
  const index = selectedIndex(state);
  if (index === undefined) return null;
  const summary = state.store.summary(index);
  const value = on === 'corr' ? summary.correlation : on === 'actor' ? summary.initiator : on === 'target' ? summary.target : summary.ip;
  // Exact (`:=`): "the same" initiator, not every UPN containing it (bob@ vs jimbob@).
  return value ? `${on}:=${quote(value)}` : null;
}

/**
 * The details tab to show in `pane`: `tab` where the pane has it (Raw stays Raw), else its first.
 * Another kind of record has other tabs, and the pane can change without the details open (a
 * question, `--pane`), so opening the details asks this too.
 */
export function detailTabIn(pane: Pane, tab: DetailTab): DetailTab {
  const tabs = PANE_DEFINITIONS[pane].detailTabs;
  return tabs.includes(tab) ? tab : tabs[0];
}

/**
 * Commands of the list and the details alike; null when `command` is none of them. A pivot
 * replaces the filter (the whole operation, not the part of it the filter let through);
 * Backspace goes back to what was there.
 */
export function sharedCommand(state: AppState, command: Command, now: number): AppState | null {
  switch (command.type) {
    case 'quit':
      return state.mode === 'table' ? quitFromList(state) : { ...state, quit: true };
    case 'toggleHelp':
      return toggleHelp(state);
    case 'switchPane': {
      const pane = command.pane ?? PANES[(PANES.indexOf(state.pane) + 1) % PANES.length];
      return { ...state, pane, paneChosen: true, detailTab: detailTabIn(pane, state.detailTab), mode: 'table', scroll: { ...state.scroll, details: 0 } };
    }
    case 'pivot': {
      const term = pivotTerm(state, command.on);
      return term ? { ...applyFilter(state, term, now, { keepSelected: true }), mode: 'table' } : state;
    }
    case 'signInPivot':
      return signInPivot(state, now);
    case 'toggleMark': {
      const index = selectedIndex(state);
      if (index === undefined) return state;
      const marks = new Set(state.marks);
      if (!marks.delete(index)) marks.add(index);
      const message = { text: `${marks.size} marked (M shows only them, e exports them)`, tone: 'ok' as const };
      // In the marks-only view an unmarked event leaves the list; elsewhere the cursor steps on.
      if (state.marksOnly) return withRows(state, { marks, message }, { byIdentity: true });
      const marked = { ...state, marks, message };
      // In the list the cursor steps on (mark several in a row); in details the event stays open.
      return state.mode === 'table' ? moveSelection(marked, (selected) => selected + 1) : marked;
    }
    case 'copyEvent': {
      const read = selectedRead(state);
      if (!read) return state;
      if (!read.ok) return { ...state, message: { text: `Not copied: this record can no longer be read from ${read.origin.source} (${read.reason})`, tone: 'bad' } };
      return withEffect(state, { kind: 'copy', text: eventAsJson(read.loaded), what: 'the selected event as JSON' });
    }
    case 'copyCommand': {
      const command = viewCommand(state);
      if (!command.ok) return { ...state, message: { text: command.reason, tone: 'bad' } };
      return withEffect(state, { kind: 'copy', text: command.text, what: 'a command line that reopens this view' });
    }
    default:
      return null;
  }
}
