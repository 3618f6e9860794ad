/**
 * The admins' questions (data/questions.json): each a title and a query in the query language,
 * the pane it is about, and the fields to break its answer down by. Plain data, so a user can
 * read what a question asks and add their own (from a config file, passed as `extra`).
 */
import { STRING_FIELDS, type StringField } from '../store/event-batch.js';
import { PANE_CHOICES, type PaneChoice } from '../model/pane.js';
import { dataFilePath } from '../paths.js';
import type { Query } from '../query/ast.js';
import { loadDefinitions, validateEntries, type DefinitionSource, type Validated } from './definitions.js';

export interface Question {
  id: string;
  title: string;
  /** As written in the file: shown to the user and usable as a `--filter`. */
  query: string;
  /** The parsed query, ready for `compileQuery`. */
  parsed: Query;
  pane: PaneChoice;
  /** Store fields to list the top values of (`target` is each event's first target, `initiator` its actor). */
  top: StringField[];
  /** When set, the answer's headline is the number of distinct values of this field ("how many users"). */
  distinct?: StringField;
}

const QUESTION_KEYS = ['id', 'title', 'query', 'pane', 'top', 'distinct'] as const;

export const questionsPath = (): string => dataFilePath('questions.json');

export function validateQuestions(sources: readonly DefinitionSource[]): Validated<Question> {
  return validateEntries(sources, 'question', (check) => {
    check.onlyKeys(QUESTION_KEYS);
    const id = check.text('id');
    const title = check.text('title');
    const query = check.text('query');
    const parsed = check.query('query');
    const pane = check.choice('pane', PANE_CHOICES) ?? 'all';
    const top = check.choices('top', STRING_FIELDS) ?? [];
    const distinct = check.choice('distinct', STRING_FIELDS);
    if (!parsed) return undefined;
    return { id, title, query, parsed, pane, top, ...(distinct ? { distinct } : {}) };
  });
}

/** The bundled questions, then `extra` ones; throws DefinitionError naming each bad entry and key. */
export function loadQuestions(extra: readonly DefinitionSource[] = []): Question[] {
  return loadDefinitions(questionsPath(), extra, validateQuestions);
}
