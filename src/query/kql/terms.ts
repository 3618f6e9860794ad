/**
 * Query terms to KQL conditions for one table. The rule that keeps counts right: a condition may
 * keep more rows than the local engine would (a superset), never fewer, because the local engine
 * runs the whole query again on every row that comes back. So what KQL cannot say exactly (fuzzy
 * words, risk:, a computed field) becomes no condition at all, and a negation is pushed only when
 * the positive condition decides exactly what the local engine does.
 */
import type { AnyTerm, FieldTerm, Term } from '../ast.js';
import { NO_DEVICE_ID } from '../../model/own-summary.js';
import { datetimeLiteral, FOLDING_CHARACTERS_REGEX, FOLDS_TO_ASCII, isPushable, plainLiteral, secretLiteral } from './literals.js';
import { isOptionalColumn, type ColumnRef, type FieldSource, type TableSpec } from './tables.js';

/** `kql` null: no condition (every row). `exact`: decides what the local engine decides. */
export interface Condition {
  kql: string | null;
  exact: boolean;
  /** Terms left to the local engine, for the `kql` command's notes. */
  local: Term[];
}

const everyRow = (local: Term[] = []): Condition => ({ kql: null, exact: false, local });
const NO_ROW: Condition = { kql: 'false', exact: true, local: [] };
const EVERY_ROW_EXACT: Condition = { kql: null, exact: true, local: [] };

/** Columns that are dynamic where not listed as JSON text. */
const DYNAMIC_COLUMNS = new Set(['InitiatedBy', 'TargetResources', 'AdditionalDetails', 'Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies']);

/** A column's text: dynamic columns as their JSON, a property through parse_json where the column is JSON text. */
export function columnText(table: TableSpec, ref: ColumnRef): string {
  const name = isOptionalColumn(table, ref.column) ? `column_ifexists(${plainLiteral(ref.column)}, "")` : ref.column;
  if (ref.path) return table.stringJson.has(ref.column) ? `tostring(parse_json(${name}).${ref.path})` : `tostring(${name}.${ref.path})`;
  return DYNAMIC_COLUMNS.has(ref.column) && !table.stringJson.has(ref.column) ? `tostring(${name})` : name;
}

const or = (parts: string[]): string => (parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`);

/** One value on some columns: contains (or =~ when `equal`), and the rows with folding characters when the value has an i or k. */
function valueOnColumns(table: TableSpec, columns: readonly ColumnRef[], value: string, equal: boolean): { plain: string[]; guard: string[] } {
  const texts = columns.map((ref) => columnText(table, ref));
  const literal = secretLiteral(value);
  const plain = texts.map((text) => `${text} ${equal ? '=~' : 'contains'} ${literal}`);
  const guard = FOLDS_TO_ASCII.test(value) ? texts.map((text) => `${text} matches regex ${FOLDING_CHARACTERS_REGEX}`) : [];
  return { plain, guard };
}

/** An audit's result is normalised: 0 and "succeeded" read as success, "failed" as failure (ingest/fields.ts normaliseResult). */
function resultAliases(table: TableSpec, columns: readonly ColumnRef[], value: string): string[] {
  const text = columnText(table, columns[0]);
  const aliases: string[] = [];
  if ('success'.includes(value)) aliases.push(`${text} == "0"`, `${text} contains "succeeded"`);
  if ('failure'.includes(value)) aliases.push(`${text} contains "failed"`);
  return aliases;
}

/** Values that cannot be pushed for a field on this table, though the field can. */
function valueRefused(term: FieldTerm, value: string): boolean {
  if (!isPushable(value)) return true;
  // The location is "city, state, country": a value across the comma is in no one column.
  if (term.field === 'location' && value.includes(',')) return true;
  // A sign-in without a device id says "no device id", which is in no column.
  if (term.field === 'device' && NO_DEVICE_ID.includes(value)) return true;
  return false;
}

function fieldCondition(table: TableSpec, term: FieldTerm): Condition {
  const source: FieldSource | undefined = table.fields[term.field];
  if (source === undefined || source === null) return everyRow([term]);
  if (source === 'empty') return term.negated ? EVERY_ROW_EXACT : NO_ROW;
  if (term.values.some((value) => valueRefused(term, value)) || term.rawValues.some((value) => !isPushable(value))) return everyRow([term]);
  const equal = term.exact && table.exact.has(term.field);
  const plain: string[] = [];
  const guard: string[] = [];
  // As typed (the operators ignore case either way), so the query reads as the filter did.
  for (const value of term.rawValues) {
    const parts = valueOnColumns(table, source, value, equal);
    plain.push(...parts.plain);
    guard.push(...parts.guard);
    if (term.field === 'status' && table.panes.includes('directory')) plain.push(...resultAliases(table, source, value.toLowerCase()));
  }
  // Readers keep blank text as none, so a value with spaces at its ends is not decided the same way.
  const exact = table.exact.has(term.field) && term.values.every((value) => value.trim() === value);
  const guardText = guard.length > 0 ? or([...new Set(guard)]) : null;
  if (!term.negated) return { kql: guardText ? or([...plain, guardText]) : or(plain), exact: exact && !guardText, local: [] };
  if (!exact) return everyRow([term]);
  const excluded = `not(${or(plain)})`;
  return { kql: guardText ? `(${excluded} or ${guardText})` : excluded, exact: !guardText, local: [] };
}

/** Where a quoted phrase looks (query/compile.ts PHRASE_FIELDS), as query fields. */
const PHRASE_FIELDS = ['activity', 'category', 'service', 'actor', 'target', 'type', 'prop', 'ip', 'location', 'error'] as const;

function phraseCondition(table: TableSpec, term: Term & { kind: 'phrase' }): Condition {
  const value = term.text;
  if (term.negated || !isPushable(value) || value.includes(',') || NO_DEVICE_ID.includes(value.toLowerCase())) return everyRow([term]);
  const columns: ColumnRef[] = [];
  for (const field of PHRASE_FIELDS) {
    const source = table.fields[field];
    if (source === null || source === undefined) return everyRow([term]);
    if (source !== 'empty') for (const ref of source) if (!columns.some((c) => c.column === ref.column && c.path === ref.path)) columns.push(ref);
  }
  if (columns.length === 0) return NO_ROW;
  const { plain, guard } = valueOnColumns(table, columns, value, false);
  return { kql: or([...plain, ...(guard.length > 0 ? [or([...new Set(guard)])] : [])]), exact: false, local: [] };
}

/**
 * The record's own time, as the local engine compares it. A millisecond of slack each side: the
 * store keeps whole milliseconds of a time Log Analytics keeps in 100 ns ticks.
 */
function timeCondition(table: TableSpec, term: Term & { kind: 'since' | 'until' }): Condition {
  const time = `coalesce(todatetime(${table.timeColumn}), TimeGenerated)`;
  const kql = term.kind === 'since' ? `${time} >= ${datetimeLiteral(term.ms - 1)}` : `${time} < ${datetimeLiteral(term.ms + 1)}`;
  return { kql, exact: false, local: [] };
}

function anyCondition(table: TableSpec, term: AnyTerm): Condition {
  const branches = term.branches.map((branch) => termsCondition(table, branch));
  const local = branches.flatMap((branch) => branch.local);
  const exact = branches.every((branch) => branch.exact);
  const kept = branches.filter((branch) => branch.kql !== 'false');
  let kql: string | null;
  if (kept.some((branch) => branch.kql === null)) kql = null;
  else kql = kept.length === 0 ? 'false' : or(kept.map((branch) => branch.kql!));
  if (!term.negated) return { kql, exact, local };
  if (!exact) return everyRow([term]);
  return { kql: kql === null ? 'false' : kql === 'false' ? null : `not(${kql})`, exact: true, local: [] };
}

export function termCondition(table: TableSpec, term: Term): Condition {
  switch (term.kind) {
    case 'field':
      return fieldCondition(table, term);
    case 'phrase':
      return phraseCondition(table, term);
    case 'fuzzy':
      return everyRow([term]);
    case 'since':
    case 'until':
      return timeCondition(table, term);
    case 'any':
      return anyCondition(table, term);
  }
}

/** Every term (ANDed). */
export function termsCondition(table: TableSpec, terms: readonly Term[]): Condition {
  const conditions = terms.map((term) => termCondition(table, term));
  const local = conditions.flatMap((condition) => condition.local);
  const exact = conditions.every((condition) => condition.exact);
  if (conditions.some((condition) => condition.kql === 'false')) return { kql: 'false', exact, local };
  const parts = conditions.map((condition) => condition.kql).filter((kql): kql is string => kql !== null);
  return { kql: parts.length === 0 ? null : parts.join(' and '), exact, local };
}
