import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportEvents } from '../../src/export/export-events.js';
import { checksumLine, receiptLines } from '../../src/export/receipt.js';
import { SourceHasher } from '../../src/export/source-hashes.js';
import { STDIN_NAME as STDIN_SOURCE } from '../../src/model/sources.js';
import { formatFromFileName } from '../../src/export/event-text.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded, manyEvents } from '../helpers/loaded.js';
import { tempDir } from '../helpers/temp.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';

const temp = tempDir();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function storeOf(events = manyEvents(3)) {
  const store = storeFromEvents(events);
  return { store, all: store.sortedIndices('all') };
}

describe('exportEvents', () => {
  it('writes a JSON array of every event, newest first, and hashes the file as written', async () => {
    // Enough events to span several write batches.
    const { store, all } = storeOf(manyEvents(300));
    const path = temp.path('all.json');
    const receipt = await exportEvents({ store, indices: all, format: 'json', path, force: false, sources: [] });
    const bytes = readFileSync(path);
    const events = JSON.parse(bytes.toString('utf8'));
    expect(events).toHaveLength(300);
    expect(events.slice(0, 2).map((e: { id: string }) => e.id)).toEqual(['e0', 'e1']);
    expect(receipt).toMatchObject({ path, format: 'json', count: 300, bytes: bytes.length, sha256: sha256(bytes) });
  });

  it('writes an empty selection as an empty JSON array', async () => {
    const { store } = storeOf();
    const path = temp.path('empty.json');
    const receipt = await exportEvents({ store, indices: [], format: 'json', path, force: false, sources: [] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([]);
    expect(receipt.count).toBe(0);
  });

  it('writes NDJSON one event per line, only the indices asked for, in their order', async () => {
    const { store, all } = storeOf(manyEvents(5));
    const path = temp.path('some.ndjson');
    await exportEvents({ store, indices: [all[3], all[1]], format: 'ndjson', path, force: false, sources: [] });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['e3', 'e1']);
  });

  it('compresses .gz output and hashes the compressed bytes (what sha256sum sees)', async () => {
    const { store, all } = storeOf(manyEvents(20));
    const path = temp.path('all.ndjson.gz');
    const receipt = await exportEvents({ store, indices: all, format: 'ndjson', path, force: false, sources: [] });
    const compressed = readFileSync(path);
    expect(receipt.sha256).toBe(sha256(compressed));
    expect(receipt.bytes).toBe(compressed.length);
    expect(gunzipSync(compressed).toString('utf8').trimEnd().split('\n')).toHaveLength(20);
  });

  it('escapes C1 controls and bidi overrides in JSON, keeping the value', async () => {
    const hostile = 'evil\u009b2J\u202egnp.exe';
    const { store, all } = storeOf(loaded(graphEvent({ activityDisplayName: hostile })));
    const path = temp.path('hostile.ndjson');
    await exportEvents({ store, indices: all, format: 'ndjson', path, force: false, sources: [] });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(text).activityDisplayName).toBe(hostile);
  });

  it('refuses to replace an existing file without force, leaving its bytes and no temporary file', async () => {
    const { store, all } = storeOf();
    const path = temp.path('twice.csv');
    await exportEvents({ store, indices: all, format: 'csv', path, force: false, sources: [] });
    const first = readFileSync(path);
    await expect(exportEvents({ store, indices: all.slice(0, 1), format: 'csv', path, force: false, sources: [] })).rejects.toThrow(
      `${path} already exists; pass --force to overwrite it`,
    );
    expect(readFileSync(path).equals(first)).toBe(true);
    expect(readdirSync(dirname(path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const replaced = await exportEvents({ store, indices: all.slice(0, 1), format: 'csv', path, force: true, sources: [] });
    expect(replaced.count).toBe(1);
    expect(readFileSync(path).equals(first)).toBe(false);
  });

  it('says which file could not be written when the folder does not exist', async () => {
    const { store, all } = storeOf();
    // In words, naming the file asked for: Node's ENOENT would name the temporary file beside it.
    const path = temp.path('missing/out.csv');
    await expect(exportEvents({ store, indices: all, format: 'csv', path, force: false, sources: [] })).rejects.toThrow(`cannot write ${path}: directory ${temp.path('missing')} does not exist`);
  });

  it('hashes every source file from disk, and says standard input has no hash', async () => {
    const source = temp.write('source.jsonl', '{"a":1}\n');
    const { store, all } = storeOf();
    const receipt = await exportEvents({ store, indices: all, format: 'ndjson', path: temp.path('with-sources.ndjson'), force: false, sources: [source, STDIN_SOURCE, source] });
    expect(receipt.sources).toEqual([
      { path: source, sha256: sha256(readFileSync(source)) },
      { path: STDIN_SOURCE, sha256: null, note: expect.stringContaining('standard input') },
    ]);
  });
});

describe('CSV exports are safe to open in a spreadsheet', () => {
  const cells = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];

  it('neutralises formula prefixes in every cell a log controls, but keeps plain numbers', async () => {
    const formulas = ['=HYPERLINK("http://x.example","y")', '+cmd|/c calc', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR'];
    const events = formulas.map((text, i) =>
      graphEvent({
        id: `f${i}`,
        activityDateTime: `2026-11-20T10:00:0${i}Z`,
        activityDisplayName: text,
        resultReason: text,
        initiatedBy: { user: { id: 'u', displayName: null, userPrincipalName: text, ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
      }),
    );
    const numbers = ['-42', '+3.5', '1e5'].map((text, i) => graphEvent({ id: `n${i}`, activityDateTime: `2026-11-19T10:00:0${i}Z`, activityDisplayName: text }));
    const { store, all } = storeOf(loaded(...events, ...numbers));
    const path = temp.path('hostile.csv');
    await exportEvents({ store, indices: all, format: 'csv', path, force: false, sources: [] });
    const rows = cells(path);
    const byId = new Map(rows.map((row) => [row.id, row]));
    formulas.forEach((text, i) => {
      const row = byId.get(`f${i}`)!;
      expect([row.activityDisplayName, row.resultReason, row.initiatedBy]).toEqual([`'${text}`, `'${text}`, `'${text}`]);
    });
    expect(['n0', 'n1', 'n2'].map((id) => byId.get(id)!.activityDisplayName)).toEqual(['-42', '+3.5', '1e5']);
  });

  it('keeps modified-property values exactly, inside the targets JSON', async () => {
    const value = '=cmd|" /C calc"!A0';
    const event = graphEvent({
      targetResources: [
        { id: 't', displayName: null, type: 'User', userPrincipalName: 'x@contoso.example', groupType: null, modifiedProperties: [{ displayName: 'Department', oldValue: '-old', newValue: value }] },
      ],
    });
    const { store, all } = storeOf(loaded(event));
    const path = temp.path('props.csv');
    await exportEvents({ store, indices: all, format: 'csv', path, force: false, sources: [] });
    const [row] = cells(path);
    expect(JSON.parse(row.targetResources)[0].modifiedProperties[0]).toEqual({ displayName: 'Department', oldValue: '-old', newValue: value });
  });
});

describe('source hashes', () => {
  it('are cached per size and modification time, and taken again when the file changes', async () => {
    const path = temp.write('changing.jsonl', 'one\n');
    const hasher = new SourceHasher();
    const hashSource = (file: string) => hasher.hash(file);
    expect((await hashSource(path)).sha256).toBe(sha256(Buffer.from('one\n')));
    writeFileSync(path, 'two, longer\n');
    expect((await hashSource(path)).sha256).toBe(sha256(Buffer.from('two, longer\n')));
  });

  it('report an unreadable source instead of failing the export', async () => {
    expect(await new SourceHasher().hash(temp.path('gone.jsonl'))).toMatchObject({ sha256: null, note: 'could not be read: no such file or directory' });
  });
});

describe('receipt lines', () => {
  it('are comments and sha256sum lines, with stdin explained', () => {
    const lines = receiptLines({
      path: 'out.json',
      format: 'json',
      count: 2,
      bytes: 10,
      sha256: 'a'.repeat(64),
      sources: [
        { path: 'in.jsonl', sha256: 'b'.repeat(64) },
        { path: STDIN_SOURCE, sha256: null, note: 'standard input is not a file: nothing to hash' },
      ],
    }, UNICODE_SYMBOLS);
    expect(lines).toEqual([
      '# wrote 2 events to out.json (10 bytes)',
      `${'a'.repeat(64)}  out.json`,
      `${'b'.repeat(64)}  in.jsonl`,
      '# <stdin>: no SHA-256 (standard input is not a file: nothing to hash)',
    ]);
  });

  it('escape file names the way sha256sum does, and never pass terminal controls through', () => {
    expect(checksumLine('c'.repeat(64), 'a\\b\nc', UNICODE_SYMBOLS)).toBe(`\\${'c'.repeat(64)}  a\\\\b\\nc`);
    expect(checksumLine('c'.repeat(64), 'x\u001b]0;pwned\u0007.json', UNICODE_SYMBOLS)).not.toMatch(/[\u001b\u0007]/);
  });

  it('guess the format from the file name', () => {
    expect(['a.csv', 'a.CSV.gz', 'a.json', 'a.json.gz', 'a.ndjson', 'a.jsonl.gz', 'a.txt'].map(formatFromFileName)).toEqual([
      'csv',
      'csv',
      'json',
      'json',
      'ndjson',
      'ndjson',
      undefined,
    ]);
  });
});
