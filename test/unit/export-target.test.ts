/**
 * Where an export goes and why it cannot go there, in words: resolveExportTarget (the check the
 * CLI and the explorer make before writing) and the atomic write's own errors, which must name
 * the user's path and never the temporary file beside it.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CannotWriteError, defaultExportFileName, resolveExportTarget } from '../../src/export/export-target.js';
import { FileExistsError, writeFileAtomically } from '../../src/export/safe-write.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const NAME = 'entra-audit-20261201T235959Z.csv';
const folder = (name: string): string => {
  const path = temp.path(name);
  mkdirSync(path, { recursive: true });
  return path;
};

describe('resolveExportTarget', () => {
  it('a new file in an existing directory is itself, not there yet', async () => {
    const dir = folder('plain');
    expect(await resolveExportTarget(join(dir, 'x.csv'), NAME)).toEqual({ path: join(dir, 'x.csv'), exists: false });
  });

  it('an existing regular file is itself, marked as existing (replacing it is the caller\'s question)', async () => {
    const file = temp.write('already.csv', 'old');
    expect(await resolveExportTarget(file, NAME)).toEqual({ path: file, exists: true });
  });

  it('an existing directory means the default name inside it, with or without a trailing slash', async () => {
    const dir = folder('exports');
    expect(await resolveExportTarget(dir, NAME)).toEqual({ path: join(dir, NAME), exists: false });
    expect(await resolveExportTarget(`${dir}/`, NAME)).toEqual({ path: join(dir, NAME), exists: false });
  });

  it('the default name already taken inside the directory is an existing file', async () => {
    const dir = folder('taken');
    temp.write(`taken/${NAME}`, 'old');
    expect(await resolveExportTarget(dir, NAME)).toEqual({ path: join(dir, NAME), exists: true });
  });

  it('a relative file name in the working directory is fine', async () => {
    expect(await resolveExportTarget('never-written-here.csv', NAME)).toEqual({ path: 'never-written-here.csv', exists: false });
  });

  it('a missing parent directory is told in words', async () => {
    expect(await resolveExportTarget('/nonexistent/x.csv', NAME)).toEqual({ error: 'cannot write /nonexistent/x.csv: directory /nonexistent does not exist' });
    const missing = temp.path('missing/deeper');
    expect(await resolveExportTarget(join(missing, 'x.csv'), NAME)).toEqual({ error: `cannot write ${missing}/x.csv: directory ${missing} does not exist` });
  });

  it('a path ending in "/" that does not exist is a missing directory, not a file named like it', async () => {
    const missing = temp.path('not-made');
    expect(await resolveExportTarget(`${missing}/`, NAME)).toEqual({ error: `cannot write ${join(missing, NAME)}: directory ${missing} does not exist` });
  });

  it('a parent that is a file is told in words, however far up it is', async () => {
    const file = temp.write('report.csv', 'x');
    expect(await resolveExportTarget(join(file, 'x.csv'), NAME)).toEqual({ error: `cannot write ${file}/x.csv: ${file} is not a directory` });
    expect(await resolveExportTarget(join(file, 'a', 'b', 'x.csv'), NAME)).toEqual({ error: `cannot write ${file}/a/b/x.csv: ${file} is not a directory` });
    expect(await resolveExportTarget(`${file}/`, NAME)).toEqual({ error: `cannot write ${join(file, NAME)}: ${file} is not a directory` });
  });

  it('a device is never a target', async () => {
    expect(await resolveExportTarget('/dev/null', NAME)).toEqual({ error: 'cannot write /dev/null: it is not a regular file' });
  });

  it('a dangling symbolic link is an existing entry (replaced only when allowed), not a missing file', async () => {
    const link = temp.path('dangling.csv');
    symlinkSync(temp.path('nowhere'), link);
    expect(await resolveExportTarget(link, NAME)).toEqual({ path: link, exists: true });
  });

  it('an empty name is an error', async () => {
    expect(await resolveExportTarget('', NAME)).toEqual({ error: 'no file name given' });
  });
});

describe('defaultExportFileName', () => {
  it('is entra-audit-<UTC stamp to the second>.<format>', () => {
    const at = new Date('2026-12-01T23:59:59.987Z');
    expect(defaultExportFileName('csv', at)).toBe('entra-audit-20261201T235959Z.csv');
    expect(defaultExportFileName('json', at)).toBe('entra-audit-20261201T235959Z.json');
    expect(defaultExportFileName('ndjson', at)).toBe('entra-audit-20261201T235959Z.ndjson');
  });
});

describe('writeFileAtomically, when the write cannot happen', () => {
  const failure = async (path: string, force = false): Promise<unknown> =>
    writeFileAtomically(path, ['a\n'], { force }).then(
      () => expect.unreachable('the write should have failed'),
      (error: unknown) => error,
    );

  it('a missing directory: in words, naming the target and no temporary file', async () => {
    const error = await failure('/nonexistent/x.csv');
    expect(error).toBeInstanceOf(CannotWriteError);
    expect((error as Error).message).toBe('cannot write /nonexistent/x.csv: directory /nonexistent does not exist');
  });

  it('a directory is never "already exists; pass --force", and --force does not replace it', async () => {
    const dir = folder('target-dir');
    for (const force of [false, true]) {
      const error = await failure(dir, force);
      expect(error).not.toBeInstanceOf(FileExistsError);
      expect((error as Error).message).toBe(`cannot write ${dir}: it is a directory`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a regular file is "already exists" without --force, replaced with it, and no temporary file is left', async () => {
    const dir = folder('replace');
    const file = temp.write('replace/out.csv', 'old');
    const error = await failure(file);
    expect(error).toBeInstanceOf(FileExistsError);
    expect((error as Error).message).toBe(`${file} already exists; pass --force to overwrite it`);
    await writeFileAtomically(file, ['new\n'], { force: true });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('an error from the events\' side passes as it is, not as a write error', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a\n';
      throw new Error('source gone');
    }
    const dir = folder('source-fails');
    await expect(writeFileAtomically(join(dir, 'x.csv'), failing(), { force: false })).rejects.toThrow(/^source gone$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
