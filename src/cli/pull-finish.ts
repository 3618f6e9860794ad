/**
 * The end of a pull: `FILE.partial` holds every record Graph sent; the output holds those
 * `query --filter` keeps on them. The partial file is loaded like any input (the same normalisers,
 * the same duplicate rule: a sign-in in two passes is written once), the filter compiled against
 * that store, and the kept records' lines copied, in the order they were pulled, into the output:
 * atomically, gzip for `.gz`, with a SHA-256 receipt as `query --output` prints. So `query` on the
 * output and `query --filter` on everything pulled count the same records.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Catalog } from '../insights/catalog.js';
import { receiptLines } from '../export/receipt.js';
import { writeFileAtomically, type WrittenFile } from '../export/safe-write.js';
import type { TemporaryFiles } from '../export/temporary-files.js';
import type { SourceHash } from '../export/source-hashes.js';
import { formatProblemLocation } from '../model/loaded-event.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { plural } from '../view/summary-parts.js';
import { compileCliFilter, type CliFilter } from './cli-filter.js';
import { startCliLoad } from './load-for-cli.js';

export interface FinishRequest {
  partialPath: string;
  outPath: string;
  force: boolean;
  filter: CliFilter | null;
  catalog: Catalog;
  /** Named in the receipt where a file's hash would be: the service the records came from. */
  source: string;
  temporaries: TemporaryFiles;
  symbols: Symbols;
  maxRecordBytes?: number;
}

export interface FinishedPull extends WrittenFile {
  count: number;
  /** Lines of the partial file that are not in the output, and why, for stderr. */
  notes: string[];
}

/** The 1-based lines to keep (a byte per line: a million records is a megabyte). */
async function keptLines(request: FinishRequest, notes: string[]): Promise<{ keep: Uint8Array; count: number }> {
  const load = await startCliLoad([request.partialPath], { catalog: request.catalog, ...(request.maxRecordBytes ? { maxRecordBytes: request.maxRecordBytes } : {}) });
  try {
    await load.session.done;
    const { session } = load;
    if (session.errors.length > 0) throw new Error(`cannot read what was pulled (${request.partialPath}): ${session.errors.join('; ')}`);
    const test = compileCliFilter(request.filter, session.indexes.query, 'all');
    const { store } = session;
    let keep = new Uint8Array(1024);
    let count = 0;
    for (let i = 0; i < store.count; i++) {
      if (test && !test(i)) continue;
      const line = store.origin(i).line;
      // Every record of a JSON Lines file has its line; one without is a bug, not a record to lose quietly.
      if (line === undefined) throw new Error(`record ${i} of ${request.partialPath} has no line number`);
      if (line >= keep.length) {
        const grown = new Uint8Array(Math.max(line + 1, keep.length * 2));
        grown.set(keep);
        keep = grown;
      }
      keep[line] = 1;
      count++;
    }
    if (session.duplicates > 0) notes.push(`${plural(session.duplicates, 'record')} Graph sent twice (the same id) written once`);
    if (session.problemCount > 0) {
      notes.push(`${plural(session.problemCount, 'record')} Graph sent could not be read as a log record and ${session.problemCount === 1 ? 'is' : 'are'} left out:`);
      for (const problem of session.problems.slice(0, 3)) notes.push(`  ${formatProblemLocation(problem)}: ${problem.reason}`);
    }
    return { keep, count };
  } finally {
    load.session.close();
  }
}

/** The partial file's lines, numbered from 1, without their line ends. */
async function* linesOf(path: string): AsyncGenerator<[number, string]> {
  let rest = '';
  let line = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield [++line, part];
  }
  if (rest !== '') yield [++line, rest];
}

export async function finishPull(request: FinishRequest): Promise<FinishedPull> {
  const notes: string[] = [];
  const empty = (await stat(request.partialPath)).size === 0;
  const { keep, count } = empty ? { keep: new Uint8Array(0), count: 0 } : await keptLines(request, notes);
  async function* kept(): AsyncGenerator<string> {
    if (empty) return;
    let batch = '';
    for await (const [number, text] of linesOf(request.partialPath)) {
      if (keep[number] !== 1) continue;
      batch += text + '\n';
      if (batch.length >= 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch !== '') yield batch;
  }
  const written = await writeFileAtomically(request.outPath, kept(), { force: request.force, temporaries: request.temporaries });
  return { ...written, count, notes };
}

/** The receipt on stderr: the output's SHA-256 as a checksum line, the service as the source. */
export function pullReceipt(request: FinishRequest, finished: FinishedPull): string[] {
  const source: SourceHash = { path: request.source, sha256: null, note: 'a live source: no file to hash' };
  const lines = receiptLines({ path: request.outPath, format: 'ndjson', count: finished.count, bytes: finished.bytes, sha256: finished.sha256, sources: [source] }, request.symbols);
  return [...lines, ...finished.notes.map((note) => `# ${sanitize(note, request.symbols)}`)];
}
