import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, NARROW_TEXT, truncateToWidth, wrapToWidth } from '../../src/text/width.js';

describe('display width', () => {
  it('measures every character of the fast class as string-width (and Ink) does', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (NARROW_TEXT.test(char) && stringWidth(char) !== 1) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('measures names with accents, Greek, Cyrillic and our glyphs one column per character', () => {
    for (const text of ['Jörg Ødegård', 'Łukasz Żółć', 'Νίκος', 'Дмитрий Иванов', 'a → b │ c… ⚙ app', 'Straße ‘quoted’ — dash']) {
      expect(displayWidth(text)).toBe(stringWidth(text));
      expect(displayWidth(text)).toBe(text.length);
    }
  });

  it('leaves wide, combining and invisible text to the full rules', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('soft\u00adhyphen')).toBe(10);
    expect(displayWidth('Д\u0483')).toBe(1);
    expect(displayWidth('\u25fd')).toBe(2);
  });

  it('cuts and wraps accented names at the column, not past it', () => {
    expect(truncateToWidth('Jörg Ødegård-Łukasiewicz', 10, '…')).toBe('Jörg Ødeg…');
    expect(wrapToWidth('Ødegård Ødegård', 7)).toEqual(['Ødegård', ' Ødegår', 'd']);
    expect(truncateToWidth('日本語の名前', 5, '…')).toBe('日本…');
  });
});
