/**
 * `--output`: write the export, then the receipt on stderr (a `sha256sum -c` checksum file),
 * turning the ways a write can fail into messages for the user.
 */
import { exportEvents, type ExportRequest } from '../export/export-events.js';
import { receiptLines } from '../export/receipt.js';
import { FileExistsError } from '../export/safe-write.js';
import { describeFsError } from '../text/fs-error.js';
import { sanitize } from '../text/sanitize.js';
import { CliError, EXIT } from './errors.js';

export async function writeExport(request: ExportRequest): Promise<void> {
  try {
    const receipt = await exportEvents(request);
    process.stderr.write(receiptLines(receipt).join('\n') + '\n');
  } catch (error) {
    if (error instanceof FileExistsError) throw new CliError(sanitize(error.message), EXIT.dataError);
    // Node's own message names the temporary file; the user only knows the one they asked for.
    if ((error as NodeJS.ErrnoException).code) {
      throw new CliError(`cannot write ${sanitize(request.path)}: ${describeFsError(error)}`, EXIT.dataError);
    }
    throw error;
  }
}
