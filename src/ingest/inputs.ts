/**
 * What the user named, as a list of inputs: files as given, directories walked (the storage
 * container layout `y=/m=/d=/h=/PT1H.json` nests deep; links followed), and `-` for standard input.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STDIN_NAME } from '../model/sources.js';
import { describeFsError } from '../text/fs-error.js';
import type { RecordFeed } from './record-feed.js';

/** `feed`: a live source (a Log Analytics workspace) whose records arrive parsed, never from a file. */
export type InputSpec = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'feed'; feed: RecordFeed };

/**
 * yargs drops a bare `-` from positional arguments, so the CLI swaps it for this stand-in first.
 * It contains a NUL, which no file path can.
 */
export const STDIN_ARGUMENT = '\u0000stdin';


export const inputName = (spec: InputSpec): string => (spec.kind === 'stdin' ? STDIN_NAME : spec.kind === 'feed' ? spec.feed.name : spec.path);

export interface ResolvedInputs {
  inputs: InputSpec[];
  /** Arguments that name nothing readable; each is an error the CLI reports. */
  errors: string[];
}

export async function resolveInputs(args: readonly string[]): Promise<ResolvedInputs> {
  const inputs: InputSpec[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    if (arg === '-' || arg === STDIN_ARGUMENT) {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    try {
      const info = await stat(arg);
      if (info.isDirectory()) {
        const before = errors.length;
        const files = await walk(arg, errors);
        if (files.length === 0 && errors.length === before) errors.push(`${arg}: directory holds no files`);
        // One push per file: a directory may hold more files than a call can take as arguments.
        for (const path of files) inputs.push({ kind: 'file', path });
      } else {
        inputs.push({ kind: 'file', path: arg });
      }
    } catch (error) {
      errors.push(`${arg}: ${describeFsError(error)}`);
    }
  }
  return { inputs, errors };
}

/**
 * Every regular file below `root`, in a stable (sorted) order, skipping dot-files. Symbolic links
 * are followed, to files and to directories (collectors link the current hour's folder); each
 * directory is walked once (by its real path), so a link cycle ends, and a file reached twice
 * (directly and through a link) is listed once. What cannot be read, a subdirectory without
 * permission or a link to nothing, goes to `errors` with its path, and the rest is still walked.
 * Pipes, sockets and devices inside a directory are not inputs and are passed over.
 */
async function walk(root: string, errors: string[]): Promise<string[]> {
  const files: string[] = [];
  const walked = new Set<string>();
  const listed = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (walked.has(real)) return;
      walked.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      errors.push(`${dir}: ${describeFsError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile()) list(path, join(real, entry.name));
      else if (entry.isSymbolicLink()) await follow(path);
    }
  };
  const list = (path: string, real: string) => {
    if (listed.has(real)) return;
    listed.add(real);
    files.push(path);
  };
  const follow = async (path: string): Promise<void> => {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await visit(path);
      else if (info.isFile()) list(path, await realpath(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(`${path}: ${code === 'ENOENT' ? 'a symbolic link to nothing' : code === 'ELOOP' ? 'a symbolic link that loops' : describeFsError(error)}`);
    }
  };
  await visit(root);
  return files;
}
