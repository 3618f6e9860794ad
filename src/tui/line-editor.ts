/**
 * The one line editor behind every text prompt (the `/` search bar, the custom date range, the
 * export path). It takes key *names* (tui/key-names.ts), one at a time, so a burst such as a
 * pasted "path⏎" is simply ['p', 'a', 't', 'h', 'enter'] applied in order: nothing is lost and a
 * Backspace in a burst deletes instead of being inserted as "\b".
 *
 * Pure: every edit returns a new editor (or the same object when nothing happened), so the
 * reducer can hold it in state and tests can replay keys without a terminal.
 *
 * Positions are UTF-16 indices kept on grapheme-cluster boundaries: one Left, Backspace or
 * Ctrl-D steps over a whole user-perceived character (👩🏽‍💻 is 7 code units, é may be 2).
 */

export interface LineEditor {
  readonly text: string;
  /** UTF-16 index, always on a grapheme-cluster boundary, 0..text.length. */
  readonly cursor: number;
  /** Earlier entries, oldest first. */
  readonly history: readonly string[];
  /** Index into `history` while browsing it with Up/Down, else null. */
  readonly historyAt: number | null;
  /** The text being typed before browsing started (restored by Down past the newest entry); '' when not browsing. */
  readonly draft: string;
}

/**
 * What a key did, so the caller knows what to do next without comparing editors:
 * 'changed' — the text changed (re-run a live filter); 'moved' — only the cursor or the place in
 * the history moved (redraw); 'submit' / 'cancel' — Enter / Escape, editor unchanged;
 * 'ignored' — nothing happened and the same object comes back. That includes editing keys with
 * nothing to act on (Backspace at the start, Left at 0, Up at the oldest entry or with no
 * history), so a prompt may give such keys another meaning.
 */
export type EditOutcome = 'changed' | 'moved' | 'submit' | 'cancel' | 'ignored';

export interface EditResult {
  editor: LineEditor;
  outcome: EditOutcome;
}

/** Stateless (it only describes the rules), so one shared instance is safe. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/*
 * Boundaries are found with `segment(text).containing(i)`, never by iterating all segments: in
 * Node 20 each step of the iterator costs time proportional to the whole string (a 20,000-character
 * paste took ~210 ms to walk once), while `containing` stays in microseconds.
 */

/** Start of the grapheme that ends at `index` (a boundary > 0). */
function previousBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  return graphemes.segment(text).containing(index - 1)?.index ?? 0;
}

/** End of the grapheme that starts at `index` (a boundary < text.length). */
function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const segment = graphemes.segment(text).containing(index);
  return segment ? segment.index + segment.segment.length : text.length;
}

/**
 * `index` clamped to the text and moved forward to a boundary. Needed after an edit because
 * characters can join across the edit: deleting the "x" in "🇺x🇸" leaves one flag, 🇺🇸, and an
 * index that was a boundary is now inside it. Forward, so the cursor stays after what was typed.
 */
function snapToBoundary(text: string, index: number): number {
  const clamped = Math.max(0, Math.min(text.length, Math.trunc(index) || 0));
  if (clamped === 0 || clamped === text.length) return clamped;
  const segment = graphemes.segment(text).containing(clamped);
  if (!segment || segment.index === clamped) return clamped;
  return segment.index + segment.segment.length;
}

export function newLineEditor(text = '', history: readonly string[] = []): LineEditor {
  // A copy: the caller's array may be mutable, and an editor in state must not change under it.
  return { text, cursor: text.length, history: [...history], historyAt: null, draft: '' };
}

/**
 * A query prompt opened on the query in force: with a space after it, so what is typed next is
 * a new term (`ip:=… status:failure`), not glued onto the last value (`ip:=…status:failure`).
 */
export const queryPromptEditor = (text: string, history: readonly string[]): LineEditor =>
  newLineEditor(text === '' || /\s$/.test(text) ? text : `${text} `, history);

/** Set the prompt's text from the app (e.g. `/` opened on the current filter): cursor at the end, browsing over. */
export function withText(editor: LineEditor, text: string): LineEditor {
  return { ...editor, text, cursor: text.length, historyAt: null, draft: '' };
}

/**
 * The history after submitting `text`: appended unless blank or the same as the newest entry
 * (pressing Enter twice on one query should not take two Up presses to get past), at most `max` kept.
 */
export function rememberIn(history: readonly string[], text: string, max = 50): string[] {
  const next = text.trim() === '' || history[history.length - 1] === text ? [...history] : [...history, text];
  const keep = Math.max(0, Math.trunc(max));
  return keep === 0 ? [] : next.slice(-keep);
}

// C0 controls, DEL and C1 controls: keys like these in a burst are Enter, Tab, Ctrl-letters or
// escape sequences, never text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A lone surrogate (a broken pair) would make the text ill-formed UTF-16.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The text a key types, or null when it is not a character. A character is one code point (a
 * burst arrives split by code point, so a ZWJ sequence comes piece by piece and must be accepted
 * piece by piece) or one grapheme (a terminal that sends "é" or 👩🏽‍💻 as one event). Key names
 * such as 'up' or 'ctrl+a' are several graphemes, so they never count.
 */
function typedText(key: string): string | null {
  if (key === 'space') return ' ';
  if (key === '' || CONTROL.test(key) || LONE_SURROGATE.test(key)) return null;
  if ([...key].length === 1) return key;
  const first = graphemes.segment(key).containing(0);
  return first && first.segment.length === key.length ? key : null;
}

/** Before the cursor: trailing whitespace, then the non-whitespace before it (readline's unix-word-rubout). */
function wordStartBefore(text: string, cursor: number): number {
  let at = cursor;
  while (at > 0) {
    const start = previousBoundary(text, at);
    if (!/^\s/u.test(text.slice(start, at))) break;
    at = start;
  }
  while (at > 0) {
    const start = previousBoundary(text, at);
    if (/^\s/u.test(text.slice(start, at))) break;
    at = start;
  }
  return at;
}

/** The editor with [from, to) replaced by `insert`; editing a recalled entry ends browsing (it is new text now). */
function splice(editor: LineEditor, from: number, to: number, insert = ''): LineEditor {
  const text = editor.text.slice(0, from) + insert + editor.text.slice(to);
  return { ...editor, text, cursor: snapToBoundary(text, from + insert.length), historyAt: null, draft: '' };
}

function moveTo(editor: LineEditor, cursor: number): LineEditor {
  return { ...editor, cursor };
}

/** Show history entry `at` (or the draft when null), cursor at its end. */
function recall(editor: LineEditor, at: number | null, draft: string): LineEditor {
  const text = at === null ? draft : editor.history[at];
  return { ...editor, text, cursor: text.length, historyAt: at, draft: at === null ? '' : draft };
}

function historyUp(editor: LineEditor): LineEditor {
  if (editor.history.length === 0) return editor;
  if (editor.historyAt === null) return recall(editor, editor.history.length - 1, editor.text);
  // Clamped: an editor given a shorter history while browsing must not read past its end.
  const at = Math.min(editor.historyAt, editor.history.length);
  return at > 0 ? recall(editor, at - 1, editor.draft) : editor;
}

function historyDown(editor: LineEditor): LineEditor {
  if (editor.historyAt === null) return editor;
  const next = editor.historyAt + 1;
  return recall(editor, next < editor.history.length ? next : null, editor.draft);
}

/** The new editor for `key`, or the same object when the key does nothing here. */
function applyKey(editor: LineEditor, key: string): LineEditor {
  const { text, cursor } = editor;
  switch (key) {
    case 'backspace':
      return cursor > 0 ? splice(editor, previousBoundary(text, cursor), cursor) : editor;
    case 'ctrl+d':
      return cursor < text.length ? splice(editor, cursor, nextBoundary(text, cursor)) : editor;
    case 'ctrl+w': {
      const start = wordStartBefore(text, cursor);
      return start < cursor ? splice(editor, start, cursor) : editor;
    }
    case 'ctrl+u':
      return cursor > 0 ? splice(editor, 0, cursor) : editor;
    case 'ctrl+k':
      return cursor < text.length ? splice(editor, cursor, text.length) : editor;
    case 'left':
    case 'ctrl+b':
      return cursor > 0 ? moveTo(editor, previousBoundary(text, cursor)) : editor;
    case 'right':
    case 'ctrl+f':
      return cursor < text.length ? moveTo(editor, nextBoundary(text, cursor)) : editor;
    case 'home':
    case 'ctrl+a':
      return cursor > 0 ? moveTo(editor, 0) : editor;
    case 'end':
    case 'ctrl+e':
      return cursor < text.length ? moveTo(editor, text.length) : editor;
    case 'up':
      return historyUp(editor);
    case 'down':
      return historyDown(editor);
    default: {
      const typed = typedText(key);
      return typed === null ? editor : splice(editor, cursor, cursor, typed);
    }
  }
}

/** Apply one key name. Call it once per name of a burst, in order. */
export function editLine(editor: LineEditor, key: string): EditResult {
  if (key === 'enter') return { editor, outcome: 'submit' };
  if (key === 'escape') return { editor, outcome: 'cancel' };
  // An editor built by hand (a spread with a stale cursor) is put right before it is edited.
  const cursor = snapToBoundary(editor.text, editor.cursor);
  const start = cursor === editor.cursor ? editor : { ...editor, cursor };
  const next = applyKey(start, key);
  if (next === start) return { editor, outcome: 'ignored' };
  // applyKey returns `start` itself whenever nothing happens, so a new object here did something.
  return { editor: next, outcome: next.text !== editor.text ? 'changed' : 'moved' };
}
