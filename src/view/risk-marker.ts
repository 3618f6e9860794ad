/**
 * The two columns left of each table row: a mark set with `m` (`*`), and the sensitive-operation
 * marker (`!` high, `~` medium), so dangerous changes stand out in a long list.
 */
import { SEVERITY_MARKERS } from '../insights/extra-columns.js';

export function riskMarker(marked: boolean, severity: string | undefined, hiddenSeverity?: string): string {
  // A closed correlation group shows the most severe of all its events.
  const shown = severity === 'high' || hiddenSeverity === 'high' ? 'high' : severity ?? hiddenSeverity;
  return `${marked ? '*' : ' '}${shown === 'high' ? SEVERITY_MARKERS.high : shown ? SEVERITY_MARKERS.medium : ' '}`;
}
