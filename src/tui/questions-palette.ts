/**
 * The questions palette (`:`): the admins' questions (data/questions.json, plus any from the
 * config file), each with its live count in the current pane; Enter applies its query as the
 * filter (Backspace goes back). The same questions `entra-audit summary` answers.
 */
import type { Pane } from '../model/pane.js';
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

/**
 * Counts per store, per question and pane, valid while the store has the same events: the palette
 * opens at once the second time, and after a load (see warmPalette) the first time too. A million
 * events take ~0.1 s a question.
 */
const counts = new WeakMap<EventStore, { events: number; answers: Map<string, { count: number | null; error?: string }> }>();

function countOf(store: EventStore, question: Question, pane: Pane): { count: number | null; error?: string } {
  let cached = counts.get(store);
  if (!cached || cached.events !== store.count) counts.set(store, (cached = { events: store.count, answers: new Map() }));
  // A question about the other pane is counted there (Enter goes there).
  const where = question.pane === 'all' ? pane : 'all';
  const key = `${where}\n${question.id}`;
  let answer = cached.answers.get(key);
  if (!answer) {
    const [result] = answerQuestions(store, [question], { base: null, pane: where, topN: 0 });
    answer = result.error ? { count: null, error: result.error } : { count: result.count };
    cached.answers.set(key, answer);
  }
  return answer;
}

function questionsInForce(): Question[] {
  return (loaded ??= loadQuestions(extraQuestions));
}

export function openPalette(store: EventStore, pane: Pane): QuestionsPalette {
  let questions: Question[];
  try {
    questions = questionsInForce();
  } catch (error) {
    return { entries: [], cursor: 0, top: 0, error: error instanceof Error ? error.message : String(error) };
  }
  const entries = questions.map((question) => ({
    title: question.title,
    pane: question.pane === 'all' ? null : question.pane,
    query: question.query,
    ...countOf(store, question, pane),
  }));
  return { entries, cursor: 0, top: 0, error: null };
}

/** Count every question for both panes a question at a time; `schedule` runs the next later. */
export function warmPalette(store: EventStore, schedule: (step: () => void) => void): void {
  let questions: Question[];
  try {
    questions = questionsInForce();
  } catch {
    return; // reported when the palette opens
  }
  const pending = questions.flatMap((question) => (['directory', 'custom-security'] as const).map((pane) => ({ question, pane })));
  const step = () => {
    const next = pending.shift();
    if (!next) return;
    countOf(store, next.question, next.pane);
    schedule(step);
  };
  schedule(step);
}
