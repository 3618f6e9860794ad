/**
 * One malformed JSON document is one problem (issue 12): a pretty-printed export in which every
 * element fails the same way (hand-edited with a trailing comma in each record, or a Python dump
 * with single quotes and None) loads nothing, and says so once, at the parser's position in the
 * file, instead of as one broken record per element. Damage among records that do parse is still
 * told record by record, now with where in the file the parser stopped.
 */
import { describe, expect, it, vi } from 'vitest';
import { reportOutcome, startResolvedLoad } from '../../src/cli/load-for-cli.js';
import type { SplitItem } from '../../src/ingest/json-lines.js';
import { loadAll } from '../../src/ingest/read-input.js';
import { JsonRecordSplitter } from '../../src/ingest/split-json.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();

function split(text: string, size = 1000): SplitItem[] {
  const splitter = new JsonRecordSplitter();
  const items: SplitItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
  return [...items, ...splitter.finish()];
}

const events = (count: number) => Array.from({ length: count }, (_, i) => graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString() }));
const pretty = (count: number) => JSON.stringify(events(count), null, 2);
/** A trailing comma after every record's last member, as a hand edit or a JSON5 writer leaves it. */
const trailingCommas = (text: string) => text.replace(/("userAgent": null)\n/g, '$1,\n');
/** Where `needle` first occurs, as the 1-based line and column an editor shows. */
function placeOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const at = text.indexOf(needle) + offset;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('a JSON document no record of which parses', () => {
  it('is one problem at the parser’s first position, not one per element', () => {
    const text = trailingCommas(pretty(41));
    const items = split(text);
    expect(items.filter((i) => i.kind === 'parsed')).toEqual([]);
    // The parser stops at the `}` after the first record's trailing comma.
    const stop = placeOf(text, '"userAgent": null,\n  }', '"userAgent": null,\n  '.length);
    expect(items).toEqual([
      { kind: 'problem', ...stop, reason: 'not valid JSON (Expected double-quoted property name): no record in it could be read (the first of 41 problems)' },
    ]);
  });

  it('finds the position V8 leaves out of an unexpected token (Python None)', () => {
    const text = pretty(5).replace(/null/g, 'None');
    const items = split(text);
    expect(items).toEqual([
      { kind: 'problem', ...placeOf(text, 'None'), reason: 'not valid JSON (unexpected "N"): no record in it could be read (the first of 5 problems)' },
    ]);
  });

  it('keeps each problem when a record parses after the damage, with the parser’s position in the file', () => {
    const text = pretty(4).replace('"userAgent": null\n', '"userAgent": null,\n');
    const items = split(text);
    expect(items.filter((i) => i.kind === 'parsed')).toHaveLength(3);
    expect(items.filter((i) => i.kind === 'problem')).toEqual([
      { kind: 'problem', line: 2, column: 3, reason: `invalid JSON at line ${placeOf(text, '"userAgent": null,\n  }').line + 1}, column 3 (Expected double-quoted property name)` },
    ]);
  });

  it('loads nothing from such a file and reports it once', async () => {
    const path = temp.write('hand-edited.json', trailingCommas(pretty(41)));
    const loaded = await loadAll([{ kind: 'file', path }]);
    expect(loaded.events).toEqual([]);
    expect(loaded.reports.map((r) => [r.events, r.problems, r.error])).toEqual([[0, 1, undefined]]);
    expect(loaded.problems[0].reason).toMatch(/^not valid JSON \(Expected double-quoted property name\): no record in it could be read/);
  });
});

describe('the CLI’s problem summary', () => {
  async function summaryLine(paths: string[]): Promise<string> {
    const load = startResolvedLoad({ inputs: paths.map((path) => ({ kind: 'file' as const, path })), errors: [] }, { workers: 0 });
    await load.session.done;
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    try {
      reportOutcome(load, false);
    } finally {
      spy.mockRestore();
    }
    return written.join('').split('\n')[0];
  }

  it('says nothing loaded when no record did, and names a source that gave none beside one that did', async () => {
    const broken = temp.write('summary-broken.json', trailingCommas(pretty(41)));
    const good = temp.write('summary-good.json', pretty(3));
    expect(await summaryLine([broken])).toBe('entra-audit: 1 record could not be used (1 source); nothing loaded.');
    expect(await summaryLine([broken, good])).toBe(`entra-audit: 1 record could not be used (1 source); nothing loaded from ${broken}; the rest loaded.`);
    const damaged = temp.write('summary-damaged.json', pretty(4).replace('"userAgent": null\n', '"userAgent": null,\n'));
    expect(await summaryLine([damaged])).toBe('entra-audit: 1 record could not be used (1 source); the rest loaded.');
  });
});
