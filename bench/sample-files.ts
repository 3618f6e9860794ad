/** Generated benchmark inputs: `entra-audit sample` output, cached in the temp folder (never the repo). */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/bundle/entra-audit.js');
const CACHE = join(tmpdir(), 'entra-audit-bench');

/** A file beside the generated inputs (derived inputs such as the peers' flattened lines). */
export function cachedPath(name: string): string {
  mkdirSync(CACHE, { recursive: true });
  return join(CACHE, name);
}

export function sampleFile(events: number): string {
  const path = cachedPath(`sample-${events}.jsonl`);
  if (!existsSync(path)) {
    console.log(`  generating ${path} …`);
    // Audits only (what `--events` alone writes): the figures compare with earlier runs.
    execFileSync(process.execPath, [CLI, 'sample', '--events', String(events), '--out', path], { stdio: 'inherit' });
  }
  return path;
}

/**
 * The records of a JSON Lines file as one top-level array (the portal download's and
 * collectors' shape), on one line or pretty-printed with two spaces as `ConvertTo-Json` and
 * `jq` write it. Cached beside the input.
 */
export async function arrayFile(linesPath: string, pretty: boolean): Promise<string> {
  const path = linesPath.replace(/\.jsonl$/, pretty ? '.pretty.json' : '.array.json');
  if (existsSync(path)) return path;
  console.log(`  writing ${path} …`);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(pretty ? '[\n' : '[');
  let first = true;
  const lines = createInterface({ input: createReadStream(linesPath), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const text = pretty ? `  ${JSON.stringify(JSON.parse(line), null, 2).split('\n').join('\n  ')}` : line;
    await write(first ? text : pretty ? `,\n${text}` : `,${text}`);
    first = false;
  }
  await write(pretty ? '\n]\n' : ']');
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return path;
}

/**
 * Records our generator did not write: Elastic's Azure audit log test sample (storage `PT1H.json`
 * lines, from ../shared/samples), repeated to `events` lines with each record's id and time made
 * its own (the same id twice would be dropped as a duplicate). Null when the sample is not there.
 */
export async function elasticFile(events: number): Promise<string | null> {
  const sample = join(ROOT, '../shared/samples/elastic-azure-auditlogs/test-audit-logs-sample.log');
  if (!existsSync(sample)) return null;
  const path = cachedPath(`elastic-${events}.jsonl`);
  if (existsSync(path)) return path;
  console.log(`  writing ${path} from ${sample} …`);
  const records = readFileSync(sample, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { time: string; properties: { id: string } });
  const out = createWriteStream(path);
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < events; i++) {
    const record = records[i % records.length];
    const time = new Date(start + i * 1000).toISOString();
    const line = JSON.stringify({ ...record, time, properties: { ...record.properties, id: `${record.properties.id}-${i}`, activityDateTime: time } });
    if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return path;
}
