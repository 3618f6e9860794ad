/** How standard input is named in reports, receipts and copied commands (it has no path). */
export const STDIN_NAME = '<stdin>';

/** What identifies a file's content as it was loaded: an export checks its sources against it. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** How a source differs from its stamp at load, in words; null when it does not. */
export function stampChange(loaded: SourceStamp, now: SourceStamp): string | null {
  const changes: string[] = [];
  if (now.ino !== loaded.ino) changes.push('replaced by another file');
  if (now.size !== loaded.size) changes.push(`size ${loaded.size.toLocaleString('en-US')} → ${now.size.toLocaleString('en-US')} bytes`);
  if (now.mtimeMs !== loaded.mtimeMs) changes.push(`modified ${new Date(now.mtimeMs).toISOString()}`);
  return changes.length === 0 ? null : changes.join(', ');
}
