/** What the pickers (filter menu, questions palette) share: a cursor moved within its window. */
import type { ListCursor } from '../app-state.js';
import type { Command } from '../keymap.js';
import { clampCursor } from '../rows.js';

/** A list cursor moved by a motion command (line, page, first/last), kept in its window; null for other commands. */
export function movedCursor(cursor: ListCursor, command: Command, count: number, height: number): ListCursor | null {
  let target: number;
  if (command.type === 'move') target = cursor.cursor + command.direction * (command.by === 'line' ? 1 : Math.max(1, height - 1));
  else if (command.type === 'jump') target = command.to === 'first' ? 0 : count - 1;
  else return null;
  const moved = clampCursor({ selected: target, top: cursor.top }, count, height);
  return { cursor: moved.selected, top: moved.top };
}
