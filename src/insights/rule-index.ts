/**
 * Which events of one store are sensitive operations: the rules in force compiled once, asked per
 * event. This is what `risk:high` / `risk:any`, the table's marker, the details' reason and the
 * `r` lens all read. Owned with the store (insights/store-indexes.ts), never a module cache.
 */
import type { QueryIndex } from '../query/query-index.js';
import { MEASURED_FOR_A_FRAME_MOST } from './frame-budget.js';
import { compileSensitiveRules, countByRule, type CompiledRules, type RuleCount, type SensitiveRule } from './sensitive.js';

export class RuleIndex {
  private compiled: CompiledRules | null = null;

  constructor(
    readonly query: QueryIndex,
    readonly rules: readonly SensitiveRule[],
  ) {}

  /** Compiled on first use; on a store still loading, each rule's mask extends as it is asked. */
  private get ready(): CompiledRules {
    return (this.compiled ??= compileSensitiveRules(this.rules, this.query));
  }

  /** The rule event `index` falls under, if any (high before medium). */
  ruleOf(index: number): SensitiveRule | undefined {
    return this.ready.ruleOf(index);
  }

  severityOf(index: number): string | undefined {
    return this.ready.ruleOf(index)?.severity;
  }

  /**
   * The table's marker: as severityOf, but on a large store each rule looks at this event alone
   * until the warm-up has evaluated it over the store (at a million events the first pass of one
   * rule that re-reads records takes ~0.6 s, which would hold the first rows after a load).
   */
  severityForFrame(index: number): string | undefined {
    if (this.query.store.count <= MEASURED_FOR_A_FRAME_MOST) return this.severityOf(index);
    return this.ready.ruleOfAtOnce(index)?.severity;
  }

  /** Rules left out because their query does not compile on this store, with why. */
  get problems(): readonly string[] {
    return this.ready.problems;
  }

  /** Events per rule over `indices` (each under its first rule), in rule order. */
  countByRule(indices: ArrayLike<number>): RuleCount[] {
    return countByRule(this.ready, this.rules, indices);
  }

  /**
   * Evaluate every rule over the store a step at a time (one distinct activity per step), so the
   * first `r` or `risk:` after a large load answers at once instead of spending ~0.6 s at a million
   * events. `schedule` runs the next step later, keeping keys live; `then` runs after the last.
   */
  warm(schedule: (step: () => void) => void, then?: () => void): void {
    const { store } = this.query;
    const firstOfActivity = new Map<number, number>();
    for (let index = 0; index < store.count; index++) {
      const activity = store.stringId(index, 'activity');
      if (!firstOfActivity.has(activity)) firstOfActivity.set(activity, index);
    }
    const pending = [...firstOfActivity.values()];
    const step = () => {
      const index = pending.shift();
      if (index === undefined) {
        then?.();
        return;
      }
      this.ruleOf(index);
      schedule(step);
    };
    schedule(step);
  }
}
