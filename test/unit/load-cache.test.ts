/**
 * The persisted index in-process: a session read back from the cache holds the same store (every
 * event's strings, order, lines, re-read records) and the same problems and reports as the load
 * that wrote it, strings UTF-8 cannot carry included; a foreign build's file is not read.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { LoadCache } from '../../src/load/load-cache.js';
import { LoadSession } from '../../src/load/load-session.js';
import { PANES } from '../../src/model/pane.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { noteLine } from '../../src/view/chrome.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('entra-audit-load-cache-');
const SMALL_PLAN = { splitFromBytes: 10_000, headBytes: 4_000 };

function file(name: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    // A NUL and a lone surrogate: the joined UTF-8 blob can carry neither.
    const odd = i === 7 ? 'nul\u0000inside' : i === 8 ? 'lone \ud800 surrogate' : `user${i % 17}`;
    const pane = i % 10 === 0 ? { category: 'AttributeManagement' } : {};
    lines.push(JSON.stringify(graphEvent({ id: `e${i}`, activityDateTime: new Date(Date.UTC(2026, 10, 20) + (i % 50) * 1000).toISOString(), activityDisplayName: odd, ...pane })));
    if (i % 97 === 50) lines.push('{"truncated": ');
  }
  lines.push(lines[3]);
  return temp.write(name, lines.join('\n') + '\n');
}

async function load(path: string, cache: LoadCache): Promise<LoadSession> {
  const session = new LoadSession([{ kind: 'file', path }], { workers: 0, plan: SMALL_PLAN, cache });
  await session.done;
  await session.cacheWritten;
  return session;
}

describe('LoadCache', () => {
  it('gives back the same store, problems, reports and repeats', async () => {
    const path = file('same.jsonl');
    const cache = new LoadCache({ dir: temp.path('cache-same'), maxBytes: 1 << 30, version: 'test' });
    const first = await load(path, cache);
    expect(first.fromCache).toBe(false);
    const second = await load(path, cache);
    expect(second.fromCache).toBe(true);
    const [a, b] = [first.store, second.store];
    expect(b.count).toBe(a.count);
    expect(b.paneCounts).toEqual(a.paneCounts);
    for (const pane of PANES) expect([...b.paneOrder(pane)]).toEqual([...a.paneOrder(pane)]);
    for (let i = 0; i < a.count; i++) {
      expect(b.summary(i)).toEqual(a.summary(i));
      expect(b.origin(i)).toEqual(a.origin(i));
      expect(b.readEvent(i)).toEqual(a.readEvent(i));
    }
    expect(b.vocabulary.lookup('nul\u0000inside')).toBe(a.vocabulary.lookup('nul\u0000inside'));
    expect(b.vocabulary.lookup('lone \ud800 surrogate')).toBeDefined();
    expect(second.problems).toEqual(first.problems);
    expect(second.problemCount).toBe(first.problemCount);
    expect(second.reports()).toEqual(first.reports());
    expect(second.duplicates).toBe(1);
    expect(second.duplicatesBySource()).toEqual(first.duplicatesBySource());
    expect(second.progress().bytesRead).toBe(second.progress().bytesTotal);
    first.close();
    second.close();
  });

  it('does not read a file another build wrote', async () => {
    const path = file('build.jsonl');
    const dir = temp.path('cache-build');
    (await load(path, new LoadCache({ dir, maxBytes: 1 << 30, version: 'one' }))).close();
    const other = await load(path, new LoadCache({ dir, maxBytes: 1 << 30, version: 'two' }));
    expect(other.fromCache).toBe(false);
    expect(other.store.count).toBe(300);
    other.close();
  });

  it('writes nothing larger than its bound', async () => {
    const path = file('bound.jsonl');
    const cache = new LoadCache({ dir: temp.path('cache-bound'), maxBytes: 1000, version: 'test' });
    (await load(path, cache)).close();
    expect(await cache.list()).toEqual([]);
  });

  it('is said on the explorer\'s note line once loaded', () => {
    const input = { sources: ['x.jsonl'], duplicates: 0, loading: null, errors: [], hideSubstrate: false };
    expect(noteLine({ ...input, fromCache: true }, 0, 80, UNICODE_SYMBOLS)).toBe('Sources: x.jsonl · from cache');
    expect(noteLine(input, 0, 80, UNICODE_SYMBOLS)).toBe('Sources: x.jsonl');
  });

  it('is set in the config file by enabled and maxMB, each checked', () => {
    expect(validateConfig({ cache: { enabled: false, maxMB: 512 } }, { file: 'config.json' })).toEqual({ config: { cache: { enabled: false, maxMB: 512 } }, errors: [] });
    const { errors } = validateConfig({ cache: { enabled: 'no', maxMb: 1, maxMB: -1 } }, { file: 'config.json' });
    expect(errors.join('\n')).toMatch(/cache\.enabled/);
    expect(errors.join('\n')).toMatch(/maxMb.*did you mean "maxMB"/);
    expect(errors.join('\n')).toMatch(/cache\.maxMB: must be a number of megabytes/);
  });
});
