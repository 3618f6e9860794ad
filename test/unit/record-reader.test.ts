/**
 * Re-reading many records at once (printing, load/record-reader.ts's readMany) reads neighbours
 * in one call: each record must come back exactly as one read alone gives it, in the order
 * asked, with the same reason when its file changed, shrank or went away.
 */
import { truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LoadSession } from '../../src/load/load-session.js';
import { FileRecordReader } from '../../src/load/record-reader.js';
import type { RawAddress } from '../../src/store/record-address.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

function lines(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) => JSON.stringify(graphEvent({ id: `${prefix}${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() })) + '\n').join('');
}

async function addressesOf(paths: string[]): Promise<RawAddress[]> {
  const session = new LoadSession(paths.map((path) => ({ kind: 'file' as const, path })), { workers: 0 });
  await session.done;
  const { store } = session.indexes;
  const addresses = Array.from({ length: store.count }, (_, i) => store.rawAddress(i)).filter((address): address is RawAddress => address !== null);
  session.close();
  return addresses;
}

const summary = (result: ReturnType<FileRecordReader['read']>) => ('reason' in result ? result.reason : result.event.id);

describe('reading many records at once', () => {
  it('gives each record as a single read does, from two files, in the order asked', async () => {
    // Records far apart in a file (past the gap one read spans) and in another file.
    const padded = lines(300, 'a').replace(/\n/g, () => `${' '.repeat(300)}\n`);
    const first = temp.write('first.jsonl', padded);
    const second = temp.write('second.jsonl', lines(50, 'b'));
    const addresses = await addressesOf([first, second]);
    expect(addresses).toHaveLength(350);
    const shuffled = addresses.map((address, k) => ({ address, key: (k * 7919) % 350 })).sort((x, y) => x.key - y.key).map((x) => x.address);
    const reader = new FileRecordReader();
    const many = reader.readMany(shuffled).map(({ result }) => summary(result));
    expect(many).toEqual(shuffled.map((address) => summary(reader.read(address))));
    expect(new Set(many).size).toBe(350);
    reader.close();
  });

  it('says why for each record of a file that changed, shrank or went away', async () => {
    const text = lines(40, 'c');
    const path = temp.write('changing.jsonl', text);
    const addresses = await addressesOf([path]);
    // A same-length edit in place of one record, then the file cut short inside another.
    writeFileSync(path, text.replace('"c7"', '"x7"'));
    truncateSync(path, text.length - 200);
    const reader = new FileRecordReader();
    const many = reader.readMany(addresses).map(({ result }) => summary(result));
    expect(many).toEqual(addresses.map((address) => summary(reader.read(address))));
    expect(many.filter((answer) => answer.includes('its bytes differ'))).toHaveLength(1);
    expect(many.filter((answer) => answer.includes('shorter than when it was loaded')).length).toBeGreaterThan(0);
    reader.close();
    unlinkSync(path);
    const gone = new FileRecordReader().readMany(addresses.slice(0, 3));
    expect(gone.map(({ result }) => summary(result))).toEqual(Array(3).fill(expect.stringContaining('can no longer be read')));
    expect(gone.every(({ bytes }) => bytes === null)).toBe(true);
  });
});
