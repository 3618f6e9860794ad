/**
 * The questions palette (`:`): the admins' questions (data/questions.json, plus any from the
 * config file), each with its live count in the current pane; Enter applies its query as the
 * filter (Backspace goes back). The same questions `entra-audit summary` answers; their counts are
 * kept with the store's indexes, so opening the palette costs nothing once they are warm.
 */
import { pickerHeight } from '../../view/layout.js';
import { tryFilter } from '../apply-filter.js';
import type { AppState } from '../app-state.js';
import type { Command } from '../keymap.js';
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
  return { ...state, mode: 'palette', palette: { entries, cursor: 0, top: 0, partial: state.loading !== null } };
}

/** Move, Enter applies the question's query (recorded in the history), Esc closes. */
export function paletteCommand(state: AppState, command: Command, now: number): AppState {
  const palette = state.palette;
  if (command.type === 'quit') return { ...state, quit: true };
  if (command.type === 'toggleHelp') return toggleHelp(state);
  if (!palette || command.type === 'back') return { ...state, mode: 'table', palette: null };
  const entry = palette.entries[palette.cursor];
  if (command.type === 'choose') {
    if (!entry || entry.count === null) return state;
    const there = entry.pane && entry.pane !== state.pane ? { ...state, pane: entry.pane } : state;
    const outcome = tryFilter(there, entry.query, now);
    return outcome.ok ? { ...outcome.state, mode: 'table', palette: null } : state;
  }
  const moved = movedCursor(palette, command, palette.entries.length, pickerHeight(state.size));
  return moved ? { ...state, palette: { ...palette, ...moved } } : state;
}
