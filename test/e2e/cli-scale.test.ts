/**
 * The built CLI on a JSON Lines file big enough to be split across worker threads: every event
 * counted once, problems reported with absolute line numbers, records re-read from their offsets;
 * and the same records as one big pretty-printed array, split by the main thread's scan.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { graphEvent } from '../helpers/events.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const EVENTS = 60_000; // ~40 MB: above the 32 MB split threshold
const BROKEN_AFTER = [10, 45_000]; // one in the head part, one deep in the second half

/** A name printing must escape (C1 CSI, DEL, a bidi override), written raw or as JSON escapes, among plain ASCII records. */
const HOSTILE_NAME = 'a\u009b31mb\u007fc\u202ed';
const HOSTILE: Record<number, (line: string) => string> = {
  7: (line) => line,
  30_007: (line) => line.replace('\u009b', '\\u009b').replace('\u202e', '\\u202E'),
  50_007: (line) => line.replace('\u007f', '\\u007f'),
};

async function writeFile(): Promise<{ path: string; brokenLines: number[] }> {
  const path = temp.path('scale.jsonl');
  const stream = createWriteStream(path);
  const brokenLines: number[] = [];
  let line = 0;
  for (let i = 0; i < EVENTS; i++) {
    const event = graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), ...(i in HOSTILE ? { activityDisplayName: HOSTILE_NAME } : {}) });
    line++;
    if (!stream.write(HOSTILE[i] ? HOSTILE[i](JSON.stringify(event)) + '\n' : JSON.stringify(event) + '\n')) await once(stream, 'drain');
    if (BROKEN_AFTER.includes(i)) {
      line++;
      brokenLines.push(line);
      stream.write('{"activityDisplayName": "cut off\n');
    }
  }
  stream.end();
  await once(stream, 'finish');
  return { path, brokenLines };
}

describe('a split JSON Lines file through the worker threads', () => {
  it('counts every event once and reports problems at their real lines', { timeout: 60_000 }, async () => {
    const { path, brokenLines } = await writeFile();
    const { code, stdout, stderr } = await runCli(['query', path, '--count']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${EVENTS}\n`);
    expect(stderr).toContain('2 records could not be used');
    for (const line of brokenLines) expect(stderr).toContain(`${path}:${line}: invalid JSON`);
  });

  it('prints events newest first, re-read from their place in the file', { timeout: 60_000 }, async () => {
    const path = temp.path('scale.jsonl');
    const { stdout } = await runCli(['query', path, '--format', 'ndjson']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EVENTS);
    expect(JSON.parse(lines[0])).toEqual(graphEvent({ id: `e${EVENTS - 1}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + (EVENTS - 1) * 1000).toISOString() }));
    expect(JSON.parse(lines[EVENTS - 1]).id).toBe('e0');
    // Most records are plain ASCII and printed without the escaping pass; these are not, and are escaped.
    expect(stdout).not.toMatch(/[\u007f-\u009f\u202e]/);
    for (const i of Object.keys(HOSTILE).map(Number)) expect(JSON.parse(lines[EVENTS - 1 - i]).activityDisplayName).toBe(HOSTILE_NAME);
  });

  it('prints the same events as a JSON array, indented, in the same order (both printed by worker threads)', { timeout: 60_000 }, async () => {
    const path = temp.path('scale.jsonl');
    const tracePath = temp.path('print-trace.log');
    const [json, ndjson] = await Promise.all([runCli(['query', path, '--format', 'json'], { env: { ENTRA_AUDIT_TRACE: tracePath } }), runCli(['query', path, '--format', 'ndjson'])]);
    expect(readFileSync(tracePath, 'utf8')).toMatch(/print: 60000 events in \d workers/);
    expect(json.stdout.startsWith('[\n  {\n    "id": "e59999",')).toBe(true);
    expect(JSON.parse(json.stdout)).toEqual(ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line)));
    // --output writes the same bytes as printing, and says so in its receipt.
    const out = temp.path('scale-export.ndjson');
    const exported = await runCli(['query', path, '--output', out], { env: { ENTRA_AUDIT_TRACE: tracePath } });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`# wrote 60000 events to ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(ndjson.stdout);
    expect(readFileSync(tracePath, 'utf8').match(/print: 60000 events/g)).toHaveLength(2);
  });

  it('prints events kept in memory (gzip) among those the workers print, each once, in order, in both formats', { timeout: 60_000 }, async () => {
    const path = temp.path('scale.jsonl');
    // Times among the file's (one second apart from 2026-11-01), and the newest of all first: the
    // JSON array then starts with an event this thread prints and the workers' runs follow it.
    const at = [EVENTS + 5, 30_000.5, 30_001.5, 12_345.5, 0.5];
    const gz = temp.write('extra.json.gz', gzipSync(JSON.stringify(at.map((second, k) => graphEvent({ id: `gz${k}`, activityDateTime: new Date(Date.UTC(2026, 10, 1) + second * 1000).toISOString() })))));
    const [ndjson, json] = await Promise.all([runCli(['query', path, gz, '--format', 'ndjson']), runCli(['query', path, gz, '--format', 'json'])]);
    const lines = ndjson.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EVENTS + at.length);
    const ids = lines.map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2)).toEqual(['gz0', `e${EVENTS - 1}`]);
    expect(ids.slice(EVENTS - 30_002, EVENTS - 29_996)).toEqual(['e30002', 'gz2', 'e30001', 'gz1', 'e30000', 'e29999']);
    expect(ids.slice(-2)).toEqual(['gz4', 'e0']);
    // The array is exactly the NDJSON's records, indented, comma-separated: written by two hands, joined as one.
    const escaped = (text: string) => text.replace(/[\u007f\u009b\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const elements = lines.map((line) => escaped(JSON.stringify(JSON.parse(line), null, 2)).replace(/^/gm, '  '));
    expect(json.stdout).toBe(`[\n${elements.join(',\n')}\n]\n`);
  });
});

describe('a big JSON array through the worker threads', () => {
  it('loads a pretty-printed array as the same events as its records in JSON Lines, re-read from their offsets, damage reported where it is', { timeout: 60_000 }, async () => {
    const lines = readFileSync(temp.path('scale.jsonl'), 'utf8').split('\n').filter((line) => line.startsWith('{"id"'));
    expect(lines).toHaveLength(EVENTS);
    // ConvertTo-Json's layout (two-space indentation, CRLF), ~60 MB; one record's closing brace lost.
    const records = lines.map((line) => JSON.stringify(JSON.parse(line), null, 2).replace(/^/gm, '  '));
    const damaged = 50_000;
    records[damaged] = records[damaged].replace(/\n {2}\}$/, '');
    const path = temp.write('scale-array.json', `[\n${records.join(',\n')}\n]\n`.replace(/\n/g, '\r\n'));
    const tracePath = temp.path('array-trace.log');
    const [array, reference] = await Promise.all([runCli(['query', path, '--format', 'ndjson', '--no-cache'], { env: { ENTRA_AUDIT_TRACE: tracePath } }), runCli(['query', temp.path('scale.jsonl'), '--format', 'ndjson', '--no-cache'])]);
    expect(array.code).toBe(0);
    // The damaged record alone is lost, said at the line it starts on (and its twin from the JSON Lines file kept out of the comparison).
    const damagedLine = 1 + records.slice(0, damaged).reduce((sum, record) => sum + record.split('\n').length, 0) + 1;
    expect(array.stderr).toContain(`${path}:${damagedLine}:3: invalid JSON`);
    const expected = reference.stdout.trimEnd().split('\n').filter((line) => !line.includes(`"id":"e${damaged}"`));
    expect(array.stdout.trimEnd().split('\n')).toEqual(expected);
    // Cut by the scan into units for the workers, and printed by the print workers as a JSON Lines file's events are.
    const trace = readFileSync(tracePath, 'utf8');
    expect(trace).toMatch(/load: .*scale-array\.json: an array, scanned for its records, in \d+ units/);
    expect(trace).toMatch(/print: 59999 events in \d workers/);
  });

  it('loads one Graph page holding every record (a pull saved whole) as the same events, in parallel, each re-read from its place', { timeout: 60_000 }, async () => {
    const lines = readFileSync(temp.path('scale.jsonl'), 'utf8').split('\n').filter((line) => line.startsWith('{"id"'));
    const context = 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits';
    const path = temp.write('scale-page.json', `{"@odata.context":"${context}","value":[${lines.join(',')}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=e30"}`);
    const tracePath = temp.path('page-trace.log');
    const [page, reference] = await Promise.all([runCli(['query', path, '--format', 'ndjson', '--no-cache'], { env: { ENTRA_AUDIT_TRACE: tracePath } }), runCli(['query', temp.path('scale.jsonl'), '--format', 'ndjson', '--no-cache'])]);
    expect(page.code).toBe(0);
    expect(page.stderr).toBe('');
    expect(page.stdout).toBe(reference.stdout);
    expect(readFileSync(tracePath, 'utf8')).toMatch(/load: .*scale-page\.json: an envelope's "value" array, scanned for its records, in \d+ units/);
  });
});
