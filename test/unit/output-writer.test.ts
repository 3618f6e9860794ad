/**
 * Standard output's writer: text and a print worker's bytes come out in the order given, gathered
 * into few writes (a run of one event between events kept in memory is not a write of its own),
 * and a big chunk is written at once.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputWriter } from '../../src/cli/output.js';

function recordingStream(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, writes };
}

describe('OutputWriter', () => {
  it('keeps the order of text and bytes, and gathers small pieces of both into one write', async () => {
    const { stream, writes } = recordingStream();
    const out = new OutputWriter(stream);
    for (let i = 0; i < 100; i++) {
      await out.write(`text ${i} Müller\n`);
      await out.write(Buffer.from(`bytes ${i} ☃\n`, 'utf8'));
    }
    await out.flush();
    const expected = Array.from({ length: 100 }, (_, i) => `text ${i} Müller\nbytes ${i} ☃\n`).join('');
    expect(Buffer.concat(writes).toString('utf8')).toBe(expected);
    expect(writes).toHaveLength(1);
  });

  it('writes a worker chunk of 64 KB or more at once, with the text before it, not holding it back', async () => {
    const { stream, writes } = recordingStream();
    const out = new OutputWriter(stream);
    const chunk = Buffer.alloc(100_000, 'x');
    await out.write('[\n');
    await out.write(chunk);
    await out.write('\n]\n');
    await out.flush();
    expect(Buffer.concat(writes).toString('utf8')).toBe(`[\n${'x'.repeat(100_000)}\n]\n`);
    expect(writes).toHaveLength(2);
    expect(writes[0].length).toBe(100_002);
  });
});
