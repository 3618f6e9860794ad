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
import { reportOutcome, startCliLoad, startResolvedLoad } from './load-for-cli.js';
import { workspaceInputs, workspaceOptions, type WorkspaceArgs } from './workspace-source.js';
import { eventPrinter, OUTPUT_FORMATS, type OutputFormat } from './format-events.js';
import { OutputWriter } from './output.js';
import { maxRecordOption, paneOption, timeZoneOption } from './shared-options.js';
import { compileCliFilter, parseCliFilter } from './cli-filter.js';
import { symbolsFor } from '../text/symbols.js';
import { removeTemporariesOnSignals } from './signal-cleanup.js';
import { writeExport } from './write-export.js';


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
      .options(workspaceOptions)
      // Returned (not thrown) messages are usage errors: exit 2 with the message.
      .check((a) => {
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
    const filter = parseCliFilter(args.filter);
    // Refuse before loading, not after minutes of it (the write checks again at the end).
    const outputPath = args.output === undefined ? undefined : await exportTarget(args.output, args.format, args.force);
    const format: OutputFormat = args.format ?? (outputPath !== undefined ? formatFromFileName(outputPath) ?? 'ndjson' : process.stdout.isTTY ? 'table' : 'ndjson');
    const maxRecordBytes = maxRecordOption.resolve(args.maxRecordMb);
    const options = { catalog, maxRecordBytes };
    const load = args.workspace !== undefined ? startResolvedLoad(workspaceInputs(args, filter?.query ?? null, args.pane), options) : await startCliLoad(args.files, options);
    await load.session.done;
    const { store } = load.session;
    const test = compileCliFilter(filter, load.session.indexes.query);
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
        await writeExport({ store, indices: store.sortedIndices(args.pane, test), format: exportFormat, path: outputPath, force: args.force, sources: load.inputs.map(inputName), temporaries }, symbols);
      } finally {
        stopCleanup();
      }
    } else {
      const out = new OutputWriter();
      const printer = await eventPrinter(format, out, { width: process.stdout.columns || 160, terminal: process.stdout.isTTY === true, timeZone, symbols, pane: args.pane });
      await printer.begin();
      for (const index of store.sortedIndices(args.pane, test)) await printer.event(store, index);
      await printer.end();
      await out.flush();
    }
    load.session.close();
    process.exitCode = reportOutcome(load, args.strict);
  },
};
