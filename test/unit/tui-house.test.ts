/**
 * The explorer's shell telling the truth: a record whose file changed since the load is a
 * message in the details (never a crash), `Y` writes the lenses that shape the view into the
 * command it copies (or says why it cannot), and `q` with marked events asks once.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LoadSession } from '../../src/load/load-session.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { viewCommand } from '../../src/tui/clipboard.js';
import { effectRuntime, performEffect } from '../../src/tui/effects.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { selectedDetailLines } from '../../src/tui/frame-parts.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { bundledCatalog, indexesOf } from '../helpers/state.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const size = { columns: 120, rows: 30 };
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
const key = (name: string): Action => ({ type: 'key', name, now: Date.parse('2026-11-22T00:00:00Z') });
const text = (state: AppState) => selectedDetailLines(state).map((line) => line.text).join('\n');

describe('a source file that changed after it was loaded', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(graphEvent({ id: `e${i}`, activityDateTime: `2026-11-20T10:0${i}:00Z` }))).join('\n') + '\n';

  async function openedOn(path: string): Promise<{ state: AppState; session: LoadSession }> {
    const session = new LoadSession([{ kind: 'file', path }], { workers: 0, catalog: bundledCatalog });
    await session.done;
    return { state: run(initialState({ indexes: session.indexes, size, sources: [path] }), key('enter')), session };
  }

  it('shows that the record can no longer be read, and why, in every tab; the rest keeps working', async () => {
    const path = temp.write('rewritten.jsonl', lines(4));
    const { state, session } = await openedOn(path);
    writeFileSync(path, 'not what it was\n');
    // The newest event is the last line, now past the end of the file.
    expect(text(state)).toContain(`This record can no longer be read from ${path}:4`);
    expect(text(state)).toContain('The file is shorter than when it was loaded.');
    expect(text(run(state, key('l'), key('l'), key('l'), key('l'))).startsWith('This record can no longer be read')).toBe(true);
    // The list still moves and opens the next event (which also changed).
    const next = run(state, key('escape'), key('j'), key('enter'));
    expect(next.mode).toBe('details');
    expect(text(next)).toContain(`${path}:3`);
    session.close();
  });

  it('says the file changed when the bytes at the record are something else now', async () => {
    const path = temp.write('edited.jsonl', lines(2));
    const { state, session } = await openedOn(path);
    writeFileSync(path, lines(2).replace(/"id":"e1"/, '"xx":"e1"').replace(/\{/g, '['));
    expect(text(state)).toMatch(/The file changed since it was loaded: the record there is no longer JSON/);
    session.close();
  });

  it('does not show another event that now sits at the same place in the file', async () => {
    const path = temp.write('swapped.jsonl', lines(2));
    const { state, session } = await openedOn(path);
    // The same bytes, the two events' times swapped: valid records, but not the ones loaded there.
    writeFileSync(path, lines(2).replace('10:00:00Z', 'TMP').replace('10:01:00Z', '10:00:00Z').replace('TMP', '10:01:00Z'));
    expect(text(state)).toContain('no longer the one loaded');
    session.close();
  });

  it('names every source from the start of the load, not as each finishes', () => {
    const one = temp.write('first.jsonl', lines(1));
    const two = temp.write('second.jsonl', lines(1));
    const session = new LoadSession([{ kind: 'file', path: one }, { kind: 'file', path: two }, { kind: 'stdin' }], { workers: 0 });
    expect(session.sourceNames()).toEqual([one, two, '<stdin>']);
    session.close();
  });

  it('refuses the export in words and writes nothing when a record can no longer be read', async () => {
    const path = temp.write('export-source.jsonl', lines(3));
    const { state, session } = await openedOn(path);
    writeFileSync(path, '');
    const target = temp.path('evidence.csv');
    const asked = run(state, key('escape'), key('e'), ...[...target].map(key), key('enter'));
    const effect = asked.effects.at(-1);
    if (effect?.kind !== 'export') throw new Error('no export asked for');
    const outcome = await performEffect(effect, { store: asked.store, sources: asked.sources, symbols: UNICODE_SYMBOLS }, effectRuntime({ write: () => true }, {}));
    expect(outcome).toEqual({ type: 'exportFailed', exists: false, error: expect.stringMatching(/^cannot write .*evidence\.csv: a record can no longer be read from its source \(the file is shorter than when it was loaded\); nothing was written$/) });
    expect(existsSync(target)).toBe(false);
    session.close();
  });

  it('copies nothing and says so when the selected record cannot be read', async () => {
    const path = temp.write('gone.jsonl', lines(1));
    const { state, session } = await openedOn(path);
    writeFileSync(path, '');
    const copied = run(state, key('y'));
    expect(copied.effects).toEqual([]);
    expect(copied.message).toMatchObject({ tone: 'bad', text: expect.stringContaining('can no longer be read') });
    session.close();
  });
});

describe('Y: the command that reopens the view', () => {
  const events = loaded(
    graphEvent({ id: 'cred', activityDisplayName: 'Add service principal credentials', activityDateTime: '2026-11-20T10:03:00Z', correlationId: 'c1' }),
    graphEvent({ id: 'plain', activityDisplayName: 'Update user', activityDateTime: '2026-11-20T10:02:00Z', correlationId: 'c1' }),
    graphEvent({ id: 'other', activityDisplayName: 'Update user', activityDateTime: '2026-11-20T10:01:00Z' }),
  );
  const start = initialState({ indexes: indexesOf(storeFromEvents(events)), size, sources: ['logs/a.jsonl'] });
  const command = (state: AppState) => {
    const result = viewCommand(state);
    if (!result.ok) throw new Error(result.reason);
    return result.text;
  };

  it('writes r, s and M as the query terms that mean the same, and o as --group', () => {
    expect(command(start)).toBe('entra-audit logs/a.jsonl --pane directory');
    expect(command(run(start, key('r')))).toBe("entra-audit logs/a.jsonl --pane directory --filter risk:any");
    expect(command(run(start, { type: 'applyFilter', text: 'activity:user', now: 0 }, key('s')))).toBe(
      `entra-audit logs/a.jsonl --pane directory --filter 'activity:user -actor:="Microsoft Substrate Management"'`,
    );
    expect(command(run(start, key('j'), key('m'), key('m'), key('M')))).toBe(`entra-audit logs/a.jsonl --pane directory --filter 'id:="plain"|"other"'`);
    expect(command(run(start, key('o')))).toBe('entra-audit logs/a.jsonl --pane directory --group');
  });

  it('reopens exactly the rows the lenses show, when the copied filter is applied', () => {
    const lensed = run(start, key('j'), key('m'), key('m'), key('M'));
    const filter = /--filter '(.*)'$/.exec(command(lensed))![1];
    const reopened = run(start, { type: 'applyFilter', text: filter, now: 0 });
    expect(Array.from(reopened.rows.directory)).toEqual(Array.from(lensed.rows.directory));
    const risky = run(start, key('r'));
    expect(Array.from(run(start, { type: 'applyFilter', text: 'risk:any', now: 0 }).rows.directory)).toEqual(Array.from(risky.rows.directory));
  });

  it('says a view read from standard input cannot be reopened, instead of copying a command that opens nothing', () => {
    const fromStdin = { ...start, sources: ['<stdin>'] };
    expect(viewCommand(fromStdin)).toEqual({ ok: false, reason: expect.stringContaining('standard input') });
    const copied = run(fromStdin, key('Y'));
    expect(copied.effects).toEqual([]);
    expect(copied.message).toMatchObject({ tone: 'bad', text: expect.stringContaining('standard input') });
  });
});

describe('side effects asked for by keys in one burst', () => {
  it('are all kept, in order, for the app to perform (y then Y copies twice)', () => {
    const start = initialState({ indexes: indexesOf(storeFromEvents(loaded(graphEvent({ id: 'a' })))), size, sources: ['a.jsonl'] });
    const copied = run(start, key('y'), key('Y'));
    expect(copied.effects.map((effect) => [effect.id, effect.kind === 'copy' ? effect.what : ''])).toEqual([
      [1, 'the selected event as JSON'],
      [2, 'a command line that reopens this view'],
    ]);
  });
});

describe('q with marked events', () => {
  const start = initialState({ indexes: indexesOf(storeFromEvents(loaded(graphEvent({ id: 'a' }), graphEvent({ id: 'b', activityDateTime: '2026-11-20T09:00:00Z' })))), size });

  it('asks once: the next q quits, any other key stays', () => {
    const marked = run(start, key('m'));
    const asked = run(marked, key('q'));
    expect(asked.quit).toBe(false);
    expect(asked.message?.text).toContain('1 marked event will be lost');
    expect(run(asked, key('q')).quit).toBe(true);
    const stayed = run(asked, key('j'));
    expect(stayed.quit).toBe(false);
    expect(stayed.message).toBeNull();
    expect(run(stayed, key('q')).quit).toBe(false);
    // Nothing marked: q quits at once; Ctrl-C always does.
    expect(run(start, key('q')).quit).toBe(true);
    expect(run(marked, key('ctrl+c')).quit).toBe(true);
  });
});
