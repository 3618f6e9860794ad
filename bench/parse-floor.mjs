// The parse floor: read a JSON Lines file in 1 MiB chunks and JSON.parse every record, keeping
// nothing. Printed as JSON for bench/load.ts. Plain JavaScript so nothing else is measured.
import { openSync, readSync } from 'node:fs';
import { peakRssKb } from './peak-rss.mjs';

const started = performance.now();
const fd = openSync(process.argv[2], 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
let carry = '';
let records = 0;
let position = 0;
for (;;) {
  const read = readSync(fd, chunk, 0, chunk.length, position);
  if (read === 0) break;
  position += read;
  const text = carry + chunk.toString('utf8', 0, read);
  let from = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
    JSON.parse(text.slice(from, nl));
    records++;
    from = nl + 1;
  }
  carry = text.slice(from);
}
if (carry.trim() !== '') {
  JSON.parse(carry);
  records++;
}
process.stdout.write(JSON.stringify({ records, ms: performance.now() - started, maxRssKb: peakRssKb() }) + '\n');
