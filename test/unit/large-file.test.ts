import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/ingest/read-input.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
/** V8 cannot hold a string this long, so loading such a file proves the loader streams. */
const OVER_512_MIB = 512 * 1024 * 1024 + 1024 * 1024;

async function writeLargeFile(path: string, wrapInArray: boolean): Promise<number> {
  const line = JSON.stringify(graphEvent());
  const stream = createWriteStream(path);
  const separator = wrapInArray ? ',\n' : '\n';
  const block = Array.from({ length: 1000 }, () => line).join(separator);
  let written = 0;
  let records = 0;
  if (wrapInArray) stream.write('[\n');
  while (written < OVER_512_MIB) {
    const text = (records > 0 ? separator : '') + block;
    if (!stream.write(text)) await once(stream, 'drain');
    written += text.length;
    records += 1000;
  }
  stream.end(wrapInArray ? '\n]\n' : '\n');
  await once(stream, 'finish');
  return records;
}

describe('files larger than 512 MiB', () => {
  it.each([
    ['JSON Lines', false],
    ['one JSON array', true],
  ])('streams %s without holding the file in memory', { timeout: 240_000 }, async (_name, wrapInArray) => {
    const path = temp.path(wrapInArray ? 'large.json' : 'large.jsonl');
    const records = await writeLargeFile(path, wrapInArray);
    expect(statSync(path).size).toBeGreaterThan(512 * 1024 * 1024);
    let events = 0;
    const report = await loadInput({ kind: 'file', path }, { event: () => events++, problem: () => {} });
    expect(report.error).toBeUndefined();
    expect(report.problems).toBe(0);
    expect(events).toBe(records);
  });
});
