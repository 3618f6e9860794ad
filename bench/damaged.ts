/**
 * Damage that never ends: text with no line break and no closing quote or bracket, the shape of a
 * download cut short or a lost byte in a one-line page. What matters is that time grows with the
 * size, not its square, and memory stays bounded by the record cap: so each shape is timed at
 * two sizes and the ratio printed (4× the text should take about 4× as long).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedPath, ROOT } from './sample-files.js';
import { median, printTable } from './stats.js';
import { timedCount } from './timed-query.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES_MB = [64, 256];

const record = (): string => JSON.stringify((JSON.parse(readFileSync(join(ROOT, 'test/fixtures/formats/graph-page.json'), 'utf8')) as { value: unknown[] }).value[0]);

const SHAPES: Array<{ name: string; make: (pad: string) => string }> = [
  { name: 'array, last string never closes', make: (pad) => `[${record()},{"a":"${pad}` },
  { name: 'a record, then text without a break', make: (pad) => record() + pad },
  { name: 'JSON Lines, one line without its end', make: (pad) => `${record()}\n{"id":"x","a":"${pad}` },
];

function file(shape: number, mb: number): string {
  const path = cachedPath(`damaged-${shape}-${mb}mb.json`);
  if (!existsSync(path)) writeFileSync(path, SHAPES[shape].make('x'.repeat(mb * 1024 * 1024)));
  return path;
}

function run(path: string): { ms: number; rssMb: number } {
  const { ms, maxRssKb } = timedCount(path);
  return { ms, rssMb: maxRssKb / 1024 };
}

export async function benchDamaged(): Promise<void> {
  console.log(`\n## Damage without an end (${RUNS} runs each, medians; query --count, default 64 MB record cap)\n`);
  const rows: string[][] = [];
  SHAPES.forEach((shape, k) => {
    const figures = SIZES_MB.map((mb) => {
      const path = file(k, mb);
      const runs = Array.from({ length: RUNS }, () => run(path));
      return { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)) };
    });
    const [small, large] = figures;
    rows.push([shape.name, ...figures.map((f) => `${(f.ms / 1000).toFixed(2)} s, ${f.rssMb.toFixed(0)} MB`), `${(large.ms / small.ms).toFixed(2)}×`]);
  });
  printTable(['shape', ...SIZES_MB.map((mb) => `${mb} MB`), `time ratio (${SIZES_MB[1] / SIZES_MB[0]}× the text)`], rows);
}
