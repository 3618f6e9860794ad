/**
 * Strings from logs are hostile. Before any of them reaches a terminal, every character that
 * could act on the terminal instead of being shown is replaced by a visible placeholder:
 *  - C0 controls (including ESC, BEL, CR, LF, TAB) → the matching Control Pictures glyph (␛ ␇ ␍ ␊ ␉);
 *  - DEL → ␡;
 *  - C1 controls (U+0080–U+009F, e.g. the 8-bit CSI U+009B) → ⟨U+009B⟩;
 *  - bidirectional overrides/isolates and marks that reorder what is drawn → ⟨U+202E⟩.
 * So a log line can never set the window title, clear the screen or move the cursor.
 * (`--ascii` swaps the glyphs for caret notation: ^[ ^G ^? <U+009B>.)
 */
import type { Symbols } from './symbols.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character replaced by its visible placeholder in `symbols`. */
export function sanitize(text: string, symbols: Symbols): string {
  return text.replace(UNSAFE, (char) => symbols.control(char.charCodeAt(0)));
}
