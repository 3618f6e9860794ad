import { describe, expect, it } from 'vitest';
import { CapacityEstimate } from '../../src/load/capacity-estimate.js';

const MB = 1024 * 1024;

describe('the store reserves room for a big JSON Lines load once', () => {
  it('estimates from the first 8 MB: the whole file at the same bytes per event, plus 8%', () => {
    const estimate = CapacityEstimate.forLoad(['lines', 'lines'], 1200 * MB)!;
    expect(estimate.estimate(4 * MB, 3500)).toBeNull();
    expect(estimate.estimate(8 * MB, 7000)).toBe(Math.ceil(150 * 7000 * 1.08));
    // Once only: later batches never reserve again (the store then grows by doubling, as before).
    expect(estimate.estimate(16 * MB, 14000)).toBeNull();
  });

  it('makes no estimate for small files, nor where progress does not count the file bytes (gzip, CSV, stdin)', () => {
    expect(CapacityEstimate.forLoad(['lines'], 10 * MB)).toBeNull();
    expect(CapacityEstimate.forLoad(['lines', 'input'], 1200 * MB)).toBeNull();
    expect(CapacityEstimate.forLoad(['lines'], null)).toBeNull();
  });
});
