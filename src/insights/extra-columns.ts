/**
 * Columns an event gets from what the session worked out about it, not from its record: the
 * sensitive-operation rule it falls under (`risk`) and the unusual values it carries (`unusual`).
 * CSV exports add each as a named column after the record's own; the CLI table draws one marker
 * left of the row, the first column's that has something to say (`!` `~` before `?`), as the
 * explorer's left column does. A new one is one more entry in `eventExtraColumns`.
 */
import type { StoreIndexes } from './store-indexes.js';
import type { RuleIndex } from './rule-index.js';
import type { Severity } from './sensitive.js';
import type { UnusualIndex } from './unusual-index.js';

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
/** An event with an unusual IP, user agent or initiator that no rule marks. */
export const UNUSUAL_MARKER = '?';

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

/** `ip:203.0.113.66;agent:python-requests/2.31.0`: which of the event's values are unusual, as query terms name them. */
export function unusualColumn(unusual: UnusualIndex): ExtraColumn {
  return {
    name: 'unusual',
    value: (index) => unusual.unusualValuesOf(index).map(({ field, value }) => `${field}:${value}`).join(';'),
    marker: (index) => (unusual.isUnusual(index) ? UNUSUAL_MARKER : ' '),
  };
}

/** Every extra column, in the order outputs show them. */
export const eventExtraColumns = (indexes: StoreIndexes): ExtraColumn[] => [riskColumn(indexes.rules), unusualColumn(indexes.unusual)];

/** The one marker a row shows: the first column's that is not blank. */
export function rowMarker(columns: ReadonlyArray<Pick<ExtraColumn, 'marker'>>, index: number): string {
  for (const column of columns) {
    const marker = column.marker(index);
    if (marker !== ' ') return marker;
  }
  return ' ';
}
