import { describe, expect, it } from 'vitest';
import { keyNames, type InkKey } from '../../src/tui/key-names.js';
import { editLine, newLineEditor, rememberIn, withText, type EditOutcome, type LineEditor } from '../../src/tui/line-editor.js';
import { editorLine, type EditorLine } from '../../src/view/line-editor.js';
import { ASCII_SYMBOLS, UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { displayWidth } from '../../src/text/width.js';

const none: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
};

/** Apply key names in order, as the router will; returns the editor and every outcome. */
function press(editor: LineEditor, keys: readonly string[]): { editor: LineEditor; outcomes: EditOutcome[] } {
  const outcomes: EditOutcome[] = [];
  for (const key of keys) {
    const result = editLine(editor, key);
    editor = result.editor;
    outcomes.push(result.outcome);
  }
  return { editor, outcomes };
}

/** Raw terminal input arriving in one read, named the way the app names it. */
const burst = (input: string) => keyNames(input, none);
const typed = (text: string, history: readonly string[] = []) => press(newLineEditor('', history), burst(text)).editor;
const times = (key: string, n: number) => Array.from({ length: n }, () => key);

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const boundaries = (text: string) => [...[...segmenter.segment(text)].map((s) => s.index), text.length];
const graphemeCount = (text: string) => [...segmenter.segment(text)].length;

describe('line editor: keys in a burst', () => {
  it('edits in the middle with Left and Backspace', () => {
    const date = typed('2026-11-19');
    expect(date).toMatchObject({ text: '2026-11-19', cursor: 10 });
    expect(press(date, ['left', 'backspace', 'x']).editor).toMatchObject({ text: '2026-11-x9', cursor: 9 });
    expect(press(date, ['left', 'left', 'backspace', 'x']).editor).toMatchObject({ text: '2026-11x19', cursor: 8 });
  });

  it('deletes with Backspace in a burst and never inserts \\b or DEL', () => {
    expect(burst('abc\u007f\u007fd')).toEqual(['a', 'b', 'c', 'backspace', 'backspace', 'd']);
    const { editor, outcomes } = press(newLineEditor(), burst('abc\u007f\u007fd\b\bxy'));
    expect(editor.text).toBe('xy');
    expect(outcomes).toEqual(times('changed', 10));
  });

  it('keeps a pasted "path⏎": the text, then submit', () => {
    const { editor, outcomes } = press(newLineEditor(), burst('out/events.csv\r'));
    expect(editor.text).toBe('out/events.csv');
    expect(outcomes.at(-1)).toBe('submit');
    expect(outcomes.slice(0, -1).every((outcome) => outcome === 'changed')).toBe(true);
  });

  it('inserts a space for `space` and a literal space', () => {
    expect(press(newLineEditor('a'), ['space', 'b', ' ', 'c']).editor.text).toBe('a b c');
  });

  it('submits on Enter and cancels on Escape, leaving the editor as it was', () => {
    const editor = typed('user:alice');
    expect(editLine(editor, 'enter')).toEqual({ editor, outcome: 'submit' });
    expect(editLine(editor, 'enter').editor).toBe(editor);
    expect(editLine(editor, 'escape').outcome).toBe('cancel');
    expect(editLine(editor, 'escape').editor).toBe(editor);
  });
});

describe('line editor: movement and deletion', () => {
  it('moves to the start and end with Home/End and Ctrl-A/Ctrl-E', () => {
    const editor = typed('bc');
    expect(press(editor, ['home', 'a']).editor).toMatchObject({ text: 'abc', cursor: 1 });
    expect(press(editor, ['ctrl+a', 'a', 'ctrl+e', 'd']).editor).toMatchObject({ text: 'abcd', cursor: 4 });
    expect(press(editor, ['home', 'end', 'd']).editor.text).toBe('bcd');
    expect(press(editor, ['ctrl+a', 'ctrl+f', 'x', 'ctrl+b', 'ctrl+b', 'y']).editor.text).toBe('ybxc');
  });

  it('reports a move as moved, and a move with nowhere to go as ignored (same object)', () => {
    const editor = typed('ab');
    expect(editLine(editor, 'left').outcome).toBe('moved');
    for (const key of ['right', 'end', 'ctrl+e', 'ctrl+f', 'ctrl+d', 'ctrl+k']) expect(editLine(editor, key)).toEqual({ editor, outcome: 'ignored' });
    const start = press(editor, ['home']).editor;
    for (const key of ['left', 'home', 'ctrl+a', 'ctrl+b', 'backspace', 'ctrl+w', 'ctrl+u']) expect(editLine(start, key).editor).toBe(start);
  });

  it('deletes the grapheme under the cursor with Ctrl-D', () => {
    expect(press(typed('abc'), ['home', 'ctrl+d']).editor).toMatchObject({ text: 'bc', cursor: 0 });
    expect(press(typed('a漢b'), ['left', 'left', 'ctrl+d']).editor).toMatchObject({ text: 'ab', cursor: 1 });
  });

  it('deletes the word before the cursor with Ctrl-W: spaces, then non-spaces', () => {
    expect(press(newLineEditor('service:Core  actor:bob  '), ['ctrl+w']).editor).toMatchObject({ text: 'service:Core  ', cursor: 14 });
    expect(press(newLineEditor('service:Core  actor:bob  '), ['ctrl+w', 'ctrl+w']).editor.text).toBe('');
    // In the middle: only what is before the cursor goes; the punctuation is part of the word.
    const middle = press(newLineEditor('alpha beta-2 gamma'), ['left', 'left', 'left', 'left', 'left', 'left', 'ctrl+w']).editor;
    expect(middle).toMatchObject({ text: 'alpha  gamma', cursor: 6 });
  });

  it('deletes to the start with Ctrl-U and to the end with Ctrl-K', () => {
    const middle = press(newLineEditor('since 2026-11-19'), ['home', ...times('right', 5)]).editor;
    expect(editLine(middle, 'ctrl+u')).toMatchObject({ editor: { text: ' 2026-11-19', cursor: 0 }, outcome: 'changed' });
    expect(editLine(middle, 'ctrl+k')).toMatchObject({ editor: { text: 'since', cursor: 5 }, outcome: 'changed' });
  });
});

describe('line editor: graphemes are one step', () => {
  const technologist = '👩🏽‍💻'; // woman, skin tone, ZWJ, laptop: 7 UTF-16 units, one grapheme

  it('builds a ZWJ sequence typed code point by code point, and deletes it with one Backspace', () => {
    const editor = typed(`a${technologist}`);
    expect(editor.text).toBe(`a${technologist}`);
    expect(graphemeCount(editor.text)).toBe(2);
    expect(editLine(editor, 'backspace').editor).toMatchObject({ text: 'a', cursor: 1 });
    expect(press(editor, ['left', 'left', 'ctrl+d']).editor.text).toBe(technologist);
  });

  it('takes a whole grapheme sent as one key', () => {
    expect(editLine(newLineEditor('x'), technologist).editor).toMatchObject({ text: `x${technologist}`, cursor: 8 });
    expect(editLine(newLineEditor(), 'e\u0301').editor.text).toBe('e\u0301');
  });

  it('moves over an emoji, a combining mark and CJK one grapheme at a time', () => {
    const text = `a${technologist}e\u0301漢b`;
    const stops: number[] = [];
    let editor = press(newLineEditor(text), ['home']).editor;
    for (;;) {
      stops.push(editor.cursor);
      const next = editLine(editor, 'right');
      if (next.outcome === 'ignored') break;
      editor = next.editor;
    }
    expect(stops).toEqual([0, 1, 8, 10, 11, 12]);
    expect(press(newLineEditor('ae\u0301'), ['backspace']).editor.text).toBe('a');
  });

  it('keeps the cursor on a boundary when an edit joins characters', () => {
    // Removing the x leaves two regional indicators side by side: one flag.
    const { editor } = press(newLineEditor('🇺x🇸'), ['left', 'backspace']);
    expect(editor.text).toBe('🇺🇸');
    expect(boundaries(editor.text)).toContain(editor.cursor);
  });
});

describe('line editor: what is never inserted', () => {
  it('ignores every C0 and C1 control character and DEL, returning the same object', () => {
    const editor = typed('ok');
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const code of controls) expect(editLine(editor, String.fromCharCode(code))).toEqual({ editor, outcome: 'ignored' });
    // CR LF is one grapheme, but still control characters.
    expect(editLine(editor, '\r\n').editor).toBe(editor);
  });

  it('ignores key names that are not characters, and broken surrogates', () => {
    const editor = typed('ok');
    for (const key of ['tab', 'shift+tab', 'pagedown', 'pageup', 'ctrl+x', 'ctrl+z', 'meta', '', '\ud83d', 'ab']) {
      expect(editLine(editor, key)).toEqual({ editor, outcome: 'ignored' });
    }
  });
});

describe('line editor: history', () => {
  const history = ['one', 'two', 'three'];

  it('walks back with Up from the newest, and Down past the newest restores the draft', () => {
    const start = typed('dra', history);
    const up = press(start, ['up']).editor;
    expect(up).toMatchObject({ text: 'three', cursor: 5, historyAt: 2, draft: 'dra' });
    expect(press(start, ['up', 'up', 'up']).editor).toMatchObject({ text: 'one', cursor: 3, historyAt: 0 });
    const oldest = press(start, ['up', 'up', 'up']).editor;
    expect(editLine(oldest, 'up')).toEqual({ editor: oldest, outcome: 'ignored' });
    const { editor, outcomes } = press(oldest, ['down', 'down', 'down']);
    expect(editor).toMatchObject({ text: 'dra', cursor: 3, historyAt: null });
    expect(outcomes).toEqual(['changed', 'changed', 'changed']);
    expect(editLine(editor, 'down')).toEqual({ editor, outcome: 'ignored' });
  });

  it('ignores Up and Down with no history', () => {
    const editor = typed('abc');
    expect(editLine(editor, 'up')).toEqual({ editor, outcome: 'ignored' });
    expect(editLine(editor, 'down')).toEqual({ editor, outcome: 'ignored' });
  });

  it('moves within a recalled entry and keeps browsing; editing it makes it the new draft', () => {
    const recalled = press(typed('dra', history), ['up', 'home', 'x']).editor;
    expect(recalled).toMatchObject({ text: 'xthree', cursor: 1, historyAt: null });
    expect(press(recalled, ['up', 'down']).editor).toMatchObject({ text: 'xthree', cursor: 6 });
    expect(press(typed('dra', history), ['up', 'left', 'up']).editor).toMatchObject({ text: 'two', historyAt: 1 });
  });

  it('reports a history step that keeps the text as moved', () => {
    const same = typed('three', history);
    expect(editLine(same, 'up').outcome).toBe('moved');
  });

  it('remembers submitted text: not blank, not the newest again, at most max', () => {
    const before = ['a', 'b'];
    expect(rememberIn(before, 'c')).toEqual(['a', 'b', 'c']);
    expect(before).toEqual(['a', 'b']);
    expect(rememberIn(before, 'b')).toEqual(['a', 'b']);
    expect(rememberIn(before, 'a')).toEqual(['a', 'b', 'a']);
    expect(rememberIn(before, '   ')).toEqual(['a', 'b']);
    expect(rememberIn(before, '')).toEqual(['a', 'b']);
    expect(rememberIn(['1', '2', '3'], '4', 3)).toEqual(['2', '3', '4']);
    expect(rememberIn(Array.from({ length: 60 }, (_, i) => `q${i}`), 'new')).toHaveLength(50);
  });
});

describe('line editor: construction', () => {
  it('starts with the cursor at the end and a copy of the history', () => {
    const history = ['x'];
    const editor = newLineEditor('abc', history);
    history.push('y');
    expect(editor).toEqual({ text: 'abc', cursor: 3, history: ['x'], historyAt: null, draft: '' });
  });

  it('sets the text from the app: cursor at the end, browsing over, history kept', () => {
    const browsing = press(typed('d', ['h1']), ['up']).editor;
    expect(withText(browsing, 'service:Core')).toEqual({ text: 'service:Core', cursor: 12, history: ['h1'], historyAt: null, draft: '' });
  });

  it('keeps its invariants whatever the keys (seeded random walk)', () => {
    const alphabet = ['a', ' ', 'space', '漢', '🇺', '🇸', '👩', '\u200d', '💻', '\u{1f3fd}', '\u0301', '\u0007', 'backspace', 'ctrl+d',
      'ctrl+w', 'ctrl+u', 'ctrl+k', 'left', 'right', 'home', 'end', 'up', 'down', 'ctrl+b', 'ctrl+f', 'tab'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let editor = newLineEditor('', ['hist one', '漢字 👩🏽‍💻']);
    for (let step = 0; step < 3000; step++) {
      const { editor: next, outcome } = editLine(editor, alphabet[Math.floor(random() * alphabet.length)]);
      expect(boundaries(next.text)).toContain(next.cursor);
      expect(next.text).not.toMatch(/[\u0000-\u001f]/);
      if (outcome === 'ignored') expect(next).toBe(editor);
      if (outcome === 'changed') expect(next.text).not.toBe(editor.text);
      if (outcome === 'moved') {
        expect(next.text).toBe(editor.text);
        expect(next.cursor !== editor.cursor || next.historyAt !== editor.historyAt).toBe(true);
      }
      editor = next;
    }
  });
});

// ---------------------------------------------------------------------------------------------

const ELLIPSIS = { symbols: UNICODE_SYMBOLS };
const widthOf = (line: EditorLine) => displayWidth(line.before) + displayWidth(line.at) + displayWidth(line.after);
const shown = (line: EditorLine) => line.before + line.at + line.after;

describe('editor line: fitting the width', () => {

  it('shows ASCII text that fits exactly, with no markers', () => {
    expect(editorLine({ text: 'abcdefghi', cursor: 9 }, 10, ELLIPSIS)).toEqual({ before: 'abcdefghi', at: ' ', after: '' });
    expect(editorLine({ text: 'abcdefghij', cursor: 0 }, 10, ELLIPSIS)).toEqual({ before: '', at: 'a', after: 'bcdefghij' });
    expect(editorLine({ text: 'abcdefghij', cursor: 4 }, 10, ELLIPSIS)).toEqual({ before: 'abcd', at: 'e', after: 'fghij' });
    expect(editorLine({ text: '', cursor: 0 }, 10, ELLIPSIS)).toEqual({ before: '', at: ' ', after: '' });
  });

  it('shows the end while typing at the end of a long query, and the start at Home', () => {
    const text = `${'x'.repeat(100)}END`;
    const atEnd = editorLine({ text, cursor: text.length }, 20, ELLIPSIS);
    expect(atEnd).toEqual({ before: `…${'x'.repeat(15)}END`, at: ' ', after: '' });
    const atStart = editorLine({ text, cursor: 0 }, 20, ELLIPSIS);
    expect(atStart).toEqual({ before: '', at: 'x', after: `${'x'.repeat(18)}…` });
  });

  it('measures a wide marker (--ascii "...")', () => {
    const line = editorLine({ text: 'abcdefghijklmnopqrstuvwxyz', cursor: 26 }, 10, { symbols: { ...UNICODE_SYMBOLS, ellipsis: '...' } });
    expect(line).toEqual({ before: '...uvwxyz', at: ' ', after: '' });
  });

  it('keeps the window still while the cursor moves inside it (pages, not a ticker)', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3);
    const windows = new Set<string>();
    for (let cursor = 0; cursor < text.length; cursor++) windows.add(shown(editorLine({ text, cursor }, 20, ELLIPSIS)));
    // Sliding one column per step would give ~100 different windows; pages of 9 give about 12.
    expect(windows.size).toBeLessThan(text.length / 4);
    const firstPage = new Set(Array.from({ length: 18 }, (_, cursor) => shown(editorLine({ text, cursor }, 20, ELLIPSIS))));
    expect(firstPage.size).toBe(1);
  });

  it('keeps the cursor on screen at every position of a long CJK query, in every width', () => {
    // Graphemes of several code points (a skin-tone emoji, a combining accent) are one cell each.
    // (A zero-width joiner is shown as ⟨U+200D⟩, so a ZWJ sequence is a wider cell: see the next test.)
    const text = '監査ログ: サインイン失敗 user:山田 ip:10.0.0.1 漢字かな交じり👍🏽 e\u0301 終わり';
    const stops = boundaries(text);
    for (const width of [1, 2, 3, 4, 5, 7, 8, 11, 16, 23, 40, 80]) {
      for (const [i, cursor] of stops.entries()) {
        const line = editorLine({ text, cursor }, width, ELLIPSIS);
        const context = `width ${width}, cursor ${cursor}`;
        expect(widthOf(line), context).toBeLessThanOrEqual(width);
        expect(displayWidth(line.at), context).toBeGreaterThan(0);
        expect(displayWidth(line.before) + displayWidth(line.at), context).toBeLessThanOrEqual(width);
        if (width < 2) continue; // a two-column character cannot be drawn in one column
        const under = i < stops.length - 1 ? text.slice(cursor, stops[i + 1]) : ' ';
        expect(line.at, context).toBe(under);
        // What is shown is the text around the cursor, with a marker exactly where it is cut.
        const before = line.before.replace(/^…/, '');
        const after = line.after.replace(/…$/, '');
        const rest = text.slice(i < stops.length - 1 ? stops[i + 1] : text.length);
        expect(text.slice(0, cursor).endsWith(before), context).toBe(true);
        expect(rest.startsWith(after), context).toBe(true);
        // Below 4 columns a two-column cursor cell leaves no room for markers on both sides.
        if (width < 4) continue;
        expect(line.before.startsWith('…'), context).toBe(before !== text.slice(0, cursor));
        expect(line.after.endsWith('…'), context).toBe(after !== rest);
        if (cursor === 0) expect(line.before).toBe('');
        if (cursor === text.length) expect(line.after).toBe('');
      }
    }
  });

  it('shows the joiner inside an emoji sequence, as one cell under the cursor', () => {
    const text = 'dev 👩🏽\u200d💻 ops';
    expect(editorLine({ text, cursor: 4 }, 40, ELLIPSIS)).toEqual({ before: 'dev ', at: '👩🏽⟨U+200D⟩💻', after: ' ops' });
    expect(editorLine({ text, cursor: 4 + '👩🏽\u200d💻'.length }, 40, ELLIPSIS)).toEqual({ before: 'dev 👩🏽⟨U+200D⟩💻', at: ' ', after: 'ops' });
  });

  it('shows a wide character whole or not at all', () => {
    // 10 CJK characters = 20 columns in 9: never half a character, never over the width.
    const text = '一二三四五六七八九十';
    for (let cursor = 0; cursor <= text.length; cursor++) {
      const line = editorLine({ text, cursor }, 9, ELLIPSIS);
      expect(widthOf(line)).toBeLessThanOrEqual(9);
      expect(shown(line).replace(/…/g, '')).toMatch(/^[一二三四五六七八九十 ]+$/);
    }
  });

  it('draws nothing in no width', () => {
    expect(editorLine({ text: 'abc', cursor: 1 }, 0, ELLIPSIS)).toEqual({ before: '', at: '', after: '' });
  });

  it('draws a zero-width grapheme under the cursor on a space, so the cursor is visible', () => {
    const line = editorLine({ text: '\u0301abc', cursor: 0 }, 10, ELLIPSIS);
    expect(line.at).toBe(' \u0301');
    expect(displayWidth(line.at)).toBe(1);
  });
});

describe('editor line: hostile text', () => {
  const hostile = 'a\u001b]0;pwned\u0007b\u009b2J\r\n\u202eevil\u007f\tz';
  const noControls = (line: EditorLine) => expect(shown(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);

  it('shows control characters as visible placeholders', () => {
    const line = editorLine({ text: hostile, cursor: 1 }, 80, ELLIPSIS);
    noControls(line);
    expect(line.at).toBe('␛');
    expect(shown(line)).toContain('␇');
    expect(shown(line)).toContain('⟨U+009B⟩');
    expect(shown(line)).toContain('⟨U+202E⟩');
  });

  it('measures placeholders after sanitising (^[ is two columns in ASCII mode), at every cursor and width', () => {
    expect(editorLine({ text: hostile, cursor: 1 }, 80, { symbols: ASCII_SYMBOLS }).at).toBe('^[');
    const stops = boundaries(hostile);
    for (const width of [1, 2, 3, 5, 8, 9, 12, 20]) {
      for (const cursor of stops) {
        const line = editorLine({ text: hostile, cursor }, width, { symbols: ASCII_SYMBOLS });
        noControls(line);
        expect(widthOf(line), `width ${width}, cursor ${cursor}`).toBeLessThanOrEqual(width);
        expect(displayWidth(line.at), `width ${width}, cursor ${cursor}`).toBeGreaterThan(0);
      }
    }
  });
});
