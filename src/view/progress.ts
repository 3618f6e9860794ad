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

export function progressText(progress: LoadProgress, now: number, separator: string): string {
  const seconds = Math.max(0.001, (now - progress.startedAt) / 1000);
  const rate = progress.bytesRead / seconds;
  const parts = [
    progress.bytesTotal
      ? `Loading ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)} (${Math.floor((100 * progress.bytesRead) / progress.bytesTotal)}%)`
      : `Loading ${formatBytes(progress.bytesRead)}`,
    `${progress.events.toLocaleString('en-US')} events`,
    `${formatBytes(rate)}/s`,
  ];
  if (progress.bytesTotal && rate > 0 && progress.bytesRead > 0) {
    const left = Math.max(0, (progress.bytesTotal - progress.bytesRead) / rate);
    parts.push(left < 1 ? 'almost done' : `about ${Math.ceil(left)} s left`);
  }
  if (progress.detail) parts.push(progress.detail);
  return parts.join(separator);
}
