/**
 * The questions and sensitive-operation rules in force for a run: the bundled files plus a config
 * file's entries, read and checked once at start-up by the face (CLI command, explorer) and then
 * passed to whoever needs them. Never kept in a module: two stores, two configs, two tests can
 * each have their own.
 */
import type { DefinitionSource } from './definitions.js';
import { loadQuestions, type Question } from './questions.js';
import { loadSensitiveRules, type SensitiveRule } from './sensitive.js';
import { DEFAULT_UNUSUAL_SETTINGS, type UnusualSettings } from './unusual.js';

export interface Catalog {
  /** High before medium, file order within a severity (the order rules are tried in). */
  rules: readonly SensitiveRule[];
  questions: readonly Question[];
  /** The unusual measures' thresholds: the defaults, with the config file's on top. */
  unusual: UnusualSettings;
}

export interface CatalogExtras {
  rules?: readonly DefinitionSource[];
  questions?: readonly DefinitionSource[];
  unusual?: Partial<UnusualSettings>;
}

/** Throws DefinitionError naming every bad entry and key (a broken bundled file is a broken installation). */
export function loadCatalog(extras: CatalogExtras = {}): Catalog {
  return { rules: loadSensitiveRules(extras.rules), questions: loadQuestions(extras.questions), unusual: { ...DEFAULT_UNUSUAL_SETTINGS, ...extras.unusual } };
}

/** No rules and no questions: for stores that only need queries. */
export const EMPTY_CATALOG: Catalog = { rules: [], questions: [], unusual: DEFAULT_UNUSUAL_SETTINGS };
