/**
 * `entra-audit [files..]`: open the full-screen explorer on the loaded events. Needs a terminal;
 * without one it says to use `query` instead of failing in Ink's raw-mode setup. Inputs that
 * cannot be read, and a mistyped command (which yargs' default command takes for a file), are
 * refused before anything else: the screen would otherwise open empty, and the error would show
 * only after quitting.
 */
import { constants, existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { closestName } from '../config/closest-name.js';
import { STDIN_ARGUMENT, type ResolvedInputs } from '../ingest/inputs.js';
import { describeFsError } from '../text/fs-error.js';
import { sanitize } from '../text/sanitize.js';
import type { Pane } from '../model/pane.js';
import { PANES } from '../model/pane.js';
import { useAsciiSymbols } from '../text/symbols.js';
import { trace } from '../trace.js';
import { enterFullScreen, keyboardStream } from '../tui/terminal.js';
import { firstPaint } from '../tui/first-paint.js';
import { initialState, reducer } from '../tui/state.js';
import { listenForEarlyKeys } from '../tui/early-keys.js';
import { parseQuery } from '../query/parse.js';
import { describeFilterError } from '../query/filter.js';
import { CliError, EXIT } from './errors.js';
import { inputsFor, reportOutcome, startResolvedLoad } from './load-for-cli.js';
import { timeZoneOption } from './shared-options.js';
import { checkBundledDefinitions, configFor } from './config-option.js';
import { applyKeyBindings } from '../config/key-bindings.js';
import { DEFAULT_KEYMAP, useKeymap } from '../tui/keymap.js';

interface OpenArgs {
  files: string[];
  strict: boolean;
  ascii: boolean;
  tz?: string;
  filter?: string;
  pane?: Pane;
  config?: string;
}

/** How long the first frame may wait for events before it is drawn empty ("Loading…"). */
const FIRST_EVENTS_WAIT_MS = 120;

export const NO_TERMINAL_HINT =
  'the explorer needs a terminal; to print or pipe events use: entra-audit query [files..] --format table|json|ndjson|csv';

/** The commands main.ts registers besides this one: a first argument close to one is a typo. */
const COMMAND_NAMES = ['query', 'summary', 'sample', 'config'] as const;

/**
 * The inputs, or a CliError: a first argument that names no file but is a command misspelt
 * (`querry`) is a usage error (exit 2); any input that is missing or unreadable is a data error
 * (exit 1), every one named, since an explorer on part of the data would pass for the whole.
 */
async function readableInputs(files: readonly string[]): Promise<ResolvedInputs> {
  const first = files[0];
  if (first !== undefined && first !== STDIN_ARGUMENT && !existsSync(first)) {
    const command = closestName(first, COMMAND_NAMES);
    if (command !== undefined) {
      throw new CliError(`unknown command ${sanitize(JSON.stringify(first))} — did you mean "${command}"?\nRun 'entra-audit --help' for usage.`, EXIT.usage);
    }
  }
  const resolved = await inputsFor(files);
  // A file that stats but cannot be opened would otherwise fail only once the load is under way.
  const unreadable = await Promise.all(
    resolved.inputs.map(async (input) => {
      if (input.kind !== 'file') return undefined;
      try {
        await access(input.path, constants.R_OK);
        return undefined;
      } catch (error) {
        return `${input.path}: ${describeFsError(error)}`;
      }
    }),
  );
  const errors = [...resolved.errors, ...unreadable.filter((error) => error !== undefined)];
  if (errors.length > 0) throw new CliError(errors.map(sanitize).join('\nentra-audit: '), EXIT.dataError);
  return resolved;
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
      // The copied "reproduce this view" command (src/tui/clipboard.ts) reopens a pane with it.
      .option('pane', { choices: PANES, describe: 'Start in this pane' }) as never,
  handler: async (args) => {
    // First of all: before the terminal check (so no terminal hint hides a missing file) and the screen.
    const inputs = await readableInputs(args.files);
    const config = await configFor(args.config);
    const timeZone = timeZoneOption.resolve(args.tz ?? config.timeZone);
    // The table marks sensitive operations on every row: a broken rules file stops here, with why.
    checkBundledDefinitions();
    if (config.keys) {
      const remapped = applyKeyBindings(DEFAULT_KEYMAP, config.keys, 'config');
      if (remapped.errors.length > 0) throw new CliError(`the config file has problems:\n${remapped.errors.map((e) => `  ${e}`).join('\n')}`, EXIT.usage);
      useKeymap(remapped.bindings);
    }
    const keyboard = process.stdout.isTTY ? keyboardStream() : null;
    if (!keyboard) throw new CliError(NO_TERMINAL_HINT, EXIT.usage);
    useAsciiSymbols(args.ascii);
    if (args.filter !== undefined) {
      const parsed = parseQuery(args.filter, { now: Date.now() });
      if (!parsed.ok) throw new CliError(describeFilterError(args.filter, parsed.error), EXIT.usage);
    }

    // The explorer opens at once and fills in as the load streams (parsing runs in worker threads).
    trace('explorer: loading starts');
    let firstFrameDrawn = () => {};
    const load = startResolvedLoad(inputs, { startWorkersAfter: new Promise<void>((resolve) => (firstFrameDrawn = resolve)) });
    // React and Ink are loaded lazily below: `query` never needs them. (The bundle fixes
    // NODE_ENV to production, so React's slower development build is never picked.)
    // Ink renders only the final frame when it thinks it runs in CI (CI=true), which would leave
    // a person at a real terminal looking at a blank screen. We checked for a terminal above.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
    // A moment for the first events (already there for JSON Lines, whose head is read on this thread).
    await load.session.firstEvents(FIRST_EVENTS_WAIT_MS);
    const restoreScreen = enterFullScreen(process.stdout);
    // Raw mode from the first painted frame on: keys typed before Ink takes over are kept for it
    // (not echoed over the frame, Enter not turned into a line feed).
    keyboard.setRawMode?.(true);
    try {
      // Whatever has loaded by now is on the first frame.
      load.session.store.sortNewEvents();
      let initial = initialState({
        store: load.session.store,
        loading: load.session.progress(),
        size: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
        options: { timeZone, color: !process.env.NO_COLOR },
      });
      // The filter keeps applying as events stream in (the test runs on each refresh).
      if (args.filter) initial = reducer(initial, { type: 'applyFilter', text: args.filter, now: Date.now() });
      if (args.pane) initial = { ...initial, pane: args.pane };
      process.stdout.write(firstPaint(initial, Date.now()));
      trace('explorer: first frame painted as text');
      // Until Ink is ready, answer keys on the text frame (same keymap, same reducer).
      const early = listenForEarlyKeys(keyboard, (name) => {
        const next = reducer(initial, { type: 'key', name });
        if (next === initial) return;
        initial = next;
        if (initial.mode === 'table' && !initial.quit) process.stdout.write(firstPaint(initial, Date.now()));
      });
      const { runExplorer } = await import('../../components/run-explorer.js');
      early.stop();
      trace('explorer: Ink loaded');
      // Quit (q, Ctrl-C) before Ink was even ready: nothing more to show.
      if (!initial.quit) {
        await runExplorer({
          session: load.session,
          initial,
          stdin: keyboard,
          stdout: process.stdout,
          onFirstFrame: firstFrameDrawn,
          theme: config.theme,
        });
      }
    } finally {
      keyboard.setRawMode?.(false);
      restoreScreen();
      // Quitting mid-load: stop the workers, or they would keep the process alive.
      load.session.cancel();
      load.session.store.close();
    }
    process.exitCode = reportOutcome(load, args.strict);
    // The keyboard stream (a /dev/tty handle when data was piped in) would keep Node waiting.
    keyboard.destroy();
  },
};
