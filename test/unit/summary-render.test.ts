import { describe, expect, it } from 'vitest';
import { validateQuestions } from '../../src/insights/questions.js';
import { RuleIndex } from '../../src/insights/rule-index.js';
import { buildSummary } from '../../src/insights/summary.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { UTC } from '../../src/text/time-zone.js';
import { escapeMarkdownCell, summaryMarkdown } from '../../src/view/summary-markdown.js';
import { summaryText } from '../../src/view/summary-text.js';
import { summaryJson } from '../../src/view/summary-json.js';
import { byUser, storeOf, target } from '../helpers/insights.js';

// A hostile initiator: a pipe to break tables, an escape sequence to retitle the terminal.
const hostile = byUser('evil|admin\u001b]0;pwned\u0007@contoso.example', '203.0.113.66');
const store = storeOf(
  ['Add group', { initiatedBy: hostile, targetResources: [target('*Finance* [x](http://a)', 'Group')] }],
  ['Add group', { initiatedBy: hostile, targetResources: [target('Sales', 'Group')] }],
  ['Update user', { initiatedBy: byUser('ada@contoso.example', '198.51.100.7') }],
);
const parsed = validateQuestions([{ source: 't', entries: [{ id: 'groups', title: 'Groups added?', query: 'activity:"Add group"|"Restore group"', top: ['initiator', 'target'] }] }]);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const summary = buildSummary(new RuleIndex(new QueryIndex(store), []), { filter: null, pane: 'all', questions: parsed.items });
const context = { sources: ['fixture.jsonl'], filter: null, pane: 'all' as const, problems: 0, duplicates: 0, timeZone: UTC };

describe('summary output', () => {
  it('says how many repeated records were dropped, in each format, and nothing when none were', () => {
    const overlapping = { ...context, duplicates: 1234 };
    expect(summaryText(summary, overlapping, { width: 80, ascii: false })).toContain('\nDropped   1,234 duplicate records (the id and time of a record loaded before)\n');
    expect(summaryMarkdown(summary, overlapping, { ascii: false })).toContain('| Duplicates | 1,234 records dropped (the id and time of a record loaded before) |');
    expect(JSON.parse(summaryJson(summary, overlapping)).duplicates).toBe(1234);
    expect(summaryText(summary, context, { width: 80, ascii: false })).not.toContain('Dropped');
    expect(JSON.parse(summaryJson(summary, context)).duplicates).toBe(0);
  });

  it('text: totals, top values and answers, with log strings made harmless', () => {
    const text = summaryText(summary, context, { width: 80, ascii: false });
    expect(text).toContain('Events    3 events loaded (Directory 3, Custom Security 0)');
    expect(text).toContain('Groups added? — 2 events');
    expect(text).toContain('  query: activity:"Add group"|"Restore group"');
    expect(text).toContain('    2  evil|admin␛]0;pwned␇@contoso.example');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('markdown: tables whose cells a | or markup in a log string cannot break', () => {
    const markdown = summaryMarkdown(summary, context, { ascii: false });
    expect(markdown).toContain('| Initiated by | Events |\n| --- | ---: |\n| evil\\|admin␛\\]0;pwned␇@contoso.example | 2 |');
    expect(markdown).toContain('| \\*Finance\\* \\[x\\](http://a) | 1 |');
    expect(markdown).toContain('| Groups added? | 2 events | Initiated by: evil\\|admin');
    // Queries are shown as code, with only the pipe escaped (GFM tables).
    expect(markdown).toContain('`activity:"Add group"\\|"Restore group"`');
    expect(markdown).not.toMatch(/\u001b/);
    expect(escapeMarkdownCell('a|b\\c<script>')).toBe('a\\|b\\\\c\\<script\\>');
  });

  it('json: the same facts, parseable, with control characters escaped', () => {
    const json = summaryJson(summary, context);
    const value = JSON.parse(json);
    expect(value.totals).toEqual({ loaded: 3, directory: 3, customSecurity: 0, signIns: 0, provisioning: 0, inScope: 3 });
    expect(value.questions[0]).toMatchObject({ id: 'groups', count: 2, top: { target: { values: [{ value: '*Finance* [x](http://a)', count: 1 }, { value: 'Sales', count: 1 }] } } });
    expect(value.top.initiator.values[0]).toEqual({ value: 'evil|admin\u001b]0;pwned\u0007@contoso.example', count: 2 });
    expect(json).not.toMatch(/\u001b/);
  });
});
