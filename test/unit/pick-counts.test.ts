import { describe, expect, it } from 'vitest';
import { pickCounts, topCounts } from '../../src/query/top-counts.js';

/** Counts by string id (id 0 is the empty string, never a value) and the names of the ids. */
function tally(entries: Array<[string, number]>) {
  const counts = new Uint32Array(entries.length + 1);
  entries.forEach(([, count], i) => (counts[i + 1] = count));
  return { counts, name: (id: number) => (id === 0 ? '' : entries[id - 1][0]) };
}

describe('picking facet values', () => {
  const initiators = tally([
    ['priya@fabrikam.example', 927],
    ['MS-PIM', 520],
    ['odd.one@fabrikam.example', 1],
    ['maren@fabrikam.example', 44],
    ['omar@partner.example', 2],
    ['amara@fabrikam.example', 28],
  ]);

  it('orders by count, most or fewest first, or by name; the counts are the true ones', () => {
    const most = pickCounts(initiators.counts, { order: 'most', limit: 500, name: initiators.name });
    expect(most.values.map((v) => `${v.value} ${v.count}`)).toEqual([
      'priya@fabrikam.example 927',
      'MS-PIM 520',
      'maren@fabrikam.example 44',
      'amara@fabrikam.example 28',
      'omar@partner.example 2',
      'odd.one@fabrikam.example 1',
    ]);
    const fewest = pickCounts(initiators.counts, { order: 'fewest', limit: 500, name: initiators.name });
    expect(fewest.values[0]).toEqual({ value: 'odd.one@fabrikam.example', count: 1 });
    expect(fewest.values.map((v) => v.count)).toEqual([1, 2, 28, 44, 520, 927]);
    const byName = pickCounts(initiators.counts, { order: 'name', limit: 500, name: initiators.name });
    expect(byName.values.map((v) => v.value)).toEqual(['amara@fabrikam.example', 'maren@fabrikam.example', 'MS-PIM', 'odd.one@fabrikam.example', 'omar@partner.example', 'priya@fabrikam.example']);
    expect(byName).toMatchObject({ distinct: 6, matching: 6 });
  });

  it('narrows to the names a test accepts, counting how many matched of how many', () => {
    const picked = pickCounts(initiators.counts, { order: 'fewest', limit: 500, name: initiators.name, accept: (value) => value.includes('mar') });
    expect(picked.values).toEqual([
      { value: 'omar@partner.example', count: 2 },
      { value: 'amara@fabrikam.example', count: 28 },
      { value: 'maren@fabrikam.example', count: 44 },
    ]);
    expect(picked).toMatchObject({ distinct: 6, matching: 3 });
  });

  it('finds the rarest values among all of them, not among the most frequent 500', () => {
    // 600 IPs seen twice and one seen once: the most frequent 500 leave it out.
    const entries: Array<[string, number]> = Array.from({ length: 600 }, (_, i): [string, number] => [`198.51.100.${i}`, 2]);
    entries.push(['203.0.113.66', 1]);
    const ips = tally(entries);
    const most = pickCounts(ips.counts, { order: 'most', limit: 500, name: ips.name });
    expect(most.values).toHaveLength(500);
    expect(most.values.map((v) => v.value)).not.toContain('203.0.113.66');
    const fewest = pickCounts(ips.counts, { order: 'fewest', limit: 500, name: ips.name });
    expect(fewest.values).toHaveLength(500);
    expect(fewest.values[0]).toEqual({ value: '203.0.113.66', count: 1 });
    expect(fewest.values.slice(1).every((v) => v.count === 2)).toBe(true);
    // Typed for, it is found whatever the order.
    const typed = pickCounts(ips.counts, { order: 'most', limit: 500, name: ips.name, accept: (value) => value.startsWith('203.') });
    expect(typed.values).toEqual([{ value: '203.0.113.66', count: 1 }]);
    expect(typed).toMatchObject({ distinct: 601, matching: 1 });
  });

  it('keeps topCounts as it was: the largest, ties by value, cut to the limit', () => {
    const picked = topCounts(initiators.counts, 3, initiators.name);
    expect(picked).toEqual({
      values: [
        { value: 'priya@fabrikam.example', count: 927 },
        { value: 'MS-PIM', count: 520 },
        { value: 'maren@fabrikam.example', count: 44 },
      ],
      distinct: 6,
    });
  });
});
