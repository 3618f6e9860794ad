/**
 * The query language does not surprise, in the explorer: a term whose value no event has says so
 * above the `/` bar as results follow the typing, and in the status bar once applied; times typed
 * under --tz are read as the table shows them, and kept (chips, `Y`) with their offset.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { EventBatcher } from '../../src/load/event-batcher.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { LoaderVocabulary } from '../../src/store/loader-vocabulary.js';
import { resolveTimeZone } from '../../src/text/time-zone.js';
import type { Action, AppState } from '../../src/tui/app-state.js';
import { viewCommand } from '../../src/tui/clipboard.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { graphEvent } from '../helpers/events.js';
import { KEYS, renderExplorer } from '../helpers/ink.js';
import { loaded } from '../helpers/loaded.js';
import { indexesOf } from '../helpers/state.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const lines = (frame: string) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split('\n');

const events = loaded(
  graphEvent({ id: 'at-0308', activityDisplayName: 'Update conditional access policy', result: 'failure', activityDateTime: '2026-11-19T03:08:00Z' }),
  graphEvent({ id: 'at-0408', activityDisplayName: 'Update user', result: 'success', activityDateTime: '2026-11-19T04:08:00Z' }),
);
const paris = resolveTimeZone('Europe/Paris')!;
const NOTE = 'no status contains "failed" — did you mean "failure"?';

describe('a field value no event has, at 100x24', () => {
  it('is told above the bar as the results follow the typing, then in the status bar', async () => {
    const app = renderExplorer(events, { columns: 100, rows: 24 });
    await app.press('/', 'status:failed');
    const typing = lines(await app.waitFor(NOTE));
    expect(typing.at(-2)).toBe(`0 of 2 events · ${NOTE}`);
    expect(typing.at(-1)).toBe('/ status:failed');
    await app.press(KEYS.enter);
    const applied = lines(await app.waitFor(/^no status contains/m));
    expect(applied.at(-1)).toBe(NOTE);
    // One more letter and the term finds its event: the note goes, the keys come back.
    // `/` reopens on `status:failed ` (a space after it, for a new term): three back.
    await app.press('/', KEYS.backspace, KEYS.backspace, KEYS.backspace, 'ure', KEYS.enter);
    const fixed = lines(await app.waitFor('1 of 2 events'));
    expect(fixed.join('\n')).not.toContain('no status contains');
  });

  it('says only what it found nowhere when nothing is close', async () => {
    const app = renderExplorer(events, { columns: 100, rows: 24 });
    await app.press('/', 'status:xyz', KEYS.enter);
    const frame = await app.waitFor('no status contains');
    expect(lines(frame).at(-1)).toBe('no status contains "xyz"');
    // The table says the filter left nothing, not that the pane is empty.
    expect(frame).toContain("None of this pane's 2 events match the filter and lenses");
  });
});

describe('times typed under --tz Europe/Paris, at 100x24', () => {
  it('selects the event the table shows at 04:08, and the chip keeps the offset', async () => {
    const app = renderExplorer(events, { columns: 100, rows: 24 }, { options: { timeZone: paris } });
    await app.press('/', 'since:2026-11-19T04:00 until:2026-11-19T04:10', KEYS.enter);
    const frame = (await app.waitFor('1 of 2 events')).split('\n');
    expect(frame[2]).toMatch(/^Filter: +since:2026-11-19T04:00\+01:00 +until:2026-11-19T04:10\+01:00 /);
    expect(frame.some((line) => line.includes('2026-11-19 04:08:00') && line.includes('Update conditional'))).toBe(true);
    expect(frame.join('\n')).not.toContain('05:08:00');
  });

  it('reads the custom date range of the f menu in the zone too', async () => {
    const app = renderExplorer(events, { columns: 100, rows: 24 }, { options: { timeZone: paris } });
    await app.press('f', KEYS.enter, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter, 'PAUSE');
    expect(await app.waitFor('Europe/Paris unless it ends in Z')).toContain('Custom range: a date or date-time (Europe/Paris unless it ends in Z or an offset)');
    await app.press('2026-11-19 04:00', 'PAUSE', KEYS.tab, 'PAUSE', '2026-11-19 04:10', 'PAUSE', KEYS.enter);
    const frame = await app.waitFor('1 of 2 events');
    expect(frame).toContain('since:2026-11-19T04:00+01:00');
    expect(frame).toMatch(/04:08:00 .*Update conditional/);
  });
});

describe('Y under --tz', () => {
  const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
  const store = storeFromEvents(events);
  const start = (timeZone = paris) => initialState({ indexes: indexesOf(store), size: { columns: 100, rows: 24 }, sources: ['logs/a.jsonl'], options: { timeZone } });

  it('copies a command whose times mean the same events without --tz', () => {
    const inParis = run(start(), { type: 'applyFilter', text: 'since:2026-11-19 04:00 until:2026-11-19T04:10', now: 0 });
    const copied = viewCommand(inParis);
    expect(copied).toEqual({ ok: true, text: "entra-audit logs/a.jsonl --pane directory --filter 'since:2026-11-19T04:00+01:00 until:2026-11-19T04:10+01:00'" });
    const filter = /--filter '(.*)'$/.exec(copied.ok ? copied.text : '')![1];
    const inUtc = run(start(resolveTimeZone('utc')!), { type: 'applyFilter', text: filter, now: 0 });
    expect(Array.from(inUtc.rows.directory)).toEqual(Array.from(inParis.rows.directory));
    expect(inParis.rows.directory).toHaveLength(1);
  });
});

describe('a note while a load streams in', () => {
  const run = (state: AppState, ...actions: Action[]) => actions.reduce(reducer, state);
  const refresh: Action = { type: 'refresh', problems: [], problemCount: 0, sources: [], loading: null, errors: [] };

  it('is judged again as events arrive, and goes when the value turns up', () => {
    const store = storeFromEvents(loaded(graphEvent({ id: 'ok', result: 'success' })));
    const start = initialState({ indexes: indexesOf(store), size: { columns: 100, rows: 24 } });
    const filtered = run(start, { type: 'applyFilter', text: 'status:failur', now: 0 });
    expect(filtered.filter.notes).toEqual({ pane: 'directory', lines: ['no status contains "failur"'] });
    const batcher = new EventBatcher('more.jsonl', (batch) => store.append(batch, new LoaderVocabulary()));
    batcher.add(loaded(graphEvent({ id: 'failed', result: 'failure' }))[0], null);
    batcher.flush();
    const refreshed = run(filtered, refresh);
    expect(refreshed.rows.directory).toHaveLength(1);
    expect(refreshed.filter.notes).toBeNull();
  });
});
