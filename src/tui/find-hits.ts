/**
 * Where the find's hits are among the rows shown: positions in the pane's rows whose event the
 * find's test passes, in order. What `n` / `N` step through and the status line counts.
 */
import type { EventTest } from '../query/compile.js';
import type { AppState } from './app-state.js';

/**
 * The hits last counted for a rows array (rows are replaced, never changed, when the filter,
 * a lens or the load changes them, except the store's own order growing in place while loading:
 * hence the length too). A pure memo: a status line drawn every frame does not test 100,000
 * rows every frame.
 */
const hitMemo = new WeakMap<Int32Array, { test: EventTest; length: number; hits: Int32Array }>();

export function hitsIn(rows: Int32Array, test: EventTest): Int32Array {
  const memo = hitMemo.get(rows);
  if (memo && memo.test === test && memo.length === rows.length) return memo.hits;
  const found: number[] = [];
  for (let position = 0; position < rows.length; position++) if (test(rows[position])) found.push(position);
  const hits = Int32Array.from(found);
  hitMemo.set(rows, { test, length: rows.length, hits });
  return hits;
}

/** The find's hits in the current pane's rows (none without a find). */
export function findHits(state: Pick<AppState, 'find' | 'rows' | 'pane'>): Int32Array {
  const active = state.find.active;
  return active ? hitsIn(state.rows[state.pane], active.filter.test) : new Int32Array(0);
}

/** The first hit at `from` or after it (before it, going back), wrapping round; undefined with no hits. */
export function hitFrom(hits: Int32Array, from: number, direction: 1 | -1): { position: number; wrapped: boolean } | undefined {
  if (hits.length === 0) return undefined;
  const lo = firstAtOrAfter(hits, from);
  if (direction === 1) return lo < hits.length ? { position: hits[lo], wrapped: false } : { position: hits[0], wrapped: true };
  const at = lo < hits.length && hits[lo] === from ? lo : lo - 1;
  return at >= 0 ? { position: hits[at], wrapped: false } : { position: hits[hits.length - 1], wrapped: true };
}

/** For the status line: which hit the selected row is (1-based, null when it is none) and how many there are. */
export function findStatus(state: Pick<AppState, 'find' | 'rows' | 'pane' | 'cursor'>): { hit: number | null; hits: number } | null {
  if (!state.find.active) return null;
  const hits = findHits(state);
  const selected = state.cursor[state.pane].selected;
  const rank = firstAtOrAfter(hits, selected);
  return { hit: hits[rank] === selected ? rank + 1 : null, hits: hits.length };
}

/** The index of the first hit at `position` or after it (hits.length when none is): a binary search, hits being in row order. */
function firstAtOrAfter(hits: Int32Array, position: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
