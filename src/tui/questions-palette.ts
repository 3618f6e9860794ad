/**
 * The questions palette (`:`): the admins' questions (data/questions.json, plus any from the
 * config file), each with its live count in the current pane; Enter applies its query as the
 * filter (Backspace goes back). The same questions `entra-audit summary` answers.
 */
import type { Pane } from '../model/audit-event.js';
import type { EventStore } from '../store/event-store.js';
import { answerQuestions } from '../insights/answers.js';
import { loadQuestions, type Question } from '../insights/questions.js';
import type { DefinitionSource } from '../insights/definitions.js';

export interface PaletteEntry {
  title: string;
  /** The pane the question is about (Enter switches to it), or null for either. */
  pane: Pane | null;
  query: string;
  /** Events in the pane the question's query matches; null when it could not run. */
  count: number | null;
  error?: string;
}

export interface QuestionsPalette {
  entries: PaletteEntry[];
  cursor: number;
  top: number;
  /** Set when the questions file itself is broken. */
  error: string | null;
}

let extraQuestions: readonly DefinitionSource[] = [];
/** Read and checked once per run (the palette opens often). */
let loaded: Question[] | undefined;

/** Questions from the config file, after the bundled ones. */
export function addQuestions(extra: readonly DefinitionSource[]): void {
  extraQuestions = extra;
  loaded = undefined;
}

/** The config's questions, for `summary` (it answers the same ones). */
export const configuredQuestions = (): readonly DefinitionSource[] => extraQuestions;

export function openPalette(store: EventStore, pane: Pane): QuestionsPalette {
  let questions: Question[];
  try {
    questions = (loaded ??= loadQuestions(extraQuestions));
  } catch (error) {
    return { entries: [], cursor: 0, top: 0, error: error instanceof Error ? error.message : String(error) };
  }
  const here = answerQuestions(store, questions, { base: null, pane, topN: 0 });
  // A question about the other pane is counted there (Enter goes there).
  const others = here.filter((answer) => answer.outsidePane).map((answer) => answer.question);
  const elsewhere = new Map(answerQuestions(store, others, { base: null, pane: 'all', topN: 0 }).map((answer) => [answer.question, answer]));
  const entries = here.map((answer) => {
    const chosen = (answer.outsidePane && elsewhere.get(answer.question)) || answer;
    return {
      title: answer.question.title,
      pane: answer.question.pane === 'all' ? null : answer.question.pane,
      query: answer.question.query,
      count: chosen.error ? null : chosen.count,
      error: chosen.error,
    };
  });
  return { entries, cursor: 0, top: 0, error: null };
}
