/**
 * `entra-audit [files..]`: open the full-screen explorer on the loaded events. Needs a terminal;
 * without one it says to use `query` instead of failing in Ink's raw-mode setup. Inputs that
 * cannot be read, and a mistyped command, are refused before anything else (explorer-inputs.ts).
 */
import type { CommandModule } from 'yargs';
import { TemporaryFiles } from '../export/temporary-files.js';
import { PANES, type Pane } from '../model/pane.js';
import { describeFilterError } from '../query/filter.js';
import { parseQuery } from '../query/parse.js';
import { symbolsFor } from '../text/symbols.js';
import { trace } from '../trace.js';
import { saveColumns } from '../config/save-columns.js';
import type { AppState } from '../tui/app-state.js';
import type { ColumnSaver } from '../tui/effects.js';
import { ACTIONS } from '../tui/keymap.js';
import { listenForEarlyKeys } from '../tui/early-keys.js';
import { firstPaint } from '../tui/first-paint.js';
import { initialState } from '../tui/initial-state.js';
import { reducer } from '../tui/reducer.js';
import { enterFullScreen, keyboardStream, watchForTerminalLoss } from '../tui/terminal.js';
import { buildTheme } from '../view/theme.js';
import { keymapOf, settingsFor } from './config-option.js';
import { CliError, EXIT } from './errors.js';
import { readableInputs } from './explorer-inputs.js';
import { workspaceInputs, workspaceOptions, type WorkspaceArgs } from './workspace-source.js';
import { parseCliFilter } from './cli-filter.js';
import { reportOutcome, startResolvedLoad } from './load-for-cli.js';
import { cacheFor, cacheOption } from './cache-option.js';
import { maxRecordOption, timeZoneOption } from './shared-options.js';
import { watchTerminal, type TerminalWatchdog } from './out-of-memory.js';
import { removeTemporariesOnSignals } from './signal-cleanup.js';

interface OpenArgs extends WorkspaceArgs {
  files: string[];
  strict: boolean;
  ascii: boolean;
  tz?: string;
  filter?: string;
  pane?: Pane;
  group: boolean;
  config?: string;
  maxRecordMb?: number;
  cache: boolean;
}

/** How long the first frame may wait for events before it is drawn empty ("Loading…"). */
const FIRST_EVENTS_WAIT_MS = 120;

export const NO_TERMINAL_HINT =
  'the explorer needs a terminal; to print or pipe events use: entra-audit query [files..] --format table|json|ndjson|csv';

/** The first state as the command line asks for it: filtered, on a pane, grouped (what `Y` writes). */
function startingState(state: AppState, args: OpenArgs, now: number): AppState {
  let next = state;
  // The filter keeps applying as events stream in (the test runs on each refresh).
  if (args.filter) next = reducer(next, { type: 'applyFilter', text: args.filter, now });
  if (args.pane) next = { ...next, pane: args.pane, paneChosen: true };
  if (args.group) next = reducer(next, { type: 'toggleGroups', now });
  return next;
}

export const openCommand: CommandModule<object, OpenArgs> = {
  command: '$0 [files..]',
  describe: 'Open the full-screen explorer (files, directories, - for stdin; none for the bundled sample)',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, default: [] })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when any record could not be used' })
      .option('ascii', { type: 'boolean', default: false, describe: 'No box-drawing or symbols, ASCII only' })
      .option('tz', timeZoneOption)
      .option('filter', { type: 'string', describe: 'Start with this filter (the query language of the / bar)' })
      // The copied "reproduce this view" command (src/tui/clipboard.ts) reopens a view with these.
      .option('pane', { choices: PANES, describe: 'Start in this pane' })
      .option('group', { type: 'boolean', default: false, describe: 'Start with events grouped by correlation ID (o)' })
      .option('max-record-mb', maxRecordOption)
      .option('cache', cacheOption)
      .options(workspaceOptions) as never,
  handler: async (args) => {
    const symbols = symbolsFor(args.ascii);
    const { config, configName, catalog } = await settingsFor(args.config, symbols);
    const timeZone = timeZoneOption.resolve(args.tz ?? config.timeZone);
    // Before the terminal check (so no terminal hint hides a missing file) and the screen.
    // A workspace: its KQL carries the filter (times read in the view's zone, as the local filter
    // reads them) and the pane asked for (other panes are not fetched).
    const inputs =
      args.workspace !== undefined ? workspaceInputs(args, parseCliFilter(args.filter, timeZone.zone)?.query ?? null, args.pane ?? 'all', true) : await readableInputs(args.files);
    const maxRecordBytes = maxRecordOption.resolve(args.maxRecordMb);
    // readConfigFile checked the keys already; a conflict cannot get this far.
    const { bindings: keymap } = keymapOf(config, configName);
    const keyboard = process.stdout.isTTY ? keyboardStream() : null;
    if (!keyboard) throw new CliError(NO_TERMINAL_HINT, EXIT.usage);
    if (args.filter !== undefined) {
      const parsed = parseQuery(args.filter, { now: Date.now(), timeZone: timeZone.zone });
      if (!parsed.ok) throw new CliError(describeFilterError(args.filter, parsed.error), EXIT.usage);
    }

    // The explorer opens at once and fills in as the load streams (parsing runs in worker threads).
    trace('explorer: loading starts');
    let firstFrameDrawn = () => {};
    const load = startResolvedLoad(inputs, { catalog, maxRecordBytes, cache: cacheFor(args.cache, config), warmIndexes: true, startWorkersAfter: new Promise<void>((resolve) => (firstFrameDrawn = resolve)) });
    // React and Ink are loaded lazily below: `query` never needs them. (The bundle fixes
    // NODE_ENV to production, so React's slower development build is never picked.)
    // Ink renders only the final frame when it thinks it runs in CI (CI=true), which would leave
    // a person at a real terminal looking at a blank screen. We checked for a terminal above.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
    // A moment for the first events (already there for JSON Lines, whose head is read on this thread).
    await load.session.firstEvents(FIRST_EVENTS_WAIT_MS);
    // Exports from `e` note their temporary files here: a signal mid-export removes them.
    const temporaries = new TemporaryFiles();
    const stopCleanup = removeTemporariesOnSignals(temporaries);
    const terminalLoss = watchForTerminalLoss(keyboard);
    terminalLoss.add(() => temporaries.removeAll());
    const restoreScreen = enterFullScreen(process.stdout);
    // Raw mode from the first painted frame on: keys typed before Ink takes over are kept for it
    // (not echoed over the frame, Enter not turned into a line feed).
    keyboard.setRawMode?.(true);
    let watchdog: TerminalWatchdog | undefined;
    try {
      const color = !process.env.NO_COLOR;
      // Whatever has loaded by now is on the first frame.
      let initial = initialState({
        indexes: load.session.indexes,
        sources: load.session.sourceNames(),
        duplicates: load.session.duplicates,
        loading: load.session.progress(),
        size: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
        options: { timeZone, color, symbols, keymap, theme: buildTheme(color, config.theme), configPath: args.config ?? null },
        columns: config.columns,
      });
      initial = startingState(initial, args, Date.now());
      process.stdout.write(firstPaint(initial, Date.now()));
      trace('explorer: first frame painted as text');
      // After the first frame, off its path: gives the terminal back should the process die unannounced (out of memory).
      watchdog = watchTerminal();
      terminalLoss.add(() => watchdog?.stop());
      trace('explorer: terminal watchdog started');
      // Until Ink is ready, answer keys on the text frame (same keymap, same reducer).
      const early = listenForEarlyKeys(keyboard, (name) => {
        const next = reducer(initial, { type: 'key', name, now: Date.now() });
        if (next === initial) return;
        initial = next;
        if (initial.mode === 'table' && !initial.quit) process.stdout.write(firstPaint(initial, Date.now()));
      });
      const { runExplorer } = await import('../../components/run-explorer.js');
      early.stop();
      trace('explorer: Ink loaded');
      // Quit (q, Ctrl-C) before Ink was even ready: nothing more to show.
      // `C` keeps its columns in the file this run read its settings from (checked again before each write).
      const saveColumnsToConfig: ColumnSaver = (pane, columns) => saveColumns({ path: args.config, env: process.env, actions: ACTIONS, pane, columns });
      if (!initial.quit) await runExplorer({ load: load.session, initial, stdin: keyboard, stdout: process.stdout, onFirstFrame: firstFrameDrawn, temporaries, saveColumns: saveColumnsToConfig });
    } finally {
      terminalLoss.stop();
      keyboard.setRawMode?.(false);
      restoreScreen();
      watchdog?.stop();
      stopCleanup();
      // Quitting mid-load: stop the workers and the warm-up, or they would keep the process alive.
      load.session.close();
    }
    process.exitCode = reportOutcome(load, args.strict);
    // The keyboard stream (a /dev/tty handle when data was piped in) would keep Node waiting.
    keyboard.destroy();
  },
};
