/**
 * A question's headline: the one number an answer leads with, and what it counts. The `:`
 * palette and `entra-audit summary` both show this, so "How many users were changed?" says
 * "87 distinct targets" in both, never 2,322 (its events) in one and 87 in the other.
 */
import type { StringField } from '../store/event-batch.js';
import type { Question } from './questions.js';

export interface Headline {
  /** Distinct values of the question's `distinct` field, else matching events. */
  count: number;
  /** The count and what it counts: `87 distinct targets`, `437 events`. */
  label: string;
  /** When the count is not of events, how many events it comes from: `2,322 events`. */
  events?: string;
}

/** What one value of each field is called in a headline (`87 distinct targets`). */
const NOUNS: Record<StringField, string> = {
  service: 'service',
  category: 'category',
  activity: 'activity',
  operationType: 'operation type',
  result: 'status',
  initiator: 'initiator',
  ip: 'IP address',
  target: 'target',
  actorKeys: 'actor name or id',
  targetKeys: 'target name or id',
  targetTypes: 'target type',
  correlation: 'correlation id',
  propNames: 'property',
  app: 'application',
  location: 'location',
  errorCode: 'error code',
  ca: 'Conditional Access result',
  caPolicies: 'Conditional Access policy',
  device: 'device',
  riskLevel: 'risk level',
  job: 'job',
  userAgent: 'user agent',
  targetLabels: 'target',
  resultReason: 'status reason',
};

const plural = (noun: string): string => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : /(s|ss)$/.test(noun) ? `${noun}es` : `${noun}s`);
const counted = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural(noun)}`;

/** The headline of an answer: its events, or (`distinct`) the distinct values among them. */
export function headlineOf(answer: { question: Pick<Question, 'distinct'>; count: number; distinct?: number }): Headline {
  const field = answer.question.distinct;
  if (field === undefined || answer.distinct === undefined) return { count: answer.count, label: counted(answer.count, 'event') };
  return { count: answer.distinct, label: counted(answer.distinct, `distinct ${NOUNS[field]}`), events: counted(answer.count, 'event') };
}

/** `87 distinct targets (2,322 events)`, `437 events`: the headline in full, as the summary prints it. */
export const headlineText = (headline: Headline): string => (headline.events === undefined ? headline.label : `${headline.label} (${headline.events})`);
