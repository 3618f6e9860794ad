/**
 * The temporary files an atomic write is filling (`.x.csv.<pid>.<hex>.tmp` beside the target),
 * so that whoever owns the process can remove them when it is ended by a signal: the write's own
 * clean-up (`finally`) never runs then, and the half file would stay. One object per command or
 * explorer run, passed down to the writes (no module-level registry: tests run many in one process).
 */
import { unlinkSync } from 'node:fs';

export class TemporaryFiles {
  private readonly paths = new Set<string>();

  /** Before the file is created, so there is no moment when it exists unknown. */
  add(path: string): void {
    this.paths.add(path);
  }

  /** After it was moved into place or removed. */
  delete(path: string): void {
    this.paths.delete(path);
  }

  /** Synchronously (a signal handler cannot wait): each one gone or already gone. */
  removeAll(): void {
    for (const path of this.paths) {
      try {
        unlinkSync(path);
      } catch {
        // Not created yet, or already moved into place: nothing to remove.
      }
    }
    this.paths.clear();
  }
}
