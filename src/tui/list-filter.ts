/**
 * Type-to-filter for the pickers' lists (the `f` menu's values, the `:` questions), as fzf and
 * k9s do it: `/` opens a filter line under the list's title, each keystroke narrows the list,
 * Enter leaves the typing with the narrowed list kept (to mark values on it, or choose), Esc
 * leaves it with the filter cleared. One implementation for every list: the line is the app's one
 * line editor, and the match is one rule: every word typed appears in the value, ignoring case.
 * The list's counts are never touched by it; only which lines are shown.
 */
import { pickerHeight, type ScreenSize } from '../view/layout.js';
import type { FilterableList, ListFilter } from './app-state.js';
import { commandFor, type Binding, type Mode } from './keymap.js';
import { editLine, newLineEditor } from './line-editor.js';
import { movedCursor } from './modes/pickers.js';

/** `/` on a list: start typing, again on the text kept from before (so it can be refined). */
export const startListFilter = (filter: ListFilter | null): ListFilter => ({ editor: filter?.editor ?? newLineEditor(), typing: true });

/** The text the list is narrowed by ('' when it is not). */
export const listFilterText = (filter: ListFilter | null): string => filter?.editor.text ?? '';

/**
 * The test a line's text must pass, or null when `text` is blank (blank is no filter): every
 * whitespace-separated word of `text` appears in it, case-insensitively. A substring rather than
 * a fuzzy match, so what is left is exactly what contains what was typed: "mar" never keeps
 * "Microsoft Azure Resource" for its initials.
 */
export function listMatcher(text: string): ((candidate: string) => boolean) | null {
  const words = text.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  return (candidate) => {
    const lower = candidate.toLowerCase();
    return words.every((word) => lower.includes(word));
  };
}

/** Lines for the list itself: the picker's height less the filter line while there is one. */
export const listHeight = (size: ScreenSize, filter: ListFilter | null): number => Math.max(1, pickerHeight(size) - (filter ? 1 : 0));

/**
 * What a key did to a list that is being typed into: 'narrowed' when the text changed (the list
 * must be narrowed again, or widened by Esc, and its cursor goes back to the first line), 'kept'
 * for anything else that changed the list (Enter, the line's cursor, an arrow moving the list's
 * cursor), 'none' when the key meant nothing here.
 */
export type ListFilterOutcome = 'narrowed' | 'kept' | 'none';

/**
 * One key while typing: the line editor takes it; Enter stops typing (a blank line is no
 * filter), Esc clears the filter; keys the editor has no use for (↑ ↓ PgUp PgDn: the line has no
 * history) move the list's cursor, so a narrowed list can be walked without leaving the line.
 */
export function typeInList<L extends FilterableList>(list: L, key: string, how: { keymap: readonly Binding[]; mode: Mode; count: number; height: number }): { list: L; outcome: ListFilterOutcome } {
  const filter = list.filter ?? startListFilter(null);
  const { editor, outcome } = editLine(filter.editor, key);
  switch (outcome) {
    case 'submit':
      return { list: { ...list, filter: editor.text.trim() === '' ? null : { editor, typing: false } }, outcome: 'kept' };
    case 'cancel':
      return { list: { ...list, filter: null, cursor: 0, top: 0 }, outcome: editor.text === '' ? 'kept' : 'narrowed' };
    case 'changed':
      return { list: { ...list, filter: { editor, typing: true }, cursor: 0, top: 0 }, outcome: 'narrowed' };
    case 'moved':
      return { list: { ...list, filter: { editor, typing: true } }, outcome: 'kept' };
    case 'ignored': {
      const command = commandFor(how.keymap, how.mode, key);
      const moved = command ? movedCursor(list, command, how.count, how.height) : null;
      return moved ? { list: { ...list, ...moved }, outcome: 'kept' } : { list, outcome: 'none' };
    }
  }
}

/** `back` on a list narrowed and no longer typed into: the filter goes first (then the list closes, as before). */
export function clearListFilter<L extends FilterableList>(list: L): L | null {
  return list.filter ? { ...list, filter: null, cursor: 0, top: 0 } : null;
}
