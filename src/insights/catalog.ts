/**
 * The questions and sensitive-operation rules in force for a run: the bundled files plus a config
 * file's entries, read and checked once at start-up by the face (CLI command, explorer) and then
 * passed to whoever needs them. Never kept in a module: two stores, two configs, two tests can
 * each have their own.
 */
import type { DefinitionSource } from './definitions.js';
import { loadQuestions, type Question } from './questions.js';
import { loadSensitiveRules, type SensitiveRule } from './sensitive.js';

export interface Catalog {
  /** High before medium, file order within a severity (the order rules are tried in). */
  rules: readonly SensitiveRule[];
  questions: readonly Question[];
}

export interface CatalogExtras {
  rules?: readonly DefinitionSource[];
  questions?: readonly DefinitionSource[];
}

/** Throws DefinitionError naming every bad entry and key (a broken bundled file is a broken installation). */
export function loadCatalog(extras: CatalogExtras = {}): Catalog {
  return { rules: loadSensitiveRules(extras.rules), questions: loadQuestions(extras.questions) };
}

/** No rules and no questions: for stores that only need queries. */
export const EMPTY_CATALOG: Catalog = { rules: [], questions: [] };
