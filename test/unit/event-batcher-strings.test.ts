/**
 * The loader's string ids (load/event-batcher.ts): a value seen again, whether found among the
 * last few of its field, in the field's table, or after the table started over past its cap,
 * must read back as itself in the store, batch after batch.
 */
import { describe, expect, it } from 'vitest';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { STRING_FIELD_COUNT, stringFieldIndex } from '../../src/store/event-batch.js';

describe('strings through the loader', () => {
  it('reads every value back as given, for repeats near and far and past the table cap', () => {
    // 40,000 distinct activities (past the 32,768 a field's table keeps), each seen again right
    // after, a few events later and much later; five services cycling; a few IPs in runs.
    const plan: Array<{ activity: string; service: string; ip: string }> = [];
    for (let n = 0; n < 40_000; n++) {
      const activity = `Activity ${n}`;
      plan.push({ activity, service: `Service ${n % 5}`, ip: `10.0.${(n >> 4) % 3}.1` });
      if (n % 3 === 0) plan.push({ activity, service: `Service ${(n * 7) % 5}`, ip: '10.0.9.9' });
      if (n % 7 === 0) plan.push({ activity: `Activity ${Math.max(0, n - 6)}`, service: 'Service 0', ip: '10.0.0.1' });
      if (n % 1000 === 0) plan.push({ activity: 'Activity 1', service: 'Service 4', ip: '10.0.0.1' });
    }
    const events = plan.map(({ activity, service, ip }, k) =>
      graphEvent({
        id: `e${k}`,
        activityDateTime: new Date(Date.UTC(2026, 10, 1) + k * 1000).toISOString(),
        activityDisplayName: activity,
        loggedByService: service,
        initiatedBy: { user: { id: 'u', displayName: null, userPrincipalName: 'ada@contoso.example', ipAddress: ip, userType: null, homeTenantId: null, homeTenantName: null }, app: null },
      }),
    );
    const store = storeFromEvents(loaded(...events));
    expect(store.count).toBe(plan.length);
    const byId = new Map(Array.from({ length: store.count }, (_, i) => [store.loadedEvent(i).event.id, i]));
    plan.forEach(({ activity, service, ip }, k) => {
      const i = byId.get(`e${k}`)!;
      expect([store.string(i, 'activity'), store.string(i, 'service'), store.string(i, 'ip')]).toEqual([activity, service, ip]);
    });
    // One store string per distinct value: repeats did not make new ones.
    const column = stringFieldIndex('activity');
    const activityIds = new Set(Array.from({ length: store.count }, (_, i) => store.stringIdRows()[i * STRING_FIELD_COUNT + column]));
    expect(activityIds.size).toBe(40_000);
  });
});
