/**
 * The vocabulary keeps canonical lower-case GUIDs as 16 bytes (store/guid-table.ts): every string
 * must read back exactly as interned, one id per distinct string whatever its spelling, through
 * growth of the table, and through a snapshot's strings restored into a fresh vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/store/vocabulary.js';

const guid = (n: number) => {
  const hex = (n * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
};

describe('GUIDs in the vocabulary', () => {
  it("keeps every id through a reserve made after some GUIDs are in (the load's estimate)", () => {
    const vocabulary = new Vocabulary();
    const before = Array.from({ length: 3000 }, (_, n) => vocabulary.intern(guid(n)));
    vocabulary.reserveGuids(200_000);
    expect(Array.from({ length: 3000 }, (_, n) => vocabulary.intern(guid(n)))).toEqual(before);
    const after = Array.from({ length: 3000 }, (_, n) => vocabulary.intern(guid(n + 3000)));
    expect(new Set([...before, ...after]).size).toBe(6000);
    expect(after.map((id) => vocabulary.get(id))).toEqual(Array.from({ length: 3000 }, (_, n) => guid(n + 3000)));
    expect(vocabulary.lookup(guid(42))).toBe(before[42]);
  });

  it('reads every string back as interned, one id each, GUIDs packed and other spellings not', () => {
    const vocabulary = new Vocabulary();
    const values = [
      ...Array.from({ length: 5000 }, (_, n) => guid(n)),
      'ADA0F1E2-0000-4000-8000-000000000001', // upper case: kept as a string
      '{ada0f1e2-0000-4000-8000-000000000001}',
      'ada0f1e2-0000-4000-8000-00000000000g',
      'ada0f1e2x0000-4000-8000-000000000001',
      'Update user',
      '',
    ];
    const ids = values.map((value) => vocabulary.intern(value));
    expect(new Set(ids).size).toBe(values.length);
    expect(ids[values.length - 1]).toBe(0); // the empty string is id 0
    values.forEach((value, k) => {
      expect(vocabulary.get(ids[k])).toBe(value);
      expect(vocabulary.intern(value)).toBe(ids[k]);
      expect(vocabulary.lookup(value)).toBe(ids[k]);
      expect(vocabulary.lower(ids[k])).toBe(value.toLowerCase());
    });
    expect(vocabulary.packedGuids().count).toBe(5000);
    expect(vocabulary.isPackedGuid(ids[5000])).toBe(false);
    expect(vocabulary.lookup(guid(5001))).toBeUndefined();
    expect(vocabulary.lookup('ada0f1e2-0000-4000-8000-000000000001')).toBeUndefined();
  });

  it('finds ids made by a counter again after a restore, still packed', () => {
    const vocabulary = new Vocabulary();
    const counted = Array.from({ length: 20_000 }, (_, n) => `1e08199d-fee4-430e-be97-${n.toString(16).padStart(12, '0')}`);
    for (const value of counted) vocabulary.intern(value);
    const restored = new Vocabulary();
    restored.restore(vocabulary.strings());
    expect(restored.get(20_000)).toBe(counted[19_999]);
    expect(restored.intern(counted[123])).toBe(124);
    expect(restored.packedGuids().count).toBe(20_000);
    expect(restored.intern('a new string')).toBe(20_001);
    expect(restored.strings()).toEqual(['', ...counted, 'a new string']);
  });

  it('decides packed GUIDs from their bytes exactly as the strings would, or asks for the strings', () => {
    const vocabulary = new Vocabulary();
    const ids = Array.from({ length: 2000 }, (_, n) => vocabulary.intern(guid(n)));
    const cases: Array<{ needles: string[]; exact: boolean }> = [
      { needles: [guid(7)], exact: false },
      { needles: [guid(7), guid(1999)], exact: true },
      { needles: [guid(5000)], exact: false }, // a GUID not in the store
      { needles: ['actor@contoso.com', 'role'], exact: false }, // not hex: no GUID holds them
      { needles: [guid(7).replace('-', 'x')], exact: false },
      { needles: [`${guid(7)}0`], exact: false }, // longer than any GUID
      { needles: [guid(3).slice(0, 8)], exact: true }, // a part never equals a whole GUID
    ];
    for (const { needles, exact } of cases) {
      const test = vocabulary.packedGuidTest(needles, exact);
      expect(test).not.toBeNull();
      const truth = (id: number) => needles.some((needle) => (exact ? vocabulary.lower(id) === needle : vocabulary.lower(id).includes(needle)));
      expect(ids.filter((id) => test!(id))).toEqual(ids.filter(truth));
    }
    expect(ids.filter((id) => vocabulary.packedGuidTest([guid(7), guid(9)], false)!(id))).toEqual([ids[7], ids[9]]);
    // A part of a GUID needs the strings: which ones hold it is not in the bytes' alignment.
    expect(vocabulary.packedGuidTest([guid(7).slice(0, 8)], false)).toBeNull();
    expect(vocabulary.packedGuidTest(['role', '4000-8000'], false)).toBeNull();
    expect(vocabulary.packedGuidTest([''], false)).toBeNull();
  });
});
