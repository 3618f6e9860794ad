/**
 * `entra-audit kql --filter Q [--pane …] [--since …] [--until …]`: the KQL `--workspace` would run,
 * one query per table, for pasting into the Log Analytics portal or Sentinel. Each says what it
 * left to the local engine: a pasted query can return more rows than entra-audit would show, never fewer.
 */
import type { CommandModule } from 'yargs';
import { formatTerm } from '../query/format.js';
import { localTerms, pastableQuery } from '../query/kql/compile-kql.js';
import { PANE_LABELS, type PaneChoice } from '../model/pane.js';
import { parseCliFilter } from './cli-filter.js';
import { OutputWriter } from './output.js';
import { paneOption, timeZoneOption } from './shared-options.js';
import { settingsFor } from './config-option.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { planFor, windowOptions } from './workspace-source.js';

interface KqlArgs {
  pane: PaneChoice;
  filter?: string;
  since?: string;
  until?: string;
  tz?: string;
  config?: string;
}

export const kqlCommand: CommandModule<object, KqlArgs> = {
  command: 'kql',
  describe: 'Print the KQL --workspace would run for a filter, per Log Analytics table',
  builder: (y) =>
    y
      .option('filter', { type: 'string', describe: 'The query to translate (see README: query language)' })
      .option('pane', paneOption)
      .options(windowOptions)
      .option('tz', timeZoneOption)
      .example(`$0 kql --filter 'ip:203.0.113.66' --pane sign-ins --since 30d`, 'The attacker\'s sign-ins, as KQL for the portal') as never,
  handler: async (args) => {
    // Times typed without Z or an offset are read in the zone `query --workspace` reads them in.
    const { config } = await settingsFor(args.config, UNICODE_SYMBOLS);
    const filter = parseCliFilter(args.filter, timeZoneOption.resolve(args.tz ?? config.timeZone).zone);
    const plan = planFor(filter?.query ?? null, args.pane, args);
    // A term left to the local engine is printed as typed: a control character in it must not act on the terminal.
    const typed = (terms: Parameters<typeof formatTerm>[0][]) => sanitize(terms.map(formatTerm).join(' '), UNICODE_SYMBOLS);
    const local = localTerms(plan);
    const blocks = plan.queries.map((query) => {
      const panes = query.table.panes.map((pane) => PANE_LABELS[pane]).join(', ');
      const notes = [`// ${query.table.name}: ${panes}`];
      if (query.local.length > 0) notes.push(`// decided by entra-audit, not here: ${typed(query.local)}`);
      return `${notes.join('\n')}\n${pastableQuery(query, plan.window)}\n`;
    });
    const header = local.length > 0
      ? `// Rows these queries return are a superset: entra-audit applies the whole filter again, and decides ${typed(local)} itself.\n\n`
      : '';
    const out = new OutputWriter();
    await out.write(header + blocks.join('\n'));
    await out.flush();
  },
};
