/**
 * Ink's (input, key) pair as one key name the keymap understands. Kept apart from Ink types so
 * the mapping is testable; the shape mirrors Ink's `Key`.
 */
export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

/**
 * Key names for one input event. Keys typed faster than the app reads them (held-down `j`,
 * a burst over SSH, tmux send-keys) arrive as one string, "jjj": each character is a key.
 */
export function keyNames(input: string, key: InkKey): string[] {
  // A mouse report (the wheel, or a click the explorer ignores): never a burst of characters.
  const mouse = mouseReport(input);
  if (mouse) return mouse.key === null ? [] : [mouse.key];
  // Esc pressed twice in quick succession reaches Ink as one "meta + Esc" event whose input is the
  // second ESC: it is two keys (out of a view, then out of the next), not one.
  if (key.escape && input === '\u001b') return ['escape', 'escape'];
  const single = keyName(input, key);
  if (single !== undefined) return [single];
  if (key.ctrl || key.meta || input.length <= 1) return [];
  return [...input].map(burstCharacterName);
}

/**
 * SGR mouse reports (`ESC [ < button ; column ; row M`, mode 1006), which the explorer asks for
 * only to hear the wheel: Ink splits them off as one event with the ESC taken away. Button 64 is
 * a notch up and 65 a notch down (4, 8 and 16 add Shift, Meta and Ctrl); anything else, a click
 * or a release, is no key. Null when `text` does not start with a report; `length` is the
 * report's, so a reader of raw input can step over it.
 */
// eslint-disable-next-line no-control-regex
const SGR_MOUSE = /^\u001b?\[<(\d{1,4});\d{1,5};\d{1,5}([Mm])/;
const WHEEL_MODIFIERS = 4 | 8 | 16;

export function mouseReport(text: string): { key: 'wheelup' | 'wheeldown' | null; length: number } | null {
  const match = SGR_MOUSE.exec(text);
  if (!match) return null;
  const button = Number(match[1]) & ~WHEEL_MODIFIERS;
  const pressed = match[2] === 'M';
  const key = pressed && button === 64 ? 'wheelup' : pressed && button === 65 ? 'wheeldown' : null;
  return { key, length: match[0].length };
}

/** In a burst, Enter, Tab, Backspace and Ctrl-letters come as raw control characters. */
export function burstCharacterName(char: string): string {
  if (char === '\r' || char === '\n') return 'enter';
  if (char === '\t') return 'tab';
  if (char === '\u007f' || char === '\b') return 'backspace';
  if (char === ' ') return 'space';
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return char;
}

export function keyName(input: string, key: InkKey): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageDown) return 'pagedown';
  if (key.pageUp) return 'pageup';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Terminals send DEL (0x7f) for Backspace; Ink reports it as `delete` on some of them.
  if (key.backspace || key.delete) return 'backspace';
  if (key.escape) return 'escape';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  if (input.length === 1 && !key.meta) return input;
  return undefined;
}

/** The names keyName gives keys other than a single printable character or ctrl+letter. */
export const NAMED_KEYS = [
  'up', 'down', 'left', 'right', 'pagedown', 'pageup', 'home', 'end',
  'enter', 'tab', 'shift+tab', 'backspace', 'escape', 'space', 'wheelup', 'wheeldown',
] as const;

/**
 * Whether `name` is a key name keyName can produce: a named key, `ctrl+` and a lower-case letter,
 * or one printable character (not a space: that is `space`). For checking key bindings a
 * person wrote, e.g. in the config file.
 */
export function isKeyName(name: string): boolean {
  if ((NAMED_KEYS as readonly string[]).includes(name)) return true;
  if (/^ctrl\+[a-z]$/.test(name)) return true;
  // One UTF-16 unit, as keyName only names single-unit input; controls are never typed keys.
  return name.length === 1 && name > ' ' && !/[\u007f-\u009f]/.test(name);
}
