/** The `?` help and the `P` problems list: scrolled text that closes with Esc, q or Backspace. */
import type { AppState } from '../app-state.js';
import { helpLines } from '../help.js';
import type { Command } from '../keymap.js';
import { scrollCommand, toggleHelp } from './common.js';

export function helpCommand(state: AppState, command: Command): AppState {
  const scrolled = scrollCommand(state, 'help', () => helpLines(state.options.keymap).length, command);
  if (scrolled) return scrolled;
  if (command.type === 'back' || command.type === 'toggleHelp') return toggleHelp(state);
  if (command.type === 'quit') return { ...state, quit: true };
  return state;
}

export function problemsCommand(state: AppState, command: Command): AppState {
  const scrolled = scrollCommand(state, 'problems', () => state.problems.length + state.errors.length, command);
  if (scrolled) return scrolled;
  if (command.type === 'back' || command.type === 'toggleProblems') return { ...state, mode: 'table' };
  if (command.type === 'toggleHelp') return toggleHelp(state);
  if (command.type === 'quit') return { ...state, quit: true };
  return state;
}
