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
  /**
   * `"ipOfSensitiveChange": true`: the record must also come from an IP address that made a change
   * an audit rule flags, from an hour before that change to half an hour after (the sign-ins behind
   * a sensitive change). It joins records across logs, which a query alone cannot.
   */
  ipOfSensitiveChange: boolean;
}

const RULE_KEYS = ['id', 'severity', 'query', 'reason', 'pane', 'ipOfSensitiveChange'] as const;
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
    const ipOfSensitiveChange = check.flag('ipOfSensitiveChange');
    const panes = rulePanes(pane);
    // An audit rule joined to audit rules would be circular: the join is for the other logs.
    if (ipOfSensitiveChange && panes.some(isAuditPane)) check.problem('ipOfSensitiveChange', 'needs a "pane" that is not an audit pane (the changes are what it joins to)');
    // `risk:` will mean "matches a sensitive rule": a rule defined by it would be circular.
    if (parsed && allTerms(parsed.terms).some((term) => term.kind === 'field' && term.field === 'risk')) check.problem('query', 'must not use risk: (rules are what risk: is made of)');
    if (!parsed || !severity) return undefined;
    return { id, severity, query, parsed, reason, panes, ipOfSensitiveChange };
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
  /**
   * As ruleOf, but never evaluated over the whole store first (a frame's markers): each rule
   * asks this event alone where its mask does not reach it yet, and the rules that join sign-ins
   * to changes are passed over until the join has been built.
   */
  ruleOfAtOnce(index: number): SensitiveRule | undefined;
  /** Rules left out because their query does not compile on this store, with why. */
  problems: string[];
}

interface CompiledRule {
  rule: SensitiveRule;
  test: EventTest;
  peek: EventTest;
  gate: ActivityGate | null;
}

export function compileSensitiveRules(rules: readonly SensitiveRule[], index: QueryIndex): CompiledRules {
  const { store } = index;
  const compiled: CompiledRule[] = [];
  const problems: string[] = [];
  for (const rule of bySeverity(rules)) {
    const result = compileQuery(rule.parsed, index);
    if (result.ok) compiled.push({ rule, test: result.test, peek: result.peek, gate: activityGate(rule.parsed, store) });
    else problems.push(`rule ${JSON.stringify(rule.id)}: ${result.error.message}`);
  }
  // Per distinct activity, the rules that could match it, in order: most events have none.
  const candidates: Array<CompiledRule[] | undefined> = [];
  const candidatesFor = (activityId: number): CompiledRule[] =>
    (candidates[activityId] ??= compiled.filter(({ gate }) => !gate || gate(activityId)));
  const firstRule = (index: number, joined: boolean, atOnce = false): SensitiveRule | undefined => {
    const pane = store.pane(index);
    for (const { rule, test, peek } of candidatesFor(store.stringId(index, 'activity'))) {
      if (!rule.panes.includes(pane)) continue;
      if (rule.ipOfSensitiveChange && (!joined || (atOnce && !ipsOfChanges.current) || !ipsOfChanges.has(index))) continue;
      if ((atOnce ? peek : test)(index)) return rule;
    }
    return undefined;
  };
  const ipsOfChanges = new IpsOfSensitiveChanges(index, (change) => firstRule(change, false) !== undefined);
  return { ruleOf: (index) => firstRule(index, true), ruleOfAtOnce: (index) => firstRule(index, true, true), problems };
}

/** A sign-in this long before a change, or this long after, is the session behind it. */
export const SESSION_BEFORE_CHANGE_MS = 60 * 60_000;
export const SESSION_AFTER_CHANGE_MS = 30 * 60_000;
/** An IP this many users signed in from successfully is an office or VPN egress, not one session. */
export const SHARED_IP_USERS = 5;

/**
 * The IP addresses that made a change some audit rule flags, and when, for the rules that join the
 * other logs to them: a record from such an IP within the session window of such a change, unless
 * the IP is shared (SHARED_IP_USERS users signed in from it): an office egress makes routine sensitive
 * changes all week, and its sign-ins would bury the one session that matters. Extended as the store
 * grows (a load streams), so a sign-in read before its change is judged again once the change is in.
 */
class IpsOfSensitiveChanges {
  private readonly changeTimes = new Map<number, number[]>();
  private readonly successfulUsers = new Map<number, Set<number>>();
  private scanned = 0;

  constructor(
    private readonly index: QueryIndex,
    private readonly isSensitiveChange: (index: number) => boolean,
  ) {}

  /** Whether every event in the store has been scanned (`has` would not scan first). */
  get current(): boolean {
    return this.scanned >= this.index.store.count;
  }

  /** True when event `index` comes from an IP address that made a flagged change around its time. */
  has(index: number): boolean {
    const { store } = this.index;
    // Only when the store grew since the last question: most calls find nothing new to scan.
    const success = this.scanned < store.count ? store.vocabulary.lookup('success') : undefined;
    for (; this.scanned < store.count; this.scanned++) {
      const ip = store.stringId(this.scanned, 'ip');
      if (ip === 0) continue;
      if (store.pane(this.scanned) === 'sign-ins') {
        if (store.stringId(this.scanned, 'result') !== success) continue;
        const users = this.successfulUsers.get(ip) ?? new Set<number>();
        if (users.size < SHARED_IP_USERS) users.add(store.stringId(this.scanned, 'initiator'));
        this.successfulUsers.set(ip, users);
      } else if (isAuditPane(store.pane(this.scanned)) && this.isSensitiveChange(this.scanned)) {
        const times = this.changeTimes.get(ip);
        if (times) times.push(store.timeMs(this.scanned));
        else this.changeTimes.set(ip, [store.timeMs(this.scanned)]);
      }
    }
    const ip = store.stringId(index, 'ip');
    const times = this.changeTimes.get(ip);
    if (!times || (this.successfulUsers.get(ip)?.size ?? 0) >= SHARED_IP_USERS) return false;
    const at = store.timeMs(index);
    return times.some((change) => at >= change - SESSION_BEFORE_CHANGE_MS && at <= change + SESSION_AFTER_CHANGE_MS);
  }
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
