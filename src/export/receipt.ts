/**
 * The receipt of an export as text a person reads and `sha256sum -c` checks: the summary and
 * notes are `#` comment lines (which sha256sum skips, even with --strict) and every hash is a
 * `<hash>  <file>` line. Saved as is (`2> export.sha256`), it is a checksum file.
 */
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import type { ExportReceipt } from './export-events.js';

/** File names are sanitised with `symbols`: the receipt goes to a terminal (stderr, the explorer's screen). */
export function receiptLines(receipt: ExportReceipt, symbols: Symbols): string[] {
  const events = `${receipt.count} event${receipt.count === 1 ? '' : 's'}`;
  const lines = [`# wrote ${events} to ${sanitize(receipt.path, symbols)} (${receipt.bytes} bytes)`, checksumLine(receipt.sha256, receipt.path, symbols)];
  for (const source of receipt.sources) {
    lines.push(source.sha256 === null ? `# ${sanitize(source.path, symbols)}: no SHA-256 (${source.note ?? 'not hashed'})` : checksumLine(source.sha256, source.path, symbols));
  }
  lines.push(...sinceLoadLines(receipt, symbols));
  return lines;
}

/**
 * Whether the sources are still the files that were loaded. A changed one is named with how it
 * changed: its SHA-256 is of the file as it is now, and every exported record re-read from it
 * was checked against the bytes loaded (an export refuses a record that differs).
 */
function sinceLoadLines(receipt: ExportReceipt, symbols: Symbols): string[] {
  const compared = receipt.sources.filter((source) => source.changedSinceLoad !== undefined);
  if (compared.length === 0) return [];
  const changed = compared.filter((source) => source.changedSinceLoad !== null);
  if (changed.length === 0) return [`# sources unchanged since they were loaded (size, modification time, inode)`];
  return changed.map(
    (source) =>
      `# WARNING: ${sanitize(source.path, symbols)} changed since it was loaded (${sanitize(source.changedSinceLoad ?? '', symbols)}): its SHA-256 is of the file now; each exported record was checked against the bytes loaded`,
  );
}

/**
 * One line in GNU sha256sum's format. A name with a backslash, newline or CR is written the
 * way sha256sum itself writes it (a leading `\` and `\\`, `\n`, `\r` escapes). Other control
 * characters in a file name cannot be escaped in this format and are shown as placeholders,
 * so a hostile file name cannot act on the terminal (its line then fails the check, loudly).
 */
export function checksumLine(sha256: string, path: string, symbols: Symbols): string {
  if (!/[\\\n\r]/.test(path)) return `${sha256}  ${sanitize(path, symbols)}`;
  const escaped = path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `\\${sha256}  ${sanitize(escaped, symbols)}`;
}
