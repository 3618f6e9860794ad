/**
 * `entra-audit query [files..]`: every event, newest first, in a format for people or tools.
 * `--count` streams (nothing is kept), so it works on any file size. `--output` writes a file
 * with a receipt (see src/export/export-events.ts) instead of printing.
 */
import type { CommandModule } from 'yargs';
import { defaultExportFileName, resolveExportTarget } from '../export/export-target.js';
import { FileExistsError } from '../export/safe-write.js';
import { TemporaryFiles } from '../export/temporary-files.js';
import { settingsFor } from './config-option.js';
import { CliError, EXIT } from './errors.js';
import { formatFromFileName, type ExportFormat } from '../export/event-text.js';
import { inputName } from '../ingest/inputs.js';
import { PANE_CHOICES, paneMatches, type PaneChoice } from '../model/pane.js';
import { finishLoad, reportOutcome, startResolvedLoad } from './load-for-cli.js';
import { loadForQuery } from './query-load.js';
import { eventsInOrder } from './parallel-print.js';
import { workspaceInputs, workspaceOptions, type WorkspaceArgs } from './workspace-source.js';
import { eventPrinter, OUTPUT_FORMATS, type OutputFormat } from './format-events.js';
import { OutputWriter } from './output.js';
import { cacheFor, cacheOption } from './cache-option.js';
import { maxRecordOption, paneOption, timeZoneOption } from './shared-options.js';
import { compileCliFilter, parseCliFilter } from './cli-filter.js';
import { symbolsFor } from '../text/symbols.js';
import { removeTemporariesOnSignals } from './signal-cleanup.js';
import { writeExport } from './write-export.js';
import { eventExtraColumns } from '../insights/extra-columns.js';


interface QueryArgs extends WorkspaceArgs {
  files: string[];
  pane: PaneChoice;
  format?: OutputFormat;
  count: boolean;
  strict: boolean;
  ascii: boolean;
  tz?: string;
  filter?: string;
  output?: string;
  force: boolean;
  config?: string;
  maxRecordMb?: number;
  cache: boolean;
  wide: boolean;
  excel: boolean;
}

/**
 * The file `--output` names, or the default name inside it when it is a directory: its extension
 * follows --format (NDJSON without one, as for a file name that says nothing), and the name is
 * stamped with the time of the export, so a second run beside the first does not collide.
 */
async function exportTarget(output: string, format: OutputFormat | undefined, force: boolean): Promise<string> {
  // --output with --format table is refused by the check above.
  const extension: ExportFormat = format === undefined || format === 'table' ? 'ndjson' : format;
  const target = await resolveExportTarget(output, defaultExportFileName(extension, new Date()));
  if ('error' in target) throw new CliError(target.error, EXIT.dataError);
  if (target.exists && !force) throw new CliError(new FileExistsError(target.path).message, EXIT.dataError);
  return target.path;
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
      .option('output', { alias: 'o', type: 'string', describe: 'Write to this file, or to entra-audit-<UTC stamp>.<format> in this directory (atomically; .gz compresses), and print its SHA-256 and the sources\' on stderr' })
      .option('force', { type: 'boolean', default: false, describe: 'Let --output replace an existing file' })
      .option('max-record-mb', maxRecordOption)
      .option('cache', cacheOption)
      .option('wide', { type: 'boolean', default: false, describe: 'The table with every value whole, each column as wide as its widest value, on a terminal too (implies --format table; piped, the table is always whole)' })
      .option('excel', { type: 'boolean', default: false, describe: 'CSV for Excel: a UTF-8 byte order mark first, so names with accents open right (implies --format csv)' })
      .options(workspaceOptions)
      // Returned (not thrown) messages are usage errors: exit 2 with the message.
      .check((a) => {
        if (a.excel && a.format !== undefined && a.format !== 'csv') return `--excel writes CSV, not --format ${a.format}`;
        if (a.excel && a.count) return '--excel and --count do not go together: --count prints only a number';
        if (a.wide && a.format !== undefined && a.format !== 'table') return `--wide is for the table, not --format ${a.format}`;
        if (a.wide && (a.excel || a.output !== undefined)) return `--wide is for the table on the terminal; ${a.excel ? '--excel writes CSV' : '--output writes a file'}`;
        if (a.output === undefined) return true;
        if (a.output === '') return '--output needs a file name';
        if (a.format === 'table') return '--output writes csv, json or ndjson; --format table is for the terminal';
        if (a.count) return '--output and --count do not go together: --count prints only a number';
        return true;
      })
      .example('$0 query export.json --format ndjson | jq .activityDisplayName', 'Activities as a stream')
      .example('$0 query logs/ --pane custom-security --count', 'Count custom security attribute events')
      .example(`$0 query export.json --filter 'activity:"Add member to role" -actor:MS-PIM since:7d'`, 'Role grants outside PIM this week')
      .example(`$0 query --workspace <id> --since 30d --pane sign-ins --filter 'ip:203.0.113.66' --count`, 'Count the attacker\'s sign-ins in a Log Analytics workspace') as never,
  handler: async (args) => {
    const symbols = symbolsFor(args.ascii);
    const { config, catalog } = await settingsFor(args.config, symbols);
    const timeZone = timeZoneOption.resolve(args.tz ?? config.timeZone);
    // A malformed query is a usage error, caught before any loading.
    const filter = parseCliFilter(args.filter, timeZone.zone);
    // Refuse before loading, not after minutes of it (the write checks again at the end).
    // --excel means CSV, unless the file name says another format (refused here, before loading).
    const named = args.output === undefined ? undefined : formatFromFileName(args.output);
    const asked = args.format ?? (args.excel ? named ?? 'csv' : args.wide ? 'table' : undefined);
    if (args.excel && asked !== 'csv') throw new CliError(`--excel writes CSV, and ${args.output} names a .${asked} file`, EXIT.usage);
    const outputPath = args.output === undefined ? undefined : await exportTarget(args.output, asked, args.force);
    const format: OutputFormat = asked ?? (outputPath !== undefined ? formatFromFileName(outputPath) ?? 'ndjson' : process.stdout.isTTY ? 'table' : 'ndjson');
    const maxRecordBytes = maxRecordOption.resolve(args.maxRecordMb);
    const options = { catalog, maxRecordBytes, cache: cacheFor(args.cache, config) };
    const load =
      args.workspace !== undefined
        ? await finishLoad(startResolvedLoad(workspaceInputs(args, filter?.query ?? null, args.pane), options), symbols)
        : await loadForQuery({ files: args.files, filter, pane: args.pane, strict: args.strict, options, symbols });
    const { store } = load.session;
    const extraColumns = eventExtraColumns(load.session.indexes);
    const test = compileCliFilter(filter, load.session.indexes.query, args.pane);
    const keep = test ?? (() => true);
    if (args.count) {
      let count = 0;
      for (let i = 0; i < store.count; i++) if (paneMatches(args.pane, store.pane(i)) && keep(i)) count++;
      process.stdout.write(`${count}\n`);
    } else if (outputPath !== undefined) {
      // Checked above: --output never comes with --format table.
      const exportFormat = format as ExportFormat;
      // A signal mid-write removes the temporary file beside the target (its `finally` would not run).
      const temporaries = new TemporaryFiles();
      const stopCleanup = removeTemporariesOnSignals(temporaries);
      try {
        await writeExport({ store, indices: store.sortedIndices(args.pane, test), format: exportFormat, path: outputPath, force: args.force, sources: load.inputs.map(inputName), temporaries, extraColumns, excel: args.excel, eventsText: eventsInOrder }, symbols);
      } finally {
        stopCleanup();
      }
    } else {
      const out = new OutputWriter();
      const terminal = process.stdout.isTTY === true;
      // Fitted to the terminal it is read on; whole when piped (grep must find a full UPN) or asked to be.
      const width = terminal && !args.wide ? process.stdout.columns || 160 : null;
      const printer = await eventPrinter(format, out, { width, terminal, timeZone, symbols, pane: args.pane, columns: config.columns, extraColumns, excel: args.excel });
      const indices = store.sortedIndices(args.pane, test);
      await printer.begin(store, indices);
      await printer.events(store, indices);
      await printer.end();
      await out.flush();
    }
    load.session.close();
    process.exitCode = reportOutcome(load, args.strict);
  },
};
