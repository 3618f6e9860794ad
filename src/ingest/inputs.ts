/**
 * What the user named, as a list of inputs: files as given, directories walked (the storage
 * container layout `y=/m=/d=/h=/PT1H.json` nests deep), and `-` for standard input.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STDIN_NAME } from '../model/sources.js';
import { describeFsError } from '../text/fs-error.js';

export type InputSpec = { kind: 'file'; path: string } | { kind: 'stdin' };

/**
 * yargs drops a bare `-` from positional arguments, so the CLI swaps it for this stand-in first.
 * It contains a NUL, which no file path can.
 */
export const STDIN_ARGUMENT = '\u0000stdin';


export const inputName = (spec: InputSpec): string => (spec.kind === 'stdin' ? STDIN_NAME : spec.path);

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
        const files = await walk(arg);
        if (files.length === 0) errors.push(`${arg}: directory holds no files`);
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

/** Every regular file below `dir`, in a stable (sorted) order, skipping dot-files. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const file of await walk(path)) files.push(file);
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
