/**
 * Keeping the table's columns (`C`) in the config file, carefully: a file with problems is left
 * alone (say why instead); only `columns.<pane>` changes, the rest of the text stays as written;
 * the new text must parse to the old settings plus the new columns, or nothing is written; and
 * the write is atomic (a temporary file beside the real one, renamed over it, its mode kept), so
 * a crash leaves the old file or the new one. A config that is a link (dotfiles) stays a link.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { chmod, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Pane } from '../model/pane.js';
import { describeFsError } from '../text/fs-error.js';
import { defaultConfigPath, type Env } from './config-path.js';
import { setJsonValue } from './json-edit.js';
import { loadConfig } from './load-config.js';

export type SaveOutcome = { ok: true; path: string } | { ok: false; reason: string };

export interface SaveColumnsOptions {
  /** `--config` as given; undefined: the default place. */
  path?: string;
  env: Env;
  /** The explorer's action ids, to check the file as the explorer did when it started. */
  actions?: readonly string[];
  pane: Pane;
  columns: readonly string[];
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export async function saveColumns(options: SaveColumnsOptions): Promise<SaveOutcome> {
  const path = options.path ?? defaultConfigPath(options.env);
  try {
    // As the explorer read it at the start: a file named with --config must exist, none at the default place is fine.
    const checked = await loadConfig({ path: options.path, env: options.env, actions: options.actions });
    if (!checked.ok) return { ok: false, reason: `${path} has problems, so it was left as it is: ${checked.errors[0]}` };
    const target = await realTarget(path);
    const before = target.exists ? await readFile(target.path, 'utf8') : null;
    const text = before ?? '{}\n';
    const edited = setJsonValue(text, ['columns', options.pane], [...options.columns]);
    // The edit must change that one setting and nothing else, or the file is not touched.
    const expected = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    const columns = typeof expected.columns === 'object' && expected.columns !== null ? expected.columns : {};
    expected.columns = { ...columns, [options.pane]: [...options.columns] };
    if (!isDeepStrictEqual(JSON.parse(edited.replace(/^\uFEFF/, '')), expected)) return { ok: false, reason: `could not edit ${path} safely; it was left as it is` };
    await writeAtomically(target.path, edited);
    return { ok: true, path };
  } catch (error) {
    return { ok: false, reason: `could not write ${path}: ${describeFsError(error)}` };
  }
}

/** The file to write: the one a link points to, whether it exists yet. */
async function realTarget(path: string): Promise<{ path: string; exists: boolean }> {
  try {
    return { path: await realpath(path), exists: true };
  } catch (error) {
    if (!isMissing(error)) throw error;
    await mkdir(dirname(path), { recursive: true });
    return { path, exists: false };
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // An existing file keeps its permissions; a new one gets the usual ones (the umask's).
  const mode = await stat(path).then(
    (info) => info.mode & 0o777,
    (error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    },
  );
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flush: true });
    if (mode !== null) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
