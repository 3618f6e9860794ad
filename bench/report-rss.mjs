// Loaded with `node --import` into a benchmarked command: reports the process's peak RSS
// (workers included) on stderr when it exits.
import { peakRssKb } from './peak-rss.mjs';

process.on('exit', () => {
  process.stderr.write(`BENCH_MAX_RSS_KB=${peakRssKb()}\n`);
});
