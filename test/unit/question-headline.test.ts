/**
 * The `:` palette and `entra-audit summary` lead with the same headline for a question: one
 * computation (insights/headline.ts), one label. Before, "How many users were changed?" was
 * 2,322 in the palette (its events) and 87 in the summary (distinct targets).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { headlineOf, headlineText } from '../../src/insights/headline.js';
import { buildSummary } from '../../src/insights/summary.js';
import { LoadSession } from '../../src/load/load-session.js';
import { bundledSamplePath } from '../../src/paths.js';
import { UNICODE_SYMBOLS } from '../../src/text/symbols.js';
import { paletteLines } from '../../src/view/pickers.js';
import { bundledCatalog } from '../helpers/state.js';

const session = new LoadSession([{ kind: 'file', path: bundledSamplePath() }], { workers: 0, catalog: bundledCatalog });
afterAll(() => session.close());

describe('a question headline on the bundled sample', () => {
  it('is the same number and label in the palette and in the summary, for every question', async () => {
    await session.done;
    const { indexes } = session;
    for (const question of bundledCatalog.questions) {
      const pane = question.pane === 'all' ? 'directory' : question.pane;
      const summary = buildSummary(indexes.rules, { filter: null, pane, questions: [question] });
      const inSummary = headlineOf(summary.answers[0]);
      const inPalette = indexes.questions.countOf(question, pane);
      expect({ id: question.id, count: inPalette.count, label: inPalette.label }).toEqual({ id: question.id, count: inSummary.count, label: inSummary.label });
    }
  });

  it('counts distinct values where the question asks for them, and says so, with the events beside', async () => {
    await session.done;
    const { indexes } = session;
    const users = bundledCatalog.questions.find((question) => question.id === 'users-changed')!;
    const summary = buildSummary(indexes.rules, { filter: null, pane: 'directory', questions: [users] });
    expect(headlineText(headlineOf(summary.answers[0]))).toBe('87 distinct targets (2,322 events)');
    const entry = { title: users.title, pane: null, query: users.query, ...indexes.questions.countOf(users, 'directory') };
    const [line] = paletteLines([entry], { cursor: 0, top: 0 }, 5, 80, 'directory', UNICODE_SYMBOLS);
    expect(line.text).toMatch(/^> How many users were changed\? +87 distinct targets$/);
  });

  it('names the noun of each field, and one event in the singular', () => {
    const question = { distinct: 'ip' as const };
    expect(headlineOf({ question, count: 5, distinct: 1 })).toEqual({ count: 1, label: '1 distinct IP address', events: '5 events' });
    expect(headlineOf({ question: { distinct: 'activity' }, count: 1, distinct: 2 })).toEqual({ count: 2, label: '2 distinct activities', events: '1 event' });
    expect(headlineText(headlineOf({ question: {}, count: 1_234 }))).toBe('1,234 events');
  });
});
