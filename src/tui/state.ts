/**
 * The explorer's whole behaviour as a pure reducer: what is loaded, which pane, which row is
 * selected and where the window starts, which view is open and how far it is scrolled.
 * Components only draw this state and dispatch commands from the keymap.
 */
import type { Pane } from '../model/pane.js';
import type { LoadedEvent, LoadProblem } from '../model/loaded-event.js';
import { PANES } from '../model/pane.js';
import type { LoadProgress } from '../model/load-progress.js';
import type { EventStore } from '../store/event-store.js';
import type { EventTest } from '../query/compile.js';
import { filterFromText, type ActiveFilter } from '../query/filter.js';
import { UTC, type TimeZoneChoice } from '../text/time-zone.js';
import { DETAIL_TABS, detailLines, type DetailTab } from '../view/details.js';
import { helpLines } from './help.js';
import { commandFor, type Command, type Mode, type PivotField } from './keymap.js';
import { quote } from '../query/format.js';
import { sensitiveRuleOf } from '../insights/risk.js';
import { sanitize } from '../text/sanitize.js';
import { wrapToWidth } from '../text/width.js';
import { groupRows, type GroupLookup } from './correlation-groups.js';
import { eventAsJson, reproduceCommand } from './clipboard.js';
import { openPalette, type QuestionsPalette } from './questions-palette.js';
import { exportPath, newExportPrompt, type Effect, type ExportPrompt } from './export-prompt.js';
import {
  applyDates,
  applyValues,
  customDateTerms,
  datesStage,
  removalText,
  stageItems,
  START,
  toggleChosen,
  valuesStage,
  type FilterMenu,
  type MenuContext,
  type ListCursor,
  type MenuItem,
} from './filter-menu.js';
import { insightsCommand, openInsights, type InsightsState } from './insights.js';

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
  /** The loaded events; it grows while a load is under way, and `refresh` picks that up. */
  store: EventStore;
  /** Per pane, store indices of the rows shown, newest first. */
  rows: Record<Pane, Int32Array>;
  totals: Record<Pane, number>;
  hideSubstrate: boolean;
  pane: Pane;
  cursor: Record<Pane, Cursor>;
  mode: Mode;
  /** Where `back` from the help overlay returns. */
  returnMode: Mode;
  detailTab: DetailTab;
  scroll: { details: number; help: number; problems: number; copy: number };
  size: { columns: number; rows: number };
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  /** While loading: how far it is. Null once done (or when nothing is loading). */
  loading: LoadProgress | null;
  /** Inputs that could not be read at all. */
  errors: readonly string[];
  /** The applied filter (query language), its compiled test and terms; the `/` bar edits `draft`. */
  filter: { text: string; test: EventTest | null; active: ActiveFilter | null };
  /** Filters applied before this one, most recent last (Backspace steps back). */
  filterHistory: readonly string[];
  /**
   * The `/` bar. Each edit is applied at once when it parses (results follow the typing); `before`
   * is the filter when the bar opened, which Esc restores and Enter records in the history.
   */
  search: { draft: string; error: { message: string; position: number } | null; before: string };
  /** The `f` menu while open (mode 'menu'). */
  menu: FilterMenu | null;
  /** `o`: per pane, each group's lead event → its size and span (null: not grouped). */
  groups: Record<Pane, GroupLookup> | null;
  /** Correlation string ids of the groups shown open. */
  expanded: ReadonlySet<number>;
  /** `r`: only sensitive operations. */
  riskOnly: boolean;
  /** Events marked with `m` (store indices), and `M`: only those. */
  marks: ReadonlySet<number>;
  marksOnly: boolean;
  /** One line for the status bar after an action (what was copied or written), until the next key. */
  message: { text: string; tone: 'ok' | 'bad' } | null;
  /** The `:` questions palette while open (mode 'palette'). */
  palette: QuestionsPalette | null;
  /** The `e` prompt while open (mode 'export'). */
  exportPrompt: ExportPrompt | null;
  /** Where OSC 52 cannot copy: the text to copy by hand, and why (mode 'copy'). */
  copyFallback: { lines: string[]; reason: string; what: string } | null;
  /** The latest side effect asked for (copy, export); the app performs each id once. */
  effect: Effect | null;
  options: ViewOptions;
  quit: boolean;
  /** The `i` view's numbers, computed when it opens (see tui/insights). */
  insights: InsightsState | null;
}

export type Action =
  | Command
  /**
   * A key press, resolved against the keymap for the mode the app is in *now*; in the `/` bar it
   * edits the query instead. `now` resolves relative times (since:7d) when a query is applied.
   */
  | { type: 'key'; name: string; now?: number }
  /** The `/` bar: its text changed, it was submitted (`now` resolves since:7d), or cancelled. */
  | { type: 'editSearch'; draft: string; now: number }
  | { type: 'submitSearch'; now: number }
  | { type: 'cancelSearch'; now: number }
  /** `live`: a draft being typed (not recorded in the history); `fromHistory`: stepping back. */
  | { type: 'applyFilter'; text: string; now: number; fromHistory?: boolean; live?: boolean; keepSelected?: boolean }
  | { type: 'resize'; columns: number; rows: number }
  /** The custom range's text fields (ink-text-input) report edits and Enter. */
  | { type: 'menuEditDate'; field: 'since' | 'until'; text: string }
  | { type: 'menuSubmitDate'; now: number }
  | { type: 'showMessage'; message: AppState['message'] }
  /** OSC 52 could not copy: show the text itself, to select with the mouse or retype. */
  | { type: 'showCopyText'; text: string; what: string; reason: string }
  /** The export prompt's path field (ink-text-input) and its Enter; then the outcome of the write. */
  | { type: 'editExportPath'; path: string }
  | { type: 'submitExport' }
  | { type: 'exportDone'; receipt: string[] }
  | { type: 'exportFailed'; error: string; exists: boolean }
  /** The store grew (or the load finished): recompute the rows, keeping the selected event selected. */
  | {
      type: 'refresh';
      problems: readonly LoadProblem[];
      problemCount: number;
      sources: readonly string[];
      loading: LoadProgress | null;
      errors: readonly string[];
    };

/** Screen regions, in lines. The frame is one line shorter than the terminal (see components/App). */
export const CHROME = { header: 3, tableHeader: 1, footer: 2 } as const;
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

/** What decides which events are rows, besides the pane. */
export interface RowChoice {
  hideSubstrate: boolean;
  test: EventTest | null;
  /** The `r` lens: sensitive operations only. */
  riskOnly: boolean;
  /** `M`: marked events only. */
  marksOnly: boolean;
  marks: ReadonlySet<number>;
  /** `o`: one row per correlation ID; the ids (string ids) whose groups are open. */
  grouped: boolean;
  expanded: ReadonlySet<number>;
}

/**
 * The rows of each pane, from the store's newest-first order: shared with the store when nothing
 * is hidden (no work at all per refresh), filtered otherwise.
 */
function computeRows(
  store: EventStore,
  choice: RowChoice,
): { rows: Record<Pane, Int32Array>; totals: Record<Pane, number>; groups: Record<Pane, GroupLookup> | null } {
  const { test } = choice;
  const lens = lensKeep(store, choice);
  const keep = (i: number) => (test === null || test(i)) && (!lens || lens(i));
  const filtered = test !== null || lens !== undefined;
  const pick = (pane: Pane) => (filtered ? store.sortedIndices(pane, keep) : store.paneOrder(pane));
  const totals = { directory: store.paneOrder('directory').length, 'custom-security': store.paneOrder('custom-security').length };
  if (choice.grouped) {
    const severity = (index: number) => sensitiveRuleOf(store, index)?.severity;
    const directory = groupRows(store, pick('directory'), choice.expanded, severity);
    const customSecurity = groupRows(store, pick('custom-security'), choice.expanded, severity);
    return { rows: { directory: directory.rows, 'custom-security': customSecurity.rows }, totals, groups: { directory: directory.leads, 'custom-security': customSecurity.leads } };
  }
  return { rows: { directory: pick('directory'), 'custom-security': pick('custom-security') }, totals, groups: null };
}

/**
 * What hides rows besides the filter (`s` write-backs, the `r` and `M` lenses) as one test,
 * undefined when nothing does: the rows and the menu's counts share it.
 */
function lensKeep(store: EventStore, choice: Pick<RowChoice, 'hideSubstrate' | 'riskOnly' | 'marksOnly' | 'marks'>): ((index: number) => boolean) | undefined {
  const { hideSubstrate, riskOnly, marksOnly, marks } = choice;
  if (!hideSubstrate && !riskOnly && !marksOnly) return undefined;
  return (index) =>
    !(hideSubstrate && store.isWriteBack(index)) && (!marksOnly || marks.has(index)) && (!riskOnly || sensitiveRuleOf(store, index) !== undefined);
}

const rowChoice = (state: AppState, change: Partial<RowChoice> = {}): RowChoice => ({
  hideSubstrate: state.hideSubstrate,
  test: state.filter.test,
  riskOnly: state.riskOnly,
  marksOnly: state.marksOnly,
  marks: state.marks,
  grouped: state.groups !== null,
  expanded: state.expanded,
  ...change,
});

export function initialState(input: {
  store: EventStore;
  problems?: readonly LoadProblem[];
  problemCount?: number;
  sources?: readonly string[];
  loading?: LoadProgress | null;
  errors?: readonly string[];
  size: AppState['size'];
  options?: Partial<ViewOptions>;
}): AppState {
  const { rows, totals } = computeRows(input.store, { hideSubstrate: false, test: null, riskOnly: false, marksOnly: false, marks: new Set(), grouped: false, expanded: new Set() });
  return {
    store: input.store,
    rows,
    totals,
    hideSubstrate: false,
    pane: 'directory',
    cursor: { directory: { selected: 0, top: 0 }, 'custom-security': { selected: 0, top: 0 } },
    mode: 'table',
    returnMode: 'table',
    detailTab: 'activity',
    scroll: { details: 0, help: 0, problems: 0, copy: 0 },
    size: input.size,
    problems: input.problems ?? [],
    problemCount: input.problemCount ?? input.problems?.length ?? 0,
    sources: input.sources ?? [],
    loading: input.loading ?? null,
    errors: input.errors ?? [],
    filter: { text: '', test: null, active: null },
    filterHistory: [],
    search: { draft: '', error: null, before: '' },
    menu: null,
    groups: null,
    expanded: new Set(),
    riskOnly: false,
    marks: new Set(),
    marksOnly: false,
    message: null,
    exportPrompt: null,
    palette: null,
    copyFallback: null,
    effect: null,
    options: { timeZone: UTC, color: true, ...input.options },
    quit: false,
    insights: null,
  };
}

/**
 * Every event of the current view, newest first: the pane's rows, but with correlation groups
 * unfolded (a collapsed group is one row, yet all its events are in the view). What export and
 * insights work on.
 */
export function viewEvents(state: AppState): Int32Array {
  if (state.groups === null) return state.rows[state.pane];
  return computeRows(state.store, rowChoice(state, { grouped: false })).rows[state.pane];
}

/** Every marked event, both panes, whatever the filter: what "export the marks" writes. */
export function markedEvents(state: AppState): Int32Array {
  return state.marks.size === 0 ? new Int32Array(0) : state.store.sortedIndices('all', (index) => state.marks.has(index));
}

export function selectedIndex(state: AppState): number | undefined {
  return state.rows[state.pane][state.cursor[state.pane].selected];
}

/** The selected event in full (re-read from its source; the store caches the last few). */
export function selectedEvent(state: AppState): LoadedEvent | undefined {
  const index = selectedIndex(state);
  return index === undefined ? undefined : state.store.loadedEvent(index);
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

function scrollLimit(state: AppState, view: ScrolledView): number {
  const height = bodyHeight(state.size);
  let lines = 0;
  if (view === 'details') {
    const loaded = selectedEvent(state);
    lines = loaded ? detailLines(loaded, state.detailTab, detailOptions(state)).length : 0;
  } else if (view === 'help') lines = helpLines().length;
  else if (view === 'copy') lines = (state.copyFallback?.lines ?? []).reduce((n, line) => n + wrapToWidth(sanitize(line), state.size.columns).length, 0);
  else lines = state.problems.length;
  return Math.max(0, lines - height);
}

export function detailOptions(state: AppState) {
  const index = selectedIndex(state);
  const sensitive = index === undefined ? undefined : sensitiveRuleOf(state.store, index);
  return { width: Math.max(20, state.size.columns - 2), timeZone: state.options.timeZone, sensitive };
}

function scrollView(state: AppState, view: ScrolledView, to: (current: number, limit: number) => number): AppState {
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

type ScrolledView = 'details' | 'help' | 'problems' | 'copy';
const scrolledView = (mode: Mode): ScrolledView | null => (mode === 'details' || mode === 'help' || mode === 'problems' || mode === 'copy' ? mode : null);

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key': {
      if (state.message) state = { ...state, message: null };
      if (state.mode === 'search') return editSearch(state, action.name, action.now ?? Date.now());
      if (state.mode === 'menu' || state.mode === 'export' || state.mode === 'palette' || state.mode === 'insights') return modeKey(state, action.name, action.now ?? Date.now());
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
      return selectedIndex(state) !== undefined ? { ...state, mode: 'details', scroll: { ...state.scroll, details: 0 } } : state;
    case 'detailsTab': {
      const index = (DETAIL_TABS.indexOf(state.detailTab) + action.direction + DETAIL_TABS.length) % DETAIL_TABS.length;
      return { ...state, detailTab: DETAIL_TABS[index], scroll: { ...state.scroll, details: 0 } };
    }
    case 'back':
      if (state.mode === 'help') return { ...state, mode: state.returnMode };
      if (state.mode === 'copy') return { ...state, mode: state.returnMode === 'details' ? 'details' : 'table', copyFallback: null };
      return state.mode === 'table' ? state : { ...state, mode: 'table' };
    case 'toggleHelp':
      if (state.mode === 'help') return { ...state, mode: state.returnMode };
      return { ...state, mode: 'help', returnMode: state.mode, scroll: { ...state.scroll, help: 0 } };
    case 'toggleProblems':
      return { ...state, mode: state.mode === 'problems' ? 'table' : 'problems', scroll: { ...state.scroll, problems: 0 } };
    case 'toggleSubstrate': {
      const hideSubstrate = !state.hideSubstrate;
      return keepSelection(state, { ...state, hideSubstrate, ...computeRows(state.store, rowChoice(state, { hideSubstrate })) });
    }
    case 'quit':
      return { ...state, quit: true };
    case 'resize': {
      const size = { columns: action.columns, rows: action.rows };
      const resized = { ...state, size };
      return { ...resized, cursor: clampAll(resized), scroll: { details: 0, help: 0, problems: 0, copy: 0 } };
    }
    case 'refresh': {
      const { type: _type, ...loadState } = action;
      return keepSelection(state, { ...state, ...loadState, ...computeRows(state.store, rowChoice(state)) });
    }
    case 'openSearch':
      return { ...state, mode: 'search', search: { draft: state.filter.text, error: null, before: state.filter.text } };
    case 'editSearch': {
      // Results follow the typing; a draft that does not parse yet keeps the last results shown.
      const applied = reducer({ ...state, search: { ...state.search, draft: action.draft } }, { type: 'applyFilter', text: action.draft, now: action.now, live: true });
      return { ...applied, search: { ...applied.search, draft: action.draft } };
    }
    case 'cancelSearch': {
      const before = state.search.before;
      const restored = before === state.filter.text ? state : reducer(state, { type: 'applyFilter', text: before, now: action.now, live: true });
      return { ...restored, mode: 'table', search: { draft: before, error: null, before } };
    }
    case 'submitSearch': {
      const { before, draft } = state.search;
      const applied = reducer(state, { type: 'applyFilter', text: draft, now: action.now, live: true });
      if (applied.search.error) return applied;
      const changed = applied.filter.text !== before;
      const filterHistory = changed ? [...state.filterHistory, before].slice(-50) : state.filterHistory;
      return { ...applied, mode: 'table', filterHistory };
    }
    case 'applyFilter': {
      // Parsed as stored (trimmed), so term positions index the stored text (the menu edits by them).
      const text = action.text.trim();
      const result = filterFromText(text, state.store, action.now, state.filter.active);
      if (!result.ok) return { ...state, search: { ...state.search, draft: action.text, error: { ...result.error, position: result.error.position + (action.text.length - action.text.trimStart().length) } } };
      const filter = { text, test: result.test, active: result.filter };
      if (filter.text === state.filter.text && action.live) return { ...state, search: { ...state.search, error: null } };
      const changed = filter.text !== state.filter.text;
      const recorded = changed && !action.fromHistory && !action.live;
      const filterHistory = recorded ? [...state.filterHistory, state.filter.text].slice(-50) : state.filterHistory;
      const next = {
        ...state,
        filter,
        filterHistory,
        search: { ...state.search, draft: filter.text, error: null },
        ...computeRows(state.store, rowChoice(state, { test: result.test })),
      };
      // Stepping back through the history, or pivoting from an event, keeps that event selected
      // (the pivot's event is in its results); any other new filter starts at its newest event.
      if (action.fromHistory || action.keepSelected) return keepSelection(state, next, true);
      return { ...next, cursor: { directory: { selected: 0, top: 0 }, 'custom-security': { selected: 0, top: 0 } } };
    }
    case 'pivot': {
      // A pivot replaces the filter (the whole operation, not the part of it the filter let
      // through); Backspace goes back to what was there.
      const term = pivotTerm(state, action.on);
      if (!term) return state;
      return { ...reducer(state, { type: 'applyFilter', text: term, now: Date.now(), keepSelected: true }), mode: 'table' };
    }
    case 'filterBack': {
      if (state.filterHistory.length === 0) return state;
      const previous = state.filterHistory[state.filterHistory.length - 1];
      const stepped = { ...state, filterHistory: state.filterHistory.slice(0, -1) };
      return reducer(stepped, { type: 'applyFilter', text: previous, now: Date.now(), fromHistory: true });
    }
    case 'openMenu':
      return { ...state, mode: 'menu', menu: { stage: 'filters', ...START } };
    case 'menuEditDate':
      return state.menu?.stage === 'customDate' ? { ...state, menu: { ...state.menu, [action.field]: action.text, error: null } } : state;
    case 'menuSubmitDate': {
      if (state.menu?.stage !== 'customDate') return state;
      const applied = applyFromMenu(state, applyDates(menuContext(state, action.now), customDateTerms(state.menu)), action.now);
      return applied.search.error ? { ...state, menu: { ...state.menu, error: applied.search.error.message } } : applied;
    }
    case 'toggleRiskLens': {
      const riskOnly = !state.riskOnly;
      return keepSelection(state, { ...state, riskOnly, ...computeRows(state.store, rowChoice(state, { riskOnly })) });
    }
    case 'toggleMark': {
      const index = selectedIndex(state);
      if (index === undefined) return state;
      const marks = new Set(state.marks);
      if (!marks.delete(index)) marks.add(index);
      const marked = { ...state, marks, message: { text: `${marks.size} marked (M shows only them, e exports them)`, tone: 'ok' as const } };
      // In the marks-only view an unmarked event leaves the list; elsewhere the cursor steps on.
      if (state.marksOnly) return keepSelection(state, { ...marked, ...computeRows(state.store, rowChoice(marked)) }, true);
      // In the list the cursor steps on (mark several in a row); in details the event stays open.
      return state.mode === 'table' ? moveSelection(marked, (selected) => selected + 1) : marked;
    }
    case 'toggleMarksOnly': {
      const marksOnly = !state.marksOnly;
      return keepSelection(state, { ...state, marksOnly, ...computeRows(state.store, rowChoice(state, { marksOnly })) });
    }
    case 'showMessage':
      return { ...state, message: action.message };
    case 'showCopyText':
      return {
        ...state,
        mode: 'copy',
        returnMode: state.mode,
        copyFallback: { lines: action.text.split('\n'), reason: action.reason, what: action.what },
        scroll: { ...state.scroll, copy: 0 },
      };
    case 'copyEvent': {
      const loaded = selectedEvent(state);
      if (!loaded) return state;
      return withEffect(state, { kind: 'copy', text: eventAsJson(loaded), what: 'the selected event as JSON' });
    }
    case 'copyCommand': {
      const text = reproduceCommand({ sources: state.sources, pane: state.pane, filter: state.filter.text });
      return withEffect(state, { kind: 'copy', text, what: 'a command line that reopens this view' });
    }
    case 'openPalette':
      return { ...state, mode: 'palette', palette: openPalette(state.store, state.pane) };
    case 'openExport':
      return { ...state, mode: 'export', exportPrompt: newExportPrompt(Date.now(), state.marks.size > 0, viewEvents(state).length) };
    case 'editExportPath':
      return state.exportPrompt ? { ...state, exportPrompt: { ...state.exportPrompt, path: action.path, confirmOverwrite: false, error: null } } : state;
    case 'submitExport': {
      const prompt = state.exportPrompt;
      if (!prompt || prompt.writing) return state;
      if (prompt.receipt) return { ...state, mode: 'table', exportPrompt: null };
      const indices = prompt.onlyMarks ? markedEvents(state) : viewEvents(state);
      const next = { ...state, exportPrompt: { ...prompt, writing: true, error: null } };
      return withEffect(next, { kind: 'export', path: exportPath(prompt), indices, force: prompt.confirmOverwrite });
    }
    case 'exportDone':
      return state.exportPrompt ? { ...state, exportPrompt: { ...state.exportPrompt, writing: false, receipt: action.receipt } } : state;
    case 'exportFailed': {
      const prompt = state.exportPrompt;
      if (!prompt) return state;
      const error = action.exists ? `${action.error}. Enter again overwrites it; edit the name or Esc to keep it.` : action.error;
      return { ...state, exportPrompt: { ...prompt, writing: false, confirmOverwrite: action.exists, error } };
    }
    // Commands of the pickers and prompts, handled in modeKey; elsewhere they mean nothing.
    case 'choose':
    case 'section':
    case 'markValue':
    case 'invertChoice':
    case 'nextField':
      return state;
    case 'toggleGroups': {
      const grouped = state.groups === null;
      return keepSelection(state, { ...state, ...computeRows(state.store, rowChoice(state, { grouped })) });
    }
    case 'expandGroup': {
      // → opens the selected operation's group, ← closes it (from any of its rows).
      const index = selectedIndex(state);
      if (index === undefined || !state.groups) return state;
      const correlation = state.store.stringId(index, 'correlation');
      if (correlation === 0) return state;
      const expanded = new Set(state.expanded);
      if (action.open) expanded.add(correlation);
      else expanded.delete(correlation);
      const regrouped = { ...state, expanded, ...computeRows(state.store, rowChoice(state, { expanded })) };
      // Closing from a member row selects the group's lead.
      if (!action.open && !state.groups[state.pane].has(index)) {
        const lead = regrouped.rows[state.pane].findIndex((i) => state.store.stringId(i, 'correlation') === correlation);
        return moveSelection(regrouped, () => Math.max(0, lead));
      }
      return keepSelection(state, regrouped);
    }
    case 'clearFilter':
      return state.filter.text === '' ? state : reducer(state, { type: 'applyFilter', text: '', now: 0 });
    case 'openInsights':
      return openInsights(state);
  }
}

export function menuContext(state: AppState, now: number): MenuContext {
  const active = state.filter.active;
  return {
    store: state.store,
    pane: state.pane,
    keep: lensKeep(state.store, state),
    filterText: state.filter.text,
    query: active?.query ?? null,
    terms: active?.terms ?? [],
    now,
  };
}

/** The lines of the menu's current list (the component draws them with ink-select-input). */
export const menuItems = (state: AppState): MenuItem[] => (state.menu ? stageItems(menuContext(state, Date.now()), state.menu) : []);

/** A filter built in the menu is applied like any other (and recorded in the history); the menu closes. */
function applyFromMenu(state: AppState, text: string, now: number): AppState {
  const applied = reducer(state, { type: 'applyFilter', text, now });
  return applied.search.error ? applied : { ...applied, mode: 'table', menu: null };
}

function menuChoose(state: AppState, value: string, now: number): AppState {
  const menu = state.menu;
  if (!menu) return state;
  const context = menuContext(state, now);
  switch (menu.stage) {
    case 'filters': {
      if (value === 'date') return { ...state, menu: datesStage(context) };
      if (value === 'clear' || value.startsWith('remove:')) {
        const text = removalText(context, value);
        return text === null ? state : applyFromMenu(state, text, now);
      }
      const stage = valuesStage(context, value);
      return stage ? { ...state, menu: stage } : state;
    }
    case 'values':
      return applyFromMenu(state, applyValues(context, menu, value), now);
    case 'dates': {
      const option = menu.options[Number(value)];
      if (!option) return state;
      if (option.terms === null) return { ...state, menu: { stage: 'customDate', since: '', until: '', focus: 'since', error: null } };
      return applyFromMenu(state, applyDates(context, option.terms), now);
    }
    case 'customDate':
      return state;
  }
}

type EffectRequest = Effect extends infer E ? (E extends Effect ? Omit<E, 'id'> : never) : never;

function withEffect(state: AppState, effect: EffectRequest): AppState {
  return { ...state, effect: { ...effect, id: (state.effect?.id ?? 0) + 1 } };
}

/** A list cursor moved by a motion command (line, page, first/last), kept in its window. */
function movedCursor(cursor: ListCursor, command: Command, count: number, height: number): ListCursor | null {
  let target: number;
  if (command.type === 'move') target = cursor.cursor + command.direction * (command.by === 'line' ? 1 : Math.max(1, height - 1));
  else if (command.type === 'jump') target = command.to === 'first' ? 0 : count - 1;
  else return null;
  const moved = clampCursor({ selected: target, top: cursor.top }, count, height);
  return { cursor: moved.selected, top: moved.top };
}

/** The palette: move, Enter applies the question's query (recorded in the history), Esc closes. */
function paletteCommand(state: AppState, command: Command, now: number): AppState {
  const palette = state.palette;
  if (command.type === 'quit') return { ...state, quit: true };
  if (command.type === 'toggleHelp') return reducer(state, command);
  if (!palette || command.type === 'back') return { ...state, mode: 'table', palette: null };
  const entry = palette.entries[palette.cursor];
  if (command.type === 'choose') {
    if (!entry || entry.count === null) return state;
    const there = entry.pane && entry.pane !== state.pane ? { ...state, pane: entry.pane } : state;
    const applied = reducer(there, { type: 'applyFilter', text: entry.query, now });
    return applied.search.error ? applied : { ...applied, mode: 'table', palette: null };
  }
  const moved = movedCursor(palette, command, palette.entries.length, pickerHeight(state));
  return moved ? { ...state, palette: { ...palette, ...moved } } : state;
}

/** The export prompt's commands; the path's typing goes to its text field. */
function exportCommand(state: AppState, command: Command): AppState {
  const prompt = state.exportPrompt;
  if (command.type === 'quit') return { ...state, quit: true };
  if (!prompt || command.type === 'back' || (command.type === 'choose' && prompt.receipt)) return { ...state, mode: 'table', exportPrompt: null };
  // Enter is ours, not the text field's: one router decides, so a confirming Enter is never lost.
  if (command.type === 'choose') return reducer(state, { type: 'submitExport' });
  if (command.type === 'nextField' && state.marks.size > 0) return { ...state, exportPrompt: { ...prompt, onlyMarks: !prompt.onlyMarks, confirmOverwrite: false } };
  return state;
}

/** The menu's lines between its title and the footer. */
/** A picker's list lines (filter menu, questions): the body less the title line; reducer and components share it. */
export const pickerHeight = (state: AppState) => Math.max(1, bodyHeight(state.size) - 1);

/**
 * Every key in the menu comes through here (the lists are drawn by ink-select-input but not
 * driven by it), so keys arriving in a burst move the cursor as many times as they were pressed.
 */
function menuCommand(state: AppState, command: Command, key: string, now: number): AppState {
  const menu = state.menu;
  if (command.type === 'quit') return { ...state, quit: true };
  if (!menu) return { ...state, mode: 'table' };
  if (menu.stage === 'customDate') {
    // The text fields take the typing (Backspace and q included); Esc, Tab and Enter are ours.
    if (command.type === 'back' && key === 'escape') return { ...state, menu: { stage: 'filters', ...START } };
    // By key name: j and k are typing here (a duration such as 7d is letters too).
    if (key === 'tab' || key === 'shift+tab' || key === 'up' || key === 'down') return { ...state, menu: { ...menu, focus: menu.focus === 'since' ? 'until' : 'since' } };
    if (command.type === 'choose') return reducer(state, { type: 'menuSubmitDate', now });
    return state;
  }
  if (command.type === 'back') {
    if (menu.stage === 'filters') return { ...state, mode: 'table', menu: null };
    return { ...state, menu: { stage: 'filters', ...START } };
  }
  const items = menuItems(state);
  const item = items[menu.cursor];
  if (command.type === 'choose') return item ? menuChoose(state, item.value, now) : state;
  if (menu.stage === 'values') {
    if (command.type === 'markValue' && item) return { ...state, menu: toggleChosen(menu, item.value) };
    if (command.type === 'invertChoice') return { ...state, menu: { ...menu, exclude: !menu.exclude } };
  }
  const moved = movedCursor(menu, command, items.length, pickerHeight(state));
  return moved ? { ...state, menu: { ...menu, ...moved } } : state;
}

/** Keys in the modes that have their own handlers, resolved through the (remappable) keymap. */
function modeKey(state: AppState, key: string, now: number): AppState {
  const command = commandFor(state.mode, key);
  if (state.mode === 'menu') return command ? menuCommand(state, command, key, now) : state;
  if (state.mode === 'export') return command ? exportCommand(state, command) : state;
  if (state.mode === 'palette') return command ? paletteCommand(state, command, now) : state;
  return command ? insightsCommand(state, command, now, bodyHeight(state.size), reducer) : state;
}

/**
 * The `/` bar's line editing, here rather than in a text-input widget so that keys arriving in a
 * burst (a paste, a fast typist over SSH) are applied in order, one state at a time.
 */
function editSearch(state: AppState, key: string, now: number): AppState {
  const draft = state.search.draft;
  if (key === 'enter') return reducer(state, { type: 'submitSearch', now });
  if (key === 'escape') return reducer(state, { type: 'cancelSearch', now });
  if (key === 'ctrl+c') return { ...state, quit: true };
  const edit = (next: string) => reducer(state, { type: 'editSearch', draft: next, now });
  if (key === 'backspace') return edit([...draft].slice(0, -1).join(''));
  if (key === 'ctrl+u') return edit('');
  if (key === 'ctrl+w') return edit(draft.replace(/\S*\s*$/, ''));
  if (key === 'space') return edit(draft + ' ');
  // One printable character (key names like "up" or "ctrl+d" are longer than one character).
  if ([...key].length === 1 && key >= ' ') return edit(draft + key);
  return state;
}

/**
 * The filter term a pivot adds: an ordinary, visible, removable query term. Values are quoted so
 * names with spaces or quotes survive; an empty value (no IP recorded) adds nothing.
 */
function pivotTerm(state: AppState, on: PivotField): string | null {
  const index = selectedIndex(state);
  if (index === undefined) return null;
  const summary = state.store.summary(index);
  const value = on === 'corr' ? summary.correlation : on === 'actor' ? summary.initiator : on === 'target' ? summary.target : summary.ip;
  // Exact (`:=`): "the same" initiator, not every UPN containing it (bob@ vs jimbob@).
  return value ? `${on}:=${quote(value)}` : null;
}

function clampAll(state: AppState): Record<Pane, Cursor> {
  const height = bodyHeight(state.size);
  return {
    directory: clampCursor(state.cursor.directory, state.rows.directory.length, height),
    'custom-security': clampCursor(state.cursor['custom-security'], state.rows['custom-security'].length, height),
  };
}

/**
 * After the rows change (more events loaded, write-backs hidden), keep the same event selected
 * when it is still shown, else the one that would follow it; and keep it at the same height on
 * screen, so the list does not jump under the reader while a load streams in.
 */
function keepSelection(before: AppState, after: AppState, byIdentity = false): AppState {
  const cursor = { ...after.cursor };
  // At the top of the list, the view follows the newest event as it arrives (like tail -f);
  // anywhere else, and whenever an event is open, the selected event stays selected.
  const followNewest = !byIdentity && after.mode === 'table';
  const store = after.store;
  for (const pane of PANES) {
    const selected = before.rows[pane][before.cursor[pane].selected];
    const rows = after.rows[pane];
    let position = 0;
    if (selected !== undefined && after.groups !== null) {
      // Grouped rows are not in time order: look the event (or its group's lead) up.
      position = rows.indexOf(selected);
      if (position === -1) {
        const correlation = store.stringId(selected, 'correlation');
        position = Math.max(0, correlation === 0 ? 0 : rows.findIndex((i) => store.stringId(i, 'correlation') === correlation));
      }
    } else if (selected !== undefined && (before.cursor[pane].selected > 0 || !followNewest)) {
      // Rows are in the store's newest-first order: binary search where `selected` sits.
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] !== selected && store.before(rows[mid], selected)) lo = mid + 1;
        else hi = mid;
      }
      position = lo;
    }
    const offset = before.cursor[pane].selected - before.cursor[pane].top;
    cursor[pane] = clampCursor({ selected: position, top: position - offset }, rows.length, bodyHeight(after.size));
  }
  return { ...after, cursor };
}
