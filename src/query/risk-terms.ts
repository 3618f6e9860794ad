/**
 * What each `risk:` value keeps, given the rules' verdict on an event (the severity of the first
 * rule it falls under, high rules first: what the table's `!` and `~` markers show). One entry per
 * value of RISK_VALUES, so a new value is a line here; a value that is not about severity plugs
 * its own per-event lookup into QueryIndex beside `risk`.
 */
import type { RiskValue } from './ast.js';
import type { RiskLookup } from './query-index.js';

const KEEPS: Record<RiskValue, (severity: string | undefined) => boolean> = {
  high: (severity) => severity === 'high',
  medium: (severity) => severity === 'medium',
  any: (severity) => severity !== undefined,
};

/** An event test for `risk:a|b` (any value keeping the event is enough); values were checked by the parser. */
export function riskTest(values: readonly string[], lookup: RiskLookup): (event: number) => boolean {
  const keeps = values.map((value) => KEEPS[value as RiskValue]);
  return (event) => {
    const severity = lookup(event);
    return keeps.some((keep) => keep(severity));
  };
}
