/**
 * `entra-audit query [files..]`: every event, newest first, in a format for people or tools.
 * `--count` streams (nothing is kept), so it works on any file size.
 */
import type { CommandModule } from 'yargs';
import { PANE_CHOICES, paneMatches, type PaneChoice } from '../model/pane.js';
import { reportOutcome, startCliLoad } from './load-for-cli.js';
import { eventPrinter, OUTPUT_FORMATS, type OutputFormat } from './format-events.js';
import { OutputWriter } from './output.js';
import { paneOption, timeZoneOption } from './shared-options.js';
import { compileCliFilter, parseCliFilter } from './cli-filter.js';
import { useAsciiSymbols } from '../text/symbols.js';

// Kept here too for callers that imported them from the query command.
export { PANE_CHOICES, paneMatches, type PaneChoice };

interface QueryArgs {
  files: string[];
  pane: PaneChoice;
  format?: OutputFormat;
  count: boolean;
  strict: boolean;
  ascii: boolean;
  tz: string;
  filter?: string;
}

export const queryCommand: CommandModule<object, QueryArgs> = {
  command: 'query [files..]',
  describe: 'Print events (newest first) as a table, JSON, NDJSON or CSV',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, default: [], describe: 'Files or directories; - for stdin; none for the bundled sample' })
      .option('pane', paneOption)
      .option('format', { choices: OUTPUT_FORMATS, describe: 'Output format (default: table on a terminal, ndjson when piped)' })
      .option('count', { type: 'boolean', default: false, describe: 'Print only the number of events' })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when any record could not be used' })
      .option('ascii', { type: 'boolean', default: false, describe: 'ASCII markers only (no symbols)' })
      .option('tz', timeZoneOption)
      .option('filter', { type: 'string', describe: 'Only events matching this query (see README: query language)' })
      .example('$0 query export.json --format ndjson | jq .activityDisplayName', 'Activities as a stream')
      .example('$0 query logs/ --pane custom-security --count', 'Count custom security attribute events')
      .example(`$0 query export.json --filter 'activity:"Add member to role" -actor:MS-PIM since:7d'`, 'Role grants outside PIM this week') as never,
  handler: async (args) => {
    const format: OutputFormat = args.format ?? (process.stdout.isTTY ? 'table' : 'ndjson');
    const timeZone = timeZoneOption.resolve(args.tz);
    useAsciiSymbols(args.ascii);
    // A malformed query is a usage error, caught before any loading.
    const filter = parseCliFilter(args.filter);
    const load = await startCliLoad(args.files);
    await load.session.done;
    const { store } = load.session;
    const test = compileCliFilter(filter, store);
    const keep = test ?? (() => true);
    if (args.count) {
      let count = 0;
      for (let i = 0; i < store.count; i++) if (paneMatches(args.pane, store.pane(i)) && keep(i)) count++;
      process.stdout.write(`${count}\n`);
    } else {
      store.sortNewEvents();
      const out = new OutputWriter();
      const printer = await eventPrinter(format, out, { width: process.stdout.columns || 160, timeZone });
      await printer.begin();
      for (const index of store.sortedIndices(args.pane, test)) await printer.event(store, index);
      await printer.end();
      await out.flush();
    }
    store.close();
    process.exitCode = reportOutcome(load, args.strict);
  },
};
