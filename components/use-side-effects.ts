import { useEffect, useRef, type Dispatch } from 'react';
import { FileExistsError } from '../src/export/safe-write.js';
import { exportEvents } from '../src/export/export-events.js';
import { formatFromFileName } from '../src/export/event-text.js';
import { receiptLines } from '../src/export/receipt.js';
import { sanitize } from '../src/text/sanitize.js';
import { clipboardRoute, clipboardSequence } from '../src/tui/clipboard.js';
import type { Action, AppState } from '../src/tui/state.js';

/**
 * Performs what the reducer asked for (each effect id once): copy through OSC 52, written to the
 * terminal the app draws on; export through the same writer as `query --output`.
 */
export function useSideEffects(state: AppState, dispatch: Dispatch<Action>, stdout: NodeJS.WriteStream): void {
  const done = useRef(0);
  const effect = state.effect;
  useEffect(() => {
    if (!effect || effect.id <= done.current) return;
    done.current = effect.id;
    if (effect.kind === 'copy') {
      const route = clipboardRoute(process.env, Boolean(stdout.isTTY));
      const write = clipboardSequence(effect.text, route);
      if (!write.ok) {
        // Where OSC 52 cannot work, show the text itself, with why.
        dispatch({ type: 'showCopyText', text: effect.text, what: effect.what, reason: write.reason });
        return;
      }
      stdout.write(write.sequence);
      const hint = route.ok && route.hint ? ` (${route.hint})` : '';
      dispatch({ type: 'showMessage', message: { text: `Copied ${effect.what}, ${effect.text.length.toLocaleString('en-US')} characters${hint}`, tone: 'ok' } });
      return;
    }
    const format = formatFromFileName(effect.path) ?? 'ndjson';
    exportEvents({ store: state.store, indices: effect.indices, format, path: effect.path, force: effect.force, sources: state.sources })
      .then((receipt) => dispatch({ type: 'exportDone', receipt: receiptLines(receipt) }))
      .catch((error: unknown) => {
        const exists = error instanceof FileExistsError;
        const message = exists ? `${effect.path} already exists` : error instanceof Error ? error.message : String(error);
        dispatch({ type: 'exportFailed', error: sanitize(message), exists });
      });
  }, [effect, dispatch, stdout, state.store, state.sources]);
}
