// The parse floor: read a JSON Lines file in 1 MiB chunks and JSON.parse every record, keeping
// nothing. Printed as JSON for bench/load.ts. Plain JavaScript so nothing else is measured.
//
// Each line is decoded from the bytes on its own, as the loader does (load/load-unit.ts): a
// chunk decoded whole and sliced into lines made the floor 1.4-1.6x slower (1M audits 9.0 s
// against 5.6 s here; 1M sign-ins 18.6 s against 11.9 s), because one non-ASCII character makes
// the whole megabyte a two-byte string and every line sliced from it parses slower. A floor
// must be the fastest plain way, or the ratios against it flatter us.
import { openSync, readSync } from 'node:fs';
import { peakRssKb } from './peak-rss.mjs';

const started = performance.now();
const fd = openSync(process.argv[2], 'r');
let chunk = Buffer.allocUnsafe(1 << 20);
let records = 0;
let position = 0;
// Bytes of an unfinished line, moved to the chunk's start before the next read.
let carried = 0;
for (;;) {
  if (carried === chunk.length) {
    // A line longer than the chunk: a bigger chunk, keeping what was read.
    const bigger = Buffer.allocUnsafe(chunk.length * 2);
    chunk.copy(bigger, 0, 0, carried);
    chunk = bigger;
  }
  const read = readSync(fd, chunk, carried, chunk.length - carried, position);
  if (read === 0) break;
  position += read;
  const end = carried + read;
  let from = 0;
  for (let nl = chunk.indexOf(10, 0); nl !== -1 && nl < end; nl = chunk.indexOf(10, from)) {
    JSON.parse(chunk.toString('utf8', from, nl));
    records++;
    from = nl + 1;
  }
  carried = end - from;
  chunk.copy(chunk, 0, from, end);
}
if (chunk.toString('utf8', 0, carried).trim() !== '') {
  JSON.parse(chunk.toString('utf8', 0, carried));
  records++;
}
process.stdout.write(JSON.stringify({ records, ms: performance.now() - started, maxRssKb: peakRssKb() }) + '\n');
