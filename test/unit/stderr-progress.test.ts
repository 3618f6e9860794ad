import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLoadProgress } from '../../src/cli/stderr-progress.js';
import type { LoadProgress } from '../../src/model/load-progress.js';
import { ASCII_SYMBOLS, UNICODE_SYMBOLS } from '../../src/text/symbols.js';

const MB = 1024 * 1024;

function fakeStderr(isTTY: boolean, columns = 100) {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

afterEach(() => vi.useRealTimers());

describe('load progress on stderr', () => {
  it('redraws records read, percentage and rate in place on a terminal, and erases the line when stopped', () => {
    vi.useFakeTimers({ now: 10_000 });
    let progress: LoadProgress = { bytesRead: 0, bytesTotal: 40 * MB, events: 0, problemCount: 0, done: false, startedAt: 9_900, finishedAt: null };
    const stderr = fakeStderr(true);
    const stop = showLoadProgress(() => progress, UNICODE_SYMBOLS, stderr);
    expect(stderr.written).toEqual([]);
    progress = { ...progress, bytesRead: 10 * MB, events: 25_000 };
    // Drawn after 300 ms, then every 200 ms: the last at 900 ms, a second into the load.
    vi.advanceTimersByTime(900);
    expect(stderr.written).toHaveLength(4);
    expect(stderr.written.at(-1)).toBe('\rLoading 10.0 MB of 40.0 MB (25%) · 25,000 events so far · 10.0 MB/s · about 3 s left\u001b[K');
    stop();
    expect(stderr.written.at(-1)).toBe('\r\u001b[K');
    const count = stderr.written.length;
    vi.advanceTimersByTime(1000);
    expect(stderr.written).toHaveLength(count);
  });

  it('never draws a line wider than the terminal (a wrapped line would not redraw in place)', () => {
    vi.useFakeTimers({ now: 0 });
    const stderr = fakeStderr(true, 30);
    const stop = showLoadProgress(() => ({ bytesRead: 5 * MB, bytesTotal: 40 * MB, events: 1_234_567, problemCount: 0, done: false, startedAt: 0, finishedAt: null }), ASCII_SYMBOLS, stderr);
    vi.advanceTimersByTime(500);
    stop();
    const line = stderr.written[0].replace('\r', '').replace('\u001b[K', '');
    expect(line).toBe('Loading 5.0 MB of 40.0 MB ...');
    expect(line.length).toBeLessThan(30);
  });

  it('draws nothing for a load that ends within a moment, nor ever when stderr is not a terminal', () => {
    vi.useFakeTimers({ now: 0 });
    const progress = (): LoadProgress => ({ bytesRead: 1, bytesTotal: 2, events: 1, problemCount: 0, done: false, startedAt: 0, finishedAt: null });
    const quick = fakeStderr(true);
    const stopQuick = showLoadProgress(progress, UNICODE_SYMBOLS, quick);
    vi.advanceTimersByTime(100);
    stopQuick();
    expect(quick.written).toEqual([]);
    const piped = fakeStderr(false);
    const stopPiped = showLoadProgress(progress, UNICODE_SYMBOLS, piped);
    vi.advanceTimersByTime(5000);
    stopPiped();
    expect(piped.written).toEqual([]);
  });
});
