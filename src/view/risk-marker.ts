/**
 * The two columns left of each table row: a mark set with `m` (`*`), and the sensitive-operation
 * marker (`!` high, `~` medium), or `?` for an event with an unusual IP, user agent or initiator
 * that no rule flags, so dangerous changes and odd ones stand out in a long list.
 */
import { SEVERITY_MARKERS, UNUSUAL_MARKER } from '../insights/extra-columns.js';

export function riskMarker(marked: boolean, severity: string | undefined, hiddenSeverity?: string, unusual = false): string {
  // A closed correlation group shows the most severe of all its events.
  const shown = severity === 'high' || hiddenSeverity === 'high' ? 'high' : severity ?? hiddenSeverity;
  return `${marked ? '*' : ' '}${shown === 'high' ? SEVERITY_MARKERS.high : shown ? SEVERITY_MARKERS.medium : unusual ? UNUSUAL_MARKER : ' '}`;
}
