/**
 * Columns an event gets from what the session worked out about it, not from its record: today the
 * sensitive-operation rule it falls under (`risk`). The CLI table draws each as a one-character
 * marker left of the row; CSV exports add each as a named column after the record's own. A new
 * one (an `unusual` value, say) is one more entry in `eventExtraColumns`, and every output has it.
 */
import type { StoreIndexes } from './store-indexes.js';
import type { RuleIndex } from './rule-index.js';
import type { Severity } from './sensitive.js';

export interface ExtraColumn {
  /** The CSV header (`risk`). */
  name: string;
  /** The CSV cell: exact, for a spreadsheet or a script (`high:role-outside-pim`), empty when there is nothing to say. */
  value(index: number): string;
  /** The table's one-character marker, a space when there is nothing to say. */
  marker(index: number): string;
}

/** The explorer's left-column characters too (view/risk-marker.ts): one meaning everywhere. */
export const SEVERITY_MARKERS: Readonly<Record<Severity, string>> = { high: '!', medium: '~' };

/** `high:role-outside-pim`: the severity a reader sorts by, then the rule to look up. */
export function riskColumn(rules: RuleIndex): ExtraColumn {
  return {
    name: 'risk',
    value: (index) => {
      const rule = rules.ruleOf(index);
      return rule ? `${rule.severity}:${rule.id}` : '';
    },
    marker: (index) => {
      const rule = rules.ruleOf(index);
      return rule ? SEVERITY_MARKERS[rule.severity] : ' ';
    },
  };
}

/** Every extra column, in the order outputs show them. */
export const eventExtraColumns = (indexes: StoreIndexes): ExtraColumn[] => [riskColumn(indexes.rules)];
