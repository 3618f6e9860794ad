/**
 * Sensitive operations (data/sensitive-operations.json): curated high-risk activities, from what
 * incident responders and detection rules flag (reference notes §9). Each rule IS a query in the
 * query language, so a user can read exactly what is flagged and add rules of their own.
 * An event takes the first rule it matches, high-severity rules first.
 */
import { isAuditPane, PANE_CHOICES, PANES, paneMatches, type Pane, type PaneChoice } from '../model/pane.js';
import { allTerms, type Query } from '../query/ast.js';
import { compileQuery, type EventTest } from '../query/compile.js';
import type { QueryIndex } from '../query/query-index.js';
import { dataFilePath } from '../paths.js';
import { activityGate, type ActivityGate } from './activity-gate.js';
import { loadDefinitions, validateEntries, type DefinitionSource, type Validated } from './definitions.js';

export const SEVERITIES = ['high', 'medium'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SensitiveRule {
  id: string;
  severity: Severity;
  /** As written in the file: shown to the user and usable as a `--filter`. */
  query: string;
  parsed: Query;
  /** One line: why this matters. */
  reason: string;
  /**
   * The panes whose records the rule judges: the audit panes unless it says `"pane"`. Rules are
   * written for one log (`activity:` means an audit's activity and a sign-in's application).
   */
  panes: readonly Pane[];
}

const RULE_KEYS = ['id', 'severity', 'query', 'reason', 'pane'] as const;
const AUDIT_PANES: readonly Pane[] = PANES.filter(isAuditPane);

/** The panes a rule's `"pane"` names (`all`: every one); the audit panes without one. */
export const rulePanes = (pane: PaneChoice | undefined): readonly Pane[] => (pane === undefined ? AUDIT_PANES : PANES.filter((p) => paneMatches(pane, p)));

export const sensitiveRulesPath = (): string => dataFilePath('sensitive-operations.json');

export function validateSensitiveRules(sources: readonly DefinitionSource[]): Validated<SensitiveRule> {
  return validateEntries(sources, 'rule', (check) => {
    check.onlyKeys(RULE_KEYS);
    const id = check.text('id');
    const severity = check.choice('severity', SEVERITIES, true);
    const query = check.text('query');
    const reason = check.text('reason');
    const pane = check.choice('pane', PANE_CHOICES);
    const parsed = check.query('query');
    // `risk:` will mean "matches a sensitive rule": a rule defined by it would be circular.
    if (parsed && allTerms(parsed.terms).some((term) => term.kind === 'field' && term.field === 'risk')) check.problem('query', 'must not use risk: (rules are what risk: is made of)');
    if (!parsed || !severity) return undefined;
    return { id, severity, query, parsed, reason, panes: rulePanes(pane) };
  });
}

/** High before medium, file order within a severity: the order `ruleOf` tries them in. */
const bySeverity = (rules: readonly SensitiveRule[]): SensitiveRule[] =>
  SEVERITIES.flatMap((severity) => rules.filter((rule) => rule.severity === severity));

/** The bundled rules, then `extra` ones, high first; throws DefinitionError naming each bad entry and key. */
export function loadSensitiveRules(extra: readonly DefinitionSource[] = []): SensitiveRule[] {
  return bySeverity(loadDefinitions(sensitiveRulesPath(), extra, validateSensitiveRules));
}

export interface CompiledRules {
  /** The first rule (high before medium) that event `index` matches, if any. */
  ruleOf(index: number): SensitiveRule | undefined;
  /** Rules left out because their query does not compile on this store, with why. */
  problems: string[];
}

interface CompiledRule {
  rule: SensitiveRule;
  test: EventTest;
  gate: ActivityGate | null;
}

export function compileSensitiveRules(rules: readonly SensitiveRule[], index: QueryIndex): CompiledRules {
  const { store } = index;
  const compiled: CompiledRule[] = [];
  const problems: string[] = [];
  for (const rule of bySeverity(rules)) {
    const result = compileQuery(rule.parsed, index);
    if (result.ok) compiled.push({ rule, test: result.test, gate: activityGate(rule.parsed, store) });
    else problems.push(`rule ${JSON.stringify(rule.id)}: ${result.error.message}`);
  }
  // Per distinct activity, the rules that could match it, in order: most events have none.
  const candidates: Array<CompiledRule[] | undefined> = [];
  const candidatesFor = (activityId: number): CompiledRule[] =>
    (candidates[activityId] ??= compiled.filter(({ gate }) => !gate || gate(activityId)));
  return {
    ruleOf(index) {
      const pane = store.pane(index);
      for (const { rule, test } of candidatesFor(store.stringId(index, 'activity'))) if (rule.panes.includes(pane) && test(index)) return rule;
      return undefined;
    },
    problems,
  };
}

export interface RuleCount {
  rule: SensitiveRule;
  count: number;
}

/** Events per rule over `indices` (each event counted under its first rule), in rule order. */
export function countByRule(compiled: CompiledRules, rules: readonly SensitiveRule[], indices: ArrayLike<number>): RuleCount[] {
  const counts = new Map<SensitiveRule, number>();
  for (let k = 0; k < indices.length; k++) {
    const rule = compiled.ruleOf(indices[k]);
    if (rule) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return bySeverity(rules).map((rule) => ({ rule, count: counts.get(rule) ?? 0 }));
}
