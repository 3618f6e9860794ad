/**
 * Which events are sensitive operations, per store: the bundled rules plus any from the config
 * file, compiled once per store and asked per event. This is what `risk:high` / `risk:any`, the
 * table's marker, the details' reason and the `r` lens all read.
 */
import type { EventStore } from '../store/event-store.js';
import type { DefinitionSource } from './definitions.js';
import { compileSensitiveRules, loadSensitiveRules, type CompiledRules, type SensitiveRule } from './sensitive.js';

let extraRules: readonly DefinitionSource[] = [];
let rules: SensitiveRule[] | null = null;
const compiled = new WeakMap<EventStore, CompiledRules>();

/** Rules from the config file, added to the bundled ones (validated when first used). */
export function addSensitiveRules(extra: readonly DefinitionSource[]): void {
  extraRules = extra;
  rules = null;
  rulesError = null;
}

/**
 * The rules in force, read and checked once (a failure too, so a broken file is not re-read for
 * every table row). The faces call this at start-up and refuse to start on a broken file.
 */
export function sensitiveRules(): SensitiveRule[] {
  if (rulesError) throw rulesError;
  try {
    rules ??= loadSensitiveRules(extraRules);
  } catch (error) {
    rulesError = error instanceof Error ? error : new Error(String(error));
    throw rulesError;
  }
  return rules;
}

let rulesError: Error | null = null;

/** The rule event `index` falls under, if any (high before medium). */
export function sensitiveRuleOf(store: EventStore, index: number): SensitiveRule | undefined {
  // Compiled once per store; on a store still loading, each rule's mask extends as it is asked.
  let entry = compiled.get(store);
  if (!entry) {
    entry = compileSensitiveRules(sensitiveRules(), store);
    compiled.set(store, entry);
  }
  return entry.ruleOf(index);
}

/** Severity lookup for the query layer's `risk:` term. */
export const riskSeverity = (store: EventStore, index: number): string | undefined => sensitiveRuleOf(store, index)?.severity;

/**
 * Evaluate every rule over the store a step at a time (one distinct activity per step), so the
 * first `r` or `risk:` after a large load answers at once instead of spending ~0.6 s at a million
 * events. `schedule` runs the next step later (the explorer passes setTimeout), keeping keys live.
 */
export function warmSensitiveRules(store: EventStore, schedule: (step: () => void) => void): void {
  const firstOfActivity = new Map<number, number>();
  for (let index = 0; index < store.count; index++) {
    const activity = store.stringId(index, 'activity');
    if (!firstOfActivity.has(activity)) firstOfActivity.set(activity, index);
  }
  const pending = [...firstOfActivity.values()];
  const step = () => {
    const index = pending.shift();
    if (index === undefined) return;
    try {
      sensitiveRuleOf(store, index);
    } catch {
      return; // a broken rules file: reported where rules are used, not here
    }
    schedule(step);
  };
  schedule(step);
}
