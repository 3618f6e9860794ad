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
  // Esc pressed twice in quick succession reaches Ink as one "meta + Esc" event whose input is the
  // second ESC: it is two keys (out of a view, then out of the next), not one.
  if (key.escape && input === '\u001b') return ['escape', 'escape'];
  const single = keyName(input, key);
  if (single !== undefined) return [single];
  if (key.ctrl || key.meta || input.length <= 1) return [];
  return [...input].map(burstCharacterName);
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
  'enter', 'tab', 'shift+tab', 'backspace', 'escape', 'space',
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
