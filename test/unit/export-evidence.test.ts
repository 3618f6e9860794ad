/**
 * An export is what was shown: a record edited in place since the load (same length, same time,
 * `success` turned `failure`) is refused, not written as it is now; a source that changed
 * elsewhere is named in the receipt; unchanged sources are said to be unchanged.
 */
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportEvents } from '../../src/export/export-events.js';
import { receiptLines } from '../../src/export/receipt.js';
import { LoadSession } from '../../src/load/load-session.js';
import { RecordUnreadableError } from '../../src/store/record-address.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
let files = 0;

async function loadedFile(count = 20) {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify(graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString() })));
  const path = temp.write(`f${files++}.jsonl`, lines.join('\n') + '\n');
  // Written an hour ago: an edit now changes the modification time even on a coarse clock.
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(path, hourAgo, hourAgo);
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0 });
  await session.done;
  return { path, session, store: session.store };
}

/** Line `n` (0-based) edited in place: same length, so offsets and times still line up. */
function editInPlace(path: string, n: number, from: string, to: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  expect(lines[n]).toContain(from);
  lines[n] = lines[n].replace(from, to);
  writeFileSync(path, lines.join('\n'));
}

/** Newest first: event `e<n>` of `count` is at position count - 1 - n. */
const at = (store: LoadSession['store'], count: number, ...ids: number[]) => ids.map((n) => store.sortedIndices()[count - 1 - n]);

describe('exports check the sources against what was loaded', () => {
  it('refuses a record edited in place with the same length and time, writing nothing', async () => {
    const { path, store } = await loadedFile();
    editInPlace(path, 5, '"result":"success"', '"result":"failure"');
    const out = temp.path(`out${files}.ndjson`);
    const exporting = exportEvents({ store, indices: store.sortedIndices(), format: 'ndjson', path: out, force: false, sources: [path] });
    await expect(exporting).rejects.toThrow(RecordUnreadableError);
    await expect(exporting).rejects.toThrow('the record there is no longer the one loaded (its bytes differ)');
    expect(existsSync(out)).toBe(false);
    // The details say so too, instead of showing the edited record.
    const read = store.readEvent(at(store, 20, 5)[0]);
    expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('its bytes differ') });
  });

  it('writes records that did not change, and the receipt names the source that did', async () => {
    const { path, store } = await loadedFile();
    editInPlace(path, 10, '"result":"success"', '"result":"failure"');
    const out = temp.path(`out${files}.ndjson`);
    const receipt = await exportEvents({ store, indices: at(store, 20, 0, 1, 2), format: 'ndjson', path: out, force: false, sources: [path] });
    expect(readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual(['e0', 'e1', 'e2']);
    const lines = receiptLines(receipt, UNICODE_SYMBOLS);
    expect(lines.at(-1)).toMatch(new RegExp(`^# WARNING: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} changed since it was loaded \\(modified 20\\d\\d-.*\\): its SHA-256 is of the file now; each exported record was checked against the bytes loaded$`));
  });

  it('says the sources are unchanged when they are', async () => {
    const { path, store } = await loadedFile();
    const receipt = await exportEvents({ store, indices: store.sortedIndices(), format: 'ndjson', path: temp.path(`out${files}.ndjson`), force: false, sources: [path] });
    expect(receipt.count).toBe(20);
    expect(receiptLines(receipt, UNICODE_SYMBOLS).at(-1)).toBe('# sources unchanged since they were loaded (size, modification time, inode)');
  });

  it('names a source replaced by a longer file', async () => {
    const { path, store } = await loadedFile();
    writeFileSync(path, readFileSync(path, 'utf8') + JSON.stringify(graphEvent({ id: 'new' })) + '\n');
    const receipt = await exportEvents({ store, indices: at(store, 20, 0), format: 'ndjson', path: temp.path(`out${files}.ndjson`), force: false, sources: [path] });
    expect(receiptLines(receipt, UNICODE_SYMBOLS).at(-1)).toMatch(/changed since it was loaded \(size [\d,]+ → [\d,]+ bytes, modified /);
  });
});
