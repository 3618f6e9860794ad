/**
 * A parsed query turned into a test on store events. Field terms are decided once per distinct
 * string (the store's vocabulary), not per event: `activity:reset` scans the few hundred distinct
 * activities, then each event is one array lookup. Free words are fuzzy (fuse.js) over the distinct
 * values people search for (activities, names, services, categories, types, property names).
 * `id:` and `value:` are not kept in the store; they re-read the events the other terms let through.
 */
import Fuse from 'fuse.js';
import type { EventStore } from '../store/event-store.js';
import { FREE_TEXT_FIELDS, type StringField } from '../store/event-batch.js';
import { ensureCapacity } from '../store/growable.js';
import type { FieldName, Query, Term } from './ast.js';

export type EventTest = (index: number) => boolean;

export type CompileResult = { ok: true; test: EventTest } | { ok: false; error: { message: string; position: number } };

/** Which store strings each field searches (substring, case-insensitive). */
const FIELD_STRINGS: Partial<Record<FieldName, StringField[]>> = {
  activity: ['activity'],
  category: ['category'],
  service: ['service'],
  status: ['result'],
  op: ['operationType'],
  actor: ['actorKeys', 'initiator'],
  target: ['targetKeys'],
  type: ['targetTypes'],
  ip: ['ip'],
  corr: ['correlation'],
  prop: ['propNames'],
};

/** Where free words and phrases look. */
const FUZZY_FIELDS = FREE_TEXT_FIELDS;
const PHRASE_FIELDS: StringField[] = [...FUZZY_FIELDS, 'actorKeys', 'targetKeys', 'correlation'];

/**
 * Per distinct string: does it match? Decided the first time an event asks about that string,
 * so `activity:` looks at the few hundred activities, never at the correlation ids.
 */
class VocabularyMatch {
  /** 0 not decided yet, 1 no, 2 yes. */
  private verdicts = new Uint8Array(0);

  constructor(
    private readonly store: EventStore,
    private readonly matches: (lowered: string, id: number) => boolean,
  ) {}

  test(id: number): boolean {
    this.verdicts = ensureCapacity(this.verdicts, Math.max(id + 1, this.store.vocabulary.size), Uint8Array);
    let verdict = this.verdicts[id];
    if (verdict === 0) {
      verdict = this.matches(this.store.vocabulary.lower(id), id) ? 2 : 1;
      this.verdicts[id] = verdict;
    }
    return verdict === 2;
  }
}

function anyField(store: EventStore, fields: StringField[], match: VocabularyMatch): EventTest {
  return (index) => fields.some((field) => match.test(store.stringId(index, field)));
}

type FuzzyIndex = Fuse<{ id: number; text: string }>;

/** One fuse.js index per store, rebuilt only when the store has new strings. */
const fuzzyIndexes = new WeakMap<EventStore, { size: number; index: FuzzyIndex }>();

function fuzzyIndex(store: EventStore): FuzzyIndex {
  const cached = fuzzyIndexes.get(store);
  if (cached && cached.size === store.vocabulary.size) return cached.index;
  const items = store.searchableIds().map((id) => ({ id, text: store.vocabulary.get(id) }));
  const index = new Fuse(items, { keys: ['text'], threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 });
  fuzzyIndexes.set(store, { size: store.vocabulary.size, index });
  return index;
}

function compileTerm(term: Term, store: EventStore, fuse: () => Fuse<{ id: number; text: string }>): EventTest | { message: string } {
  switch (term.kind) {
    case 'since':
      return (index) => store.timeMs(index) >= term.ms;
    case 'until':
      return (index) => store.timeMs(index) <= term.ms;
    case 'phrase': {
      const phrase = term.text.toLowerCase();
      return anyField(store, PHRASE_FIELDS, new VocabularyMatch(store, (text) => text.includes(phrase)));
    }
    case 'fuzzy': {
      const word = term.text.toLowerCase();
      const hits = new Set(fuse().search(term.text).map((result) => result.item.id));
      // Plain substrings always count, so a word typed exactly never fails to find itself.
      return anyField(store, FUZZY_FIELDS, new VocabularyMatch(store, (text, id) => hits.has(id) || text.includes(word)));
    }
    case 'field': {
      const values = term.values;
      const fields = FIELD_STRINGS[term.field];
      if (fields) return anyField(store, fields, new VocabularyMatch(store, (text) => values.some((v) => text.includes(v))));
      if (term.field === 'id') return (index) => values.some((v) => store.loadedEvent(index).event.id.toLowerCase().includes(v));
      if (term.field === 'value') {
        return (index) =>
          store.loadedEvent(index).event.targetResources.some((target) =>
            target.modifiedProperties.some((p) => values.some((v) => (p.oldValue ?? '').toLowerCase().includes(v) || (p.newValue ?? '').toLowerCase().includes(v))),
          );
      }
      return { message: `${term.field}: is not available yet (sensitive-operation rules come later)` };
    }
  }
}

/** Cheap terms first, so re-reading terms (`id:`, `value:`) only see what the others let through. */
const cost = (term: Term) => (term.kind === 'field' && (term.field === 'id' || term.field === 'value') ? 2 : term.kind === 'fuzzy' ? 1 : 0);

export function compileQuery(query: Query, store: EventStore): CompileResult {
  const fuse = () => fuzzyIndex(store);
  const tests: EventTest[] = [];
  for (const term of [...query.terms].sort((a, b) => cost(a) - cost(b))) {
    const compiled = compileTerm(term, store, fuse);
    if (typeof compiled !== 'function') return { ok: false, error: { message: compiled.message, position: term.start } };
    const negated = 'negated' in term && term.negated;
    tests.push(negated ? (index) => !compiled(index) : compiled);
  }
  return { ok: true, test: (index) => tests.every((test) => test(index)) };
}
