/**
 * Everything `entra-audit summary` reports, as data: totals, the timeline, the top values, the
 * sensitive operations and the answers to the questions. The CLI prints it in three formats.
 * (The explorer's insights view counts targets differently: every target of an event, because
 * Enter there applies `target:=`, which matches any of them; the summary lists first targets.)
 */
import type { EventSummary } from '../model/event-summary.js';
import { isAuditPane, PANES, type Pane, type PaneChoice } from '../model/pane.js';
import type { EventTest } from '../query/compile.js';
import type { StringField } from '../store/event-batch.js';
import type { EventStore } from '../store/event-store.js';
import { answerQuestions, eventsInScope, type Answer } from './answers.js';
import { rowMarker, type ExtraColumn } from './extra-columns.js';
import type { Question } from './questions.js';
import type { RuleIndex } from './rule-index.js';
import type { RuleCount } from './sensitive.js';
import { logSections, type LogSection } from './log-sections.js';
import { timeline, type Timeline } from './timeline.js';
import { topValues, type TopValues } from './top-values.js';
import type { UnusualReport } from './unusual.js';
import { UnusualIndex } from './unusual-index.js';

/** The overall top lists: what was done, by whom, to what (first target), from where. */
export const SUMMARY_TOP_FIELDS: StringField[] = ['activity', 'initiator', 'target', 'ip'];

export interface SummaryOptions {
  /** The user's filter (null: everything). */
  filter: EventTest | null;
  pane: PaneChoice;
  questions: readonly Question[];
  /** Values per overall top list (default 10) and per question field (default 5). */
  topN?: number;
  questionTopN?: number;
  /** The store's unusual measures (StoreIndexes.unusual); default settings over `rules` without one. */
  unusual?: UnusualIndex;
  /** List the events themselves when at most this many are in scope (default 100; 0: never). */
  eventLimit?: number;
  /** Their markers (`!` high, `~` medium), as the table shows them. */
  extraColumns?: readonly ExtraColumn[];
}

/** Enough to read a small scope event by event (an IP's night, one account's hour) without opening the explorer. */
// 100: an attacker IP's night on the sample is 51 events (9 changes, 42 sign-ins), listed by default.
export const DEFAULT_EVENT_LIMIT = 100;

/** One event of a small scope: its store index (JSON re-reads the record), its summary, its markers. */
export interface ListedEvent {
  index: number;
  row: EventSummary;
  markers: string;
}

export interface SummaryEvents {
  limit: number;
  /** Oldest first, the order an incident is told in; null when more than `limit` are in scope. */
  listed: ListedEvent[] | null;
}

export interface Summary {
  totals: {
    /** Every event loaded, by pane. */
    loaded: number;
    directory: number;
    customSecurity: number;
    signIns: number;
    provisioning: number;
    /** Events in the chosen pane that pass the filter: what the rest is about. */
    inScope: number;
  };
  timeline: Timeline;
  /** The audit top lists, over the audits in scope (empty when the scope holds none but other logs' records). */
  top: TopValues[];
  /** Sign-ins and provisioning in scope, each with its own lists. */
  logs: LogSection[];
  /** Per pane in scope: its unusual values (measured over all of the pane's events, listed when in scope). */
  unusual: Array<{ pane: Pane; report: UnusualReport }>;
  /** Every rule, in rule order, with how many in-scope events it flags (first match only). */
  sensitive: RuleCount[];
  /** Rules whose query did not compile on this store. */
  ruleProblems: string[];
  answers: Answer[];
  events: SummaryEvents;
}

/** `rules`: the store's sensitive-operation rules (its query index is the one they were compiled with). */
export function buildSummary(rules: RuleIndex, options: SummaryOptions): Summary {
  const { query } = rules;
  const { store } = query;
  const scope = eventsInScope(store, options.filter, options.pane);
  const audits = scope.filter((index) => isAuditPane(store.pane(index)));
  const logs = logSections(store, scope, options.topN ?? 10);
  return {
    totals: {
      loaded: store.count,
      directory: store.paneCounts.directory,
      customSecurity: store.paneCounts['custom-security'],
      signIns: store.paneCounts['sign-ins'],
      provisioning: store.paneCounts.provisioning,
      inScope: scope.length,
    },
    timeline: timeline(store, scope),
    top: audits.length === 0 && logs.length > 0 ? [] : SUMMARY_TOP_FIELDS.map((field) => topValues(store, audits, field, options.topN ?? 10)),
    logs,
    unusual: unusualByPane(options.unusual ?? new UnusualIndex(store, (index) => rules.ruleOf(index) !== undefined), store, scope),
    sensitive: rules.countByRule(scope),
    ruleProblems: [...rules.problems],
    answers: answerQuestions(query, options.questions, { base: options.filter, pane: options.pane, topN: options.questionTopN ?? 5, scope }),
    events: listEvents(store, scope, options.eventLimit ?? DEFAULT_EVENT_LIMIT, options.extraColumns ?? []),
  };
}

/** Each pane with events in scope, its unusual values among them (the baseline is the whole pane). */
function unusualByPane(unusual: UnusualIndex, store: EventStore, scope: Int32Array): Summary['unusual'] {
  return PANES.flatMap((pane) => {
    const rows = scope.filter((index) => store.pane(index) === pane);
    return rows.length === 0 ? [] : [{ pane, report: unusual.inView(pane, rows) }];
  });
}

function listEvents(store: EventStore, scope: Int32Array, limit: number, extraColumns: readonly ExtraColumn[]): SummaryEvents {
  if (scope.length === 0 || scope.length > limit) return { limit, listed: null };
  const listed = Array.from(scope, (index) => ({ index, row: store.summary(index), markers: rowMarker(extraColumns, index) }));
  // Stable: events of the same millisecond keep their load order.
  listed.sort((a, b) => a.row.timeMs - b.row.timeMs);
  return { limit, listed };
}
