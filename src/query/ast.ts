/**
 * The filter language's syntax tree: what `parseQuery` produces and `formatQuery` prints.
 * One query string serves the explorer's `/` bar, `--filter` at start-up, and
 * `query --filter` / `summary --filter`, so this tree is the contract between them.
 *
 * A query is a list of terms, all ANDed; `a OR b`, parentheses and `NOT (…)` make one `any` term
 * whose branches are such lists again. Positions (`start`/`end`) are 0-based UTF-16 indexes
 * into the source text, end exclusive, covering the whole term including a leading `-`.
 */

/** Canonical field names. Every one but `risk` is a case-insensitive substring match. */
export const FIELD_NAMES = [
  'activity',
  'category',
  'service',
  'status',
  'op',
  'actor',
  'target',
  'type',
  'ip',
  'corr',
  'id',
  'prop',
  'value',
  'risk',
  // Sign-ins and provisioning (an audit has none of these but `app`, its initiating app):
  'app',
  'location',
  'error',
  'ca',
  'device',
  'risklevel',
  'job',
  'system',
  // Every kind: the client's User-Agent.
  'agent',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Other spellings accepted for a field; the parser records the canonical name. */
export const FIELD_ALIASES = {
  result: 'status',
  correlation: 'corr',
  // The sign-in and provisioning names of the shared fields: `actor:` means `user:` in Sign-ins,
  // so a term made in one pane (a pivot) works in the others.
  user: 'actor',
  client: 'service',
  protocol: 'op',
  resource: 'target',
  action: 'activity',
  source: 'actor',
  ua: 'agent',
  useragent: 'agent',
} as const satisfies Record<string, FieldName>;

/** The time bounds, both inclusive. They are not fields: one value, never negated. */
export const TIME_KINDS = ['since', 'until'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];

/**
 * `risk:` values (lower case): the sensitive-operation rules' verdict on an event (`high`,
 * `medium`, `any`), or `unusual` (an IP, user agent or initiator the unusual measures single out).
 * What each keeps is in risk-terms.ts, one line per value; a new value is one entry here and one there.
 */
export const RISK_VALUES = ['high', 'medium', 'any', 'unusual'] as const;
export type RiskValue = (typeof RISK_VALUES)[number];

export interface Span {
  start: number;
  end: number;
}

/** `activity:"Add user"|"Delete user"`: any one value matching is enough. */
export interface FieldTerm extends Span {
  kind: 'field';
  field: FieldName;
  negated: boolean;
  /** `field:=value`: the whole string equals a value (case-insensitive), not a substring. */
  exact: boolean;
  /** The alternatives lower-cased, ready for case-insensitive substring matching. */
  values: string[];
  /** The alternatives as typed (quotes and escapes removed), for display and `formatQuery`. */
  rawValues: string[];
}

/** `since:7d`, `until:2026-11-20`: an inclusive bound, already resolved against `now`. */
export interface TimeTerm extends Span {
  kind: TimeKind;
  /** Epoch milliseconds. For `until:` with a bare date, the last millisecond of that day (in `zone`, else UTC). */
  ms: number;
  /**
   * The value as typed (`7d`), so a formatted query still says `since:7d`; for a date or time
   * read in `zone`, the instant with its offset (`2026-11-19T04:00+01:00`), as typed nowhere but
   * meaning the same in every zone.
   */
  text?: string;
  /** The IANA zone a value without `Z` or an offset was read in (`--tz`); absent when none was needed. */
  zone?: string;
}

/** A free word, fuzzy-matched. Never contains whitespace, `"` or `|`, never starts with `-`. */
export interface FuzzyTerm extends Span {
  kind: 'fuzzy';
  negated: boolean;
  /** As typed; matchers compare case-insensitively. */
  text: string;
}

/** A quoted free phrase: an exact, case-insensitive substring. */
export interface PhraseTerm extends Span {
  kind: 'phrase';
  negated: boolean;
  /** As typed, escapes removed; matchers compare case-insensitively. */
  text: string;
}

/**
 * `a b OR c`, `(a OR b)`, `NOT (a b)`: an event passes when every term of some branch passes it
 * (or, negated, when none does). Parentheses around plain terms with no OR just group them.
 */
export interface AnyTerm extends Span {
  kind: 'any';
  negated: boolean;
  branches: Term[][];
}

export type Term = FieldTerm | TimeTerm | FuzzyTerm | PhraseTerm | AnyTerm;

/** Every term, those inside `any` terms too (for checks such as "no risk: in a rule"). */
export function allTerms(terms: readonly Term[]): Term[] {
  return terms.flatMap((term) => (term.kind === 'any' ? [term, ...term.branches.flatMap(allTerms)] : [term]));
}

export interface Query {
  terms: Term[];
}
