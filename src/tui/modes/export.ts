/**
 * The `e` export prompt: a file name typed into the one line editor (so a pasted `path⏎` writes
 * that path, and Backspaces in a burst delete), Tab for all events or only the marked ones, Enter
 * to write (a second Enter to overwrite an existing file), then the receipt. The writing itself is
 * a side effect the app performs through the same code as `query --output`.
 */
import { defaultExportFileName } from '../../export/export-target.js';
import type { AppState, ExportPrompt } from '../app-state.js';
import { commandFor } from '../keymap.js';
import { editLine, newLineEditor, rememberIn } from '../line-editor.js';
import { markedEvents, viewEvents } from '../rows.js';
import { withEffect } from './common.js';

export const newExportPrompt = (now: number, hasMarks: boolean, viewCount: number, history: readonly string[]): ExportPrompt => ({
  viewCount,
  path: newLineEditor('', history),
  // Sorts by time and never collides with an earlier export; CSV, what a spreadsheet opens.
  defaultPath: defaultExportFileName('csv', new Date(now)),
  onlyMarks: hasMarks,
  confirmOverwrite: false,
  writing: false,
  receipt: null,
  error: null,
});

export const exportPath = (prompt: ExportPrompt): string => prompt.path.text.trim() || prompt.defaultPath;

function submit(state: AppState, prompt: ExportPrompt): AppState {
  if (prompt.writing) return state;
  const indices = prompt.onlyMarks ? markedEvents(state) : viewEvents(state);
  const next = { ...state, exportPrompt: { ...prompt, writing: true, error: null } };
  return withEffect(next, { kind: 'export', path: exportPath(prompt), defaultName: prompt.defaultPath, indices, force: prompt.confirmOverwrite });
}

/**
 * Every key of the prompt: the prompt's own commands from the keymap (Enter writes, Esc cancels,
 * Tab switches all/marked, Ctrl-C quits), then the rest edits the path. After the receipt, Enter
 * or Esc closes.
 */
export function exportKey(state: AppState, key: string): AppState {
  const prompt = state.exportPrompt;
  const command = commandFor(state.options.keymap, 'export', key);
  if (command?.type === 'quit') return { ...state, quit: true };
  if (!prompt) return { ...state, mode: 'table' };
  if (command?.type === 'back' || (prompt.receipt && command?.type === 'choose')) return { ...state, mode: 'table', exportPrompt: null };
  if (command?.type === 'choose') return submit(state, prompt);
  if (command?.type === 'nextField') {
    return state.marks.size > 0 && !prompt.receipt ? { ...state, exportPrompt: { ...prompt, onlyMarks: !prompt.onlyMarks, confirmOverwrite: false } } : state;
  }
  if (prompt.receipt || prompt.writing) return state;
  const { editor, outcome } = editLine(prompt.path, key);
  if (outcome === 'ignored' || outcome === 'submit' || outcome === 'cancel') return state;
  // Another name: a confirmation given for the old one does not carry over.
  return { ...state, exportPrompt: { ...prompt, path: editor, ...(outcome === 'changed' ? { confirmOverwrite: false, error: null } : {}) } };
}

export function exportDone(state: AppState, receipt: string[]): AppState {
  const prompt = state.exportPrompt;
  if (!prompt) return state;
  // What was typed is worth recalling; the time-stamped default name is new every time.
  const promptHistory = { ...state.promptHistory, export: rememberIn(state.promptHistory.export, prompt.path.text) };
  return { ...state, promptHistory, exportPrompt: { ...prompt, writing: false, receipt } };
}

export function exportFailed(state: AppState, error: string, exists: boolean): AppState {
  const prompt = state.exportPrompt;
  if (!prompt) return state;
  const message = exists ? `${error}. Enter again overwrites it; edit the name or Esc to keep it.` : error;
  return { ...state, exportPrompt: { ...prompt, writing: false, confirmOverwrite: exists, error: message } };
}
