/** The explorer's first state: the store as loaded so far, on the first pane, nothing filtered. */
import type { StoreIndexes } from '../insights/store-indexes.js';
import type { LoadProblem } from '../model/loaded-event.js';
import type { LoadProgress } from '../model/load-progress.js';
import { PANES, perPane, type Pane } from '../model/pane.js';
import { chosenColumns, defaultColumnIds } from '../view/columns.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { UTC } from '../text/time-zone.js';
import type { ScreenSize } from '../view/layout.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import { buildTheme } from '../view/theme.js';
import type { AppState, ViewOptions } from './app-state.js';
import { DEFAULT_KEYMAP } from './keymap.js';
import { newLineEditor } from './line-editor.js';
import { computeRows, cursorsAtStart } from './rows.js';
import { withPaneThatHasEvents } from './pane-with-events.js';
import { NEWEST_FIRST } from './sort-rows.js';

export interface InitialInput {
  indexes: StoreIndexes;
  problems?: readonly LoadProblem[];
  problemCount?: number;
  sources?: readonly string[];
  duplicates?: number;
  loading?: LoadProgress | null;
  errors?: readonly string[];
  size: ScreenSize;
  options?: Partial<ViewOptions>;
  /** Per pane, the columns the config file chose (by id); the pane's defaults otherwise. */
  columns?: Partial<Record<Pane, readonly string[]>>;
}

/** The options in force: the defaults (UTC, colour, Unicode, the default keys) with `given` over them. */
export function viewOptions(given: Partial<ViewOptions> = {}): ViewOptions {
  const color = given.color ?? true;
  return { timeZone: UTC, symbols: UNICODE_SYMBOLS, keymap: DEFAULT_KEYMAP, configPath: null, ...given, color, theme: given.theme ?? buildTheme(color) };
}

export function initialState(input: InitialInput): AppState {
  const { indexes } = input;
  const base = { store: indexes.store, indexes };
  const sort = perPane(() => NEWEST_FIRST);
  const rows = computeRows(base, { hideSubstrate: false, test: null, riskOnly: false, unusualOnly: false, marksOnly: false, marks: new Set(), grouped: false, expanded: new Set(), sort });
  // Ids the config chose, in the pane's order (chosenColumns drops none it knows; the config checked them).
  const columns = perPane((pane) => {
    const catalog = PANE_DEFINITIONS[pane].columns;
    const ids = input.columns?.[pane];
    return ids ? chosenColumns(catalog, ids).map((column) => column.id) : defaultColumnIds(catalog);
  });
  return withPaneThatHasEvents({
    ...base,
    ...rows,
    hideSubstrate: false,
    pane: PANES[0],
    cursor: cursorsAtStart(),
    mode: 'table',
    returnMode: 'table',
    detailTab: PANE_DEFINITIONS[PANES[0]].detailTabs[0],
    detailFull: false,
    scroll: { details: 0, help: 0, problems: 0, copy: 0 },
    size: input.size,
    problems: input.problems ?? [],
    problemCount: input.problemCount ?? input.problems?.length ?? 0,
    sources: input.sources ?? [],
    duplicates: input.duplicates ?? 0,
    loading: input.loading ?? null,
    fromCache: false,
    errors: input.errors ?? [],
    filter: { text: '', test: null, active: null, notes: null },
    filterHistory: [],
    paneHistory: [],
    paneChosen: false,
    search: { editor: newLineEditor(), error: null, before: '' },
    find: { editor: newLineEditor(), error: null, origin: 0, before: null, active: null },
    promptHistory: { search: [], since: [], until: [], export: [] },
    menu: null,
    expanded: new Set(),
    riskOnly: false,
    unusualOnly: false,
    marks: new Set(),
    marksOnly: false,
    message: null,
    confirmQuit: false,
    exportPrompt: null,
    palette: null,
    columns,
    sort,
    columnPicker: null,
    copyFallback: null,
    effects: [],
    options: viewOptions(input.options),
    repaint: false,
    quit: false,
    insights: null,
  });
}
