/**
 * The questions palette (`:`): the admins' questions (data/questions.json, plus any from the
 * config file), each with its live count in the current pane; Enter applies its query as the
 * filter (Backspace goes back). The same questions `entra-audit summary` answers; their counts are
 * kept with the store's indexes, so opening the palette costs nothing once they are warm. `/`
 * narrows the list by the questions' titles, as the filter menu's values narrow (list-filter.ts).
 */
import { tryFilter } from '../apply-filter.js';
import type { AppState, PaletteEntry, QuestionsPalette } from '../app-state.js';
import { commandFor, type Command } from '../keymap.js';
import { clearListFilter, listFilterText, listHeight, listMatcher, startListFilter, typeInList } from '../list-filter.js';
import { toggleHelp } from './common.js';
import { movedCursor } from './pickers.js';

export function openPalette(state: AppState): AppState {
  const { questions } = state.indexes;
  const entries = questions.questions.map((question) => ({
    title: question.title,
    pane: question.pane === 'all' ? null : question.pane,
    query: question.query,
    ...questions.countOf(question, state.pane),
  }));
  return { ...state, mode: 'palette', palette: { entries, filter: null, cursor: 0, top: 0, partial: state.loading !== null } };
}

/** The questions shown: those whose title has every word typed after `/` (all of them without a filter). Thirty-odd titles: matched on every call, nothing kept. */
export function paletteShown(palette: QuestionsPalette): PaletteEntry[] {
  const matches = listMatcher(listFilterText(palette.filter));
  return matches ? palette.entries.filter((entry) => matches(entry.title)) : palette.entries;
}

/** A key in the palette: typed into its filter line while that is open, else a command. */
export function paletteKey(state: AppState, key: string, now: number): AppState {
  const palette = state.palette;
  if (palette?.filter?.typing) {
    const how = { keymap: state.options.keymap, mode: 'palette' as const, count: paletteShown(palette).length, height: listHeight(state.size, palette.filter) };
    const { list, outcome } = typeInList(palette, key, how);
    return outcome === 'none' ? state : { ...state, palette: list };
  }
  const command = commandFor(state.options.keymap, 'palette', key);
  return command ? paletteCommand(state, command, now) : state;
}

/** Move, Enter applies the question's query (recorded in the history), `/` narrows, Esc clears the narrowing and then closes. */
export function paletteCommand(state: AppState, command: Command, now: number): AppState {
  const palette = state.palette;
  if (command.type === 'quit') return { ...state, quit: true };
  if (command.type === 'toggleHelp') return toggleHelp(state);
  if (palette && command.type === 'filterList') return { ...state, palette: { ...palette, filter: startListFilter(palette.filter) } };
  const cleared = palette && command.type === 'back' ? clearListFilter(palette) : null;
  if (cleared) return { ...state, palette: cleared };
  if (!palette || command.type === 'back') return { ...state, mode: 'table', palette: null };
  const shown = paletteShown(palette);
  const entry = shown[palette.cursor];
  if (command.type === 'choose') {
    if (!entry || entry.count === null) return state;
    const there = entry.pane && entry.pane !== state.pane ? { ...state, pane: entry.pane } : state;
    const outcome = tryFilter(there, entry.query, now);
    return outcome.ok ? { ...outcome.state, mode: 'table', palette: null } : state;
  }
  const moved = movedCursor(palette, command, shown.length, listHeight(state.size, palette.filter));
  return moved ? { ...state, palette: { ...palette, ...moved } } : state;
}
