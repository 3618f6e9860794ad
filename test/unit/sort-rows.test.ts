/** Sorting the table by a column: A→Z case-insensitively, equal values newest first, blanks last, kept right as a load appends. */
import { describe, expect, it } from 'vitest';
import { EventBatcher } from '../../src/load/event-batcher.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { EventStore } from '../../src/store/event-store.js';
import { LoaderVocabulary } from '../../src/store/loader-vocabulary.js';
import { sortRows } from '../../src/tui/sort-rows.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';

const at = (minute: number, activity: string, ip: string) =>
  graphEvent({
    id: `e${minute}`,
    activityDateTime: `2026-11-20T10:${String(minute).padStart(2, '0')}:00Z`,
    activityDisplayName: activity,
    initiatedBy: { user: { id: 'u', displayName: null, userPrincipalName: 'ada@contoso.example', ipAddress: ip, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
  });

describe('sortRows', () => {
  const store = storeFromEvents(loaded(at(1, 'update user', '10.0.0.2'), at(2, 'Add user', ''), at(3, 'Update user', '10.0.0.1'), at(4, 'add user', '10.0.0.2'), at(5, 'Delete user', '')));
  const minutes = (rows: Int32Array) => [...rows].map((i) => new Date(store.timeMs(i)).getUTCMinutes());
  const rows = store.paneOrder('directory');

  it('keeps newest first as it is, and reverses it for oldest first', () => {
    expect(sortRows(store, 'directory', rows, { column: 'date', descending: true })).toBe(rows);
    expect(minutes(sortRows(store, 'directory', rows, { column: 'date', descending: false }))).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders A→Z with case only breaking ties between spellings (Add user, add user, Delete user, …)', () => {
    expect(minutes(sortRows(store, 'directory', rows, { column: 'activity', descending: false }))).toEqual([2, 4, 5, 3, 1]);
    expect(minutes(sortRows(store, 'directory', rows, { column: 'activity', descending: true }))).toEqual([1, 3, 5, 4, 2]);
  });

  it('keeps equal values newest first, and puts blank values last, both ways', () => {
    expect(minutes(sortRows(store, 'directory', rows, { column: 'ip', descending: false }))).toEqual([3, 4, 1, 5, 2]);
    expect(minutes(sortRows(store, 'directory', rows, { column: 'ip', descending: true }))).toEqual([4, 1, 3, 5, 2]);
  });

  it('ranks strings that arrive after a first sort (a load still streaming)', () => {
    const growing = new EventStore();
    const loader = new LoaderVocabulary();
    const batcher = new EventBatcher('fixture.jsonl', (batch) => growing.append(batch, loader));
    for (const event of loaded(at(1, 'Update user', ''), at(2, 'Add user', ''))) batcher.add(event, null);
    batcher.flush();
    const ascending = { column: 'activity', descending: false };
    expect(sortRows(growing, 'directory', growing.paneOrder('directory'), ascending).length).toBe(2);
    for (const event of loaded(at(3, 'Change user password', ''), at(4, 'Zap', ''), at(5, 'Add user', ''))) batcher.add(event, null);
    batcher.flush();
    const sorted = sortRows(growing, 'directory', growing.paneOrder('directory'), ascending);
    expect([...sorted].map((i) => growing.string(i, 'activity'))).toEqual(['Add user', 'Add user', 'Change user password', 'Update user', 'Zap']);
  });
});
