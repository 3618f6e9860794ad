/**
 * Which columns fit a line, and how wide each is, from the widths of the values in view. Room
 * goes first to what makes a row readable (Activity, Target(s), Initiated by up to their ideal
 * widths; Service and Category give theirs up first), then to the columns whose values are cut,
 * never to padding around short values: at 200 columns a short activity does not get 60 blank
 * cells while the initiator's UPN is cut.
 */
import type { Column, ColumnWidth } from './columns.js';

type Flexible = Exclude<ColumnWidth, { fixed: number }>;

const flexible = (c: Column): Flexible | null => ('fixed' in c.width ? null : c.width);
const minimum = (c: Column): number => ('fixed' in c.width ? c.width.fixed : c.width.min);

/**
 * How wide each column's values are (header included), capped at its `max`; undefined when the
 * values are not known (a streamed CLI table), as though every value filled its `max`.
 */
export type Naturals = readonly number[] | undefined;

const naturalOf = (c: Column, naturals: Naturals, i: number): number => {
  const spec = flexible(c);
  if (!spec) return minimum(c);
  return Math.min(spec.max, naturals?.[i] ?? spec.max);
};

/**
 * The columns that fit in `total` columns (one space between). Columns that yield go first,
 * lowest priority first, while keeping them would squeeze the others below their ideal (or
 * their widest value, if narrower); then, while even the minimums do not fit, the lowest
 * priority of all (a cut-off last column helps nobody). `naturals` are per column of `columns`.
 */
export function columnsThatFit(columns: readonly Column[], total: number, naturals?: Naturals): Column[] {
  const kept = columns.map((column, i) => ({ column, natural: naturalOf(column, naturals, i) }));
  const gaps = () => kept.length - 1;
  const comfortable = () =>
    kept.reduce((sum, { column, natural }) => {
      const spec = flexible(column);
      if (!spec) return sum + minimum(column);
      return sum + Math.min(natural, column.yields ? spec.min : spec.ideal);
    }, 0) + gaps();
  const lowest = (candidates: typeof kept) => candidates.reduce((low, k) => (k.column.priority < low.column.priority ? k : low));
  while (comfortable() > total) {
    const yielding = kept.filter((k) => k.column.yields);
    if (yielding.length === 0) break;
    kept.splice(kept.indexOf(lowest(yielding)), 1);
  }
  while (kept.length > 1 && kept.reduce((sum, k) => sum + minimum(k.column), 0) + gaps() > total) kept.splice(kept.indexOf(lowest(kept)), 1);
  return kept.map((k) => k.column);
}

/** Raise `widths` towards `targets` (never past them) with at most `room`, in proportion to `weights`; returns what is left. */
function fill(widths: number[], targets: readonly number[], weights: readonly number[], room: number): number {
  let left = room;
  // Water-filling: each round shares what is left among the columns still short of their target
  // (each round gives at least one column, so it ends).
  while (left > 0) {
    const short = widths.map((w, i) => (w < targets[i] && weights[i] > 0 ? i : -1)).filter((i) => i >= 0);
    if (short.length === 0) break;
    const weight = short.reduce((sum, i) => sum + weights[i], 0);
    let given = 0;
    for (const i of short) {
      const add = Math.min(targets[i] - widths[i], Math.floor((left * weights[i]) / weight));
      widths[i] += add;
      given += add;
    }
    // Too little to share by weight: one column at a time, highest weight first.
    if (given === 0) {
      const first = short.reduce((best, i) => (weights[i] > weights[best] ? i : best));
      widths[first] += 1;
      given = 1;
    }
    left -= given;
  }
  return left;
}

/** Column widths that fill `total` columns, one space between columns. */
export function layoutColumns(columns: readonly Column[], total: number, naturals?: Naturals): number[] {
  const specs = columns.map(flexible);
  const natural = columns.map((c, i) => naturalOf(c, naturals, i));
  const fixed = columns.reduce((sum, c) => sum + ('fixed' in c.width ? c.width.fixed : 0), 0);
  let room = Math.max(0, total - (columns.length - 1) - fixed);
  // Every flexible column starts at its minimum (or its widest value, if less), then grows in
  // stages: to readable, to ideal, to its widest value; each stage in proportion to what each lacks.
  const widths = columns.map((c, i) => (specs[i] ? Math.min(specs[i].min, natural[i]) : minimum(c)));
  room -= widths.reduce((sum, w, i) => sum + (specs[i] ? w : 0), 0);
  const stage = (target: (spec: Flexible, i: number) => number, weight: (spec: Flexible, i: number) => number) => {
    const targets = specs.map((spec, i) => (spec ? Math.min(natural[i], Math.max(widths[i], target(spec, i))) : widths[i]));
    const weights = specs.map((spec, i) => (spec ? weight(spec, i) : 0));
    room = fill(widths, targets, weights, room);
  };
  const lacking = (goal: (spec: Flexible) => number) => (spec: Flexible, i: number) => Math.max(0, Math.min(natural[i], goal(spec)) - widths[i]);
  stage((spec) => spec.readable ?? spec.min, lacking((spec) => spec.readable ?? spec.min));
  stage((spec) => spec.ideal, lacking((spec) => spec.ideal));
  stage((_spec, i) => natural[i], (spec) => spec.share || 0.25);
  // Room still left (every value fits): to the last flexible column, as padding at the end of the row.
  const last = specs.map((spec) => spec !== null).lastIndexOf(true);
  if (room > 0 && last >= 0) widths[last] += room;
  return widths;
}
