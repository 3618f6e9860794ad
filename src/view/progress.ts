/** The loading line: how much is read, how fast, and how long it will take. */
import type { LoadProgress } from '../model/load-progress.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * No rate or time left before this much time and progress: the first batch (the head of the file,
 * read on the main thread at once) made the first second's rate several times the real one, and
 * "almost done" flashed up at the start of a long load.
 */
const SETTLED_MS = 1000;
const SETTLED_SHARE = 0.02;

/**
 * Time left, rounded so it reads steadily as it counts down (the estimate moves a little with
 * every batch): seconds under 10 s, then 5 s steps, then minutes.
 */
export function timeLeftText(seconds: number): string {
  if (seconds < 1) return 'almost done';
  if (seconds < 10) return `about ${Math.ceil(seconds)} s left`;
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

/**
 * The rate is the whole load's mean (bytes so far over time so far), not the last interval's:
 * that is the smoothing, and it is steady where workers deliver in bursts.
 */
export function progressText(progress: LoadProgress, now: number, separator: string): string {
  const elapsedMs = Math.max(1, now - progress.startedAt);
  const rate = progress.bytesRead / (elapsedMs / 1000);
  const share = progress.bytesTotal ? progress.bytesRead / progress.bytesTotal : 0;
  const settled = elapsedMs >= SETTLED_MS && (progress.bytesTotal === null || share >= SETTLED_SHARE);
  const parts = [
    progress.bytesTotal
      ? `Loading ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)} (${Math.floor(100 * share)}%)`
      : `Loading ${formatBytes(progress.bytesRead)}`,
    `${progress.events.toLocaleString('en-US')} event${progress.events === 1 ? '' : 's'} so far`,
  ];
  if (settled && rate > 0) parts.push(`${formatBytes(rate)}/s`);
  if (settled && progress.bytesTotal && rate > 0) parts.push(timeLeftText(Math.max(0, (progress.bytesTotal - progress.bytesRead) / rate)));
  if (progress.detail) parts.push(progress.detail);
  return parts.join(separator);
}
