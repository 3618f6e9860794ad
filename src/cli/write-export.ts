/**
 * `--output`: write the export, then the receipt on stderr (a `sha256sum -c` checksum file),
 * turning the ways a write can fail into messages for the user. `request.path` is the file
 * resolveExportTarget chose (a directory given by the user is already expanded).
 */
import { exportEvents, type ExportRequest } from '../export/export-events.js';
import { CannotWriteError } from '../export/export-target.js';
import { receiptLines } from '../export/receipt.js';
import { FileExistsError } from '../export/safe-write.js';
import { RecordUnreadableError } from '../store/record-address.js';
import { describeFsError } from '../text/fs-error.js';
import type { Symbols } from '../text/symbols.js';
import { CliError, EXIT } from './errors.js';

export async function writeExport(request: ExportRequest, symbols: Symbols): Promise<void> {
  try {
    const receipt = await exportEvents(request);
    process.stderr.write(receiptLines(receipt, symbols).join('\n') + '\n');
  } catch (error) {
    // Both are already in words and name only the file asked for.
    if (error instanceof FileExistsError || error instanceof CannotWriteError) throw new CliError(error.message, EXIT.dataError);
    // A record re-read for the export whose file changed since it was loaded: nothing was written.
    if (error instanceof RecordUnreadableError) throw new CliError(`cannot write ${request.path}: a record can no longer be read (${error.message})`, EXIT.dataError);
    // Anything else with a code came from the events' side (a source no longer readable): in words too.
    if ((error as NodeJS.ErrnoException).code) throw new CliError(`cannot write ${request.path}: ${describeFsError(error)}`, EXIT.dataError);
    throw error;
  }
}
