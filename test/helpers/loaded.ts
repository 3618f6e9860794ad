import type { AuditEvent } from '../../src/model/audit-event.js';
import type { LoadedEvent } from '../../src/model/loaded-event.js';
import { paneOf } from '../../src/model/pane.js';
import { graphEvent } from './events.js';

/** LoadedEvents from Graph events, newest first as the explorer expects. */
export function loaded(...events: AuditEvent[]): LoadedEvent[] {
  return events
    .map((event, index) => ({ event, pane: paneOf(event), timeMs: Date.parse(event.activityDateTime), origin: { source: 'fixture.jsonl', line: index + 1 } }))
    .sort((a, b) => b.timeMs - a.timeMs);
}

/** `count` routine events a minute apart, newest first; ids `e0` (newest) … */
export function manyEvents(count: number, overrides: (i: number) => Partial<AuditEvent> = () => ({})): LoadedEvent[] {
  const start = Date.parse('2026-11-20T12:00:00Z');
  return loaded(
    ...Array.from({ length: count }, (_, i) =>
      graphEvent({ id: `e${i}`, activityDateTime: new Date(start - i * 60_000).toISOString(), activityDisplayName: `Update user ${i}`, ...overrides(i) }),
    ),
  );
}
