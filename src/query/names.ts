/**
 * Field names: resolving what the user typed (any case, aliases) and suggesting the
 * closest known name for a typo, so `actvity:` gets "did you mean "activity"?".
 */
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
  const name = typed.toLowerCase();
  // A third of the length, at least one: "actvity" → "activity", but "time" is not "type".
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const known of KNOWN_NAMES) {
    const distance = editDistance(name, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance counting a swap of neighbours as one edit ("stauts" → "status"). */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between a[0..i) and b[0..j); the strings are field-name short.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = distance;
    }
  }
  return rows[a.length][b.length];
}
