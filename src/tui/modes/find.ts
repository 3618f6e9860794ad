/**
 * `F`, find without filtering (less's and lnav's `/`, where this explorer's `/` filters): a prompt
 * on the one line editor, in the filter's language (plain words are its fuzzy words), that moves
 * the cursor to the first hit after it as the query is typed and keeps every row. Enter keeps the
 * find, Esc goes back to the row and the find from before; `n` / `N` then step from hit to hit,
 * wrapping round, and the status line says which hit of how many the cursor is on.
 */
import { filterFromText } from '../../query/filter.js';
import type { AppState, FindQuery } from '../app-state.js';
import { findHits, hitFrom } from '../find-hits.js';
import { editLine, queryPromptEditor, rememberIn, type LineEditor } from '../line-editor.js';
import { bodyHeight } from '../../view/layout.js';
import { clampCursor } from '../rows.js';

const count = (n: number) => n.toLocaleString('en-US');

export function openFind(state: AppState): AppState {
  const { active } = state.find;
  // The history is the `/` bar's: one language, so one list of earlier queries.
  const editor = queryPromptEditor(active?.text ?? '', state.promptHistory.search);
  return { ...state, mode: 'find', find: { editor, error: null, origin: state.cursor[state.pane].selected, before: active, active } };
}

/**
 * The cursor on `position`; a hit off screen comes to the middle of it (with rows before it to
 * read, as less and vim show a match), one on screen leaves the window where it is. In details the
 * event's text starts at its top.
 */
function selectRow(state: AppState, position: number): AppState {
  const height = bodyHeight(state.size);
  const { top } = state.cursor[state.pane];
  const onScreen = position >= top && position < top + height;
  const cursor = clampCursor({ selected: position, top: onScreen ? top : position - Math.floor(height / 2) }, state.rows[state.pane].length, height);
  const moved = { ...state, cursor: { ...state.cursor, [state.pane]: cursor } };
  return state.mode === 'details' ? { ...moved, scroll: { ...moved.scroll, details: 0 } } : moved;
}

/** The prompt's text as typed so far: the find it means, the cursor on its first hit after the origin. */
function edited(state: AppState, editor: LineEditor, now: number): AppState {
  const find = { ...state.find, editor };
  const text = editor.text.trim();
  const back = selectRow({ ...state, find: { ...find, error: null, active: null } }, find.origin);
  if (text === '') return back;
  // Typing on narrows the last draft: only its hits are tested again (as the `/` bar does).
  const result = filterFromText(text, state.indexes.query, now, state.find.active?.filter);
  if (!result.ok) return { ...state, find: { ...find, error: result.error } };
  if (!result.filter) return back;
  const active: FindQuery = { text, filter: result.filter };
  const found = { ...back, find: { ...find, error: null, active } };
  const hit = hitFrom(findHits(found), find.origin + 1, 1);
  return hit ? selectRow(found, hit.position) : found;
}

export function findKey(state: AppState, key: string, now: number): AppState {
  const { editor, outcome } = editLine(state.find.editor, key);
  switch (outcome) {
    case 'submit': {
      // A draft that does not parse stays in the prompt with its error, as in the `/` bar.
      if (state.find.error) return state;
      const promptHistory = { ...state.promptHistory, search: rememberIn(state.promptHistory.search, editor.text) };
      return { ...state, mode: 'table', promptHistory };
    }
    case 'cancel': {
      const restored = { ...state, mode: 'table' as const, find: { ...state.find, error: null, active: state.find.before } };
      return selectRow(restored, state.find.origin);
    }
    case 'changed':
      return edited(state, editor, now);
    case 'moved':
      return { ...state, find: { ...state.find, editor } };
    case 'ignored':
      return state;
  }
}

/** `n` / `N`: the next / previous hit from the cursor, wrapping round (the status line says so). */
export function findNext(state: AppState, direction: 1 | -1): AppState {
  const active = state.find.active;
  if (!active) return { ...state, message: { text: 'Nothing to find yet: F finds in the view (the filter stays as it is)', tone: 'bad' } };
  const hits = findHits(state);
  const hit = hitFrom(hits, state.cursor[state.pane].selected + direction, direction);
  if (!hit) return { ...state, message: { text: `No hits for ${active.text} in this view (${count(state.rows[state.pane].length)} rows)`, tone: 'bad' } };
  const moved = selectRow(state, hit.position);
  if (!hit.wrapped) return moved;
  return { ...moved, message: { text: direction === 1 ? 'Find wrapped round to the newest hit' : 'Find wrapped round to the oldest hit', tone: 'ok' } };
}
