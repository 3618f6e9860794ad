/**
 * The Target(s) cell: as many of the targets' names as the width holds, then how many more
 * (`Maren Lind, Global Administrator`; narrower, `Maren Lind (+1)`). The count always shows, the
 * first name is cut before it is: a row that hides that it has more targets would mislead.
 */
import type { EventSummary } from '../model/event-summary.js';
import { decodeKey } from '../model/event-summary.js';
import { sanitize } from '../text/sanitize.js';
import type { Symbols } from '../text/symbols.js';
import { displayWidth, truncateToWidth } from '../text/width.js';

/** Names looked at for one cell: more never fit on a line (a record may have 200,000 targets). */
const MOST_NAMES = 64;

/** The first `limit` values of a joined multi-valued string, without splitting all of it. */
function firstValues(joined: string, limit: number): string[] {
  const values: string[] = [];
  let start = 0;
  while (start <= joined.length && values.length < limit && joined !== '') {
    const end = joined.indexOf('\n', start);
    values.push(decodeKey(joined.slice(start, end === -1 ? joined.length : end)));
    if (end === -1) break;
    start = end + 1;
  }
  return values;
}

const moreText = (more: number): string => (more > 0 ? ` (+${more.toLocaleString('en-US')})` : '');

/** The cell in at most `width` columns (Infinity: every name that is looked at). */
export function targetsCell(row: EventSummary, symbols: Symbols, width: number): string {
  const labels = firstValues(row.targetLabels, MOST_NAMES).map((label) => sanitize(label, symbols));
  // Stores built before the labels were kept, and records without names: the first target as it was.
  if (labels.length === 0) labels.push(sanitize(row.target, symbols));
  const total = Math.max(row.targetCount, labels.length);
  let text = labels[0];
  let shown = 1;
  for (; shown < labels.length; shown++) {
    const longer = `${text}, ${labels[shown]}`;
    if (displayWidth(longer + moreText(total - shown - 1)) > width) break;
    text = longer;
  }
  const suffix = moreText(total - shown);
  if (displayWidth(text + suffix) <= width) return text + suffix;
  // Not even the first name fits with the count: cut the name, keep the count.
  const room = width - displayWidth(suffix);
  return room >= 4 ? truncateToWidth(text, room, symbols.ellipsis) + suffix : truncateToWidth(text + suffix, width, symbols.ellipsis);
}
