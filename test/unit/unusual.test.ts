/**
 * The unusual, first: on the bundled sample the incident's IP leads the Directory pane's list and
 * is among the first two of the Sign-ins pane's, in words that say why; each measure fires on the
 * pattern it names and not on routine traffic; too small a pane marks nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreIndexes } from '../../src/insights/store-indexes.js';
import { DEFAULT_UNUSUAL_SETTINGS, findUnusual } from '../../src/insights/unusual.js';
import { UnusualIndex } from '../../src/insights/unusual-index.js';
import { LoadSession } from '../../src/load/load-session.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { bundledSamplePath } from '../../src/paths.js';
import { UTC } from '../../src/text/time-zone.js';
import { unusualLine } from '../../src/view/unusual-text.js';
import { graphEvent } from '../helpers/events.js';
import { byUser } from '../helpers/insights.js';
import { loaded } from '../helpers/loaded.js';
import { bundledCatalog } from '../helpers/state.js';
import type { AppState } from '../../src/tui/app-state.js';
import { initialState } from '../../src/tui/initial-state.js';
import { reducer } from '../../src/tui/reducer.js';
import { insightItems, insightsLayout } from '../../src/view/insights-screen.js';
import { bodyHeight } from '../../src/view/layout.js';

async function sampleIndexes(): Promise<StoreIndexes> {
  const session = new LoadSession([{ kind: 'file', path: bundledSamplePath() }], { workers: 0, catalog: bundledCatalog });
  await session.done;
  return session.indexes;
}

const paneRows = (indexes: StoreIndexes, pane: string) => Array.from({ length: indexes.store.count }, (_, i) => i).filter((i) => indexes.store.pane(i) === pane);

describe('the Unusual list on the bundled sample', () => {
  let indexes: StoreIndexes;
  beforeAll(async () => {
    indexes = await sampleIndexes();
  }, 60_000);

  it('names the incident IP first in Directory and among the first two in Sign-ins, saying why', async () => {
    const directory = indexes.unusual.inView('directory', paneRows(indexes, 'directory'));
    expect(directory.values[0].value).toBe('203.0.113.66');
    expect(unusualLine(directory.values[0], directory, UTC)).toBe(
      'IP 203.0.113.66: 9 events, all on 2026-11-19 02:47–03:20, first seen that night, only outside usual hours (07–20 UTC), 8 of them sensitive operations, its user agent seen from no other IP (python-requests/2.31.0)',
    );
    const signIns = indexes.unusual.inView('sign-ins', paneRows(indexes, 'sign-ins'));
    expect(signIns.values.slice(0, 2).map((value) => value.value)).toContain('203.0.113.66');
    // The attacker's new account is the other of the two.
    expect(signIns.values.slice(0, 2).map((value) => value.value)).toContain('svc-helpdesk-sync@fabrikam-demo.example');
  });

  it('marks the attacker\'s changes and sign-ins, and few routine ones (risk:unusual, the ? marker)', async () => {
    const unusual = paneRows(indexes, 'directory').filter((i) => indexes.unusual.isUnusual(i));
    const attacker = unusual.filter((i) => indexes.store.string(i, 'ip') === '203.0.113.66');
    expect(attacker).toHaveLength(9);
    // Routine traffic: a few new guests and home IPs, not the bulk of the tenant's 5,154 changes.
    expect(unusual.length).toBeLessThan(200);
  });

  it('on a large store, marks rows only once the warm-up has measured them, then as risk:unusual does', () => {
    // A threshold of 0 makes the bundled sample "large": no frame may measure it on the spot.
    const marks = new UnusualIndex(indexes.store, (i) => indexes.rules.ruleOf(i) !== undefined, indexes.unusual.settings, 0);
    const directory = paneRows(indexes, 'directory');
    expect(directory.some((i) => marks.markedUnusual(i))).toBe(false);
    let warmed = 0;
    marks.onWarmed(() => warmed++);
    const steps: Array<() => void> = [];
    marks.warm((step) => steps.push(step));
    while (steps.length > 0) steps.shift()!();
    expect(warmed).toBe(1);
    const marked = directory.filter((i) => marks.markedUnusual(i));
    expect(marked).toEqual(directory.filter((i) => indexes.unusual.isUnusual(i)));
    expect(marked.filter((i) => indexes.store.string(i, 'ip') === '203.0.113.66')).toHaveLength(9);
  });

  it('lists only values the view has, and nothing while a load is still streaming in', async () => {
    const rows = paneRows(indexes, 'directory').filter((i) => indexes.store.string(i, 'ip') === '198.51.100.10');
    expect(indexes.unusual.inView('directory', rows).values.map((value) => value.value)).not.toContain('203.0.113.66');
    indexes.unusual.hold();
    expect(paneRows(indexes, 'directory').some((i) => indexes.unusual.isUnusual(i))).toBe(false);
    expect(indexes.unusual.inView('directory', rows).partial).toBe(true);
  });
});

/** A month of routine office-hours work by ten admins from the office, then whatever the test adds. */
function routine(extra: ReturnType<typeof graphEvent>[] = []) {
  const events = [];
  for (let day = 1; day <= 28; day++) {
    for (let n = 0; n < 10; n++) {
      const at = `2026-11-${String(day).padStart(2, '0')}T${String(9 + (n % 8)).padStart(2, '0')}:${String(n * 5).padStart(2, '0')}:00Z`;
      events.push(graphEvent({ id: `r${day}-${n}`, activityDateTime: at, activityDisplayName: 'Update user', initiatedBy: byUser(`admin${n}@contoso.example`, '198.51.100.10') }));
    }
  }
  return storeFromEvents(loaded(...events, ...extra));
}

describe('each measure', () => {
  it('flags a value first seen late, at night, on one day; routine values are not unusual', () => {
    const night = [0, 5, 10].map((m) => graphEvent({ id: `n${m}`, activityDateTime: `2026-11-25T02:${String(m).padStart(2, '0')}:00Z`, initiatedBy: byUser('admin1@contoso.example', '203.0.113.9') }));
    const store = routine(night);
    const report = findUnusual(store, 'directory');
    expect(report.values.map((value) => value.value)).toEqual(['203.0.113.9']);
    expect(report.values[0].measures).toEqual(['late', 'offHours', 'oneDay', 'rare']);
  });

  it('flags an initiator\'s burst far above its own daily norm', () => {
    const burst = Array.from({ length: 30 }, (_, n) => graphEvent({ id: `b${n}`, activityDateTime: `2026-11-20T10:${String(n).padStart(2, '0')}:00Z`, initiatedBy: byUser('admin2@contoso.example', '198.51.100.10') }));
    const store = routine(burst);
    const report = findUnusual(store, 'directory', { settings: { ...DEFAULT_UNUSUAL_SETTINGS, minScore: 3 } });
    const admin = report.values.find((value) => value.value === 'admin2@contoso.example');
    expect(admin?.measures).toEqual(['burst']);
    expect(admin?.burst?.count).toBe(30);
    expect(unusualLine(admin!, report, UTC)).toContain('30 events in the hour from 2026-11-20 10:00, against about 2 a day');
  });

  it('marks nothing below the minimum of events, and says so', () => {
    const store = storeFromEvents(loaded(graphEvent({ id: 'lone', activityDateTime: '2026-11-20T03:00:00Z' })));
    const report = findUnusual(store, 'directory');
    expect(report.values).toEqual([]);
    expect(report.tooFew).toEqual({ events: 1, needed: 200 });
  });
});

describe('the insights cursor across a resize (the Unusual block shows 5, 3 or 1 lines as the height allows)', () => {
  it('stays on the bucket it was on, so Enter narrows to what was selected', async () => {
    const indexes = await sampleIndexes();
    const now = Date.parse('2026-12-01T00:00:00Z');
    const key = (state: AppState, ...names: string[]) => names.reduce((s, name) => reducer(s, { type: 'key', name, now }), state);
    const tall = key(initialState({ indexes, size: { columns: 80, rows: 40 } }), 'i', 'tab', 'j', 'j');
    const bucketOf = (state: AppState) => {
      const insights = state.insights!;
      const layout = insightsLayout(state.size, bodyHeight(state.size), insights.lists.length, insights.unusual?.values.length ?? null);
      const item = insightItems(insights, layout)[insights.cursor];
      return item?.kind === 'bucket' ? insights.timeline.buckets[item.index].startMs : null;
    };
    const selected = bucketOf(tall);
    expect(selected).toBe(Date.parse('2026-10-30T00:00:00Z'));
    const short = reducer(tall, { type: 'resize', columns: 80, rows: 24 });
    expect(bucketOf(short)).toBe(selected);
    expect(bucketOf(reducer(short, { type: 'resize', columns: 80, rows: 40 }))).toBe(selected);
  });
});
