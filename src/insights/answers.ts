/**
 * Answering the questions on a store: which events each question's query matches (within the
 * user's filter and pane), how many, and the top values of the fields the question names.
 */
import { paneMatches, type PaneChoice } from '../model/pane.js';
import { compileQuery, type EventTest } from '../query/compile.js';
import type { QueryIndex } from '../query/query-index.js';
import type { EventStore } from '../store/event-store.js';
import { activityGate } from './activity-gate.js';
import type { Question } from './questions.js';
import { topValues, type TopValues } from './top-values.js';

export interface Answer {
  question: Question;
  /** Matching events. */
  count: number;
  /** With `question.distinct`: how many different values of that field the matching events have. */
  distinct?: number;
  top: TopValues[];
  /** The question is about a pane the user left out (`--pane`): nothing was counted. */
  outsidePane: boolean;
  /** The query could not be compiled on this store (e.g. a field that is not available yet). */
  error?: string;
}

/** Indices (load order) of the events in `pane` that pass `base`: what every answer starts from. */
export function eventsInScope(store: EventStore, base: EventTest | null, pane: PaneChoice): Int32Array {
  const out = new Int32Array(store.count);
  let n = 0;
  for (let i = 0; i < store.count; i++) if (paneMatches(pane, store.pane(i)) && (!base || base(i))) out[n++] = i;
  return out.subarray(0, n);
}

/** The events of `scope` a question's pane and query keep, or an error message. */
function matching(index: QueryIndex, question: Question, scope: Int32Array): Int32Array | string {
  const { store } = index;
  const compiled = compileQuery(question.parsed, index);
  if (!compiled.ok) return `${compiled.error.message} (at character ${compiled.error.position + 1})`;
  const gate = activityGate(question.parsed, store);
  const out = new Int32Array(scope.length);
  let n = 0;
  for (let k = 0; k < scope.length; k++) {
    const i = scope[k];
    if ((!gate || gate(store.stringId(i, 'activity'))) && paneMatches(question.pane, store.pane(i)) && compiled.test(i)) out[n++] = i;
  }
  return out.subarray(0, n);
}

export interface AnswerOptions {
  /** The user's filter (null: everything). */
  base: EventTest | null;
  pane: PaneChoice;
  /** How many top values per field. */
  topN: number;
  /** `eventsInScope(store, base, pane)` when the caller has it already. */
  scope?: Int32Array;
}

export function answerQuestions(index: QueryIndex, questions: readonly Question[], options: AnswerOptions): Answer[] {
  const { store } = index;
  const scope = options.scope ?? eventsInScope(store, options.base, options.pane);
  // Several questions can ask the same query ("what changed for users", "how many users"): match once.
  const cache = new Map<string, Int32Array | string>();
  return questions.map((question) => {
    const outsidePane = question.pane !== 'all' && options.pane !== 'all' && question.pane !== options.pane;
    if (outsidePane) return { question, count: 0, top: [], outsidePane };
    const key = `${question.pane}\n${question.query}`;
    let events = cache.get(key);
    if (events === undefined) cache.set(key, (events = matching(index, question, scope)));
    if (typeof events === 'string') return { question, count: 0, top: [], outsidePane, error: events };
    const top = question.top.map((field) => topValues(store, events, field, options.topN));
    const answer: Answer = { question, count: events.length, top, outsidePane };
    if (question.distinct) answer.distinct = topValues(store, events, question.distinct, 0).distinct;
    return answer;
  });
}
