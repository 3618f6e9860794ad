/**
 * `entra-audit summary [files..]`: the overview an admin pastes into the incident channel —
 * totals, a timeline, the top activities / initiators / targets / IPs, the sensitive operations,
 * and the answer to each of the admins' questions (data/questions.json).
 */
import type { CommandModule } from 'yargs';
import { settingsFor } from './config-option.js';
import { buildSummary, DEFAULT_EVENT_LIMIT } from '../insights/summary.js';
import { eventExtraColumns } from '../insights/extra-columns.js';
import { graphRecordOf } from '../model/own-record.js';
import type { PaneChoice } from '../model/pane.js';
import { symbolsFor } from '../text/symbols.js';
import { summaryJson } from '../view/summary-json.js';
import { summaryMarkdown } from '../view/summary-markdown.js';
import { summaryText } from '../view/summary-text.js';
import { compileCliFilter, parseCliFilter } from './cli-filter.js';
import { finishLoad, reportOutcome, startCliLoad, startResolvedLoad } from './load-for-cli.js';
import { workspaceInputs, workspaceOptions, type WorkspaceArgs } from './workspace-source.js';
import { jsonForTerminal } from './format-events.js';
import { OutputWriter } from './output.js';
import { cacheFor, cacheOption } from './cache-option.js';
import { maxRecordOption, paneOption, timeZoneOption } from './shared-options.js';

export const SUMMARY_FORMATS = ['text', 'json', 'markdown'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

interface SummaryArgs extends WorkspaceArgs {
  files: string[];
  pane: PaneChoice;
  format: SummaryFormat;
  filter?: string;
  strict: boolean;
  ascii: boolean;
  tz: string;
  config?: string;
  maxRecordMb?: number;
  cache: boolean;
  events?: number;
}

export const summaryCommand: CommandModule<object, SummaryArgs> = {
  command: 'summary [files..]',
  describe: 'Totals, timeline, top values, sensitive operations and the admins\' questions answered',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, default: [], describe: 'Files or directories; - for stdin; none for the bundled sample' })
      .option('filter', { type: 'string', describe: 'Only events matching this query (see README: query language)' })
      .option('pane', paneOption)
      .option('format', { choices: SUMMARY_FORMATS, default: 'text' as SummaryFormat, describe: 'text for the terminal, markdown for chat and tickets, json for scripts' })
      .option('tz', timeZoneOption)
      .option('ascii', { type: 'boolean', default: false, describe: 'ASCII only (# bars, no symbols)' })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when any record could not be used' })
      .option('max-record-mb', maxRecordOption)
      .option('cache', cacheOption)
      .option('events', { type: 'number', describe: `List the events themselves after the counts when at most this many are in scope (default ${DEFAULT_EVENT_LIMIT}, or the config file's summaryEvents; 0: never)` })
      .check((a) => (a.events === undefined || (Number.isInteger(a.events) && a.events >= 0) ? true : `--events needs a whole number of events, 0 or more, not ${a.events}`))
      .options(workspaceOptions)
      .example('$0 summary export.json', 'What happened in this export')
      .example(`$0 summary logs/ --filter 'since:2026-11-18 until:2026-11-19' --format markdown`, 'Two days, as tables for the incident channel')
      .example(`$0 summary export.json --filter 'actor:maren.bowditch' --format json`, 'One account\'s activity, for a script') as never,
  handler: async (args) => {
    const symbols = symbolsFor(args.ascii);
    const { config, catalog } = await settingsFor(args.config, symbols);
    const timeZone = timeZoneOption.resolve(args.tz ?? config.timeZone);
    const filter = parseCliFilter(args.filter, timeZone.zone);
    const maxRecordBytes = maxRecordOption.resolve(args.maxRecordMb);
    const options = { catalog, maxRecordBytes, cache: cacheFor(args.cache, config) };
    // The filter is not pushed down here: the totals and the unusual measures are relative to
    // everything loaded, so a workspace's summary loads the window (--since/--until) and pane, as
    // a file's summary has the whole file, and the filter is applied locally as for a file.
    const load = await finishLoad(args.workspace !== undefined ? startResolvedLoad(workspaceInputs(args, null, args.pane), options) : await startCliLoad(args.files, options), symbols);
    const { store, indexes } = load.session;
    const test = compileCliFilter(filter, indexes.query, args.pane);
    const eventLimit = args.events ?? config.summaryEvents ?? DEFAULT_EVENT_LIMIT;
    const summary = buildSummary(indexes.rules, { filter: test ?? null, pane: args.pane, questions: catalog.questions, eventLimit, extraColumns: eventExtraColumns(indexes), unusual: indexes.unusual });
    const context = { sources: store.sources, filter: filter?.text ?? null, pane: args.pane, problems: load.session.problemCount, duplicates: load.session.duplicates, timeZone };
    // Text and markdown are sanitised as they are drawn; JSON keeps exact values, except on a terminal.
    // The listed events in their own Graph shape, re-read from their files (a few dozen at most).
    const records = () => summary.events.listed?.map(({ index }) => graphRecordOf(store.loadedEvent(index))) ?? null;
    const text =
      args.format === 'json'
        ? process.stdout.isTTY
          ? jsonForTerminal(summaryJson(summary, context, records()), symbols)
          : summaryJson(summary, context, records())
        : args.format === 'markdown'
          ? summaryMarkdown(summary, context, { ascii: args.ascii })
          : summaryText(summary, context, { width: Math.min(process.stdout.columns || 100, 140), ascii: args.ascii });
    const out = new OutputWriter();
    await out.write(text);
    await out.flush();
    load.session.close();
    process.exitCode = reportOutcome(load, args.strict);
  },
};
