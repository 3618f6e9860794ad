/**
 * `query`'s load, done: with a filter that names a value (`ip:`, `user:`, `app:`, `error:` …),
 * big JSON Lines files parse only the lines holding it (query/text-prefilter.ts says why the
 * answer stays exact). What a pre-filtered store cannot answer right, it loads again whole:
 * the did-you-mean notes of a term that matched nothing are judged over every record.
 */
import type { LoadOptions } from '../load/load-session.js';
import type { PaneChoice } from '../model/pane.js';
import type { QueryIndex } from '../query/query-index.js';
import { textPrefilterOf } from '../query/text-prefilter.js';
import { valueNotes } from '../query/value-notes.js';
import type { Symbols } from '../text/symbols.js';
import { plural } from '../view/summary-parts.js';
import type { CliFilter } from './cli-filter.js';
import { finishLoad, startCliLoad, type CliLoad } from './load-for-cli.js';

export interface QueryLoadRequest {
  files: readonly string[];
  filter: CliFilter | null;
  pane: PaneChoice;
  /** --strict: every record must be read, to say whether any could not be used. */
  strict: boolean;
  options: LoadOptions;
  symbols: Symbols;
}

/** Would the filter's notes differ on the whole inputs? Only when some term matched nothing in what was read. */
const notesNeedEverything = (filter: CliFilter, index: QueryIndex, scope: PaneChoice): boolean => valueNotes(filter.query, index, { scope }).length > 0;

export async function loadForQuery(request: QueryLoadRequest): Promise<CliLoad> {
  const { filter, symbols } = request;
  const prefilter = filter && !request.strict ? textPrefilterOf(filter.query) : null;
  if (!prefilter) return finishLoad(await startCliLoad(request.files, request.options), symbols);
  const narrowed = await finishLoad(await startCliLoad(request.files, { ...request.options, prefilter: prefilter.spec }), symbols);
  const unread = narrowed.session.reports().reduce((sum, report) => sum + (report.unread ?? 0), 0);
  if (unread === 0) return narrowed;
  if (filter && notesNeedEverything(filter, narrowed.session.indexes.query, request.pane)) {
    narrowed.session.close();
    return finishLoad(await startCliLoad(request.files, request.options), symbols);
  }
  // On a terminal only (a script's stderr stays as it was), as the note on a load from the cache.
  if (process.stderr.isTTY) {
    const needles = prefilter.needles.map((needle) => JSON.stringify(needle)).join(' or ');
    process.stderr.write(`entra-audit: note: ${plural(unread, 'record')} without ${needles} in their text were not parsed (they cannot match; --strict reads every record)\n`);
  }
  return narrowed;
}
