/**
 * The explorer's state and the actions that change it, as types only: the reducer (reducer.ts)
 * routes each action to the file of the mode it concerns (modes/), and the components draw this
 * state. A leaf: every tui file may import it, it imports no tui code.
 */
import type { GroupLookup } from '../insights/correlation-groups.js';
import type { InsightsData } from '../insights/insight-lists.js';
import type { StoreIndexes } from '../insights/store-indexes.js';
import type { LoadProblem } from '../model/loaded-event.js';
import type { LoadProgress } from '../model/load-progress.js';
import type { Pane } from '../model/pane.js';
import type { FacetCounts, FacetDefinition } from '../query/facets.js';
import type { ActiveFilter } from '../query/filter.js';
import type { EventTest } from '../query/compile.js';
import type { EventStore } from '../store/event-store.js';
import type { Symbols } from '../text/symbols.js';
import type { TimeZoneChoice } from '../text/time-zone.js';
import type { DetailTab } from '../view/details.js';
import type { ScreenSize } from '../view/layout.js';
import type { Theme } from '../view/theme.js';
import type { Binding, Command, Mode } from './keymap.js';
import type { LineEditor } from './line-editor.js';

export interface Cursor {
  /** Index into the pane's rows. */
  selected: number;
  /** First row in the window. */
  top: number;
}

/** How things are shown and which keys do what: chosen once per run (flags, config file), passed down. */
export interface ViewOptions {
  timeZone: TimeZoneChoice;
  color: boolean;
  symbols: Symbols;
  theme: Theme;
  keymap: readonly Binding[];
  /** `--config` as given (null: the default place), so `Y` reopens the view with the same rules and keys. */
  configPath: string | null;
}

/** Where the cursor is in a list, and the first line shown. */
export interface ListCursor {
  cursor: number;
  top: number;
}

export interface DateOption {
  label: string;
  /** The time terms this option stands for ('' = any time); null for "Custom range…". */
  terms: string | null;
  count: number | null;
}

/** The `f` menu, stage by stage. */
export type FilterMenu =
  | ({ stage: 'filters' } & ListCursor)
  | ({ stage: 'values'; facet: FacetDefinition; counts: FacetCounts; chosen: readonly string[]; exclude: boolean } & ListCursor)
  | ({ stage: 'dates'; options: DateOption[] } & ListCursor)
  | { stage: 'customDate'; since: LineEditor; until: LineEditor; focus: 'since' | 'until'; error: string | null };

export interface PaletteEntry {
  title: string;
  /** The pane the question is about (Enter switches to it), or null for any. */
  pane: Pane | null;
  query: string;
  /** Events in the pane the question's query matches; null when it could not run. */
  count: number | null;
  error?: string;
}

/** The `:` questions palette (the questions were read and checked before the explorer started). */
export interface QuestionsPalette extends ListCursor {
  entries: PaletteEntry[];
}

/** The `e` export prompt. */
export interface ExportPrompt {
  /** As typed; empty means `defaultPath`. */
  path: LineEditor;
  defaultPath: string;
  onlyMarks: boolean;
  /** Events of the view when the prompt opened (counted once, not on every keystroke). */
  viewCount: number;
  /** Set after a first Enter found the file there: a second Enter overwrites it. */
  confirmOverwrite: boolean;
  writing: boolean;
  /** After writing: the receipt (file and source hashes), as sha256sum lines. */
  receipt: string[] | null;
  error: string | null;
}

/** The `i` view: its numbers (a snapshot of the view when it opened) and where its cursor is. */
export interface InsightsState extends InsightsData {
  /** Index into the view's items: buckets first (oldest first), then each list's values in order. */
  cursor: number;
  /** First timeline bucket in the window. */
  top: number;
}

/** How a pane's rows are ordered: by a column's id (`date`: time), and which way. */
export interface SortChoice {
  column: string;
  descending: boolean;
}

/** The `C` picker: the pane's columns, each shown or not, and the sort, as edited until Enter. */
export interface ColumnPicker extends ListCursor {
  pane: Pane;
  items: ReadonlyArray<{ id: string; shown: boolean }>;
  sort: SortChoice;
}

/** A side effect the reducer asks for (the reducer stays pure); the app performs each id once. */
export type Effect =
  | { id: number; kind: 'copy'; text: string; what: string }
  | { id: number; kind: 'export'; path: string; defaultName: string; indices: Int32Array; force: boolean }
  /** Keep a pane's chosen columns in the config file (`C`, Enter). */
  | { id: number; kind: 'saveColumns'; pane: Pane; columns: readonly string[] };

/** Prompts that remember what was entered (↑/↓ in the prompt; the custom range's two fields each their own). */
export type PromptName = 'search' | 'since' | 'until' | 'export';

export interface AppState {
  /** The loaded events; it grows while a load is under way, and `refresh` picks that up. */
  store: EventStore;
  /** The store's query index, rules and question counts (owned by the load). */
  indexes: StoreIndexes;
  /** Per pane, store indices of the rows shown, in order. */
  rows: Record<Pane, Int32Array>;
  totals: Record<Pane, number>;
  hideSubstrate: boolean;
  pane: Pane;
  cursor: Record<Pane, Cursor>;
  mode: Mode;
  /** Where `back` from the help overlay (or the copy fallback) returns. */
  returnMode: Mode;
  detailTab: DetailTab;
  /** `f` in details: long values in full instead of cut (back to cut when details open again). */
  detailFull: boolean;
  scroll: { details: number; help: number; problems: number; copy: number };
  size: ScreenSize;
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  /** Records not loaded because a record with the same id was loaded before them (overlapping exports). */
  duplicates: number;
  /** While loading: how far it is. Null once done (or when nothing is loading). */
  loading: LoadProgress | null;
  /** Inputs that could not be read at all. */
  errors: readonly string[];
  /** The applied filter (query language), its compiled test and terms. */
  filter: { text: string; test: EventTest | null; active: ActiveFilter | null };
  /** Filters applied before this one, most recent last (Backspace steps back). */
  filterHistory: readonly string[];
  /** Pivots that changed the pane (`S`): at this history depth, Backspace returns to that pane too. */
  paneHistory: ReadonlyArray<{ depth: number; pane: Pane }>;
  /**
   * The `/` bar. Each edit is applied at once when it parses (results follow the typing); `before`
   * is the filter when the bar opened, which Esc restores and Enter records in the history.
   */
  search: { editor: LineEditor; error: { message: string; position: number } | null; before: string };
  /** What was entered in each prompt, oldest first (↑ recalls). */
  promptHistory: Record<PromptName, readonly string[]>;
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
  /** `q` with marked events asked once: the next `q` quits, any other key stays. */
  confirmQuit: boolean;
  palette: QuestionsPalette | null;
  /** Per pane, the ids of the columns chosen (`C` or the config file), in the pane's order. */
  columns: Record<Pane, readonly string[]>;
  /** Per pane, how its rows are sorted (newest first unless `<` `>` `R` or the picker said otherwise). */
  sort: Record<Pane, SortChoice>;
  columnPicker: ColumnPicker | null;
  exportPrompt: ExportPrompt | null;
  /** Where OSC 52 cannot copy: the text to copy by hand, and why (mode 'copy'). */
  copyFallback: { lines: string[]; reason: string; what: string } | null;
  /** The latest side effects asked for (copy, export), oldest first; the app performs each id once. */
  effects: readonly Effect[];
  options: ViewOptions;
  quit: boolean;
  insights: InsightsState | null;
}

/** What the store's load looks like now: given to `refresh`. */
export interface LoadState {
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  duplicates: number;
  loading: LoadProgress | null;
  errors: readonly string[];
}

/** How a new filter was asked for: typed live, stepped back to, or a pivot that keeps its event. */
export interface FilterHow {
  fromHistory?: boolean;
  live?: boolean;
  keepSelected?: boolean;
}

export type Action =
  /** A command as the keymap gives it, dispatched directly (the clock as for a key). */
  | (Command & { now: number })
  /**
   * A key press, resolved against the keymap for the mode the app is in *now*; in a prompt it
   * edits the prompt's line. `now` is the clock (relative times, default file names), read once by the app.
   */
  | { type: 'key'; name: string; now: number }
  /** The `/` bar: its text set as a whole (a test, a paste handled elsewhere), submitted, or cancelled. */
  | { type: 'editSearch'; draft: string; now: number }
  | { type: 'submitSearch'; now: number }
  | { type: 'cancelSearch'; now: number }
  | ({ type: 'applyFilter'; text: string; now: number } & FilterHow)
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'showMessage'; message: AppState['message'] }
  /** OSC 52 could not copy: show the text itself, to select with the mouse or retype. */
  | { type: 'showCopyText'; text: string; what: string; reason: string }
  /** The outcome of an export the reducer asked for. */
  | { type: 'exportDone'; receipt: string[] }
  | { type: 'exportFailed'; error: string; exists: boolean }
  /** The store grew (or the load finished): recompute the rows, keeping the selected event selected. */
  | ({ type: 'refresh' } & LoadState);
