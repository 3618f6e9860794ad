/** Where OSC 52 could not copy: the text shown to select by hand, scrolled; Esc goes back. */
import { copyLines } from '../../view/text-views.js';
import type { AppState } from '../app-state.js';
import type { Command } from '../keymap.js';
import { scrollCommand } from './common.js';

/** Open the fallback over whatever view asked to copy. */
export function showCopyText(state: AppState, text: string, what: string, reason: string): AppState {
  return { ...state, mode: 'copy', returnMode: state.mode, copyFallback: { lines: text.split('\n'), reason, what }, scroll: { ...state.scroll, copy: 0 } };
}

export function copyCommand(state: AppState, command: Command): AppState {
  const lines = () => copyLines(state.copyFallback?.lines ?? [], state.size.columns, state.options.symbols).length;
  const scrolled = scrollCommand(state, 'copy', lines, command);
  if (scrolled) return scrolled;
  if (command.type === 'back') return { ...state, mode: state.returnMode === 'details' ? 'details' : 'table', copyFallback: null };
  if (command.type === 'quit') return { ...state, quit: true };
  return state;
}
