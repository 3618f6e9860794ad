/**
 * Each question's headline (headline.ts: the events its query matches, or the distinct values
 * among them, as the summary says), per pane, for the `:` palette: kept while the
 * store has the same events, so the palette opens at once the second time, and after a load (see
 * `warm`) the first time too. A million events take ~0.1 s a question.
 */
import { PANES, type Pane } from '../model/pane.js';
import type { QueryIndex } from '../query/query-index.js';
import { answerQuestions } from './answers.js';
import { headlineOf } from './headline.js';
import type { Question } from './questions.js';

export interface QuestionCount {
  /** The headline's number (headline.ts: distinct values or events); null when the question's query could not run on this store. */
  count: number | null;
  /** The headline as the summary leads with it: `87 distinct targets`, `437 events`. */
  label?: string;
  error?: string;
}

export class QuestionCounts {
  private events = -1;
  private answers = new Map<string, QuestionCount>();

  constructor(
    private readonly query: QueryIndex,
    readonly questions: readonly Question[],
  ) {}

  /** The question's count shown in `pane`: a question about one pane is counted there (Enter goes there). */
  countOf(question: Question, pane: Pane): QuestionCount {
    const { store } = this.query;
    if (this.events !== store.count) {
      this.events = store.count;
      this.answers = new Map();
    }
    const where = question.pane === 'all' ? pane : 'all';
    const key = `${where}\n${question.id}`;
    let answer = this.answers.get(key);
    if (!answer) {
      const [result] = answerQuestions(this.query, [question], { base: null, pane: where, topN: 0 });
      const headline = headlineOf(result);
      answer = result.error ? { count: null, error: result.error } : { count: headline.count, label: headline.label };
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Count every question for every pane, one at a time; `schedule` runs the next later. */
  warm(schedule: (step: () => void) => void): void {
    const pending = this.questions.flatMap((question) => PANES.map((pane) => ({ question, pane })));
    const step = () => {
      const next = pending.shift();
      if (!next) return;
      this.countOf(next.question, next.pane);
      schedule(step);
    };
    schedule(step);
  }
}
