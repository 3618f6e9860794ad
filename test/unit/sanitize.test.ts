/**
 * The sanitiser makes visible what would act on the terminal and what draws nothing: a name with
 * a zero-width space in it must not read as the name without it.
 */
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/text/sanitize.js';
import { ASCII_SYMBOLS, UNICODE_SYMBOLS } from '../../src/text/symbols.js';

const INVISIBLE: Array<[string, string]> = [
  ['\u00ad', 'U+00AD'],
  ['\u180e', 'U+180E'],
  ['\u200b', 'U+200B'],
  ['\u200c', 'U+200C'],
  ['\u200d', 'U+200D'],
  ['\u2028', 'U+2028'],
  ['\u2029', 'U+2029'],
  ['\u2060', 'U+2060'],
  ['\u2064', 'U+2064'],
  ['\ufeff', 'U+FEFF'],
  ['\u{e0000}', 'U+E0000'],
  ['\u{e0041}', 'U+E0041'],
  ['\u{e007f}', 'U+E007F'],
];

describe('sanitize', () => {
  it('shows every invisible character as its code point, in Unicode and ASCII mode', () => {
    for (const [char, name] of INVISIBLE) {
      expect(sanitize(`a${char}b`, UNICODE_SYMBOLS)).toBe(`a⟨${name}⟩b`);
      expect(sanitize(`a${char}b`, ASCII_SYMBOLS)).toBe(`a<${name}>b`);
    }
  });

  it('tells a zero-width look-alike from the real name', () => {
    const real = 'zerowidth@contoso.example';
    const fake = 'zero\u200bwidth@contoso.example';
    expect(sanitize(fake, UNICODE_SYMBOLS)).toBe('zero⟨U+200B⟩width@contoso.example');
    expect(sanitize(fake, UNICODE_SYMBOLS)).not.toBe(sanitize(real, UNICODE_SYMBOLS));
  });

  it('shows tag characters (invisible text riding on an emoji flag) one by one', () => {
    expect(sanitize('admin\u{e0069}\u{e0067}\u{e006e}', ASCII_SYMBOLS)).toBe('admin<U+E0069><U+E0067><U+E006E>');
  });

  it('shows the joiner inside an emoji sequence too: identity strings are compared, not admired', () => {
    expect(sanitize('👩\u200d💻', UNICODE_SYMBOLS)).toBe('👩⟨U+200D⟩💻');
  });

  it('keeps controls as before and leaves ordinary text, accents, CJK and emoji alone', () => {
    expect(sanitize('a\u001b]0;x\u0007\u009b\u202eb', UNICODE_SYMBOLS)).toBe('a␛]0;x␇⟨U+009B⟩⟨U+202E⟩b');
    const plain = 'Zoë Ångström 山田 🎉 — café';
    expect(sanitize(plain, UNICODE_SYMBOLS)).toBe(plain);
  });
});
