/** The loading line: no rate or time left until they mean something, and a time left that reads steadily. */
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../src/model/load-progress.js';
import { progressText, timeLeftText } from '../../src/view/progress.js';

const MB = 1024 * 1024;
const progress = (bytesRead: number, elapsedMs: number, bytesTotal: number | null = 100 * MB): [LoadProgress, number] => [
  { bytesRead, bytesTotal, events: 1234, problemCount: 0, done: false, startedAt: 1_000_000, finishedAt: null },
  1_000_000 + elapsedMs,
];

describe('the loading line', () => {
  it('gives no rate or time left in the first second, nor before 2% of the input', () => {
    // The head is read at once: 10 MB in 50 ms would say "almost done" of a 100 MB file.
    expect(progressText(...progress(10 * MB, 50), ' · ')).toBe('Loading 10.0 MB of 100 MB (10%) · 1,234 events so far');
    expect(progressText(...progress(1 * MB, 5000), ' · ')).toBe('Loading 1.0 MB of 100 MB (1%) · 1,234 events so far');
    expect(progressText(...progress(20 * MB, 2000), ' · ')).toBe('Loading 20.0 MB of 100 MB (20%) · 1,234 events so far · 10.0 MB/s · about 8 s left');
  });

  it('works from the mean rate of the whole load, and rounds what is left as it grows', () => {
    expect(progressText(...progress(10 * MB, 10_000), ' · ')).toMatch(/1\.0 MB\/s · about 2 min left$/);
    expect(timeLeftText(0.4)).toBe('almost done');
    expect(timeLeftText(7.2)).toBe('about 8 s left');
    expect(timeLeftText(41)).toBe('about 45 s left');
    expect(timeLeftText(200)).toBe('about 4 min left');
  });

  it('without a known size (standard input) says how much was read, and the rate once settled', () => {
    expect(progressText(...progress(3 * MB, 1500, null), ' · ')).toBe('Loading 3.0 MB · 1,234 events so far · 2.0 MB/s');
  });
});
