/**
 * The explorer's whole behaviour as a pure reducer: what is loaded, which pane, which row is
 * selected and where the window starts, which view is open and how far it is scrolled.
 * Components only draw this state and dispatch commands from the keymap.
 */
import type { Pane } from '../model/audit-event.js';
import type { LoadedEvent, LoadProblem } from '../model/loaded-event.js';
import { isSubstrateWriteBack } from '../model/accessors.js';
import { PANES } from '../model/pane.js';
import { UTC, type TimeZoneChoice } from '../text/time-zone.js';
import { DETAIL_TABS, detailLines, type DetailTab } from '../view/details.js';
import { helpLines } from './help.js';
import { commandFor, type Command, type Mode } from './keymap.js';

export interface Cursor {
  /** Index into the pane's rows. */
  selected: number;
  /** First row in the window. */
  top: number;
}

export interface ViewOptions {
  timeZone: TimeZoneChoice;
  color: boolean;
}

export interface AppState {
  events: readonly LoadedEvent[];
  /** Per pane, indices into `events` of the rows shown, newest first. */
  rows: Record<Pane, Int32Array>;
  totals: Record<Pane, number>;
  hideSubstrate: boolean;
  pane: Pane;
  cursor: Record<Pane, Cursor>;
  mode: Mode;
  /** Where `back` from the help overlay returns. */
  returnMode: Mode;
  detailTab: DetailTab;
  scroll: { details: number; help: number; problems: number };
  size: { columns: number; rows: number };
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  options: ViewOptions;
  quit: boolean;
}

export type Action =
  | Command
  /** A key press, resolved against the keymap for the mode the app is in *now*. */
  | { type: 'key'; name: string }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'load'; events: readonly LoadedEvent[]; problems: readonly LoadProblem[]; problemCount: number; sources: readonly string[] };

/** Screen regions, in lines. The frame is one line shorter than the terminal (see components/App). */
export const CHROME = { header: 2, tableHeader: 1, footer: 2 } as const;
export const MIN_SIZE = { columns: 60, rows: 15 } as const;

export function frameHeight(size: AppState['size']): number {
  return Math.max(1, size.rows - 1);
}

export function bodyHeight(size: AppState['size']): number {
  return Math.max(1, frameHeight(size) - CHROME.header - CHROME.tableHeader - CHROME.footer);
}

export function isTooSmall(size: AppState['size']): boolean {
  return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}

function computeRows(events: readonly LoadedEvent[], hideSubstrate: boolean): { rows: Record<Pane, Int32Array>; totals: Record<Pane, number> } {
  const totals: Record<Pane, number> = { directory: 0, 'custom-security': 0 };
  const shown: Record<Pane, number[]> = { directory: [], 'custom-security': [] };
  events.forEach((loaded, index) => {
    totals[loaded.pane]++;
    if (hideSubstrate && isSubstrateWriteBack(loaded.event)) return;
    shown[loaded.pane].push(index);
  });
  return { rows: { directory: Int32Array.from(shown.directory), 'custom-security': Int32Array.from(shown['custom-security']) }, totals };
}

export function initialState(input: {
  events: readonly LoadedEvent[];
  problems?: readonly LoadProblem[];
  problemCount?: number;
  sources?: readonly string[];
  size: AppState['size'];
  options?: Partial<ViewOptions>;
}): AppState {
  const { rows, totals } = computeRows(input.events, false);
  return {
    events: input.events,
    rows,
    totals,
    hideSubstrate: false,
    pane: 'directory',
    cursor: { directory: { selected: 0, top: 0 }, 'custom-security': { selected: 0, top: 0 } },
    mode: 'table',
    returnMode: 'table',
    detailTab: 'activity',
    scroll: { details: 0, help: 0, problems: 0 },
    size: input.size,
    problems: input.problems ?? [],
    problemCount: input.problemCount ?? input.problems?.length ?? 0,
    sources: input.sources ?? [],
    options: { timeZone: UTC, color: true, ...input.options },
    quit: false,
  };
}

export function selectedEvent(state: AppState): LoadedEvent | undefined {
  const rows = state.rows[state.pane];
  const index = rows[state.cursor[state.pane].selected];
  return index === undefined ? undefined : state.events[index];
}

/** Keep the selection inside the rows and the window around the selection. */
function clampCursor(cursor: Cursor, rowCount: number, height: number): Cursor {
  const selected = Math.max(0, Math.min(cursor.selected, rowCount - 1));
  let top = Math.max(0, Math.min(cursor.top, Math.max(0, rowCount - height)));
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  return { selected, top };
}

function stepSize(by: 'line' | 'page' | 'halfPage', height: number): number {
  if (by === 'line') return 1;
  if (by === 'page') return Math.max(1, height - 1);
  return Math.max(1, Math.floor(height / 2));
}

function scrollLimit(state: AppState, view: 'details' | 'help' | 'problems'): number {
  const height = bodyHeight(state.size);
  let lines = 0;
  if (view === 'details') {
    const loaded = selectedEvent(state);
    lines = loaded ? detailLines(loaded, state.detailTab, detailOptions(state)).length : 0;
  } else if (view === 'help') lines = helpLines().length;
  else lines = state.problems.length;
  return Math.max(0, lines - height);
}

export function detailOptions(state: AppState) {
  return { width: Math.max(20, state.size.columns - 2), timeZone: state.options.timeZone };
}

function scrollView(state: AppState, view: 'details' | 'help' | 'problems', to: (current: number, limit: number) => number): AppState {
  const limit = scrollLimit(state, view);
  const next = Math.max(0, Math.min(limit, to(state.scroll[view], limit)));
  return next === state.scroll[view] ? state : { ...state, scroll: { ...state.scroll, [view]: next } };
}

function moveSelection(state: AppState, to: (selected: number, rowCount: number) => number): AppState {
  const rowCount = state.rows[state.pane].length;
  const current = state.cursor[state.pane];
  const cursor = clampCursor({ ...current, selected: to(current.selected, rowCount) }, rowCount, bodyHeight(state.size));
  if (cursor.selected === current.selected && cursor.top === current.top) return state;
  return { ...state, cursor: { ...state.cursor, [state.pane]: cursor } };
}

const scrolledView = (mode: Mode): 'details' | 'help' | 'problems' | null => (mode === 'table' ? null : mode);

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key': {
      const command = commandFor(state.mode, action.name);
      return command ? reducer(state, command) : state;
    }
    case 'move': {
      const step = stepSize(action.by, bodyHeight(state.size)) * action.direction;
      const view = scrolledView(state.mode);
      return view ? scrollView(state, view, (current) => current + step) : moveSelection(state, (selected) => selected + step);
    }
    case 'jump': {
      const view = scrolledView(state.mode);
      if (view) return scrollView(state, view, (_current, limit) => (action.to === 'first' ? 0 : limit));
      return moveSelection(state, (_selected, rowCount) => (action.to === 'first' ? 0 : rowCount - 1));
    }
    case 'switchPane': {
      const pane = action.pane ?? PANES[(PANES.indexOf(state.pane) + 1) % PANES.length];
      return { ...state, pane, mode: 'table', scroll: { ...state.scroll, details: 0 } };
    }
    case 'openDetails':
      return selectedEvent(state) ? { ...state, mode: 'details', scroll: { ...state.scroll, details: 0 } } : state;
    case 'detailsTab': {
      const index = (DETAIL_TABS.indexOf(state.detailTab) + action.direction + DETAIL_TABS.length) % DETAIL_TABS.length;
      return { ...state, detailTab: DETAIL_TABS[index], scroll: { ...state.scroll, details: 0 } };
    }
    case 'back':
      if (state.mode === 'help') return { ...state, mode: state.returnMode };
      return state.mode === 'table' ? state : { ...state, mode: 'table' };
    case 'toggleHelp':
      if (state.mode === 'help') return { ...state, mode: state.returnMode };
      return { ...state, mode: 'help', returnMode: state.mode, scroll: { ...state.scroll, help: 0 } };
    case 'toggleProblems':
      return { ...state, mode: state.mode === 'problems' ? 'table' : 'problems', scroll: { ...state.scroll, problems: 0 } };
    case 'toggleSubstrate': {
      const hideSubstrate = !state.hideSubstrate;
      return keepSelection(state, { ...state, hideSubstrate, ...computeRows(state.events, hideSubstrate) });
    }
    case 'quit':
      return { ...state, quit: true };
    case 'resize': {
      const size = { columns: action.columns, rows: action.rows };
      const resized = { ...state, size };
      return { ...resized, cursor: clampAll(resized), scroll: { details: 0, help: 0, problems: 0 } };
    }
    case 'load': {
      const next: AppState = {
        ...state,
        events: action.events,
        problems: action.problems,
        problemCount: action.problemCount,
        sources: action.sources,
        ...computeRows(action.events, state.hideSubstrate),
      };
      return { ...next, cursor: clampAll(next) };
    }
  }
}

function clampAll(state: AppState): Record<Pane, Cursor> {
  const height = bodyHeight(state.size);
  return {
    directory: clampCursor(state.cursor.directory, state.rows.directory.length, height),
    'custom-security': clampCursor(state.cursor['custom-security'], state.rows['custom-security'].length, height),
  };
}

/** After the rows change, keep the same event selected when it is still shown (else the nearest). */
function keepSelection(before: AppState, after: AppState): AppState {
  const cursor = { ...after.cursor };
  for (const pane of PANES) {
    const selectedIndex = before.rows[pane][before.cursor[pane].selected];
    const rows = after.rows[pane];
    let position = 0;
    if (selectedIndex !== undefined) {
      // Rows are ascending event indices (newest first): binary search the first row >= it.
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] < selectedIndex) lo = mid + 1;
        else hi = mid;
      }
      position = lo;
    }
    const offset = before.cursor[pane].selected - before.cursor[pane].top;
    cursor[pane] = clampCursor({ selected: position, top: position - offset }, rows.length, bodyHeight(after.size));
  }
  return { ...after, cursor };
}
