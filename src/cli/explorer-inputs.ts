/**
 * The explorer's inputs, checked before anything else: a missing file or a mistyped command
 * (which yargs' default command takes for a file) would otherwise open an empty explorer, and the
 * error would show only after quitting.
 */
import { constants, existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { closestName } from '../config/closest-name.js';
import { STDIN_ARGUMENT, type ResolvedInputs } from '../ingest/inputs.js';
import { describeFsError } from '../text/fs-error.js';
import { CliError, EXIT } from './errors.js';
import { inputsFor } from './load-for-cli.js';

/** The commands main.ts registers besides the explorer: a first argument close to one is a typo. */
const COMMAND_NAMES = ['query', 'summary', 'kql', 'sample', 'config', 'cache'] as const;

/**
 * The inputs, or a CliError: a first argument that names no file but is a command misspelt
 * (`querry`) is a usage error (exit 2); any input that is missing or unreadable is a data error
 * (exit 1), every one named, since an explorer on part of the data would pass for the whole.
 */
export async function readableInputs(files: readonly string[]): Promise<ResolvedInputs> {
  const first = files[0];
  if (first !== undefined && first !== STDIN_ARGUMENT && !existsSync(first)) {
    const command = closestName(first, COMMAND_NAMES);
    if (command !== undefined) throw new CliError(`unknown command ${JSON.stringify(first)} — did you mean "${command}"?\nRun 'entra-audit --help' for usage.`, EXIT.usage);
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
  if (errors.length > 0) throw new CliError(errors.join('\nentra-audit: '), EXIT.dataError);
  return resolved;
}
