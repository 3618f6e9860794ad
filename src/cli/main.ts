#!/usr/bin/env node
/**
 * The `entra-audit` command line. Argument parsing and exit codes only; every command's work
 * lives in the core. Usage errors exit 2, data errors 1, and no stack trace reaches the user.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { supportedFormatsText } from '../ingest/formats/index.js';
import { STDIN_ARGUMENT } from '../ingest/inputs.js';
import { CliError, EXIT } from './errors.js';
import { sanitize } from '../text/sanitize.js';
import { UNICODE_SYMBOLS } from '../text/symbols.js';
import { cacheCommand } from './cache-command.js';
import { configCommand } from './config-command.js';
import { configOption } from './config-option.js';
import { kqlCommand } from './kql-command.js';
import { openCommand } from './open-command.js';
import { pullCommand } from './pull-command.js';
import { guardStandardStreams } from './output.js';
import { queryCommand } from './query-command.js';
import { sampleCommand } from './sample-command.js';
import { summaryCommand } from './summary-command.js';
import { ownVersion } from './own-version.js';

/**
 * `--filter -status:success` would reach yargs as `--filter` followed by the short flags
 * `-s -t -a -t -u …` (its error: "Unknown arguments: s, t, a, u"), since a query term may start
 * with '-' (negation). The value after `--filter` is always the filter, so it is joined to it
 * (`--filter=-status:success`), which yargs takes whole. Only the argument right after a literal
 * `--filter`, and never after `--`, which ends the options.
 */
function joinDashFilterValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    const value = args[i + 1];
    if (arg === '--filter' && value !== undefined && value.startsWith('-')) {
      joined.push(`--filter=${value}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * The one way a message reaches stderr before exiting: every line sanitised here (messages echo
 * arguments, file names and log values, and a control character in one must not act on the terminal).
 */
function fail(message: string, code: number): never {
  const lines = message.split('\n').map((line) => sanitize(line, UNICODE_SYMBOLS));
  try {
    process.stderr.write(`entra-audit: ${lines.join('\n')}\n`);
  } finally {
    // A stderr that cannot be written (see guardStandardStreams) must not change the exit code.
    process.exit(code);
  }
}

async function main(): Promise<void> {
  guardStandardStreams();
  // The filter first: a filter of '-' is a (malformed) query, not standard input.
  const args = joinDashFilterValues(hideBin(process.argv)).map((arg) => (arg === '-' ? STDIN_ARGUMENT : arg));
  const parser = yargs(args)
    .scriptName('entra-audit')
    .command(openCommand)
    .command(queryCommand)
    .command(summaryCommand)
    .command(kqlCommand)
    .command(sampleCommand)
    .command(pullCommand)
    .command(configCommand)
    .command(cacheCommand)
    .option('config', configOption)
    .strict()
    .help()
    .alias('h', 'help')
    .version(ownVersion())
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue(`Input formats are detected by content:\n${supportedFormatsText()}\n\nGzip, UTF-8/UTF-16 with or without BOM and CRLF are handled transparently.`)
    .fail((message, error) => {
      if (error instanceof CliError) fail(error.message, error.exitCode);
      if (error instanceof Error) fail(error.message, EXIT.dataError);
      // Anything else is yargs' own complaint about the command line (a check's message arrives as `error`).
      fail(`${message ?? String(error)}\nRun 'entra-audit --help' for usage.`, EXIT.usage);
    });
  await parser.parseAsync();
}

main().catch((error: unknown) => {
  if (error instanceof CliError) fail(error.message, error.exitCode);
  fail(error instanceof Error ? error.message : String(error), EXIT.dataError);
});
