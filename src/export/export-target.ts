/**
 * Where an export goes, decided before anything is written, and why it cannot go there, in
 * words: `query --output` and the explorer's export prompt both ask here, so both say the same.
 * A user names a file or a folder; Node's own errors name a syscall and, for an atomic write,
 * the temporary file beside the target (`.x.csv.123.abcd.tmp`), which the user never asked for.
 * Messages name only the user's path (unsanitised: the caller sanitises for its screen).
 */
import { constants } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { errnoReason } from '../text/fs-error.js';
import type { ExportFormat } from './event-text.js';

/** `path` is the file to write; `exists` says a regular file is there (replace only with --force or a confirmation). */
export type ExportTarget = { path: string; exists: boolean } | { error: string };

/** A write that cannot happen, told as `cannot write PATH: REASON`. */
export class CannotWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

/** What is at a path. `other` is a device, FIFO or socket: replacing one is never what an export means. */
export type PathKind = 'none' | 'file' | 'directory' | 'other';

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

export async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    try {
      // A dangling symbolic link is an entry all the same: like a file, --force replaces it.
      await lstat(path);
      return 'file';
    } catch {
      return 'none';
    }
  }
}

/** Node's codes in words, for the ones a write meets in practice (text/fs-error.ts: one list for every message). */
function reasonFor(error: unknown): string | undefined {
  return errnoCode(error) === 'EISDIR' ? 'it is a directory' : errnoReason(error);
}

/** The nearest ancestor of `dir` that exists, walking up (`/` and `.` always do). */
async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
    if ((await pathKind(current)) !== 'none') return current;
  }
}

/** Why files cannot be created in `dir`, or undefined when they can. */
async function directoryProblem(dir: string): Promise<string | undefined> {
  const kind = await pathKind(dir);
  if (kind === 'none') {
    // Missing, or a file in the way further up (`report.csv/x.csv`): say which.
    const existing = await nearestExisting(dir);
    return (await pathKind(existing)) === 'directory' ? `directory ${dir} does not exist` : `${existing} is not a directory`;
  }
  if (kind !== 'directory') return `${dir} is not a directory`;
  try {
    // The atomic write creates its temporary file in this directory.
    await access(dir, constants.W_OK);
  } catch (error) {
    return `${reasonFor(error) ?? 'not writable'} (directory ${dir})`;
  }
  return undefined;
}

/**
 * The error a failed write of `path` is reported as. `temporary` is the file the atomic write
 * was filling: Node's messages name it, the user never should see it.
 */
export async function cannotWrite(path: string, error: unknown, temporary?: string): Promise<CannotWriteError> {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const problem = await directoryProblem(dirname(path)).catch(() => undefined);
    return new CannotWriteError(path, problem ?? `directory ${dirname(path)} does not exist`);
  }
  const reason = reasonFor(error);
  if (reason !== undefined) return new CannotWriteError(path, reason);
  const message = error instanceof Error ? error.message : String(error);
  return new CannotWriteError(path, temporary === undefined ? message : message.split(temporary).join(path));
}

/**
 * Where to write an export the user named `path`: an existing directory, or a path ending in `/`,
 * means the file `defaultName` inside it; anything else is the file itself. Answers the path to
 * hand to exportEvents, with `exists` when a regular file is already there, or an error in words
 * when the write could not happen: a missing parent directory (`cannot write /nonexistent/x.csv:
 * directory /nonexistent does not exist`), a parent that is a file, a directory without write
 * permission, a target that is a directory or a device. Async: it only stats (a stalled network
 * mount must not freeze the explorer's screen). Nothing is created; the write checks again, since
 * the disk can change in between.
 */
export async function resolveExportTarget(path: string, defaultName: string): Promise<ExportTarget> {
  if (path === '') return { error: 'no file name given' };
  try {
    const namesDirectory = path.endsWith('/') || path.endsWith(sep) || (await pathKind(path)) === 'directory';
    const target = namesDirectory ? join(path, defaultName) : path;
    const kind = await pathKind(target);
    if (kind === 'directory') return { error: new CannotWriteError(target, 'it is a directory').message };
    if (kind === 'other') return { error: new CannotWriteError(target, 'it is not a regular file').message };
    const problem = await directoryProblem(dirname(target));
    if (problem !== undefined) return { error: new CannotWriteError(target, problem).message };
    return { path: target, exists: kind === 'file' };
  } catch (error) {
    return { error: (await cannotWrite(path, error)).message };
  }
}

/** `entra-audit-20261201T235959Z.csv`: the name an export to a directory gets (UTC, to the second, sorts by time). */
export function defaultExportFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `entra-audit-${stamp}.${format}`;
}
