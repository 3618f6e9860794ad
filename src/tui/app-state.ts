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
import type { FacetDefinition, FacetTally, ValueOrder } from '../query/facets.js';
import type { PickedCounts } from '../query/top-counts.js';
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

/** A picker list's type-to-filter (tui/list-filter.ts): the line typed, and whether keys still go to it. */
export interface ListFilter {
  editor: LineEditor;
  /** Keys edit the line (true) or move in the narrowed list (false: Enter chooses, Space marks). */
  typing: boolean;
}

/** A list that can be narrowed: its cursor and its filter (null: every line shown). */
export interface FilterableList extends ListCursor {
  filter: ListFilter | null;
}

/** A facet's values as the menu lists them: every value's count (kept, so re-ordering and narrowing count nothing again), and the lines picked from it. */
export interface FacetValuesList extends FilterableList {
  tally: FacetTally;
  order: ValueOrder;
  /** The values shown, in `order`, narrowed by `filter`, at most the menu's limit; counts are the tally's. */
  shown: PickedCounts;
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
  | ({ stage: 'values'; facet: FacetDefinition; chosen: readonly string[]; exclude: boolean } & FacetValuesList)
  | ({ stage: 'dates'; options: DateOption[] } & ListCursor)
  | { stage: 'customDate'; since: LineEditor; until: LineEditor; focus: 'since' | 'until'; error: string | null };

export interface PaletteEntry {
  title: string;
  /** The pane the question is about (Enter switches to it), or null for any. */
  pane: Pane | null;
  query: string;
  /** The headline's number in the pane (events, or distinct values: insights/headline.ts); null when it could not run. */
  count: number | null;
  /** The headline, as `entra-audit summary` leads with it: `87 distinct targets`, `437 events`. */
  label?: string;
  error?: string;
}

/** The `:` questions palette (the questions were read and checked before the explorer started). */
export interface QuestionsPalette extends FilterableList {
  /** Every question; `filter` narrows which are shown (paletteShown). */
  entries: PaletteEntry[];
  /** Counted while a load was still under way: the counts are of what had arrived. */
  partial: boolean;
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
  /** The view's events when it opened: the zoom counts the timeline again over exactly these. */
  events: Int32Array;
  /** Index into the view's items: buckets first (oldest first), then each list's values in order. */
  cursor: number;
  /** First timeline bucket in the window. */
  top: number;
  /** Taken while a load was still under way: its counts are of what had arrived (`i` recomputes). */
  partial: boolean;
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
  /** Ctrl-Z: stop until `fg` (the app gives the terminal back first and redraws after). */
  | { id: number; kind: 'suspend' }
  /** Keep a pane's chosen columns in the config file (`C`, Enter). */
  | { id: number; kind: 'saveColumns'; pane: Pane; columns: readonly string[] };

/** A find in force: what was typed and what it means (the same language as the filter). */
export interface FindQuery {
  text: string;
  filter: ActiveFilter;
}

/** `F`: find in the view without filtering it; `n` / `N` step through its hits. */
export interface FindState {
  /** The prompt's line (while mode is 'find'), with the error of a draft that does not parse. */
  editor: LineEditor;
  error: { message: string; position: number } | null;
  /** The selected row when the prompt opened: typing finds from there, Esc goes back there. */
  origin: number;
  /** The find in force when the prompt opened (Esc restores it). */
  before: FindQuery | null;
  active: FindQuery | null;
}

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
  /** The events were read back from the persisted index of an earlier load of the same files. */
  fromCache: boolean;
  /** Inputs that could not be read at all. */
  errors: readonly string[];
  /**
   * The applied filter (query language), its compiled test and terms, and `notes`: its field terms
   * that match nothing in the pane it was applied in, with the value meant (query/value-notes.ts).
   */
  filter: { text: string; test: EventTest | null; active: ActiveFilter | null; notes: FilterNotes | null };
  /** Filters applied before this one, most recent last (Backspace steps back). */
  filterHistory: readonly string[];
  /** Pivots that changed the pane (`S`): at this history depth, Backspace returns to that pane too. */
  paneHistory: ReadonlyArray<{ depth: number; pane: Pane }>;
  /**
   * The pane was chosen (a pane key, `--pane`, a pivot). Until it is, a load that leaves the pane
   * shown empty moves to the first pane with events: a sign-in export opens on Sign-ins.
   */
  paneChosen: boolean;
  /**
   * The `/` bar. Each edit is applied at once when it parses (results follow the typing); `before`
   * is the filter when the bar opened, which Esc restores and Enter records in the history.
   */
  /**
   * `applyLater`: the editor's text is not applied yet. On a large store the bar echoes a key
   * first and the app applies the text just after (the 'applySearch' action), so keys typed
   * meanwhile are applied together, not one pass over the store each.
   */
  search: { editor: LineEditor; error: { message: string; position: number } | null; before: string; applyLater?: boolean };
  find: FindState;
  /** What was entered in each prompt, oldest first (↑ recalls). */
  promptHistory: Record<PromptName, readonly string[]>;
  menu: FilterMenu | null;
  /** `o`: per pane, each group's lead event → its size and span (null: not grouped). */
  groups: Record<Pane, GroupLookup> | null;
  /** Correlation string ids of the groups shown open. */
  expanded: ReadonlySet<number>;
  /** `r`: only sensitive operations. */
  riskOnly: boolean;
  /** `u`: only events with an unusual IP, user agent or initiator (`?` in the left column). */
  unusualOnly: boolean;
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
  /**
   * Back from Ctrl-Z: one blank frame is drawn, then the real one. Ink writes only what changed
   * since its last frame, and the screen it drew that on was the shell's meanwhile.
   */
  repaint: boolean;
  quit: boolean;
  insights: InsightsState | null;
}

/** Notes on a filter's terms, for the pane they were judged in (shown only there). */
export interface FilterNotes {
  pane: Pane;
  lines: readonly string[];
}

/** What the store's load looks like now: given to `refresh`. */
export interface LoadState {
  problems: readonly LoadProblem[];
  problemCount: number;
  sources: readonly string[];
  duplicates: number;
  loading: LoadProgress | null;
  errors: readonly string[];
  fromCache?: boolean;
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
  /** The `/` bar's text, edited on a large store, applied now (see AppState.search.applyLater). */
  | { type: 'applySearch'; now: number }
  | { type: 'cancelSearch'; now: number }
  | ({ type: 'applyFilter'; text: string; now: number } & FilterHow)
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'showMessage'; message: AppState['message'] }
  /** OSC 52 could not copy: show the text itself, to select with the mouse or retype. */
  | { type: 'showCopyText'; text: string; what: string; reason: string }
  /** The outcome of an export the reducer asked for. */
  | { type: 'exportDone'; receipt: string[] }
  | { type: 'exportFailed'; error: string; exists: boolean }
  /** Back on screen after a suspend (`repaint` the whole frame), with what to say if it did not stop. */
  | { type: 'resumed'; message: AppState['message'] }
  /** The blank frame of a repaint is on screen: draw the real one. */
  | { type: 'repainted' }
  /** The store grew (or the load finished): recompute the rows, keeping the selected event selected. */
  | ({ type: 'refresh' } & LoadState);
