/** The config file's lists: sensitive-operation rules and saved questions, each with a query. */
import { PANE_CHOICES } from '../model/pane.js';
import { parseQuery } from '../query/parse.js';
import { ConfigChecker, quote, type JsonPath } from './config-checker.js';
import type { SavedQuestion, SensitiveRule } from './config-types.js';

const RULE_KEYS = ['id', 'severity', 'query', 'reason', 'pane', 'ipOfSensitiveChange'] as const;
const QUESTION_KEYS = ['id', 'title', 'query', 'pane', 'top', 'distinct'] as const;
const SEVERITIES = ['high', 'medium'] as const;

export function checkSensitiveRules(check: ConfigChecker, value: unknown, now: number): SensitiveRule[] | undefined {
  const items = check.list(value, ['sensitiveRules']);
  if (!items) return undefined;
  const ids = new IdRegistry(check, 'sensitiveRules');
  const rules: SensitiveRule[] = [];
  items.forEach((item, index) => {
    const path: JsonPath = ['sensitiveRules', index];
    const rule = check.object(item, path);
    if (!rule) return;
    check.keys(rule, RULE_KEYS, path, ['id', 'severity', 'query', 'reason']);
    const id = rule.id === undefined ? undefined : ids.claim(rule.id, index);
    const severity = rule.severity === undefined ? undefined : check.oneOf(rule.severity, SEVERITIES, [...path, 'severity'], 'severity');
    const query = rule.query === undefined ? undefined : checkQuery(check, rule.query, [...path, 'query'], now, { nonEmpty: true });
    const reason = rule.reason === undefined ? undefined : check.string(rule.reason, [...path, 'reason'], { nonEmpty: true });
    const pane = rule.pane === undefined ? undefined : check.oneOf(rule.pane, PANE_CHOICES, [...path, 'pane'], 'pane');
    const ipOfSensitiveChange = rule.ipOfSensitiveChange === undefined ? undefined : check.boolean(rule.ipOfSensitiveChange, [...path, 'ipOfSensitiveChange']);
    if (id !== undefined && severity !== undefined && query !== undefined && reason !== undefined) rules.push({ id, severity, query, reason, ...(pane ? { pane } : {}), ...(ipOfSensitiveChange ? { ipOfSensitiveChange } : {}) });
  });
  return rules;
}

export function checkQuestions(check: ConfigChecker, value: unknown, now: number): SavedQuestion[] | undefined {
  const items = check.list(value, ['questions']);
  if (!items) return undefined;
  const ids = new IdRegistry(check, 'questions');
  const questions: SavedQuestion[] = [];
  items.forEach((item, index) => {
    const path: JsonPath = ['questions', index];
    const body = check.object(item, path);
    if (!body) return;
    check.keys(body, QUESTION_KEYS, path, ['id', 'title', 'query']);
    const id = body.id === undefined ? undefined : ids.claim(body.id, index);
    const title = body.title === undefined ? undefined : check.string(body.title, [...path, 'title'], { nonEmpty: true });
    const query = body.query === undefined ? undefined : checkQuery(check, body.query, [...path, 'query'], now, { nonEmpty: true });
    const question: SavedQuestion = { id: id ?? '', title: title ?? '', query: query ?? '' };
    let valid = id !== undefined && title !== undefined && query !== undefined;
    if (body.pane !== undefined) {
      const pane = check.oneOf(body.pane, PANE_CHOICES, [...path, 'pane'], 'pane');
      if (pane === undefined) valid = false;
      else question.pane = pane;
    }
    if (body.top !== undefined) {
      // As in data/questions.json: the fields to list the top values of (checked by name later).
      if (Array.isArray(body.top) && body.top.every((field) => typeof field === 'string')) question.top = body.top;
      else {
        check.problem([...path, 'top'], `must be a list of field names such as ["target", "initiator"], not ${quote(body.top)}`);
        valid = false;
      }
    }
    if (body.distinct !== undefined) {
      if (typeof body.distinct === 'string') question.distinct = body.distinct;
      else {
        check.problem([...path, 'distinct'], `must be a field name such as "target", not ${quote(body.distinct)}`);
        valid = false;
      }
    }
    if (valid) questions.push(question);
  });
  return questions;
}

function checkQuery(check: ConfigChecker, value: unknown, path: JsonPath, now: number, options: { nonEmpty: boolean }): string | undefined {
  const text = check.string(value, path, options);
  if (text === undefined || text.trim() === '') return text;
  const parsed = parseQuery(text, { now });
  if (parsed.ok) return text;
  check.problem(path, `${parsed.error.message} (at character ${parsed.error.position + 1} of ${quote(text)})`);
  return undefined;
}

/** Ids are how rules and questions are referred to, so each may be used once per list. */
class IdRegistry {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly check: ConfigChecker,
    private readonly list: string,
  ) {}

  claim(value: unknown, index: number): string | undefined {
    const path: JsonPath = [this.list, index, 'id'];
    const id = this.check.string(value, path, { nonEmpty: true });
    if (id === undefined) return undefined;
    const earlier = this.seen.get(id);
    if (earlier !== undefined) {
      this.check.problem(path, `${quote(id)} is already the id of ${this.list}[${earlier}]`);
      return undefined;
    }
    this.seen.set(id, index);
    return id;
  }
}
