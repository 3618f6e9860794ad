/**
 * Everything computed once per store and reused by every view of it: the query index (fuzzy
 * words, target lists, `risk:`), the sensitive-operation rules compiled for it, and the questions'
 * counts. One object, owned by the load session that owns the store and warmed by it after a load
 * (so the first `/`, `r`, `f` Target or `:` answers at once), instead of caches in modules.
 */
import type { EventStore } from '../store/event-store.js';
import { QueryIndex } from '../query/query-index.js';
import type { Catalog } from './catalog.js';
import { QuestionCounts } from './question-counts.js';
import { RuleIndex } from './rule-index.js';
import { UnusualIndex } from './unusual-index.js';

/** Runs `step` later (after `delayMs`), between keys; the owner can stop every pending step. */
export type Scheduler = (step: () => void, delayMs?: number) => void;

export class StoreIndexes {
  readonly query: QueryIndex;
  readonly rules: RuleIndex;
  readonly questions: QuestionCounts;
  readonly unusual: UnusualIndex;

  constructor(
    readonly store: EventStore,
    readonly catalog: Catalog,
  ) {
    // risk: asks the rules, which are queries themselves (validated never to use risk:).
    this.query = new QueryIndex(store, (index) => this.rules.severityOf(index), (index) => this.unusual.isUnusual(index));
    this.rules = new RuleIndex(this.query, catalog.rules);
    this.unusual = new UnusualIndex(store, (index) => this.rules.ruleOf(index) !== undefined, catalog.unusual);
    this.questions = new QuestionCounts(this.query, catalog.questions);
  }

  /**
   * Prepare what the first keys after a load would otherwise wait for, in small steps: the fuzzy
   * index (~0.1 s at a million events), the rules one activity at a time, the target lists in
   * slices, then the questions one at a time.
   */
  warm(schedule: Scheduler): void {
    schedule(() => this.query.prepareFuzzy(), 50);
    // The unusual measures read every event's rule verdict: after the rules are warm, one pane a step.
    schedule(() => this.rules.warm((step) => schedule(step), () => this.unusual.warm((step) => schedule(step))), 100);
    schedule(() => this.query.warmTargetLines((step) => schedule(step)), 150);
    schedule(() => this.questions.warm((step) => schedule(step)), 200);
  }
}
