/**
 * Strings from logs are hostile. Before any of them reaches a terminal, every character that
 * could act on the terminal instead of being shown, or hide itself in what is shown, is replaced
 * by a visible placeholder:
 *  - C0 controls (including ESC, BEL, CR, LF, TAB) → the matching Control Pictures glyph (␛ ␇ ␍ ␊ ␉);
 *  - DEL → ␡;
 *  - C1 controls (U+0080–U+009F, e.g. the 8-bit CSI U+009B) → ⟨U+009B⟩;
 *  - bidirectional overrides/isolates and marks that reorder what is drawn → ⟨U+202E⟩;
 *  - characters that draw nothing, so two different names look the same (`zero​width@…` reads
 *    as `zerowidth@…`): the soft hyphen U+00AD, U+180E, zero-width space / non-joiner / joiner
 *    U+200B–U+200D, the line and paragraph separators U+2028/U+2029, the word joiner and other
 *    invisible format characters U+2060–U+206F, U+FEFF (BOM / zero-width no-break space) and the
 *    tag characters U+E0000–U+E007F → ⟨U+200B⟩.
 * So a log line can never set the window title, clear the screen or move the cursor, and an
 * admin can see that two identities differ.
 * The zero-width joiner is shown even between emoji (👩⟨U+200D⟩💻 rather than one glyph): an
 * identity string is read to compare it, and a joiner that silently merges or hides is exactly
 * what tells two look-alike names apart.
 * (`--ascii` swaps the glyphs for caret notation: ^[ ^G ^? <U+009B>.)
 */
import type { Symbols } from './symbols.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;

/** `text` with every control or invisible character replaced by its visible placeholder in `symbols`. */
export function sanitize(text: string, symbols: Symbols): string {
  return text.replace(UNSAFE, (char) => symbols.control(char.codePointAt(0)!));
}
