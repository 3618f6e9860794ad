/**
 * The prompts as text: the `/` bar (its line and the hint or error above it) and the export
 * prompt (scope, the path line, the outcome). The typed text is sanitised per grapheme by the line
 * editor's view; messages that carry user or log text are sanitised here.
 */
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { truncateToWidth } from '../text/width.js';
import { editorLine, type EditedText, type EditorLine } from './line-editor.js';

export interface SearchBarView {
  /**
   * The line above the bar: the error of a draft that does not parse (bad), else the notes on
   * terms that match nothing (warning), else a reminder of the language (hint).
   */
  note: { text: string; tone: 'bad' | 'warning' | 'hint' };
  /** The typed query, the cursor's cell, the rest (the `/ ` prompt takes 2 columns). */
  line: EditorLine;
}

export function searchBarView(
  editor: EditedText,
  error: { message: string; position: number } | null,
  status: string,
  hints: { query: string; keys: readonly string[] },
  width: number,
  symbols: Symbols,
  /** Notes on the applied draft's terms (query/value-notes.ts): they carry values from the logs. */
  notes: readonly string[] = [],
): SearchBarView {
  const { separator } = symbols;
  const fit = (text: string) => truncateToWidth(text, width, symbols.ellipsis);
  const note: SearchBarView['note'] = error
    ? { text: fit(`${sanitize(error.message, symbols)} (at ${error.position + 1})`), tone: 'bad' }
    : notes.length > 0
      ? { text: fit([status, ...notes.map((line) => sanitize(line, symbols))].join(separator)), tone: 'warning' }
      : { text: fit([status, hints.query, ...hints.keys].filter((part) => part !== '').join(separator)), tone: 'hint' };
  return { note, line: editorLine(editor, Math.max(1, width - 2), { symbols }) };
}

/** The notes on the filter's terms as one status line, when they were made for the pane shown. */
export function filterNotesLine(notes: { pane: string; lines: readonly string[] } | null, pane: string, width: number, symbols: Symbols): string | null {
  if (!notes || notes.pane !== pane) return null;
  return truncateToWidth(notes.lines.map((line) => sanitize(line, symbols)).join(symbols.separator), width, symbols.ellipsis);
}

export interface ExportView {
  title: string;
  /** The path as typed (a placeholder with the default name when empty), or the file written. */
  line: EditorLine | null;
  placeholder: string | null;
  written: string | null;
  error: string | null;
  receipt: string[] | null;
}

export interface ExportInput {
  path: EditedText;
  defaultPath: string;
  onlyMarks: boolean;
  /** Events the prompt would write. */
  count: number;
  hasMarks: boolean;
  writing: boolean;
  receipt: string[] | null;
  error: string | null;
}

export function exportView(input: ExportInput, width: number, symbols: Symbols): ExportView {
  const fit = (text: string) => truncateToWidth(text, width, symbols.ellipsis);
  const n = input.count.toLocaleString('en-US');
  const plural = input.count === 1 ? '' : 's';
  const scope = input.onlyMarks ? `the ${n} marked event${plural} (every pane, any filter)` : `${n} event${plural} of this view`;
  const { separator } = symbols;
  const title = fit(` Export ${scope}: .csv, .json or .ndjson (.gz compresses), or a folder${separator}Enter writes${separator}${input.hasMarks ? `Tab all/marked${separator}` : ''}Esc cancels `);
  const room = Math.max(1, width - 6);
  const done = input.receipt !== null;
  return {
    title,
    line: done ? null : editorLine(input.path, room, { symbols }),
    placeholder: !done && input.path.text === '' ? truncateToWidth(sanitize(input.defaultPath, symbols), room - 1, symbols.ellipsis) : null,
    written: done ? truncateToWidth(sanitize(input.path.text || input.defaultPath, symbols), room, symbols.ellipsis) : null,
    error: input.error === null ? null : fit(sanitize(input.error, symbols)),
    receipt: input.receipt?.map(fit) ?? null,
  };
}
