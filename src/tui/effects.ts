/**
 * Carrying out what the reducer asked for (state.effect), once per effect id: a copy through OSC
 * 52 written to the terminal the app draws on, or an export through the same writer as `query
 * --output`. Returns the action that tells the reducer how it went; never throws.
 */
import { exportEvents } from '../export/export-events.js';
import { formatFromFileName } from '../export/event-text.js';
import { resolveExportTarget } from '../export/export-target.js';
import { receiptLines } from '../export/receipt.js';
import { FileExistsError } from '../export/safe-write.js';
import { SourceHasher } from '../export/source-hashes.js';
import { TemporaryFiles } from '../export/temporary-files.js';
import { eventExtraColumns } from '../insights/extra-columns.js';
import type { StoreIndexes } from '../insights/store-indexes.js';
import type { EventStore } from '../store/event-store.js';
import { RecordUnreadableError } from '../store/record-address.js';
import type { Symbols } from '../text/symbols.js';
import type { Pane } from '../model/pane.js';
import type { Action, Effect } from './app-state.js';
import { clipboardRoute, clipboardSequence } from './clipboard.js';
import type { TerminalControl } from './suspend.js';

/** What an effect works on: the store and its sources as they are now. */
export interface EffectInput {
  store: EventStore;
  sources: readonly string[];
  /** The store's rules: a CSV export has the same `risk` column as `query --format csv`. */
  indexes?: StoreIndexes;
  /** How the receipt's file names show control characters. */
  symbols: Symbols;
}

/** What lives as long as the explorer: the terminal it draws on (OSC 52 goes there), the environment, the source hashes. */
export interface EffectRuntime {
  terminal: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Kept for the explorer's run, so a second export does not hash a 1 GB source again. */
  hasher: SourceHasher;
  /** Exports in progress note their temporary file here, for the command's signal clean-up to remove. */
  temporaries: TemporaryFiles;
  /** Suspending (Ctrl-Z); absent where there is no real terminal (component tests). */
  control?: TerminalControl;
  /** Keeps a pane's columns in the config file (the CLI knows the file); absent, they last for this run only. */
  saveColumns?: ColumnSaver;
}

/** Writes a pane's chosen columns to the config file: where it wrote, or why it did not. */
export type ColumnSaver = (pane: Pane, columns: readonly string[]) => Promise<{ ok: true; path: string } | { ok: false; reason: string }>;

export function effectRuntime(terminal: EffectRuntime['terminal'], env: EffectRuntime['env'], temporaries = new TemporaryFiles(), control?: TerminalControl, saveColumns?: ColumnSaver): EffectRuntime {
  return { terminal, env, hasher: new SourceHasher(), temporaries, control, ...(saveColumns ? { saveColumns } : {}) };
}

async function suspendEffect(runtime: EffectRuntime): Promise<Action> {
  if (!runtime.control) return { type: 'showMessage', message: { text: 'Ctrl-Z: this terminal cannot be suspended', tone: 'bad' } };
  const stopped = await runtime.control.suspend();
  const message = stopped ? null : { text: 'Not suspended: no job-control shell to come back to with fg (q quits)', tone: 'bad' as const };
  return { type: 'resumed', message };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function exportEffect(effect: Extract<Effect, { kind: 'export' }>, input: EffectInput, runtime: EffectRuntime): Promise<Action> {
  const target = await resolveExportTarget(effect.path, effect.defaultName);
  if ('error' in target) return { type: 'exportFailed', error: target.error, exists: false };
  if (target.exists && !effect.force) return { type: 'exportFailed', error: `${target.path} already exists`, exists: true };
  try {
    const format = formatFromFileName(target.path) ?? 'ndjson';
    const receipt = await exportEvents({ store: input.store, indices: effect.indices, format, path: target.path, force: effect.force, sources: input.sources, extraColumns: input.indexes ? eventExtraColumns(input.indexes) : [], hasher: runtime.hasher, temporaries: runtime.temporaries });
    return { type: 'exportDone', receipt: receiptLines(receipt, input.symbols) };
  } catch (error) {
    // A file that appeared meanwhile, a record that can no longer be read, a full disk: said in words.
    if (error instanceof FileExistsError) return { type: 'exportFailed', error: `${target.path} already exists`, exists: true };
    if (error instanceof RecordUnreadableError) return { type: 'exportFailed', error: `cannot write ${target.path}: a record can no longer be read from its source (${error.message}); nothing was written`, exists: false };
    return { type: 'exportFailed', error: messageOf(error), exists: false };
  }
}

/** Never rejects: whatever goes wrong comes back as the action that says so. */
export async function performEffect(effect: Effect, input: EffectInput, runtime: EffectRuntime): Promise<Action> {
  try {
    if (effect.kind === 'suspend') return await suspendEffect(runtime);
    if (effect.kind === 'saveColumns') return await saveColumnsEffect(effect, runtime);
    return effect.kind === 'export' ? await exportEffect(effect, input, runtime) : copyEffect(effect, runtime);
  } catch (error) {
    if (effect.kind === 'export') return { type: 'exportFailed', error: messageOf(error), exists: false };
    if (effect.kind === 'suspend') return { type: 'resumed', message: { text: `Not suspended: ${messageOf(error)}`, tone: 'bad' } };
    return { type: 'showMessage', message: { text: `Not copied: ${messageOf(error)}`, tone: 'bad' } };
  }
}

async function saveColumnsEffect(effect: Extract<Effect, { kind: 'saveColumns' }>, runtime: EffectRuntime): Promise<Action> {
  if (!runtime.saveColumns) return { type: 'showMessage', message: { text: 'Columns changed for this run (no config file to keep them in)', tone: 'ok' } };
  const saved = await runtime.saveColumns(effect.pane, effect.columns);
  // The columns apply either way; the message says whether they will be there next time.
  if (saved.ok) return { type: 'showMessage', message: { text: `Columns kept in ${saved.path}`, tone: 'ok' } };
  return { type: 'showMessage', message: { text: `Columns changed for this run only: ${saved.reason}`, tone: 'bad' } };
}

function copyEffect(effect: Extract<Effect, { kind: 'copy' }>, runtime: EffectRuntime): Action {
  const route = clipboardRoute(runtime.env, Boolean(runtime.terminal.isTTY));
  const write = clipboardSequence(effect.text, route);
  // Where OSC 52 cannot work, show the text itself, with why.
  if (!write.ok) return { type: 'showCopyText', text: effect.text, what: effect.what, reason: write.reason };
  runtime.terminal.write(write.sequence);
  const hint = route.ok && route.hint ? ` (${route.hint})` : '';
  return { type: 'showMessage', message: { text: `Copied ${effect.what}, ${effect.text.length.toLocaleString('en-US')} characters${hint}`, tone: 'ok' } };
}
