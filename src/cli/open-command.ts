/**
 * `entra-audit [files..]`: open the full-screen explorer on the loaded events. Needs a terminal;
 * without one it says to use `query` instead of failing in Ink's raw-mode setup.
 */
import type { CommandModule } from 'yargs';
import { sortNewestFirst } from '../ingest/load.js';
import type { LoadedEvent } from '../model/loaded-event.js';
import { useAsciiSymbols } from '../text/symbols.js';
import { keyboardStream } from '../tui/terminal.js';
import { CliError, EXIT } from './errors.js';
import { loadWithProblems, reportOutcome } from './load-for-cli.js';
import { timeZoneOption } from './shared-options.js';

interface OpenArgs {
  files: string[];
  strict: boolean;
  ascii: boolean;
  tz: string;
}

export const NO_TERMINAL_HINT =
  'the explorer needs a terminal; to print or pipe events use: entra-audit query [files..] --format table|json|ndjson|csv';

export const openCommand: CommandModule<object, OpenArgs> = {
  command: '$0 [files..]',
  describe: 'Open the full-screen explorer (files, directories, - for stdin; none for the bundled sample)',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, default: [] })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when any record could not be used' })
      .option('ascii', { type: 'boolean', default: false, describe: 'No box-drawing or symbols, ASCII only' })
      .option('tz', timeZoneOption) as never,
  handler: async (args) => {
    const timeZone = timeZoneOption.resolve(args.tz);
    const keyboard = process.stdout.isTTY ? keyboardStream() : null;
    if (!keyboard) throw new CliError(NO_TERMINAL_HINT, EXIT.usage);
    useAsciiSymbols(args.ascii);

    const events: LoadedEvent[] = [];
    const outcome = await loadWithProblems(args.files, (loaded) => events.push(loaded));
    const exitCode = reportOutcome(outcome, args.strict);
    if (outcome.errors.length > 0 && events.length === 0) {
      process.exitCode = exitCode;
      return;
    }
    sortNewestFirst(events);
    // Loaded lazily: the explorer pulls in React and Ink, which `query` never needs. React picks
    // its build when first imported; the development build checks every render and is slower.
    process.env.NODE_ENV ??= 'production';
    // Ink renders only the final frame when it thinks it runs in CI (CI=true), which would leave
    // a person at a real terminal looking at a blank screen. We checked for a terminal above.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
    const { runExplorer } = await import('../../components/run-explorer.js');
    await runExplorer({
      events,
      problems: outcome.problems,
      problemCount: outcome.problemCount,
      sources: outcome.reports.map((r) => r.source),
      options: { timeZone, color: !process.env.NO_COLOR },
      stdin: keyboard,
      stdout: process.stdout,
    });
    process.exitCode = exitCode;
  },
};
