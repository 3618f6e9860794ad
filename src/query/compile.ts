/**
 * A parsed query turned into a test on store events, built for a million events per keystroke.
 *
 * Field terms are decided once per distinct string (the store's vocabulary), not per event:
 * `activity:reset` looks at the few hundred distinct activities, then each event is one array
 * lookup. Free words are fuzzy (fuse.js) over the distinct values people search for (activities,
 * names, services, categories, types, property names), never over events. `id:` and `value:` are
 * not kept in the store; they re-read only the events the other terms let through.
 *
 * Terms are evaluated a range of events at a time into a mask (one byte per event), each term
 * only looking at the events still alive, cheap terms first. The test answers from the mask and
 * extends it when the store has grown since (a load still streaming in).
 */
import { encodeKey, splitKeys } from '../model/event-summary.js';
import type { EventStore } from '../store/event-store.js';
import { FREE_TEXT_FIELDS, MULTI_VALUED_FIELDS, STRING_FIELD_COUNT, stringFieldIndex, type StringField } from '../store/event-batch.js';
import { ensureCapacity } from '../store/growable.js';
import type { AnyTerm, FieldName, Query, Term } from './ast.js';
import type { QueryIndex } from './query-index.js';
import { FuzzyWordHits } from './fuzzy-word.js';
import { riskTest } from './risk-terms.js';

export type EventTest = (index: number) => boolean;

export interface CompiledTerm {
  term: Term;
  /** Clear `alive[i]` for each event in [from, to) that fails the term (negation included). */
  narrow(alive: Uint8Array, from: number, to: number): void;
}

/** A query's mask evaluated over events [0, to) at least (1 = passes; do not modify). */
export type MaskUpTo = (to: number) => Uint8Array;

export type CompileResult =
  /** `peek`, `upTo`: see maskTest. */
  | { ok: true; test: EventTest; peek: EventTest; upTo: MaskUpTo; terms: CompiledTerm[] }
  | { ok: false; error: { message: string; position: number } };

/** Which store strings each field searches (substring, case-insensitive). */
export const FIELD_STRINGS: Partial<Record<FieldName, StringField[]>> = {
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
  app: ['app'],
  location: ['location'],
  error: ['errorCode'],
  ca: ['ca', 'caPolicies'],
  device: ['device'],
  risklevel: ['riskLevel'],
  job: ['job'],
  system: ['service', 'category'],
  agent: ['userAgent'],
};


/** Where free words and phrases look. */
const FUZZY_FIELDS = FREE_TEXT_FIELDS;
// Not correlation ids (as many as the events; `corr:` is for them): a phrase stays one pass over names.
const PHRASE_FIELDS: StringField[] = [...FUZZY_FIELDS, 'actorKeys', 'targetKeys'];

/**
 * Per distinct string: does it match? Decided the first time an event asks about that string,
 * so `activity:` looks at the few hundred activities, never at the correlation ids.
 */
class VocabularyVerdicts {
  /** 0 not decided yet, 1 no, 2 yes. */
  private verdicts = new Uint8Array(0);
  private readonly matches: StringMatch['matches'];
  /** The verdict on a packed GUID without its string, when the needles allow (Vocabulary.packedGuidTest). */
  private readonly packedGuid: ((id: number) => boolean) | null;

  constructor(
    private readonly store: EventStore,
    match: StringMatch,
  ) {
    this.matches = match.matches;
    this.packedGuid = match.needles ? store.vocabulary.packedGuidTest(match.needles.values, match.needles.exact) : null;
  }

  /** The verdict array, sized to the vocabulary as it is now (grown strings start undecided). */
  current(): Uint8Array {
    this.verdicts = ensureCapacity(this.verdicts, this.store.vocabulary.size, Uint8Array);
    return this.verdicts;
  }

  decide(id: number): number {
    const vocabulary = this.store.vocabulary;
    const hit = this.packedGuid && vocabulary.isPackedGuid(id) ? this.packedGuid(id) : this.matches(vocabulary.lower(id), id);
    const verdict = hit ? 2 : 1;
    this.verdicts[id] = verdict;
    return verdict;
  }
}

/** Strings of some fields and how to decide one of them. */
interface StringMatch {
  fields: StringField[];
  matches: (lowered: string, id: number) => boolean;
  /** When `matches` is only "contains (or equals) one of these lower-case strings": lets a packed GUID be decided from its bytes. */
  needles?: { values: readonly string[]; exact: boolean };
}

/**
 * A test for multi-valued fields and another for single strings, each given only its fields:
 * a needle with a line break is looked for as it is in a single string, and as encodeKey wrote
 * it in a joined multi-valued one, where a raw line break is only ever the separator (so a
 * match can never span two names).
 */
function byKind(fields: readonly StringField[], single: readonly string[], multi: readonly string[]): StringMatch[] {
  const containsOne = (needles: readonly string[]): Omit<StringMatch, 'fields'> => ({
    matches: (text) => needles.some((needle) => text.includes(needle)),
    needles: { values: needles, exact: false },
  });
  const groups: StringMatch[] = [
    { fields: fields.filter((field) => !MULTI_VALUED_FIELDS.has(field)), ...containsOne(single) },
    { fields: fields.filter((field) => MULTI_VALUED_FIELDS.has(field)), ...containsOne(multi) },
  ];
  return groups.filter((group) => group.fields.length > 0);
}

/** A term decided by string ids: true when any field of a group holds a string its test accepts. */
function stringTerm(store: EventStore, term: Term, groups: readonly StringMatch[]): CompiledTerm {
  const verdicts = groups.map((group) => new VocabularyVerdicts(store, group));
  const columns = groups.map((group) => group.fields.map(stringFieldIndex));
  const negated = 'negated' in term && term.negated;
  return {
    term,
    narrow(alive, from, to) {
      const rows = store.stringIdRows();
      const decided = verdicts.map((v) => v.current());
      for (let i = from; i < to; i++) {
        if (alive[i] === 0) continue;
        const base = i * STRING_FIELD_COUNT;
        let hit = false;
        for (let g = 0; g < columns.length && !hit; g++) {
          const groupColumns = columns[g];
          const groupDecided = decided[g];
          for (let c = 0; c < groupColumns.length; c++) {
            const id = rows[base + groupColumns[c]];
            let verdict = groupDecided[id];
            if (verdict === 0) verdict = verdicts[g].decide(id);
            if (verdict === 2) {
              hit = true;
              break;
            }
          }
        }
        if (hit === negated) alive[i] = 0;
      }
    },
  };
}

/** A term that needs the whole event (re-read from its source): only for what survived the rest. */
function eventTerm(term: Term & { negated: boolean }, matches: (index: number) => boolean): CompiledTerm {
  return {
    term,
    narrow(alive, from, to) {
      for (let i = from; i < to; i++) if (alive[i] === 1 && matches(i) === term.negated) alive[i] = 0;
    },
  };
}

function timeTerm(store: EventStore, term: Term, keep: (ms: number) => boolean): CompiledTerm {
  return {
    term,
    narrow(alive, from, to) {
      for (let i = from; i < to; i++) if (alive[i] === 1 && !keep(store.timeMs(i))) alive[i] = 0;
    },
  };
}

/** A term's test, or why it has none (`position`: inside a group, where; else the term's start). */
function compileTerm(term: Term, index: QueryIndex): CompiledTerm | { message: string; position?: number } {
  const { store } = index;
  switch (term.kind) {
    case 'any':
      return anyTerm(term, index);
    case 'since':
      return timeTerm(store, term, (ms) => ms >= term.ms);
    case 'until':
      return timeTerm(store, term, (ms) => ms <= term.ms);
    case 'phrase': {
      const phrase = term.text.toLowerCase();
      const inKeys = encodeKey(phrase);
      return stringTerm(store, term, byKind(PHRASE_FIELDS, [phrase], [inKeys]));
    }
    case 'fuzzy': {
      const word = term.text.toLowerCase();
      const hits = new FuzzyWordHits(index, word, FUZZY_FIELDS);
      // Plain substrings always count, so a word typed exactly never fails to find itself.
      const compiled = stringTerm(store, term, [{ fields: FUZZY_FIELDS, matches: (text, id) => text.includes(word) || hits.has(id) }]);
      return {
        term,
        narrow(alive, from, to) {
          hits.prepare(alive, from, to);
          compiled.narrow(alive, from, to);
        },
      };
    }
    case 'field': {
      const values = term.values;
      const fields = FIELD_STRINGS[term.field];
      if (fields && term.exact) {
        // Multi-valued strings (every name of an actor) are lines, one of which must be the value,
        // exactly as it was stored (a line break inside a name included: see splitKeys); single
        // strings must equal it.
        const multi = fields.filter((field) => MULTI_VALUED_FIELDS.has(field));
        const single = fields.filter((field) => !MULTI_VALUED_FIELDS.has(field));
        // A field may ask both kinds (`ca:` is the status and the policy names): each is checked its way.
        const checks = [];
        if (multi.length > 0) checks.push({ fields: multi, matches: (text: string) => splitKeys(text).some((key) => values.includes(key)) });
        if (single.length > 0) checks.push({ fields: single, matches: (text: string) => values.includes(text), needles: { values, exact: true } });
        return stringTerm(store, term, checks);
      }
      if (fields) {
        const inKeys = values.map(encodeKey);
        return stringTerm(store, term, byKind(fields, values, inKeys));
      }
      const has = (text: string | null | undefined) =>
        text != null && values.some((v) => (term.exact ? text.toLowerCase() === v : text.toLowerCase().includes(v)));
      // A record that can no longer be read (its file changed) matches no value: it has none to show.
      const eventOf = (event: number) => {
        const read = store.readEvent(event);
        return read.ok ? read.loaded.event : null;
      };
      if (term.field === 'id') return eventTerm(term, (event) => has(eventOf(event)?.id));
      if (term.field === 'value') {
        return eventTerm(term, (event) => eventOf(event)?.targetResources.some((target) => target.modifiedProperties.some((p) => has(p.oldValue) || has(p.newValue))) ?? false);
      }
      // risk: the sensitive-operation rules (a query over queries), plugged in by the index's owner.
      const lookup = index.risk;
      if (!lookup) return { message: 'risk: needs the sensitive-operation rules, which are not loaded here' };
      if (values.includes('unusual') && !index.unusual) return { message: 'risk:unusual needs the unusual measures, which are not computed here' };
      return eventTerm(term, riskTest(values, { severity: lookup, unusual: index.unusual ?? (() => false) }));
    }
  }
}

/** Cheap terms first, so re-reading terms (`id:`, `value:`) only see what the others let through. */
const cost = (term: Term): number =>
  term.kind === 'any' ? Math.max(...term.branches.flatMap((branch) => branch.map(cost))) :
  term.kind === 'field' && (term.field === 'id' || term.field === 'value') ? 3 : term.kind === 'field' && term.field === 'risk' ? 2 : term.kind === 'fuzzy' || term.kind === 'phrase' ? 1 : 0;

/** Events [from, to) that pass every term, as a mask (1 = passes). */
export function narrowAll(terms: readonly CompiledTerm[], alive: Uint8Array, from: number, to: number): void {
  alive.fill(1, from, to);
  for (const compiled of terms) compiled.narrow(alive, from, to);
}

/**
 * A test answered from a mask that is extended whenever asked about an event beyond it.
 * `within`, when given, is the mask of a query known to pass every event this one passes (an
 * earlier, broader query: one character less typed): the new mask starts as a copy of it, so
 * only its events are looked at. `peek` answers one event without extending the mask (the terms
 * over that event alone): a frame's markers on a million events not evaluated yet must not wait
 * for a pass over all of them. `upTo` is the mask itself, for a narrower query to start from.
 */
export function maskTest(index: QueryIndex, terms: readonly CompiledTerm[], within?: MaskUpTo): { test: EventTest; peek: EventTest; upTo: MaskUpTo } {
  const { store } = index;
  let alive = new Uint8Array(0);
  let evaluated = 0;
  const extend = (to: number) => {
    alive = ensureCapacity(alive, to, Uint8Array);
    if (within) {
      alive.set(within(to).subarray(evaluated, to), evaluated);
      for (const compiled of terms) compiled.narrow(alive, evaluated, to);
    } else narrowAll(terms, alive, evaluated, to);
    evaluated = to;
  };
  const peek: EventTest = (event) => {
    if (event < evaluated) return alive[event] === 1;
    const single = index.oneEventMask(event);
    narrowAll(terms, single, event, event + 1);
    return single[event] === 1;
  };
  const test: EventTest = (event) => {
    if (event >= evaluated) extend(Math.max(store.count, event + 1));
    return alive[event] === 1;
  };
  const upTo: MaskUpTo = (to) => {
    if (to > evaluated) extend(to);
    return alive;
  };
  return { test, peek, upTo };
}

type CompileError = { message: string; position: number };

function compileTerms(terms: readonly Term[], index: QueryIndex): CompiledTerm[] | CompileError {
  const compiledTerms: CompiledTerm[] = [];
  for (const term of [...terms].sort((a, b) => cost(a) - cost(b))) {
    const compiled = compileTerm(term, index);
    if (!('narrow' in compiled)) return { message: compiled.message, position: compiled.position ?? term.start };
    compiledTerms.push(compiled);
  }
  return compiledTerms;
}

/**
 * Some branch passes (or, negated, none does). Each branch narrows a copy of the events still
 * alive, skipping those an earlier branch already let through, so `a OR b` costs about `a` + `b`.
 */
function anyTerm(term: AnyTerm, index: QueryIndex): CompiledTerm | CompileError {
  const branches: CompiledTerm[][] = [];
  for (const branch of term.branches) {
    const compiled = compileTerms(branch, index);
    if (!Array.isArray(compiled)) return compiled;
    branches.push(compiled);
  }
  return {
    term,
    narrow(alive, from, to) {
      const hit = new Uint8Array(to - from);
      const scratch = new Uint8Array(to);
      for (const branch of branches) {
        for (let i = from; i < to; i++) scratch[i] = alive[i] === 1 && hit[i - from] === 0 ? 1 : 0;
        for (const compiled of branch) compiled.narrow(scratch, from, to);
        for (let i = from; i < to; i++) if (scratch[i] === 1) hit[i - from] = 1;
      }
      for (let i = from; i < to; i++) if (alive[i] === 1 && (hit[i - from] === 1) === term.negated) alive[i] = 0;
    },
  };
}

/** `within`: see maskTest; pass it only when `refines` says the new query is narrower. */
export function compileQuery(query: Query, index: QueryIndex, within?: MaskUpTo): CompileResult {
  const terms = compileTerms(query.terms, index);
  if (!Array.isArray(terms)) return { ok: false, error: terms };
  return { ok: true, ...maskTest(index, terms, within), terms };
}
