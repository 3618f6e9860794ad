/**
 * A parsed query turned into a test on store events. Field terms are decided once per distinct
 * string (the store's vocabulary), not per event: `activity:reset` scans the few hundred distinct
 * activities, then each event is one array lookup. Free words are fuzzy (fuse.js) over the distinct
 * values people search for (activities, names, services, categories, types, property names).
 * `id:` and `value:` are not kept in the store; they re-read the events the other terms let through.
 */
import Fuse from 'fuse.js';
import type { EventStore } from '../store/event-store.js';
import type { StringField } from '../store/event-batch.js';
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
export const FUZZY_FIELDS: StringField[] = ['activity', 'category', 'service', 'initiator', 'target', 'targetTypes', 'propNames', 'ip'];
const PHRASE_FIELDS: StringField[] = [...FUZZY_FIELDS, 'actorKeys', 'targetKeys', 'correlation'];

/** Per distinct string: does it match? Extends itself as the vocabulary grows during a load. */
class VocabularyMatch {
  private flags = new Uint8Array(0);
  private checked = 0;

  constructor(
    private readonly store: EventStore,
    private readonly matches: (lowered: string, id: number) => boolean,
  ) {}

  test(id: number): boolean {
    if (id >= this.checked) this.extend();
    return this.flags[id] === 1;
  }

  private extend(): void {
    const size = this.store.vocabulary.size;
    if (size > this.flags.length) {
      const grown = new Uint8Array(Math.max(size, this.flags.length * 2));
      grown.set(this.flags);
      this.flags = grown;
    }
    for (let id = this.checked; id < size; id++) this.flags[id] = this.matches(this.store.vocabulary.lower(id), id) ? 1 : 0;
    this.checked = size;
  }
}

function anyField(store: EventStore, fields: StringField[], match: VocabularyMatch): EventTest {
  return (index) => fields.some((field) => match.test(store.stringId(index, field)));
}

/** Distinct strings used by the fuzzy fields, for fuse.js. */
function fuzzyVocabulary(store: EventStore): Array<{ id: number; text: string }> {
  const ids = new Set<number>();
  for (let i = 0; i < store.count; i++) for (const field of FUZZY_FIELDS) ids.add(store.stringId(i, field));
  ids.delete(0);
  return [...ids].map((id) => ({ id, text: store.vocabulary.get(id) }));
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
  let fuseIndex: Fuse<{ id: number; text: string }> | undefined;
  const fuse = () =>
    (fuseIndex ??= new Fuse(fuzzyVocabulary(store), { keys: ['text'], threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 }));
  const tests: EventTest[] = [];
  for (const term of [...query.terms].sort((a, b) => cost(a) - cost(b))) {
    const compiled = compileTerm(term, store, fuse);
    if (typeof compiled !== 'function') return { ok: false, error: { message: compiled.message, position: term.start } };
    const negated = 'negated' in term && term.negated;
    tests.push(negated ? (index) => !compiled(index) : compiled);
  }
  return { ok: true, test: (index) => tests.every((test) => test(index)) };
}
