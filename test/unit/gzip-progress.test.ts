/** The progress of a gzip input follows the inflater, not the bytes read ahead of it. */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded, openBytes, type ByteCounter } from '../../src/ingest/read-text.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

describe('a gzip input counts its progress', () => {
  it('in compressed bytes the inflater has taken, and every byte at the end', async () => {
    // 5 MB of hex compresses only to about half: the file is larger than the 1 MB read-ahead chunk.
    const text = Array.from({ length: 5000 }, () => `{"id":"${randomBytes(512).toString('hex')}"}\n`).join('');
    const gz = gzipSync(Buffer.from(text));
    const path = temp.write('load.jsonl.gz', gz);
    const size = gz.length;
    expect(size).toBeGreaterThan(2 * 1024 * 1024);
    const counter: ByteCounter = { read: 0 };
    const seen: Array<{ out: number; read: number }> = [];
    let out = 0;
    for await (const chunk of gunzipIfNeeded(openBytes(path), counter)) {
      out += chunk.length;
      seen.push({ out, read: counter.read });
    }
    expect(out).toBe(Buffer.byteLength(text));
    // The first output came from the first step (32 KB of input), though 1 MB had been read.
    expect(seen[0].read).toBeLessThan(100 * 1024);
    // Halfway through the output, about halfway through the file (it compresses evenly).
    const half = seen.find((s) => s.out >= out / 2)!;
    expect(half.read / size).toBeGreaterThan(0.4);
    expect(half.read / size).toBeLessThan(0.6);
    expect(counter.read).toBe(size);
  });
});
