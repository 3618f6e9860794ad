/**
 * `entra-audit pull --out FILE[.gz]`: the tenant's logs from Microsoft Graph into a file the
 * explorer and `query` read like any Graph export. Pages go to `FILE.partial` as they come (with
 * the state beside it for --resume); the output appears, complete, only at the end. Exit 0 when
 * every log asked for was read; 1 when one was refused (403: the file still holds the others) or
 * the pull stopped (what was pulled is kept for --resume); 2 for a wrong command line.
 */
import { rm } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { CannotWriteError } from '../export/export-target.js';
import { FileExistsError } from '../export/safe-write.js';
import { TemporaryFiles } from '../export/temporary-files.js';
import { credentialFor, AuthError } from '../sources/auth/credential.js';
import { LOG_NAMES } from '../sources/graph/collections.js';
import { GraphClient, GraphError } from '../sources/graph/graph-client.js';
import { Pacer, SYSTEM_CLOCK } from '../sources/graph/pacer.js';
import { runPull } from '../sources/graph/pull.js';
import { sanitize } from '../text/sanitize.js';
import { symbolsFor } from '../text/symbols.js';
import { authOption, authOptionsFrom, tenantOption, type AuthArgs } from './auth-options.js';
import { settingsFor } from './config-option.js';
import { CliError, EXIT } from './errors.js';
import { finishPull, pullReceipt } from './pull-finish.js';
import { PullProgress } from './pull-progress.js';
import { createPullFiles, DEFAULT_GRAPH_ENDPOINT, DEFAULT_SINCE, setUpPull, type PullArgs } from './pull-setup.js';
import { maxRecordOption } from './shared-options.js';
import { removeTemporariesOnSignals } from './signal-cleanup.js';

/** Ctrl-C (or a closed SSH session) mid-pull ends at once, saying how to continue; only while `run` runs. */
async function runPullTellingInterruptions(run: () => Promise<void>, tell: () => void): Promise<void> {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const onSignal = (signal: keyof typeof codes) => {
    tell();
    process.exit(codes[signal]);
  };
  const signals = Object.keys(codes) as (keyof typeof codes)[];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    await run();
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

interface PullCommandArgs extends PullArgs, AuthArgs {
  ascii: boolean;
  config?: string;
  maxRecordMb?: number;
}

export const pullCommand: CommandModule<object, PullCommandArgs> = {
  command: 'pull',
  describe: 'Copy the audit, custom security, sign-in and provisioning logs from Microsoft Graph into a file',
  builder: (y) =>
    y
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'The file to write (JSON Lines; .gz compresses); FILE.partial fills while the pull runs' })
      .option('since', { type: 'string', describe: `Start of the window: a duration back from now (30m, 24h, 7d) or a UTC date (default ${DEFAULT_SINCE})` })
      .option('until', { type: 'string', describe: 'End of the window, inclusive (default: now); a bare date means the end of that day' })
      .option('logs', { type: 'string', describe: `Which logs, comma-separated: ${LOG_NAMES.join(',')} (default: all)` })
      .option('filter', { type: 'string', describe: 'Only records matching this query (see README: query language); Graph narrows what it can, the rest is filtered here' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted pull of the same --out where it stopped' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing --out, or start over instead of resuming' })
      .option('pushdown', { type: 'boolean', default: true, describe: 'Send the filter\'s exact terms to Graph (--no-pushdown: only the time window; everything is filtered here)' })
      .option('pace', { type: 'string', describe: 'At most this many requests per time (default 5/10s: Graph\'s limit for the reporting API)' })
      .option('auth', authOption)
      .option('tenant', tenantOption)
      .option('graph-endpoint', { type: 'string', describe: `Microsoft Graph's address (default ${DEFAULT_GRAPH_ENDPOINT}; national clouds: https://graph.microsoft.us, https://dod-graph.microsoft.us, https://microsoftgraph.chinacloudapi.cn)` })
      .option('ascii', { type: 'boolean', default: false, describe: 'ASCII markers only (no symbols)' })
      .option('max-record-mb', maxRecordOption)
      .check((a) => (a.resume && a.force ? '--resume continues a pull and --force starts over: choose one' : true))
      .example('$0 pull --since 7d --out tenant.jsonl.gz', 'Every log of the last week')
      .example(`$0 pull --logs sign-ins --filter 'ip:=203.0.113.66' --out ip.jsonl`, 'Sign-ins from one address (sent to Graph as ipAddress eq …)')
      .example('$0 pull --out tenant.jsonl.gz --resume', 'Continue after an interruption') as never,
  handler: async (args) => {
    const symbols = symbolsFor(args.ascii);
    const { catalog } = await settingsFor(args.config, symbols);
    const maxRecordBytes = maxRecordOption.resolve(args.maxRecordMb);
    const setup = await setUpPull(args, Date.now());
    const { plan, endpoint } = setup;
    const tokens = credentialFor(authOptionsFrom(args), endpoint.scope);
    const client = new GraphClient({ endpoint, tokens, pacer: new Pacer(setup.rate, SYSTEM_CLOCK), clock: SYSTEM_CLOCK });
    const progress = new PullProgress({
      write: (text) => process.stderr.write(text),
      terminal: process.stderr.isTTY === true,
      now: Date.now,
      symbols,
      window: plan.state.request,
      columns: () => process.stderr.columns || 80,
    });
    let filesMade = false;
    try {
      // Signed in before any file is made: a failed sign-in leaves nothing to clean up.
      await tokens.token(endpoint.scope);
      await createPullFiles(setup);
      filesMade = true;
      await runPullTellingInterruptions(() => runPull(client, plan, progress), () => {
        progress.finish();
        // Safe at any moment: a page is on disk before the state counts it.
        process.stderr.write(`entra-audit: interrupted; what was pulled is kept in ${sanitize(plan.partialPath, symbols)}: run the same command with --resume to continue\n`);
      });
    } catch (error) {
      progress.finish();
      if (error instanceof AuthError) {
        // A token that could not be renewed mid-pull leaves pages on disk: say where, and how to go on.
        const after = setup.resumed || filesMade ? `What was pulled is kept in ${sanitize(plan.partialPath, symbols)}; once signed in, run the same command with --resume.` : 'Nothing was pulled.';
        throw new CliError(`${error.message}\n${after}`, EXIT.dataError);
      }
      if (error instanceof GraphError) {
        const where = plan.collections.find((c) => plan.state.collections[c.id].status === 'running');
        const pulled = plan.state.collections[where?.id ?? '']?.records ?? 0;
        throw new CliError(
          `the pull stopped${where ? ` in ${where.id} after ${pulled.toLocaleString('en-US')} records` : ''}: ${error.message}\nWhat was pulled is kept in ${plan.partialPath}; run the same command with --resume to continue from the last page that arrived.`,
          EXIT.dataError,
        );
      }
      throw error;
    }
    const temporaries = new TemporaryFiles();
    const stopCleanup = removeTemporariesOnSignals(temporaries);
    const request = { partialPath: plan.partialPath, outPath: setup.outPath, force: args.force, filter: setup.filter, catalog, source: `${endpoint.origin} (Microsoft Graph)`, temporaries, symbols, ...(maxRecordBytes ? { maxRecordBytes } : {}) };
    try {
      const finished = await finishPull(request);
      process.stderr.write(pullReceipt(request, finished).join('\n') + '\n');
    } catch (error) {
      if (error instanceof FileExistsError || error instanceof CannotWriteError) throw new CliError(`${error.message} (what was pulled is kept in ${plan.partialPath}: --resume writes it)`, EXIT.dataError);
      throw error;
    } finally {
      stopCleanup();
    }
    await Promise.all([rm(plan.partialPath, { force: true }), rm(plan.statePath, { force: true })]);
    const refused = plan.collections.filter((c) => plan.state.collections[c.id].status === 'refused');
    if (refused.length > 0) {
      process.stderr.write(`entra-audit: not in the file: ${refused.map((c) => c.id).join(', ')} (refused by Graph: see above)\n`);
      process.exitCode = EXIT.dataError;
    }
  },
};
