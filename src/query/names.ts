/**
 * Field names: resolving what the user typed (any case, aliases) and suggesting the
 * closest known name for a typo, so `actvity:` gets "did you mean "activity"?".
 */
import { closestName } from '../text/closest-name.js';
import { FIELD_ALIASES, FIELD_NAMES, TIME_KINDS, type FieldName, type TimeKind } from './ast.js';

/** Every name a term may start with, canonical first so suggestions prefer them on a tie. */
export const KNOWN_NAMES: readonly string[] = [...FIELD_NAMES, ...TIME_KINDS, ...Object.keys(FIELD_ALIASES)];

const isField = (name: string): name is FieldName => (FIELD_NAMES as readonly string[]).includes(name);
const isTime = (name: string): name is TimeKind => (TIME_KINDS as readonly string[]).includes(name);
const isAlias = (name: string): name is keyof typeof FIELD_ALIASES => Object.hasOwn(FIELD_ALIASES, name);

/** The canonical field or time kind for a typed name, or undefined when unknown. */
export function resolveName(typed: string): FieldName | TimeKind | undefined {
  const name = typed.toLowerCase();
  if (isField(name) || isTime(name)) return name;
  if (isAlias(name)) return FIELD_ALIASES[name];
  return undefined;
}

/** The known name closest to `typed`, if close enough to be a plausible typo. */
export function suggestName(typed: string): string | undefined {
  return closestName(typed.toLowerCase(), KNOWN_NAMES);
}
