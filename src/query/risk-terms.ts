/**
 * What each `risk:` value keeps, given the rules' verdict on an event (the severity of the first
 * rule it falls under, high rules first: what the table's `!` and `~` markers show). One entry per
 * value of RISK_VALUES, so a new value is a line here; a value that is not about severity plugs
 * its own per-event lookup into QueryIndex beside `risk`.
 */
import type { RiskValue } from './ast.js';
import type { RiskLookup } from './query-index.js';

/** What the index's owner knows about an event: its rule's severity, and whether it carries an unusual value. */
export interface RiskVerdicts {
  severity: RiskLookup;
  unusual: (event: number) => boolean;
}

const KEEPS: Record<RiskValue, (verdicts: RiskVerdicts, event: number) => boolean> = {
  high: (v, event) => v.severity(event) === 'high',
  medium: (v, event) => v.severity(event) === 'medium',
  any: (v, event) => v.severity(event) !== undefined,
  unusual: (v, event) => v.unusual(event),
};

/** An event test for `risk:a|b` (any value keeping the event is enough); values were checked by the parser. */
export function riskTest(values: readonly string[], verdicts: RiskVerdicts): (event: number) => boolean {
  const keeps = values.map((value) => KEEPS[value as RiskValue]);
  return (event) => keeps.some((keep) => keep(verdicts, event));
}
