/**
 * The two columns left of each table row: a mark set with `m` (`*`), and the sensitive-operation
 * marker (`!` high, `~` medium), so dangerous changes stand out in a long list.
 */
import { sensitiveRuleOf } from '../insights/risk.js';
import type { EventStore } from '../store/event-store.js';

export function riskMarker(store: EventStore, index: number, marks: ReadonlySet<number>, hiddenSeverity?: string): string {
  const own = sensitiveRuleOf(store, index)?.severity;
  // A closed correlation group shows the most severe of all its events.
  const severity = own === 'high' || hiddenSeverity === 'high' ? 'high' : own ?? hiddenSeverity;
  return `${marks.has(index) ? '*' : ' '}${severity === 'high' ? '!' : severity ? '~' : ' '}`;
}
