/**
 * fzf's input: one tab-separated line per event, written once from the loaded store and cached
 * beside the generated JSON Lines file (rewritten when that file is newer).
 */
import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import type { EventStore } from '../src/store/event-store.js';
import { cachedPath } from './sample-files.js';

/** The columns, in order; fzf's `--nth` counts them from 1. */
export const FLAT_COLUMNS = ['time', 'service', 'category', 'activity', 'result', 'initiator', 'ip', 'targets', 'correlation'] as const;

/** Tabs and newlines inside a value would split a column or a line. */
const oneCell = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

export function flatLinesFile(store: EventStore, events: number, source: string): string {
  const path = cachedPath(`flat-${events}.tsv`);
  if (existsSync(path) && statSync(path).mtimeMs >= statSync(source).mtimeMs) return path;
  const partial = `${path}.${process.pid}.partial`;
  const fd = openSync(partial, 'w');
  try {
    let chunk: string[] = [];
    for (let i = 0; i < store.count; i++) {
      const s = store.summary(i);
      const cells = [new Date(s.timeMs).toISOString(), s.service, s.category, s.activity, s.result, s.initiator, s.ip, s.targetKeys, s.correlation];
      chunk.push(cells.map(oneCell).join('\t'));
      if (chunk.length === 10_000 || i === store.count - 1) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return path;
}
