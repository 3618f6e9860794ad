import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, NARROW_TEXT, SIMPLE_TEXT, truncateToWidth, wrapToWidth } from '../../src/text/width.js';

describe('display width', () => {
  it('measures every character of the fast class as string-width (and Ink) does', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (NARROW_TEXT.test(char) && stringWidth(char) !== 1) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('measures every character of the Thai and CJK class, and any mixture of the class, as string-width does', () => {
    const members: string[] = [];
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!SIMPLE_TEXT.test(char)) continue;
      members.push(char);
      if (displayWidth(char) !== stringWidth(char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    // Marks after a wide character, at the start, in runs, between scripts: clusters must not change the sum.
    const thai = members.filter((char) => char >= '\u0e00' && char <= '\u0e7f');
    const pools = [members, thai, [...thai, '中', 'a', ' ', '한', 'カ', 'é']];
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let k = 0; k < 5000; k++) {
      const pool = pools[k % pools.length];
      const text = Array.from({ length: 1 + random(12) }, () => pool[random(pool.length)]).join('');
      expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
    expect(displayWidth('中村 陽斗')).toBe(9);
    // Cut at any width, a Thai or CJK name keeps its marks with their letter and fits the column.
    for (const name of ['สมชาย ใจดี', 'นิพนธ์ ศรีสุข', '中村 陽斗', '김민준 박', 'カタカナ名前']) {
      for (let width = 1; width <= 12; width++) {
        const cut = truncateToWidth(name, width, '…');
        expect(stringWidth(cut), `${name} at ${width}`).toBeLessThanOrEqual(width);
        if (stringWidth(name) > width) {
          expect(name.startsWith(cut.slice(0, -1))).toBe(true);
          // As wide as fits: one more cluster would not.
          const kept = [...new Intl.Segmenter().segment(name)].map((g) => g.segment);
          const taken = [...new Intl.Segmenter().segment(cut.slice(0, -1))].length;
          expect(kept.slice(0, taken).join(''), `${name} at ${width}: cut inside a cluster`).toBe(cut.slice(0, -1));
          if (taken < kept.length) expect(stringWidth(cut.slice(0, -1) + kept[taken]) + 1).toBeGreaterThan(width);
        } else expect(cut).toBe(name);
      }
    }
    expect(displayWidth('สมชาย ใจดี')).toBe(stringWidth('สมชาย ใจดี'));
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
